// Internal: zlib's inflate, used to read compressed NumPy .npz archives.
#include <zlib.h>
