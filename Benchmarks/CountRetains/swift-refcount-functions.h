// The Swift runtime's reference-count functions, for a library preloaded to wrap them (Benchmarks/CountRetains,
// Benchmarks/SharedRefcounts): the runtime's own, found past the wrapper, and the empty array's storage, which is
// never freed and whose count the runtime does not keep.
#ifndef SWIFT_REFCOUNT_FUNCTIONS_H
#define SWIFT_REFCOUNT_FUNCTIONS_H

#include <dlfcn.h>
#include <stdint.h>

static void *(*realRetain)(void *);
static void *(*realRetainN)(void *, uint32_t);
static void (*realRelease)(void *);
static void (*realReleaseN)(void *, uint32_t);
static void *emptyArray;

// Bound at the first call, not in a constructor: other libraries' constructors (Foundation's) retain before the
// wrapper's would run. (Two threads may bind at once: they store the same addresses.)
static void bindRefcountFunctions(void) {
    realRetain = dlsym(RTLD_NEXT, "swift_retain");
    realRetainN = dlsym(RTLD_NEXT, "swift_retain_n");
    realRelease = dlsym(RTLD_NEXT, "swift_release");
    realReleaseN = dlsym(RTLD_NEXT, "swift_release_n");
    emptyArray = dlsym(RTLD_DEFAULT, "_swiftEmptyArrayStorage");
}

#endif
