#include "gongwen_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Whether byte `b` is one a JSON string escapes, as 1 or 0.
static inline uint8_t escaped(uint8_t b) { return (uint8_t)((b < 0x20) | (b == '"') | (b == '\\')); }

#if defined(__SSE2__)
/// `mask ? yes : no`, lane by lane (SSE2 has no blend).
static inline __m128i select_lanes(__m128i mask, __m128i yes, __m128i no) {
    return _mm_or_si128(_mm_and_si128(mask, yes), _mm_andnot_si128(mask, no));
}

/// The bytes of a 16-byte block that a JSON string escapes, as bytes of all ones.
static inline __m128i escaped_mask(__m128i block) {
    // (A byte is below 0x20 when it is the larger of itself and 0x1F only if it equals 0x1F or less.)
    __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(block, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    __m128i quote = _mm_cmpeq_epi8(block, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(block, _mm_set1_epi8('\\'));
    return _mm_or_si128(control, _mm_or_si128(quote, backslash));
}
#endif

int gw_json_needs_escape(const uint8_t *bytes, size_t count) {
    size_t i = 0;
#if defined(__SSE2__)
    // Sixty-four bytes at a time, then sixteen, and the last sixteen read whole again for what is left; a
    // string shorter than a block is copied into one filled with a byte no escape is made for. (A byte at a
    // time after blocks that clang vectorized, the record's strings took 41 M instructions in 3,000 notices.)
    if (count < 16) {
        uint8_t block[16];
        memset(block, 'a', 16);
        memcpy(block, bytes, count);
        return _mm_movemask_epi8(escaped_mask(_mm_loadu_si128((const __m128i *)block))) != 0;
    }
    for (; i + 64 <= count; i += 64) {
        const __m128i *blocks = (const __m128i *)(bytes + i);
        __m128i found = _mm_or_si128(_mm_or_si128(escaped_mask(_mm_loadu_si128(blocks)), escaped_mask(_mm_loadu_si128(blocks + 1))),
                                     _mm_or_si128(escaped_mask(_mm_loadu_si128(blocks + 2)), escaped_mask(_mm_loadu_si128(blocks + 3))));
        if (_mm_movemask_epi8(found)) return 1;
    }
    for (; i + 16 <= count; i += 16) {
        if (_mm_movemask_epi8(escaped_mask(_mm_loadu_si128((const __m128i *)(bytes + i))))) return 1;
    }
    return i < count && _mm_movemask_epi8(escaped_mask(_mm_loadu_si128((const __m128i *)(bytes + count - 16)))) != 0;
#else
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
#endif
}

size_t gw_json_copy_unescaped(uint8_t *target, const uint8_t *source, size_t count) {
    size_t i = 0;
#if defined(__SSE2__)
    // Each block of sixteen stored whole, then its mask read: a byte to escape ends the copy at its place.
    for (; i + 16 <= count; i += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(source + i));
        _mm_storeu_si128((__m128i *)(target + i), block);
        unsigned found = (unsigned)_mm_movemask_epi8(escaped_mask(block));
        if (found) return i + (size_t)__builtin_ctz(found);
    }
    if (i == count) return count;
    if (count >= 16) {
        // The last sixteen read whole again, the lanes already copied shifted out of the mask.
        size_t last = count - 16;
        __m128i block = _mm_loadu_si128((const __m128i *)(source + last));
        _mm_storeu_si128((__m128i *)(target + last), block);
        unsigned found = (unsigned)_mm_movemask_epi8(escaped_mask(block)) >> (unsigned)(i - last);
        return found ? i + (size_t)__builtin_ctz(found) : count;
    }
    // Fewer than sixteen in all: read from a block filled with a byte no escape is made for (not past the
    // source's end), stored whole (the target has the room).
    uint8_t padded[16];
    memset(padded, 'a', 16);
    memcpy(padded, source, count);
    __m128i block = _mm_loadu_si128((const __m128i *)padded);
    _mm_storeu_si128((__m128i *)target, block);
    unsigned found = (unsigned)_mm_movemask_epi8(escaped_mask(block));
    return found ? (size_t)__builtin_ctz(found) : count;
#else
    for (; i < count; i++) {
        if (escaped(source[i])) return i;
        target[i] = source[i];
    }
    return count;
#endif
}

size_t gw_utf8_lead_count(const uint8_t *bytes, size_t count) {
    // Sixteen bytes at a time, each block's count a byte (at most 16) added once: clang then compares and
    // sums the block in a few vector instructions. (One loop over all bytes, summed into a size_t, was
    // vectorized with each byte widened to 64 bits: five instructions a byte.)
    size_t continuations = 0;
    size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        uint8_t block = 0;
        for (size_t k = 0; k < 16; k++) block += (bytes[i + k] & 0xC0) == 0x80;
        continuations += block;
    }
    for (; i < count; i++) continuations += (bytes[i] & 0xC0) == 0x80;
    return count - continuations;
}

/// Whether ASCII byte `b` is a control that no text file holds (`EncodingDetection.isControlByte`): a C0 control but
/// tab, line feed, vertical tab, form feed, carriage return (bits 9–13 of the mask) and escape (bit 27), or DEL.
static inline int refused_control(uint32_t b) {
    return (b < 0x20 && !((0x08003E00u >> b) & 1u)) || b == 0x7F;
}

/// `gw_utf8_decode`, and with `store` 0 `gw_utf8_text_prefix`: inlined into each with `store` a constant, the stores
/// are kept or dropped at compile time (one reader of UTF-8, not two to keep alike).
static inline __attribute__((always_inline)) size_t read_utf8(const uint8_t *bytes, size_t count, uint32_t *out,
                                                                const int store, int refuse_controls, size_t *written,
                                                                size_t *ascii) {
    size_t i = 0;
    size_t n = 0;
    size_t ascii_bytes = 0;
    while (i < count) {
        // A run of three-byte sequences first, Chinese characters (most of a notice).
#if defined(__SSE2__)
        // Four at a time while there are: the 8 bytes read from the first and from the third character hold
        // two characters each, moved into a 32-bit lane each, then tested and decoded as below.
        while (i + 16 <= count && (bytes[i] & 0xF0) == 0xE0) {
            uint64_t first_two, last_two;
            memcpy(&first_two, bytes + i, 8);
            memcpy(&last_two, bytes + i + 6, 8);
            __m128i pairs = _mm_set_epi64x((long long)last_two, (long long)first_two);
            __m128i lanes = _mm_or_si128(_mm_and_si128(pairs, _mm_set1_epi64x(0xFFFFFF)),
                                         _mm_slli_epi64(_mm_and_si128(pairs, _mm_set1_epi64x(0xFFFFFF000000)), 8));
            __m128i tagged = _mm_cmpeq_epi32(_mm_and_si128(lanes, _mm_set1_epi32(0xC0C0F0)), _mm_set1_epi32(0x8080E0));
            __m128i values = _mm_or_si128(
                _mm_or_si128(_mm_slli_epi32(_mm_and_si128(lanes, _mm_set1_epi32(0x0F)), 12),
                             _mm_srli_epi32(_mm_and_si128(lanes, _mm_set1_epi32(0x3F00)), 2)),
                _mm_and_si128(_mm_srli_epi32(lanes, 16), _mm_set1_epi32(0x3F)));
            __m128i overlong = _mm_cmplt_epi32(values, _mm_set1_epi32(0x800));
            __m128i surrogate = _mm_cmpeq_epi32(_mm_and_si128(values, _mm_set1_epi32(0xF800)), _mm_set1_epi32(0xD800));
            if (_mm_movemask_epi8(_mm_andnot_si128(_mm_or_si128(overlong, surrogate), tagged)) != 0xFFFF) break;
            if (store) _mm_storeu_si128((__m128i *)(out + n), values);
            n += 4;
            i += 12;
        }
#endif
        // Then one at a time: each one's lead and continuation bytes' tags asked in one comparison of four
        // bytes read at once (little-endian: the lead is the low byte), and the run read on in this loop.
        uint32_t word;
        while (i + 4 <= count && (memcpy(&word, bytes + i, 4), (word & 0xC0C0F0u) == 0x8080E0u)) {
            uint32_t value = (word & 0x0Fu) << 12 | (word & 0x3F00u) >> 2 | (word >> 16 & 0x3Fu);
            // (Below U+0800 the form is overlong; D800–DFFF are surrogates.)
            if ((value < 0x800) | ((value & 0xF800) == 0xD800)) goto done;
            if (store) out[n] = value;
            n++;
            i += 3;
        }
        if (i >= count) break;
        uint32_t lead = bytes[i];
        uint32_t value;
        if (lead < 0x80) {
            // A run of ASCII (digits of a date, a web address) read on in this loop.
            do {
                if (refuse_controls && refused_control(lead)) goto done;
                if (store) out[n] = lead;
                n++;
                ascii_bytes++;
                i += 1;
            } while (i < count && (lead = bytes[i]) < 0x80);
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            if (i + 1 >= count) break;
            uint32_t second = bytes[i + 1];
            if ((second & 0xC0) != 0x80) break;
            value = (lead & 0x1F) << 6 | (second & 0x3F);
            if (value < 0x80) break;
            i += 2;
        } else if ((lead & 0xF0) == 0xE0) {
            // (A three-byte sequence among the last three bytes, or one whose tags the run refused.)
            if (i + 2 >= count) break;
            uint32_t second = bytes[i + 1], third = bytes[i + 2];
            if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) break;
            value = (lead & 0x0F) << 12 | (second & 0x3F) << 6 | (third & 0x3F);
            if (value < 0x800 || (value & 0xF800) == 0xD800) break;
            i += 3;
        } else if ((lead & 0xF8) == 0xF0) {
            if (i + 3 >= count) break;
            uint32_t second = bytes[i + 1], third = bytes[i + 2], fourth = bytes[i + 3];
            if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80 || (fourth & 0xC0) != 0x80) break;
            value = (lead & 0x07) << 18 | (second & 0x3F) << 12 | (third & 0x3F) << 6 | (fourth & 0x3F);
            if (value < 0x10000 || value > 0x10FFFF) break;
            i += 4;
        } else {
            break;  // a continuation byte where a sequence should begin, or a byte no UTF-8 holds
        }
        if (store) out[n] = value;
        n++;
    }
done:
    *written = n;
    if (ascii) *ascii = ascii_bytes;
    return i;
}

size_t gw_utf8_decode(const uint8_t *bytes, size_t count, uint32_t *out, int refuse_controls, size_t *written) {
    return read_utf8(bytes, count, out, 1, refuse_controls, written, NULL);
}

size_t gw_utf8_text_prefix(const uint8_t *bytes, size_t count, size_t *ascii, size_t *multibyte) {
    size_t scalars = 0;
    size_t read = read_utf8(bytes, count, NULL, 0, 1, &scalars, ascii);
    *multibyte = scalars - *ascii;
    return read;
}

/// The UTF-8 of one scalar value at `out + n`; returns where it ends.
static inline size_t encode_one(uint32_t value, uint8_t *out, size_t n) {
    if (value - 0x800u < 0xF800u) {
        out[n] = (uint8_t)(0xE0 | value >> 12);
        out[n + 1] = (uint8_t)(0x80 | (value >> 6 & 0x3F));
        out[n + 2] = (uint8_t)(0x80 | (value & 0x3F));
        return n + 3;
    }
    if (value < 0x80) {
        out[n] = (uint8_t)value;
        return n + 1;
    }
    if (value < 0x800) {
        out[n] = (uint8_t)(0xC0 | value >> 6);
        out[n + 1] = (uint8_t)(0x80 | (value & 0x3F));
        return n + 2;
    }
    out[n] = (uint8_t)(0xF0 | value >> 18);
    out[n + 1] = (uint8_t)(0x80 | (value >> 12 & 0x3F));
    out[n + 2] = (uint8_t)(0x80 | (value >> 6 & 0x3F));
    out[n + 3] = (uint8_t)(0x80 | (value & 0x3F));
    return n + 4;
}

#if defined(__SSE2__)
/// Each 32-bit lane's scalar value (U+0800–U+FFFF) as its three bytes of UTF-8: lead | second << 8 | third << 16.
static inline __m128i three_byte_lanes(__m128i v) {
    const __m128i six_bits = _mm_set1_epi32(0x3F), continuation_tag = _mm_set1_epi32(0x80);
    __m128i lead = _mm_or_si128(_mm_srli_epi32(v, 12), _mm_set1_epi32(0xE0));
    __m128i second = _mm_or_si128(_mm_and_si128(_mm_srli_epi32(v, 6), six_bits), continuation_tag);
    __m128i third = _mm_or_si128(_mm_and_si128(v, six_bits), continuation_tag);
    return _mm_or_si128(lead, _mm_or_si128(_mm_slli_epi32(second, 8), _mm_slli_epi32(third, 16)));
}
#endif

size_t gw_utf8_encode(const uint32_t *scalars, size_t count, uint8_t *out, size_t room) {
    size_t i = 0;
    size_t n = 0;
#if defined(__SSE2__)
    // (SSE2 only, which every x86-64 has: no byte shuffle, so the three bytes of each value are packed by
    // shifts within 64-bit halves, and written as two 8-byte stores that overlap; hence the room they ask.)
    const __m128i below_800 = _mm_set1_epi32(0x7FF), above_ffff = _mm_set1_epi32(0x10000);
    const __m128i ascii_bound = _mm_set1_epi32(0x80);
    const __m128i low_value = _mm_set1_epi64x(0xFFFFFF), high_value = _mm_set1_epi64x(0xFFFFFF000000);
    while (i + 4 <= count) {
        __m128i v = _mm_loadu_si128((const __m128i *)(scalars + i));
        // (Values are below 2^31, so the signed comparisons order them.)
        __m128i three = _mm_and_si128(_mm_cmpgt_epi32(v, below_800), _mm_cmplt_epi32(v, above_ffff));
        if (_mm_movemask_epi8(three) == 0xFFFF && n + 14 <= room) {
            // Each 64-bit half's two lanes of three bytes six bytes side by side (the upper lane moved down a byte).
            __m128i lanes = three_byte_lanes(v);
            __m128i pairs = _mm_or_si128(_mm_and_si128(lanes, low_value), _mm_and_si128(_mm_srli_epi64(lanes, 8), high_value));
            _mm_storel_epi64((__m128i *)(out + n), pairs);
            _mm_storel_epi64((__m128i *)(out + n + 6), _mm_unpackhi_epi64(pairs, pairs));
            n += 12;
            i += 4;
            continue;
        }
        __m128i ascii = _mm_cmplt_epi32(v, ascii_bound);
        int ascii_lanes = _mm_movemask_ps(_mm_castsi128_ps(ascii));
        if (ascii_lanes == 0xF && n + 4 <= room) {
            __m128i words = _mm_packs_epi32(v, v);  // (below 0x80: no saturation either way)
            uint32_t bytes = (uint32_t)_mm_cvtsi128_si32(_mm_packus_epi16(words, words));
            memcpy(out + n, &bytes, 4);
            n += 4;
            i += 4;
            continue;
        }
        // ASCII and Chinese characters mixed (dates, numbers, Latin names): each lane's bytes made as above
        // or kept as its ASCII byte, then written four bytes a lane, each over the last's spare ones.
        if (_mm_movemask_ps(_mm_castsi128_ps(_mm_or_si128(three, ascii))) == 0xF && n + 16 <= room) {
            __m128i lanes = select_lanes(ascii, v, three_byte_lanes(v));
            for (int k = 0; k < 4; k++) {
                uint32_t bytes = (uint32_t)_mm_cvtsi128_si32(lanes);
                memcpy(out + n, &bytes, 4);
                n += 3 - 2 * (size_t)(ascii_lanes >> k & 1);
                lanes = _mm_srli_si128(lanes, 4);
            }
            i += 4;
            continue;
        }
        for (size_t k = 0; k < 4; k++) n = encode_one(scalars[i + k], out, n);
        i += 4;
    }
#endif
    for (; i < count; i++) n = encode_one(scalars[i], out, n);
    return n;
}

#if defined(__SSE2__)
/// All ones in each 32-bit lane of `block` that is `a` or `b`, zero in the others.
static inline __m128i either_mask(__m128i block, __m128i a, __m128i b) {
    return _mm_or_si128(_mm_cmpeq_epi32(block, a), _mm_cmpeq_epi32(block, b));
}

/// A bit for each lane of `block` that is `a` or `b` (bit k for lane k).
static inline unsigned either_lanes(__m128i block, __m128i a, __m128i b) {
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(either_mask(block, a, b)));
}
#endif

size_t gw_scalars_index_of_either(const uint32_t *scalars, size_t count, uint32_t first, uint32_t second) {
    size_t i = 0;
#if defined(__SSE2__)
    // Sixteen values at a time (four blocks of four compared with both), the place read off the block that
    // holds one; then four at a time, and the last four again; fewer than four, a value at a time.
    const __m128i a = _mm_set1_epi32((int)first);
    const __m128i b = _mm_set1_epi32((int)second);
    for (; i + 16 <= count; i += 16) {
        const __m128i *blocks = (const __m128i *)(scalars + i);
        __m128i v0 = _mm_loadu_si128(blocks), v1 = _mm_loadu_si128(blocks + 1);
        __m128i v2 = _mm_loadu_si128(blocks + 2), v3 = _mm_loadu_si128(blocks + 3);
        __m128i m0 = either_mask(v0, a, b), m1 = either_mask(v1, a, b);
        __m128i m2 = either_mask(v2, a, b), m3 = either_mask(v3, a, b);
        // One byte of the mask for each value: the four blocks' 32-bit lanes packed to 8 bits (a match is all
        // ones, which packs to all ones; no match, zero).
        unsigned found = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(_mm_packs_epi32(m0, m1), _mm_packs_epi32(m2, m3)));
        if (found) return i + (size_t)__builtin_ctz(found);
    }
    // Then four at a time (a line is often shorter than sixteen, or a few more): a lane's four mask bits.
    for (; i + 4 <= count; i += 4) {
        unsigned found = either_lanes(_mm_loadu_si128((const __m128i *)(scalars + i)), a, b);
        if (found) return i + (size_t)__builtin_ctz(found);
    }
    // The one to three left: the last four read again, the lanes already read shifted out (a loop over them
    // was a branch a value, its end mispredicted as often as not).
    if (i < count && count >= 4) {
        size_t last = count - 4;
        unsigned found = either_lanes(_mm_loadu_si128((const __m128i *)(scalars + last)), a, b) >> (unsigned)(i - last);
        return found ? i + (size_t)__builtin_ctz(found) : count;
    }
#endif
    for (; i < count; i++) {
        if (scalars[i] == first || scalars[i] == second) return i;
    }
    return count;
}

#if defined(__SSE2__)
/// A bit for each lane of `block` (bit k for lane k) whose value is in `low`...`low + span` or is `a`, `b`, `c` or
/// `d`: past `low` by at most `span` (signed, the values being below 2^31: those below `low` are negative past it).
static inline unsigned range_or_lanes(__m128i block, __m128i low, __m128i span_plus_one, __m128i a, __m128i b,
                                      __m128i c, __m128i d) {
    __m128i past_low = _mm_sub_epi32(block, low);
    __m128i in_range = _mm_andnot_si128(_mm_cmplt_epi32(past_low, _mm_setzero_si128()),
                                        _mm_cmplt_epi32(past_low, span_plus_one));
    __m128i found = _mm_or_si128(_mm_or_si128(either_mask(block, a, b), either_mask(block, c, d)), in_range);
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(found));
}
#endif

size_t gw_scalars_index_in_range_or(const uint32_t *scalars, size_t count, uint32_t low, uint32_t high, uint32_t a,
                                    uint32_t b, uint32_t c, uint32_t d) {
    size_t i = 0;
#if defined(__SSE2__)
    // Four values at a time; the one to three left, the last four read again with the lanes already read
    // shifted out (as `gw_scalars_index_of_either` does).
    const __m128i lows = _mm_set1_epi32((int)low), spans = _mm_set1_epi32((int)(high - low) + 1);
    const __m128i as = _mm_set1_epi32((int)a), bs = _mm_set1_epi32((int)b);
    const __m128i cs = _mm_set1_epi32((int)c), ds = _mm_set1_epi32((int)d);
    for (; i + 4 <= count; i += 4) {
        unsigned found = range_or_lanes(_mm_loadu_si128((const __m128i *)(scalars + i)), lows, spans, as, bs, cs, ds);
        if (found) return i + (size_t)__builtin_ctz(found);
    }
    if (i < count && count >= 4) {
        size_t last = count - 4;
        unsigned found =
            range_or_lanes(_mm_loadu_si128((const __m128i *)(scalars + last)), lows, spans, as, bs, cs, ds) >>
            (unsigned)(i - last);
        return found ? i + (size_t)__builtin_ctz(found) : count;
    }
#endif
    for (; i < count; i++) {
        uint32_t value = scalars[i];
        if (value - low <= high - low || value == a || value == b || value == c || value == d) return i;
    }
    return count;
}

size_t gw_scalars_index_in_bitmap(const uint32_t *scalars, size_t count, const uint64_t *bitmap) {
    // Four values a turn, asked in one comparison whether one is past the BMP (handed back for the caller to ask);
    // each value's bit read from its word of the bitmap (the bit test takes its place modulo 64, which the word's
    // index leaves).
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        uint32_t a = scalars[i], b = scalars[i + 1], c = scalars[i + 2], d = scalars[i + 3];
        if ((a | b | c | d) > 0xFFFF) break;
        if (bitmap[a >> 6] >> (a & 63) & 1) return i;
        if (bitmap[b >> 6] >> (b & 63) & 1) return i + 1;
        if (bitmap[c >> 6] >> (c & 63) & 1) return i + 2;
        if (bitmap[d >> 6] >> (d & 63) & 1) return i + 3;
    }
    for (; i < count; i++) {
        uint32_t value = scalars[i];
        if (value > 0xFFFF || (bitmap[value >> 6] >> (value & 63) & 1)) return i;
    }
    return count;
}

/// The index of `value`'s entry in `gw_scalars_table_scan`'s table, chosen without a branch.
static inline uint32_t table_index(uint32_t value, uint32_t low_end, uint32_t high_start, uint32_t ideograph_entry) {
    uint32_t above = value - high_start;  // (wraps past 0x100 for a value below high_start)
    uint32_t high = low_end + (above < 0x100 ? above : 0x100);
    uint32_t index = value < low_end ? value : high;
    return value - 0x4E00u < 0x5200u ? ideograph_entry : index;
}

#if defined(__SSE2__)
/// The table entries of four values, a byte each (the first value's lowest), their indices chosen as `table_index`
/// chooses them, four lanes at once. (Values are below 2^31, and compared as signed numbers; an unsigned comparison
/// `x < n` is the signed one of `x ^ 2^31` and `n ^ 2^31`. Inlined, the constants are made once, before the loop.)
static inline uint32_t table_entries(__m128i values, const uint8_t *table, uint32_t low_end, uint32_t high_start,
                                     uint32_t ideograph_entry) {
    const __m128i sign = _mm_set1_epi32((int)0x80000000u);
    const __m128i lows = _mm_set1_epi32((int)low_end);
    const __m128i above = _mm_sub_epi32(values, _mm_set1_epi32((int)high_start));
    const __m128i in_high = _mm_cmplt_epi32(_mm_xor_si128(above, sign), _mm_set1_epi32((int)(0x100u ^ 0x80000000u)));
    const __m128i high = _mm_add_epi32(lows, select_lanes(in_high, above, _mm_set1_epi32(0x100)));
    const __m128i ideographs = _mm_cmplt_epi32(_mm_sub_epi32(values, _mm_set1_epi32((int)(0x4E00u + 0x80000000u))),
                                               _mm_set1_epi32((int)(0x5200u ^ 0x80000000u)));
    const __m128i index = select_lanes(ideographs, _mm_set1_epi32((int)ideograph_entry),
                                       select_lanes(_mm_cmplt_epi32(values, lows), values, high));
    uint32_t a = (uint32_t)_mm_cvtsi128_si32(index);
    uint32_t b = (uint32_t)_mm_cvtsi128_si32(_mm_shuffle_epi32(index, 0x55));
    uint32_t c = (uint32_t)_mm_cvtsi128_si32(_mm_shuffle_epi32(index, 0xAA));
    uint32_t d = (uint32_t)_mm_cvtsi128_si32(_mm_shuffle_epi32(index, 0xFF));
    return (uint32_t)table[a] | (uint32_t)table[b] << 8 | (uint32_t)table[c] << 16 | (uint32_t)table[d] << 24;
}
#endif

uint8_t gw_scalars_table_scan(const uint32_t *scalars, size_t count, const uint8_t *table, uint32_t low_end,
                              uint32_t high_start, uint32_t ideograph_entry, size_t *high_bit_count) {
    uint32_t found = 0;
    size_t high = 0;
    size_t i = 0;
#if defined(__SSE2__)
    // Four values a turn, their four entries read as one word: ORed into `found` (its bytes folded at the end), and
    // their bits 7 summed by a multiplication (the four bits moved to the low bit of each byte, then added into the
    // top byte). The one to three left: the last four read again, the entries already counted masked off.
    if (count >= 4) {
        for (; i + 4 <= count; i += 4) {
            uint32_t entries = table_entries(_mm_loadu_si128((const __m128i *)(scalars + i)), table, low_end,
                                             high_start, ideograph_entry);
            found |= entries;
            high += ((entries >> 7) & 0x01010101u) * 0x01010101u >> 24;
        }
        if (i < count) {
            size_t last = count - 4;
            uint32_t entries = table_entries(_mm_loadu_si128((const __m128i *)(scalars + last)), table, low_end,
                                             high_start, ideograph_entry);
            entries &= 0xFFFFFFFFu << (8 * (i - last));  // (i - last is 1 to 3)
            found |= entries;
            high += ((entries >> 7) & 0x01010101u) * 0x01010101u >> 24;
            i = count;
        }
        found |= found >> 16;
        found |= found >> 8;
    }
#endif
    for (; i < count; i++) {
        uint8_t entry = table[table_index(scalars[i], low_end, high_start, ideograph_entry)];
        found |= entry;
        high += entry >> 7;
    }
    *high_bit_count = high;
    return (uint8_t)found;
}
