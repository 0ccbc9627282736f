#ifndef GONGWEN_SCAN_H
#define GONGWEN_SCAN_H

#include <stddef.h>
#include <stdint.h>

// Loops over bytes that clang vectorizes (sixteen bytes and more at a time) where Swift's SIMD types do not
// compile to vector instructions: each is a plain loop with no early exit inside a block, or SSE2's own
// instructions (which every x86-64 has) where a loop's shape does not vectorize.
//
// The functions that only read memory are declared `pure`, which Swift imports as a promise that a call writes
// nothing: a caller may then read a value where it stands in an array across the call, where before the call it
// copied it out (a line of a slice copied, retained and released, before a search of it: 0.91 M instructions fewer
// on 300 generated notices when the first five were declared so, Benchmarks/ROUNDS.md, the twenty-third round).
// Those that write through a pointer are not.

/// Whether `count` bytes of UTF-8 hold a byte that a JSON string escapes: a control byte (below 0x20), a
/// quotation mark or a backslash. Returns 1 when they do, 0 when they do not.
__attribute__((pure)) int gw_json_needs_escape(const uint8_t *bytes, size_t count);

/// Copies `count` bytes from `source` to `target` up to the first that a JSON string escapes, and returns its index
/// (`count` when there is none): the test and the copy in one pass, sixteen bytes at a time. `target` must have room
/// for `count + 16` bytes: up to sixteen bytes past the returned index may be written (with what they were, or with
/// bytes that mean nothing), so that a block is stored whole, never a byte at a time.
size_t gw_json_copy_unescaped(uint8_t *target, const uint8_t *source, size_t count);

/// The number of bytes of `count` that begin a UTF-8 sequence: all but the continuation bytes (10xxxxxx). For valid
/// UTF-8, its number of scalars; for any bytes, room enough for what `gw_utf8_decode` writes.
__attribute__((pure)) size_t gw_utf8_lead_count(const uint8_t *bytes, size_t count);

/// Decodes UTF-8 into scalar values at `out`, which has room for `gw_utf8_lead_count(bytes, count)` of them (each value
/// written has its own lead byte). Stops before the first sequence that is not strict UTF-8 (RFC 3629: no overlong
/// form, no surrogate, nothing past U+10FFFF, none cut short or begun by a continuation byte) and, when
/// `refuse_controls` is not 0, before a byte no text file holds: a C0 control other than tab, line feed, vertical tab,
/// form feed, carriage return and escape, or DEL. Stores the number of values written at `*written`; returns the number
/// of bytes decoded (`count` when all were). Chinese characters are read four at a time (SSE2), ASCII in runs.
size_t gw_utf8_decode(const uint8_t *bytes, size_t count, uint32_t *out, int refuse_controls, size_t *written);

/// How many of `count` bytes, from the start, `gw_utf8_decode` refusing controls would decode (`count` when all: the
/// bytes are strict UTF-8 and hold no byte a text file never holds); stores the number of ASCII bytes and of longer
/// sequences among them at `*ascii` and `*multibyte`. The decoder's own reading, with nothing written.
size_t gw_utf8_text_prefix(const uint8_t *bytes, size_t count, size_t *ascii, size_t *multibyte);

/// Encodes `count` Unicode scalar values (no surrogates, none past U+10FFFF) as UTF-8 at `out`, which has room for
/// `room` bytes, at least their UTF-8 length; returns the number of bytes written. Four values at a time (SSE2) where
/// each of the four takes three bytes (Chinese characters) or one (ASCII); no byte is written at or past `out + room`.
size_t gw_utf8_encode(const uint32_t *scalars, size_t count, uint8_t *out, size_t room);

/// The index of the first of `count` scalar values that is `first` or `second`, or `count` when none is. Sixteen
/// values at a time, then four (SSE2).
__attribute__((pure)) size_t gw_scalars_index_of_either(const uint32_t *scalars, size_t count, uint32_t first,
                                                        uint32_t second);

/// The index of the first of `count` scalar values that is in `low`...`high` (`low` <= `high` < 2^31) or is `a`, `b`,
/// `c` or `d`, or `count` when none is. Four values at a time (SSE2).
__attribute__((pure)) size_t gw_scalars_index_in_range_or(const uint32_t *scalars, size_t count, uint32_t low,
                                                          uint32_t high, uint32_t a, uint32_t b, uint32_t c,
                                                          uint32_t d);

/// The index of the first of `count` scalar values whose bit is set in `bitmap` (a bit for each value of the BMP, bit
/// `v & 63` of word `v >> 6`), or that is past the BMP (U+10000 and up, which the bitmap does not cover: the caller
/// asks it of its set), or `count` when none is.
__attribute__((pure)) size_t gw_scalars_index_in_bitmap(const uint32_t *scalars, size_t count, const uint64_t *bitmap);

/// The entries of `table` for `count` scalar values, ORed together, and in `*high_bit_count` how many of them have bit
/// 7 set. A value's entry: `ideograph_entry` for a CJK Unified Ideograph (U+4E00...U+9FFF), the value itself below
/// `low_end`, `low_end + value - high_start` for `high_start`...`high_start + 0xFF`, and `low_end + 0x100` for any
/// other (`table` has `low_end + 0x100` entries and more, `ideograph_entry` among them). Four values at a time (SSE2):
/// their indices chosen without a branch in vector registers, their four entries read as one word.
uint8_t gw_scalars_table_scan(const uint32_t *scalars, size_t count, const uint8_t *table, uint32_t low_end,
                              uint32_t high_start, uint32_t ideograph_entry, size_t *high_bit_count);

#endif
