#include "gongwen_terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

int gw_terminal_columns(int descriptor) {
    struct winsize size;
    if (!isatty(descriptor) || ioctl(descriptor, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
