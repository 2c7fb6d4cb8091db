// Internal: exposes GLPK's C API (Debian libglpk-dev, no pkg-config file) to GLPKBackend only.
//
// libglpk is not linked into the program: `cglpk_load` opens it with dlopen on the first solve
// and returns a table of the functions the backend calls (each field has the type of the
// function it names), so commands that never solve do not pay for loading it. A function the
// backend starts to call must be added to CGLPK_FUNCTIONS.
#include <glpk.h>
#include "../CLoader/dynamic_library.h"

#define CGLPK_FUNCTIONS(X) \
    X(glp_version) X(glp_term_out) X(glp_create_prob) X(glp_delete_prob) X(glp_set_prob_name) \
    X(glp_set_obj_dir) X(glp_set_obj_coef) X(glp_add_rows) X(glp_add_cols) X(glp_set_row_bnds) \
    X(glp_set_col_bnds) X(glp_set_col_kind) X(glp_load_matrix) X(glp_init_iocp) X(glp_intopt) \
    X(glp_init_smcp) X(glp_simplex) X(glp_get_prim_stat) X(glp_mip_status) X(glp_mip_obj_val) \
    X(glp_mip_col_val) X(glp_ios_reason) X(glp_ios_best_node) X(glp_ios_node_bound) X(glp_ios_heur_sol) \
    X(glp_ios_get_prob) X(glp_ios_can_branch) X(glp_ios_branch_upon) X(glp_ios_terminate) X(glp_get_num_cols) \
    X(glp_get_col_prim) X(glp_copy_prob)

typedef struct CGLPKFunctions {
#define CGLPK_FIELD(name) __typeof__(name) *_Nonnull name;
    CGLPK_FUNCTIONS(CGLPK_FIELD)
#undef CGLPK_FIELD
} CGLPKFunctions;

/// Opens libglpk and looks up every function of CGLPK_FUNCTIONS. Returns the table (allocated
/// once per call, never freed: call it once), or NULL with `*error` set to a message that the
/// caller owns (free it).
static inline const CGLPKFunctions *_Nullable cglpk_load(char *_Nullable *_Nonnull error) {
    static const char *const names[] = {"libglpk.so.40", "libglpk.so", "libglpk.dylib"};
    void *lib = backbones_dlopen_first(names, sizeof names / sizeof *names, error);
    if (!lib) return NULL;
    CGLPKFunctions *table = malloc(sizeof *table);
    if (!table) { *error = strdup("out of memory"); return NULL; }
#define CGLPK_SYMBOL(name) BACKBONES_DLSYM(lib, table, name, error)
    CGLPK_FUNCTIONS(CGLPK_SYMBOL)
#undef CGLPK_SYMBOL
    return table;
}
