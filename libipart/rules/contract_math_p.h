/*
 * Private: the arithmetic of the partnership contract (RULES.md E, H and
 * (c)): instalment shares, what is owed on termination, the change headroom
 * (R34) and the proportionality ratio (R23). Amounts are minor units;
 * every product is formed in 128 bits, so nothing here overflows for
 * amounts an ipart_money can hold.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_RULES_CONTRACT_MATH_P_H
#define IPART_RULES_CONTRACT_MATH_P_H

#include <stddef.h>
#include <stdint.h>

__extension__ typedef __int128 ipart__wide;

/* Basis points: 10000 = 100 %. */
#define IPART__BP_WHOLE 10000

/*
 * The part of `total` a share in basis points gives, rounded down. A
 * schedule gives every part but the last this way and the last the
 * remainder, so that its parts add up to `total` exactly (R22).
 */
int64_t ipart__share_of(int64_t total, int64_t share_bp);

/*
 * R22: part i of a schedule that splits `total` over n parts by shares in
 * basis points (`share(items, j)` is part j's): every part but the last is
 * its ipart__share_of, the last the remainder, so the parts add up to
 * `total` exactly.
 */
int64_t ipart__schedule_part(int64_t total, size_t n, size_t i,
                             int64_t (*share)(const void *items, size_t j), const void *items);

/* total * num / den rounded half up (den > 0, num and total >= 0): pro rata. */
int64_t ipart__pro_rata(int64_t total, int64_t num, int64_t den);

/*
 * R34: the largest net cumulative change of a contract of value `original`:
 * `headroom_bp` of it, rounded down, and never above `threshold` (the EEA
 * threshold in force, or a negative value when it is not known).
 */
int64_t ipart__change_limit(int64_t original, int64_t headroom_bp, int64_t threshold);

/* R34: the headroom without a contract clause: 10 % for supplies and
 * services, 15 % for works (Art. 72(2); FOA § 28-1). */
int64_t ipart__default_change_headroom(int works);

/* R23/R25 defaults where the terms give no band: the purchase between 1x
 * and 50x the R&D value; commitments up to 20 % above it. */
#define IPART__DEFAULT_MIN_RATIO 10000
#define IPART__DEFAULT_MAX_RATIO 500000
#define IPART__DEFAULT_OVERRUN_MARGIN 2000

/* R25: do development commitments exceed the planned value by more than
 * the margin (basis points)? */
int ipart__overrun(ipart__wide committed, int64_t planned, int64_t margin_bp);

/* num / den in basis points, rounded down; -1 when den <= 0. */
int64_t ipart__ratio_bp(int64_t num, int64_t den);

#endif
