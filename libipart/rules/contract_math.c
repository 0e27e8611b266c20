/*
 * The arithmetic of the partnership contract (contract_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "rules/contract_math_p.h"

typedef ipart__wide wide;

int64_t ipart__share_of(int64_t total, int64_t share_bp)
{
    wide x = (wide)total * share_bp;
    wide q = x / IPART__BP_WHOLE;
    if (x < 0 && q * IPART__BP_WHOLE != x)
        q--; /* floor, also for a negative total */
    return (int64_t)q;
}

int64_t ipart__schedule_part(int64_t total, size_t n, size_t i,
                             int64_t (*share)(const void *items, size_t j), const void *items)
{
    if (i + 1 < n)
        return ipart__share_of(total, share(items, i));
    int64_t rest = total;
    for (size_t j = 0; j + 1 < n; j++)
        rest -= ipart__share_of(total, share(items, j));
    return rest;
}

int64_t ipart__pro_rata(int64_t total, int64_t num, int64_t den)
{
    wide x = (wide)total * num;
    return (int64_t)((2 * x + den) / (2 * (wide)den));
}

int64_t ipart__change_limit(int64_t original, int64_t headroom_bp, int64_t threshold)
{
    int64_t limit = ipart__share_of(original < 0 ? 0 : original, headroom_bp);
    return threshold >= 0 && threshold < limit ? threshold : limit;
}

int64_t ipart__default_change_headroom(int works)
{
    return works ? 1500 : 1000;
}

int64_t ipart__ratio_bp(int64_t num, int64_t den)
{
    if (den <= 0)
        return -1;
    return (int64_t)((wide)num * IPART__BP_WHOLE / den);
}

int ipart__overrun(wide committed, int64_t planned, int64_t margin_bp)
{
    return committed * IPART__BP_WHOLE > (wide)planned * (IPART__BP_WHOLE + margin_bp);
}
