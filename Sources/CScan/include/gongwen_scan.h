#ifndef GONGWEN_SCAN_H
#define GONGWEN_SCAN_H

#include <stddef.h>
#include <stdint.h>

// Loops over bytes that clang vectorizes (sixteen bytes and more at a time) where Swift's SIMD types do not
// compile to vector instructions: each is a plain loop with no early exit inside a block.

/// Whether `count` bytes of UTF-8 hold a byte that a JSON string escapes: a control byte (below 0x20), a
/// quotation mark or a backslash. Returns 1 when they do, 0 when they do not.
int gw_json_needs_escape(const uint8_t *bytes, size_t count);

/// The index of the first of `count` bytes that a JSON string escapes (as `gw_json_needs_escape` finds them), or
/// `count` when there is none.
size_t gw_json_escape_index(const uint8_t *bytes, size_t count);

#endif
