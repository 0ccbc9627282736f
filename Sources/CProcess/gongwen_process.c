#include "gongwen_process.h"

#include <sys/ioctl.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

int gw_terminal_columns(int descriptor) {
    struct winsize size;
    if (!isatty(descriptor) || ioctl(descriptor, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

int gw_map_blocks_above(size_t bytes) {
#ifdef __GLIBC__
    return mallopt(M_MMAP_THRESHOLD, (int)bytes) == 1;
#else
    (void)bytes;
    return 0;
#endif
}

int gw_keep_heap_top(size_t kept, size_t extra) {
#ifdef __GLIBC__
    return mallopt(M_TRIM_THRESHOLD, (int)kept) == 1 && mallopt(M_TOP_PAD, (int)extra) == 1;
#else
    (void)kept;
    (void)extra;
    return 0;
#endif
}
