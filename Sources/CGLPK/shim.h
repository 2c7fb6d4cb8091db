// Internal: exposes GLPK's C API (Debian libglpk-dev, no pkg-config file) to GLPKBackend only.
#include <glpk.h>
