// Internal: exposes CBC's C interface (Debian coinor-libcbc-dev) to CBCBackend only.
// pkg-config adds -I/usr/include/coin; without it the header sits under coin/.
#if __has_include(<Cbc_C_Interface.h>)
#include <Cbc_C_Interface.h>
#else
#include <coin/Cbc_C_Interface.h>
#endif
