/*
 * Private: the arithmetic of joint procurement (RULES.md R51): cost-share
 * and risk-share keys in basis points, the exact split of an amount by
 * them, and the authority kind whose threshold binds joint authorities.
 * Pure functions: no state, no JSON.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_RULES_SHARES_P_H
#define IPART_RULES_SHARES_P_H

#include <stddef.h>
#include <stdint.h>

/* The most joint authorities (the lead included) one partnership may have. */
#define IPART__MAX_JOINT 32

/*
 * R51: split `amount` (minor units) by `n` keys in basis points that sum to
 * 10000, exactly: part i is amount * keys[i] / 10000 rounded down, and the
 * minor units left over go one each to the parts with the largest dropped
 * fraction, ties to the earlier key (the order of the terms, lead first).
 * The parts add up to `amount`; a negative amount is split as its absolute
 * value and negated. The products are formed in 128 bits.
 */
void ipart__split_by_keys(int64_t amount, const int64_t *keys, size_t n, int64_t *parts);

/* Part i of ipart__split_by_keys(amount, keys, n). */
int64_t ipart__split_part(int64_t amount, const int64_t *keys, size_t n, size_t i);

/* The sum of n keys, in 64 bits (each key is 0..10000). */
int64_t ipart__keys_sum(const int64_t *keys, size_t n);

/*
 * R3 with R51: the threshold class (ipart__kind_class, the classes of the
 * authorities' kinds in the profile's table, rules/kinds.c) whose threshold
 * binds n joint authorities: all their classes are the same regime, and
 * the lowest threshold of them applies (central government's where one
 * takes part; sub-central authorities and public-law bodies share a
 * threshold). -1 when a utility procures jointly with an authority that is
 * not one: which regime applies is an open question (RULES.md (g)) the
 * library does not decide.
 */
int ipart__joint_threshold_class(const int *classes, size_t n);

#endif
