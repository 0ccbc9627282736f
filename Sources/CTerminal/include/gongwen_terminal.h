#ifndef GONGWEN_TERMINAL_H
#define GONGWEN_TERMINAL_H

/// The width in columns of the terminal behind a file descriptor, or 0 when it is not a terminal or does not say
/// (ioctl is variadic, which Swift cannot call).
int gw_terminal_columns(int descriptor);

#endif
