#include "gongwen_scan.h"

/// Whether byte `b` is one a JSON string escapes, as 1 or 0.
static inline uint8_t escaped(uint8_t b) { return (uint8_t)((b < 0x20) | (b == '"') | (b == '\\')); }

int gw_json_needs_escape(const uint8_t *bytes, size_t count) {
    size_t i = 0;
    // Blocks of 64 bytes, then of 16, each read whole (a loop with no exit inside, which clang vectorizes)
    // with an answer between blocks: a long text with an escape near its start is not read to its end.
    // (The answers are bytes, so that sixteen are compared in one instruction, not four.)
    for (; i + 64 <= count; i += 64) {
        uint8_t found = 0;
        for (size_t k = 0; k < 64; k++) found |= escaped(bytes[i + k]);
        if (found) return 1;
    }
    for (; i + 16 <= count; i += 16) {
        uint8_t found = 0;
        for (size_t k = 0; k < 16; k++) found |= escaped(bytes[i + k]);
        if (found) return 1;
    }
    uint8_t found = 0;
    for (; i < count; i++) found |= escaped(bytes[i]);
    return found != 0;
}

size_t gw_json_escape_index(const uint8_t *bytes, size_t count) {
    size_t i = 0;
    // Blocks of 16 read whole until one holds such a byte, then that block a byte at a time.
    for (; i + 16 <= count; i += 16) {
        uint8_t found = 0;
        for (size_t k = 0; k < 16; k++) found |= escaped(bytes[i + k]);
        if (found) break;
    }
    for (; i < count; i++) {
        if (escaped(bytes[i])) return i;
    }
    return count;
}
