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

#endif
