// A narrow C facade over ICU (libicu-dev). ICU's own headers rename every entry point with
// function-like macros (ucnv_open -> ucnv_open_72) that Swift cannot import, so Gongwen calls
// these few wrappers instead. All text crossing this boundary is UTF-16 code units or raw bytes.
#ifndef GONGWEN_ICU_H
#define GONGWEN_ICU_H

#include <stdbool.h>
#include <stdint.h>

/// How a strict conversion ended (a closed enum: Swift imports it as `GWConversion` with cases
/// `.converted`, `.invalidInput`, `.failed`).
typedef enum __attribute__((enum_extensibility(closed))) GWConversion : int32_t {
    /// Every byte (or character) converted; the output is in *out.
    GWConversionConverted = 0,
    /// An undecodable sequence or an unmappable character: its offset is in *errorOffset.
    GWConversionInvalidInput = 1,
    /// Anything else: an unknown charset, no memory.
    GWConversionFailed = 2,
} GWConversion;

/// Size of one name slot in gw_detect_charsets' output.
#define GW_CHARSET_NAME_SLOT 32

/// Every charset ICU's detector (ucsdet_detectAll) finds plausible for `bytes`, best first.
/// Writes up to `maxCount` canonical ICU names ("GB18030", "Big5" …), NUL-terminated, into
/// consecutive GW_CHARSET_NAME_SLOT-byte slots of `names`, and their confidences (0-100) into
/// `confidences`. Returns how many were written, or -1 when ICU failed.
int32_t gw_detect_charsets(const char *bytes, int32_t length, char *names, int32_t *confidences, int32_t maxCount);

/// Strictly converts `length` bytes in `charset` to UTF-16 (ucnv with the STOP callback).
/// Converted: a malloc'd buffer in *out (caller frees) and its length in *outLength.
/// InvalidInput: the byte offset of the undecodable sequence in *errorOffset.
GWConversion gw_convert_to_utf16(const char *charset, const char *bytes, int64_t length,
                            uint16_t **out, int64_t *outLength, int64_t *errorOffset);

/// Strictly converts UTF-16 to bytes in `charset` (ucnv with the STOP callback): an unmappable
/// character is InvalidInput (its UTF-16 offset in *errorOffset), never a substitute.
/// Converted: a malloc'd buffer in *out (caller frees) and its length in *outLength.
GWConversion gw_convert_from_utf16(const char *charset, const uint16_t *text, int64_t length,
                              char **out, int64_t *outLength, int64_t *errorOffset);

/// Whether the UTF-16 text is certainly in NFC (unorm2_quickCheck with NFC).
bool gw_is_nfc(const uint16_t *text, int32_t length);

/// Writes the NFC form of `text` into `dest`; returns its length, or -1 on failure
/// (including a `dest` that is too small).
int32_t gw_to_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity);

/// ICU's East Asian Width property for a code point: whether it takes two columns in a
/// CJK monospace layout (Wide or Fullwidth).
bool gw_is_wide(uint32_t codePoint);

/// Rewrites `text` in place with one of ICU's script transforms: "Traditional-Simplified" when
/// `toSimplified` is non-zero, else "Simplified-Traditional". `capacity` units are available at
/// `text`. Returns the new length, or -1 when ICU failed (the transform is missing, or the result
/// would not fit).
int32_t gw_fold_script(uint16_t *text, int32_t length, int32_t capacity, bool toSimplified);

#endif
