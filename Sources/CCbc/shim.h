// Internal: exposes CBC's C interface (Debian coinor-libcbc-dev) to CBCBackend only.
// Debian puts the header under coin/; an install that has it on the include path works too.
//
// libCbcSolver is not linked into the program: `ccbc_load` opens it (and with it CBC, CLP,
// CoinUtils, LAPACK, …) with dlopen on the first solve and returns a table of the functions the
// backend calls (each field has the type of the function it names), so commands that never
// solve do not pay for loading them. A function the backend starts to call must be added to
// CCBC_FUNCTIONS.
#if __has_include(<Cbc_C_Interface.h>)
#include <Cbc_C_Interface.h>
#else
#include <coin/Cbc_C_Interface.h>
#endif
#include "../CLoader/dynamic_library.h"

#define CCBC_FUNCTIONS(X) \
    X(Cbc_getVersion) X(Cbc_newModel) X(Cbc_deleteModel) X(Cbc_loadProblem) X(Cbc_setInteger) \
    X(Cbc_setObjSense) X(Cbc_setLogLevel) X(Cbc_setParameter) X(Cbc_setMaximumSeconds) \
    X(Cbc_setAllowableFractionGap) X(Cbc_setMIPStartI) X(Cbc_solve) X(Cbc_status) \
    X(Cbc_secondaryStatus) X(Cbc_bestSolution) X(Cbc_getObjValue) X(Cbc_getBestPossibleObjValue) \
    X(Cbc_isProvenOptimal) X(Cbc_isProvenInfeasible) X(Cbc_isContinuousUnbounded) \
    X(Cbc_isSecondsLimitReached) X(Cbc_getColSolution) X(Cbc_isInitialSolveProvenPrimalInfeasible)

typedef struct CCbcFunctions {
#define CCBC_FIELD(name) __typeof__(name) *_Nonnull name;
    CCBC_FUNCTIONS(CCBC_FIELD)
#undef CCBC_FIELD
} CCbcFunctions;

/// Opens libCbcSolver and looks up every function of CCBC_FUNCTIONS. Returns the table
/// (allocated once per call, never freed: call it once), or NULL with `*error` set to a message
/// that the caller owns (free it).
static inline const CCbcFunctions *_Nullable ccbc_load(char *_Nullable *_Nonnull error) {
    static const char *const names[] = {"libCbcSolver.so.3", "libCbcSolver.so", "libCbcSolver.dylib"};
    void *lib = backbones_dlopen_first(names, sizeof names / sizeof *names, error);
    if (!lib) return NULL;
    CCbcFunctions *table = malloc(sizeof *table);
    if (!table) { *error = strdup("out of memory"); return NULL; }
#define CCBC_SYMBOL(name) BACKBONES_DLSYM(lib, table, name, error)
    CCBC_FUNCTIONS(CCBC_SYMBOL)
#undef CCBC_SYMBOL
    return table;
}

#include "watchdog.h"
