/*
 * Private: a JSON string's plain bytes passed over eight at a time. The one
 * scanner of string bodies of the streaming decoder (io/json_stream.c) and
 * of the batch check (io/json_accept.c); tests/c/test_stream.c holds it to
 * the byte-at-a-time answer at every offset of its words.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_JSON_WORD_P_H
#define IPART_IO_JSON_WORD_P_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define IPART__WORD_SCAN 1
#else
#define IPART__WORD_SCAN 0
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#define IPART__VECTOR_SCAN 1
#else
#define IPART__VECTOR_SCAN 0
#endif

#if IPART__VECTOR_SCAN
/* As ipart__json_string_stop, sixteen bytes at a time while that many are
 * left: each byte compared with the stops, one bit per byte of the mask. */
static inline const unsigned char *ipart__json_string_stop16(const unsigned char *p,
                                                             const unsigned char *end,
                                                             int nul_stops)
{
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
        if (nul_stops)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_setzero_si128()));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return p + __builtin_ctz(mask);
        p += 16;
    }
    return p;
}
#endif

/*
 * The first '"' or '\\' in [p, end) - and, when `nul_stops`, the first NUL
 * byte - or `end` when there is none: sixteen bytes at a time where SSE2
 * is (x86-64), then eight at a time (on little-endian machines), then one
 * at a time for the last seven. Reads nothing at or after `end`.
 *
 * A word's byte b is zero when (b - 1) & ~b has its high bit set; for the
 * lowest zero byte exactly, above it a borrow may set false ones, so the
 * lowest hit of several such tests or-ed together is exact. `b ^ '"'` has
 * the high bit of b ('"' and '\\' are ASCII), so one ~w serves all three.
 */
static inline const unsigned char *ipart__json_string_stop(const unsigned char *p,
                                                           const unsigned char *end, int nul_stops)
{
    const uint64_t ones = 0x0101010101010101u;
#if IPART__VECTOR_SCAN
    p = ipart__json_string_stop16(p, end, nul_stops);
    if (end - p >= 16)
        return p; /* a stop within sixteen bytes */
#endif
    while (IPART__WORD_SCAN && end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, sizeof w);
        uint64_t below = ((w ^ ones * '"') - ones) | ((w ^ ones * '\\') - ones) |
                         (nul_stops ? w - ones : 0);
        uint64_t hit = below & ~w & ones << 7;
        if (hit)
            return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
    while (p < end && *p != '"' && *p != '\\' && !(nul_stops && *p == '\0'))
        p++;
    return p;
}

/*
 * 1 when the bytes [p, stop) are all ASCII (below 0x80), 0 otherwise: a
 * string body the streaming decoder has already delimited, whose value is
 * then valid UTF-8 without a check of its own. Sixteen bytes at a time
 * where SSE2 is and `end` (the end of the text, at or after `stop`) leaves
 * that many to read, the bytes from `stop` on masked out; else one at a
 * time. Reads nothing at or after `end`.
 */
static inline int ipart__json_ascii(const unsigned char *p, const unsigned char *stop,
                                    const unsigned char *end)
{
#if IPART__VECTOR_SCAN
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned high = (unsigned)_mm_movemask_epi8(v);
        if (stop - p <= 16)
            return !(high & ((1u << (stop - p)) - 1));
        if (high)
            return 0;
        p += 16;
    }
#else
    (void)end;
#endif
    for (; p < stop; p++)
        if (*p >= 0x80)
            return 0;
    return 1;
}

#endif
