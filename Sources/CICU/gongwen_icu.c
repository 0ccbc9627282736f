#include "gongwen_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

/// A converter for `charset` that stops at the first undecodable or unmappable character in either
/// direction, instead of substituting; NULL when ICU does not know the charset.
static UConverter *open_strict_converter(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return NULL;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(converter); return NULL; }
    return converter;
}

int32_t gw_detect_charsets(const char *bytes, int32_t length, char *names, int32_t *confidences, int32_t maxCount) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, bytes, length, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &status);
    int32_t written = 0;
    if (U_SUCCESS(status) && matches != NULL) {
        for (int32_t i = 0; i < found && written < maxCount; i++) {
            UErrorCode matchStatus = U_ZERO_ERROR;
            const char *name = ucsdet_getName(matches[i], &matchStatus);
            int32_t confidence = ucsdet_getConfidence(matches[i], &matchStatus);
            if (U_FAILURE(matchStatus) || name == NULL || strlen(name) >= GW_CHARSET_NAME_SLOT) continue;
            strcpy(names + written * GW_CHARSET_NAME_SLOT, name);
            confidences[written] = confidence;
            written++;
        }
    }
    ucsdet_close(detector);
    return U_SUCCESS(status) ? written : -1;
}

GWConversion gw_convert_to_utf16(const char *charset, const char *bytes, int64_t length,
                                 uint16_t **out, int64_t *outLength, int64_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = open_strict_converter(charset);
    if (converter == NULL) return GWConversionFailed;

    // Every byte yields at most two UTF-16 units in the charsets we accept; grow if not.
    int64_t capacity = length * 2 + 16;
    UChar *buffer = (UChar *)malloc((size_t)capacity * sizeof(UChar));
    if (buffer == NULL) { ucnv_close(converter); return GWConversionFailed; }

    const char *source = bytes;
    const char *sourceLimit = bytes + length;
    UChar *target = buffer;
    for (;;) {
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, buffer + capacity, &source, sourceLimit, NULL, 1, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            int64_t used = target - buffer;
            capacity *= 2;
            UChar *grown = (UChar *)realloc(buffer, (size_t)capacity * sizeof(UChar));
            if (grown == NULL) { free(buffer); ucnv_close(converter); return GWConversionFailed; }
            buffer = grown;
            target = buffer + used;
            continue;
        }
        break;
    }
    if (U_FAILURE(status)) {
        char invalid[32];
        int8_t invalidLength = sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
        if (U_FAILURE(ignored)) invalidLength = 0;
        *errorOffset = (int64_t)(source - bytes) - invalidLength;
        free(buffer);
        ucnv_close(converter);
        return (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
                status == U_TRUNCATED_CHAR_FOUND) ? GWConversionInvalidInput : GWConversionFailed;
    }
    ucnv_close(converter);
    *out = buffer;
    *outLength = target - buffer;
    return GWConversionConverted;
}

GWConversion gw_convert_from_utf16(const char *charset, const uint16_t *text, int64_t length,
                                   char **out, int64_t *outLength, int64_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = open_strict_converter(charset);
    if (converter == NULL) return GWConversionFailed;
    int64_t capacity = length * 4 + 16;
    char *buffer = (char *)malloc((size_t)capacity);
    if (buffer == NULL) { ucnv_close(converter); return GWConversionFailed; }
    const UChar *source = text;
    char *target = buffer;
    ucnv_fromUnicode(converter, &target, buffer + capacity, &source, text + length, NULL, 1, &status);
    if (U_FAILURE(status)) {
        // The source stops after the unmappable character: step back over it to where it begins.
        UChar invalid[8];
        int8_t invalidLength = sizeof(invalid) / sizeof(invalid[0]);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidUChars(converter, invalid, &invalidLength, &ignored);
        if (U_FAILURE(ignored)) invalidLength = 0;
        *errorOffset = (int64_t)(source - text) - invalidLength;
        ucnv_close(converter);
        free(buffer);
        return (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND) ? GWConversionInvalidInput
                                                                                  : GWConversionFailed;
    }
    ucnv_close(converter);
    *out = buffer;
    *outLength = target - buffer;
    return GWConversionConverted;
}

bool gw_is_nfc(const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return false;
    UNormalizationCheckResult result = unorm2_quickCheck(nfc, text, length, &status);
    return U_SUCCESS(status) && result == UNORM_YES;
}

int32_t gw_to_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t written = unorm2_normalize(nfc, text, length, dest, capacity, &status);
    return U_SUCCESS(status) ? written : -1;
}

bool gw_is_wide(uint32_t codePoint) {
    int32_t width = u_getIntPropertyValue((UChar32)codePoint, UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

int32_t gw_fold_script(uint16_t *text, int32_t length, int32_t capacity, bool toSimplified) {
    static const UChar toSimplifiedID[] = u"Traditional-Simplified";
    static const UChar toTraditionalID[] = u"Simplified-Traditional";
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *transliterator = utrans_openU(toSimplified ? toSimplifiedID : toTraditionalID, -1, UTRANS_FORWARD,
                                                   NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return -1;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(transliterator, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    utrans_close(transliterator);
    if (U_FAILURE(status) || textLength > capacity) return -1;
    return textLength;
}
