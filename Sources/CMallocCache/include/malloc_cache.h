#ifndef GONGWEN_MALLOC_CACHE_H
#define GONGWEN_MALLOC_CACHE_H

#include <stddef.h>

// A cache of freed small blocks, per thread, in front of the C library's malloc and free (glibc on Linux).
//
// Why it exists: a notice's parse allocates ~190 small blocks (array and string storage) and frees them all when
// its record has been written; glibc's own per-thread cache keeps 7 blocks of a size, and the rest go through its
// arenas' bins and their atomic operations. Keeping up to `gw_malloc_cache_limit()` bytes of them per thread took
// 0.960–0.977 of the CPU time of `gongwen parse` on two cores, 0.972 on one (Benchmarks/ROUNDS.md, the twenty-fourth
// round): what `GLIBC_TUNABLES=glibc.malloc.tcache_count=1000` did in earlier rounds, which only the environment can
// set (glibc reads it before `main`; `mallopt` has no such setting).
//
// Linking this target into an executable replaces `malloc` and `free` for the whole process (the executable's
// definitions come first in the dynamic linker's search). It is not a second allocator: every block it hands
// out is a block glibc allocated and still counts as in use, so `realloc`, `calloc`, `malloc_usable_size` and
// glibc's `free` work on any of them. Built only with glibc and without a sanitizer (which brings its own
// malloc); elsewhere it defines neither, and these functions say so. A tool that watches malloc and free from
// outside (Valgrind's memcheck, a preloaded counter) sees only what reaches glibc: point it at ParseInOrder or at a
// build made with GONGWEN_SHARED_SWIFT_LIBRARIES set, which leave the cache out (Package.swift).

/// 1 when this build's `malloc` and `free` go through the cache, 0 when they are the C library's alone.
int gw_malloc_cache_is_active(void);

/// The bytes of freed blocks one thread keeps at most (their chunk sizes, glibc's header included).
size_t gw_malloc_cache_limit(void);

/// The largest request (in bytes) whose blocks the cache keeps.
size_t gw_malloc_cache_largest_request(void);

/// The bytes of freed blocks the calling thread keeps now.
size_t gw_malloc_cache_bytes(void);

/// The bytes a block holds (glibc's `malloc_usable_size`, which Swift's Glibc module does not declare), 0 where
/// the cache is not built.
size_t gw_malloc_usable_size(void *block);

/// How many threads have given their kept blocks back to glibc when they ended.
unsigned long gw_malloc_cache_threads_flushed(void);

#endif
