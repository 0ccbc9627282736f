// Counts the reference-count operations of a Swift process, for Benchmarks/bench.sh: preloaded with
// LD_PRELOAD, it wraps swift_retain, swift_release and their _n forms, and at exit writes
// "retains: N releases: N on-empty-array: N" to the file named by COUNT_RETAINS_FILE ("on-empty-array":
// those on the empty array's shared storage, which is never freed). A counter only: the runtime's own
// functions still do the work. It sees the calls of a binary that reaches the runtime through the dynamic
// linker (`swift build`'s); a binary with the Swift libraries linked in (README "Install") calls them
// directly, past it.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static atomic_ulong retains, releases, onEmptyArray;
static void *(*realRetain)(void *);
static void *(*realRetainN)(void *, uint32_t);
static void (*realRelease)(void *);
static void (*realReleaseN)(void *, uint32_t);
static void *emptyArray;

// Bound at the first call, not in a constructor: other libraries' constructors (Foundation's) retain
// before this library's would run. (Two threads may bind at once: they store the same addresses.)
static void bind(void) {
    realRetain = dlsym(RTLD_NEXT, "swift_retain");
    realRetainN = dlsym(RTLD_NEXT, "swift_retain_n");
    realRelease = dlsym(RTLD_NEXT, "swift_release");
    realReleaseN = dlsym(RTLD_NEXT, "swift_release_n");
    emptyArray = dlsym(RTLD_DEFAULT, "_swiftEmptyArrayStorage");
}

static void count(atomic_ulong *counter, void *object) {
    if (!object) return;  // (the runtime returns at once for null: no work to count)
    atomic_fetch_add_explicit(counter, 1, memory_order_relaxed);
    if (object == emptyArray) atomic_fetch_add_explicit(&onEmptyArray, 1, memory_order_relaxed);
}

void *swift_retain(void *object) {
    if (!realRetain) bind();
    count(&retains, object);
    return realRetain(object);
}
void *swift_retain_n(void *object, uint32_t n) {
    if (!realRetainN) bind();
    count(&retains, object);
    return realRetainN(object, n);
}
void swift_release(void *object) {
    if (!realRelease) bind();
    count(&releases, object);
    realRelease(object);
}
void swift_release_n(void *object, uint32_t n) {
    if (!realReleaseN) bind();
    count(&releases, object);
    realReleaseN(object, n);
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("COUNT_RETAINS_FILE");
    if (!path) return;
    FILE *file = fopen(path, "w");
    if (!file) return;
    fprintf(file, "retains: %lu releases: %lu on-empty-array: %lu\n", (unsigned long)atomic_load(&retains),
            (unsigned long)atomic_load(&releases), (unsigned long)atomic_load(&onEmptyArray));
    fclose(file);
}
