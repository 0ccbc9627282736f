// Counts, for Benchmarks/bench.sh --refcounts, the reference-count operations of a Swift process on objects that
// more than one thread retains or releases during one life: a static table read by both parse threads, whose count
// each core then takes from the other at every retain and release (a write to memory both cores touch). Preloaded
// with LD_PRELOAD on a build that reaches the runtime through the dynamic linker (as Benchmarks/CountRetains), it
// wraps swift_retain, swift_release and their _n forms, and `free`, which ends an object's life (an object freed
// and another made at its address are two objects, not one shared).
//
// At exit it writes to the file named by SHARED_REFCOUNTS_FILE "shared: N objects: M hot: H hot-objects: K": the
// operations on shared objects and how many objects; and those on the shared objects with at least 100 operations
// each (an object handed from one thread to another, a parse's result, has a few: the hot ones are the tables).
// Then for each hot object a line "count type", and where it was retained (the return addresses of the calls, as
// "file(+offset)": llvm-symbolizer names them). A counter only: the runtime's own functions still do the work.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../CountRetains/swift-refcount-functions.h"

static void (*realFree)(void *);

// Live objects by address: an open-addressed table, each slot claimed once for an address, and its tally cleared
// when the memory at that address is freed (the object died: what another at that address does is its own).
#define SLOTS (1u << 22)
#define PROBES 64
static struct {
    _Atomic(void *) object;
    atomic_ulong operations;
    atomic_uint threads;  // a bit for each thread that retained or released it (threads past the 32nd share bit 31)
    _Atomic(void *) type;
    atomic_int traced;
} live[SLOTS];

// The objects found shared, tallied when they die or at exit.
#define SHARED 4096
static struct { void *object; void *type; unsigned long operations; void *frames[8]; int depth; } shared[SHARED];
static atomic_uint sharedCount;
static atomic_ulong sharedOperations, sharedObjects, hotOperations, hotObjects;

static atomic_uint threadCount;
static __thread int threadIndex = -1;
static __thread int tracing;

static void bind(void) {
    bindRefcountFunctions();
    realFree = dlsym(RTLD_NEXT, "free");
}

static unsigned long slotOf(void *object) { return ((uintptr_t)object >> 4) * 2654435761u; }

static void note(void *object) {
    if (!object || object == emptyArray) return;  // (the empty array's storage is never freed or counted)
    if (threadIndex < 0) {
        unsigned index = atomic_fetch_add(&threadCount, 1);
        threadIndex = index < 31 ? (int)index : 31;
    }
    unsigned long slot = slotOf(object);
    for (int probe = 0; probe < PROBES; probe++, slot++) {
        slot &= SLOTS - 1;
        void *held = atomic_load(&live[slot].object);
        if (!held) {
            void *expected = NULL;
            held = atomic_compare_exchange_strong(&live[slot].object, &expected, object) ? object : expected;
        }
        if (held != object) continue;
        if (!atomic_load(&live[slot].type)) atomic_store(&live[slot].type, *(void **)object);
        unsigned long operations = atomic_fetch_add(&live[slot].operations, 1) + 1;
        unsigned threads = atomic_fetch_or(&live[slot].threads, 1u << threadIndex) | 1u << threadIndex;
        // The first hundred operations of a shared object: where it is retained, once (backtrace allocates on its
        // first call, and may retain: not while it runs).
        if (operations >= 100 && __builtin_popcount(threads) >= 2 && !tracing && !atomic_exchange(&live[slot].traced, 1)) {
            tracing = 1;
            void *frames[10];
            int depth = backtrace(frames, 10);
            unsigned index = atomic_fetch_add(&sharedCount, 1);
            if (index < SHARED) {
                shared[index].object = object;
                shared[index].type = atomic_load(&live[slot].type);
                shared[index].depth = depth > 2 ? depth - 2 : 0;
                for (int k = 0; k < shared[index].depth && k < 8; k++) shared[index].frames[k] = frames[k + 2];
            }
            tracing = 0;
        }
        return;
    }
}

// Ends the life of the object at `address`: its operations added to the shared total when more than one thread made
// them, and its slot cleared for the next object there.
static void retire(void *address) {
    unsigned long slot = slotOf(address);
    for (int probe = 0; probe < PROBES; probe++, slot++) {
        slot &= SLOTS - 1;
        void *held = atomic_load(&live[slot].object);
        if (!held) return;
        if (held != address) continue;
        unsigned threads = atomic_exchange(&live[slot].threads, 0);
        unsigned long operations = atomic_exchange(&live[slot].operations, 0);
        if (__builtin_popcount(threads) >= 2) {
            atomic_fetch_add(&sharedOperations, operations);
            atomic_fetch_add(&sharedObjects, 1);
            if (operations >= 100) {
                atomic_fetch_add(&hotOperations, operations);
                atomic_fetch_add(&hotObjects, 1);
            }
            for (unsigned k = 0; k < atomic_load(&sharedCount) && k < SHARED; k++) {
                if (shared[k].object == address && !shared[k].operations) shared[k].operations = operations;
            }
        }
        atomic_store(&live[slot].type, NULL);
        atomic_store(&live[slot].traced, 0);
        return;
    }
}

void *swift_retain(void *object) {
    if (!realRetain) bind();
    note(object);
    return realRetain(object);
}
void *swift_retain_n(void *object, uint32_t n) {
    if (!realRetainN) bind();
    note(object);
    return realRetainN(object, n);
}
void swift_release(void *object) {
    if (!realRelease) bind();
    note(object);
    realRelease(object);
}
void swift_release_n(void *object, uint32_t n) {
    if (!realReleaseN) bind();
    note(object);
    realReleaseN(object, n);
}
void free(void *memory) {
    if (!realFree) bind();
    if (memory) retire(memory);
    realFree(memory);
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("SHARED_REFCOUNTS_FILE");
    if (!path) return;
    // The objects still alive: tallied as if they died now.
    for (unsigned slot = 0; slot < SLOTS; slot++) {
        void *object = atomic_load(&live[slot].object);
        if (!object || __builtin_popcount(atomic_load(&live[slot].threads)) < 2) continue;
        retire(object);
    }
    FILE *file = fopen(path, "w");
    if (!file) return;
    fprintf(file, "shared: %lu objects: %lu hot: %lu hot-objects: %lu\n", (unsigned long)atomic_load(&sharedOperations),
            (unsigned long)atomic_load(&sharedObjects), (unsigned long)atomic_load(&hotOperations),
            (unsigned long)atomic_load(&hotObjects));
    typedef struct { const char *data; size_t length; } TypeName;
    TypeName (*typeName)(void *, int) = (TypeName(*)(void *, int))dlsym(RTLD_DEFAULT, "swift_getTypeName");
    for (unsigned k = 0; k < atomic_load(&sharedCount) && k < SHARED; k++) {
        if (shared[k].operations < 100) continue;
        TypeName name = typeName && shared[k].type ? typeName(shared[k].type, 1) : (TypeName){"?", 1};
        fprintf(file, "%lu %.*s\n", shared[k].operations, (int)name.length, name.data ? name.data : "?");
        char **symbols = backtrace_symbols(shared[k].frames, shared[k].depth);
        for (int d = 0; symbols && d < shared[k].depth; d++) fprintf(file, "    %s\n", symbols[d]);
    }
    fclose(file);
}
