#ifndef GONGWEN_PROCESS_H
#define GONGWEN_PROCESS_H

#include <stddef.h>

// What the command line asks of its process that Swift cannot call directly.

/// The width in columns of the terminal behind a file descriptor, or 0 when it is not a terminal or does not say
/// (ioctl is variadic, which Swift cannot call).
int gw_terminal_columns(int descriptor);

/// Has the C library map every block of more than `bytes` on its own, and unmap it when it is freed (glibc's
/// mallopt M_MMAP_THRESHOLD, which Swift's Glibc module does not declare). Returns 1 when set, 0 when the C
/// library has no such setting.
int gw_map_blocks_above(size_t bytes);

/// Has the C library keep up to `kept` bytes of free memory at the top of a heap, instead of giving the top back
/// to the kernel whenever 128 KB of it are free, and grow a heap by `extra` bytes more than it needs (glibc's
/// mallopt M_TRIM_THRESHOLD and M_TOP_PAD). Returns 1 when set, 0 when the C library has no such settings.
int gw_keep_heap_top(size_t kept, size_t extra);

#endif
