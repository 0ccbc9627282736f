// A narrow C facade over ICU (libicu-dev). ICU's own headers rename every entry point with
// function-like macros (ucnv_open -> ucnv_open_72) that Swift cannot import, so Gongwen calls
// these few wrappers instead. All text crossing this boundary is UTF-16 code units or raw bytes.
#ifndef GONGWEN_ICU_H
#define GONGWEN_ICU_H

#include <stdint.h>

/// Best guess of the charset of `bytes` by ICU's detector (ucsdet).
/// Writes the canonical ICU name (e.g. "GB18030", "UTF-8") into `name` and returns the confidence
/// (0-100), or -1 when ICU failed or found nothing.
int32_t gw_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity);

/// Strictly converts `length` bytes in `charset` to UTF-16 (ucnv with the STOP callback).
/// On success returns 0, stores a malloc'd buffer in *out (caller frees) and its length in *outLength.
/// On an undecodable sequence returns 1 and stores its byte offset in *errorOffset.
/// On any other failure (unknown charset, no memory) returns 2.
int32_t gw_convert_to_utf16(const char *charset, const char *bytes, int64_t length,
                            uint16_t **out, int64_t *outLength, int64_t *errorOffset);

/// 1 when the UTF-16 text is certainly in NFC, 0 otherwise (unorm2_quickCheck with NFC).
int32_t gw_is_nfc(const uint16_t *text, int32_t length);

/// Writes the NFC form of `text` into `dest`; returns its length, or -1 on failure
/// (including a `dest` that is too small).
int32_t gw_to_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity);

/// ICU's East Asian Width property for a code point: 1 when it takes two columns in a
/// CJK monospace layout (Wide or Fullwidth), 0 otherwise.
int32_t gw_is_wide(uint32_t codePoint);

#endif
