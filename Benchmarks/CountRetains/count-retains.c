// Counts the reference-count operations of a Swift process, for Benchmarks/bench.sh: preloaded with
// LD_PRELOAD, it wraps swift_retain, swift_release and their _n forms, and at exit writes
// "retains: N releases: N on-empty-array: N" to the file named by COUNT_RETAINS_FILE ("on-empty-array":
// those on the empty array's shared storage, which is never freed). A counter only: the runtime's own
// functions still do the work. It sees the calls of a binary that reaches the runtime through the dynamic
// linker: a debug build, or a release build made with GONGWEN_SHARED_SWIFT_LIBRARIES set (`bench.sh --refcounts`
// makes one). The release build links the Swift libraries in (Package.swift) and calls them directly, past it
// (the runtime's own hooks for counters, which Instruments swaps, crash on a bridged object there).
//
// With COUNT_RETAINS_TYPES_FILE set too, it also writes there, one line a type, "retains releases type" for each
// type of object retained or released (the empty array's left out), named by the runtime's swift_getTypeName:
// which of a parse's objects its reference counts are spent on (sort -rn to read it).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#include "swift-refcount-functions.h"

static atomic_ulong retains, releases, onEmptyArray;

// The tally by type: an open-addressed table of type metadata, each slot claimed once (threads count at once).
#define TYPE_SLOTS 4096
static struct { _Atomic(void *) type; atomic_ulong retains, releases; } typeTally[TYPE_SLOTS];
static int tallyTypes;

static void tally(void *object, int isRelease) {
    void *type = *(void **)object;  // (a Swift object begins with its metadata)
    unsigned long slot = ((uintptr_t)type >> 4) * 2654435761u;
    for (int probe = 0; probe < TYPE_SLOTS; probe++, slot++) {  // (a type past the 4,096th goes untallied)
        slot &= TYPE_SLOTS - 1;
        void *held = atomic_load_explicit(&typeTally[slot].type, memory_order_acquire);
        if (held == NULL) {  // a free slot: claimed for this type, unless another thread claimed it first
            void *expected = NULL;
            held = atomic_compare_exchange_strong(&typeTally[slot].type, &expected, type) ? type : expected;
        }
        if (held != type) continue;
        atomic_fetch_add_explicit(isRelease ? &typeTally[slot].releases : &typeTally[slot].retains, 1,
                                  memory_order_relaxed);
        return;
    }
}

static void bind(void) {
    bindRefcountFunctions();
    tallyTypes = getenv("COUNT_RETAINS_TYPES_FILE") != NULL;
}

static void count(atomic_ulong *counter, void *object) {
    if (!object) return;  // (the runtime returns at once for null: no work to count)
    atomic_fetch_add_explicit(counter, 1, memory_order_relaxed);
    if (object == emptyArray) {
        atomic_fetch_add_explicit(&onEmptyArray, 1, memory_order_relaxed);
    } else if (tallyTypes) {
        tally(object, counter == &releases);
    }
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
    const char *typesPath = getenv("COUNT_RETAINS_TYPES_FILE");
    typedef struct { const char *data; size_t length; } TypeName;
    TypeName (*typeName)(void *, int) = (TypeName(*)(void *, int))dlsym(RTLD_DEFAULT, "swift_getTypeName");
    FILE *types = typesPath && typeName ? fopen(typesPath, "w") : NULL;
    if (!types) return;
    for (int slot = 0; slot < TYPE_SLOTS; slot++) {
        void *type = atomic_load(&typeTally[slot].type);
        if (!type) continue;
        TypeName name = typeName(type, 1);
        fprintf(types, "%lu %lu %.*s\n", (unsigned long)atomic_load(&typeTally[slot].retains),
                (unsigned long)atomic_load(&typeTally[slot].releases), (int)name.length,
                name.data ? name.data : "?");
    }
    fclose(types);
}
