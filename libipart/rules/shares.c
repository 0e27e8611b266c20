/*
 * The arithmetic of joint procurement (shares_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "rules/shares_p.h"

#include "rules/contract_math_p.h"
#include "rules/rules_p.h"

int64_t ipart__keys_sum(const int64_t *keys, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += keys[i];
    return sum;
}

/* Largest remainder: the floors, then one minor unit each to the largest
 * dropped fractions, ties to the earlier key. */
static void split_magnitude(ipart__wide amount, const int64_t *keys, size_t n, int64_t *parts)
{
    ipart__wide given = 0;
    int64_t fraction[IPART__MAX_JOINT];
    for (size_t i = 0; i < n; i++) {
        ipart__wide product = amount * keys[i];
        parts[i] = (int64_t)(product / IPART__BP_WHOLE);
        fraction[i] = (int64_t)(product % IPART__BP_WHOLE);
        given += parts[i];
    }
    for (ipart__wide left = amount - given; left > 0; left--) {
        size_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (fraction[i] > fraction[best])
                best = i;
        parts[best]++;
        fraction[best] = -1;
    }
}

void ipart__split_by_keys(int64_t amount, const int64_t *keys, size_t n, int64_t *parts)
{
    if (n == 0 || n > IPART__MAX_JOINT)
        return;
    int negative = amount < 0;
    split_magnitude(negative ? -(ipart__wide)amount : amount, keys, n, parts);
    for (size_t i = 0; negative && i < n; i++)
        parts[i] = -parts[i];
}

int64_t ipart__split_part(int64_t amount, const int64_t *keys, size_t n, size_t i)
{
    int64_t parts[IPART__MAX_JOINT] = {0};
    ipart__split_by_keys(amount, keys, n, parts);
    return i < n ? parts[i] : 0;
}

int ipart__joint_threshold_class(const int *classes, size_t n)
{
    int utilities = 0, strictest = IPART__CLASS_UTILITY;
    for (size_t i = 0; i < n; i++) {
        utilities += classes[i] == IPART__CLASS_UTILITY;
        if (classes[i] < strictest)
            strictest = classes[i];
    }
    if (utilities && (size_t)utilities < n)
        return -1;
    return strictest;
}
