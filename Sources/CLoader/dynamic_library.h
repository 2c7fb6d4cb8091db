// Internal: the one dlopen loader of the C shims (CGLPK, CCbc), included by each shim header.
// Not a target of its own; each shim lists its library names and its functions.
#ifndef BACKBONES_DYNAMIC_LIBRARY_H
#define BACKBONES_DYNAMIC_LIBRARY_H
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

/// Opens the first library of `names` that loads. Returns its handle, or NULL with `*error`
/// set to the first name's reason (a message the caller owns: free it).
static inline void *_Nullable backbones_dlopen_first(const char *const _Nonnull *_Nonnull names, size_t count,
                                                     char *_Nullable *_Nonnull error) {
    void *lib = NULL;
    *error = NULL;
    for (size_t i = 0; i < count && !lib; i++) {
        lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!lib && !*error) *error = strdup(dlerror());
    }
    if (lib) { free(*error); *error = NULL; }
    return lib;
}

/// Fills `table->name` with the symbol `name` of `lib`, or frees the table, sets `*error` and
/// returns NULL from the enclosing function.
#define BACKBONES_DLSYM(lib, table, name, error) \
    if (!(*(void **)&(table)->name = dlsym(lib, #name))) { *(error) = strdup(dlerror()); free(table); return NULL; }

#endif
