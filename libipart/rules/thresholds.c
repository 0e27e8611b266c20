/* Dated EEA/EU threshold tables per profile (R3, R30, R34).
 * SPDX-License-Identifier: Apache-2.0 */
#include "rules_p.h"
#include "core/error_p.h"

#include <string.h>

/*
 * Each row is in force from `from` through `until` (inclusive; a zero
 * `until` means "until a later row of the profile replaces it"). Amounts
 * are whole currency units, ex VAT. doc/thresholds.md lists every figure
 * with its source; keep the two in step. Outside a profile's dates the
 * query fails with IPART_ENOTFOUND rather than guessing.
 */
typedef struct threshold_row {
    const char *profile;
    const char *currency;
    ipart_date from;
    ipart_date until;
    int central;   /* central government, supplies and services */
    int other;     /* sub-central and bodies governed by public law, supplies and services */
    int works;     /* every authority kind */
    int utilities; /* utilities, supplies and services */
} threshold_row;

#define BIENNIUM(y) {(y), 1, 1}, {(y) + 1, 12, 31}

static const threshold_row thresholds[] = {
    /* NO: forskrift om offentlige anskaffelser § 5-3 as adjusted by NFD (doc/thresholds.md). */
    {"NO", "NOK", {2016, 1, 1}, {0, 0, 0}, 1100000, 1750000, 44000000, 3500000},
    {"NO", "NOK", {2018, 1, 1}, {0, 0, 0}, 1300000, 2000000, 51000000, 4000000},
    {"NO", "NOK", {2020, 2, 12}, {0, 0, 0}, 1300000, 2050000, 51500000, 4100000},
    {"NO", "NOK", {2022, 1, 1}, {0, 0, 0}, 1400000, 2200000, 56000000, 4500000},
    {"NO", "NOK", {2024, 3, 14}, {0, 0, 0}, 1490000, 2300000, 57800000, 4600000},
    /* EU: Dir. 2014/24/EU Art. 4 and 2014/25/EU Art. 15 as revised by the delegated regulations. */
    {"EU", "EUR", BIENNIUM(2016), 135000, 209000, 5225000, 418000}, /* 2015/2170, 2015/2171 */
    {"EU", "EUR", BIENNIUM(2018), 144000, 221000, 5548000, 443000}, /* 2017/2365, 2017/2364 */
    {"EU", "EUR", BIENNIUM(2020), 139000, 214000, 5350000, 428000}, /* 2019/1828, 2019/1829 */
    {"EU", "EUR", BIENNIUM(2022), 140000, 215000, 5382000, 431000}, /* 2021/1952, 2021/1953 */
    {"EU", "EUR", BIENNIUM(2024), 143000, 221000, 5538000, 443000}, /* 2023/2495, 2023/2496 */
    {"EU", "EUR", BIENNIUM(2026), 140000, 216000, 5404000, 432000}, /* 2025/2152, 2025/2150 */
    /* SE: the SEK equivalents of the Commission's OJ C communications (Konkurrensverket). */
    {"SE", "SEK", BIENNIUM(2016), 1233941, 1910323, 47758068, 3820645},
    {"SE", "SEK", BIENNIUM(2018), 1365782, 2096097, 52620561, 4201678},
    {"SE", "SEK", BIENNIUM(2020), 1427377, 2197545, 54938615, 4395089},
    {"SE", "SEK", BIENNIUM(2022), 1456476, 2236731, 55991099, 4483865},
    {"SE", "SEK", BIENNIUM(2024), 1546202, 2389585, 59880179, 4789982},
    /* DK: the DKK equivalents of the same communications (Konkurrence- og Forbrugerstyrelsen). */
    {"DK", "DKK", BIENNIUM(2016), 1006628, 1558409, 38960213, 3116817},
    {"DK", "DKK", BIENNIUM(2018), 1072094, 1645367, 41305415, 3298179},
    {"DK", "DKK", BIENNIUM(2020), 1036259, 1595391, 39884785, 3190783},
    {"DK", "DKK", BIENNIUM(2022), 1043126, 1601944, 40100744, 3211338},
    {"DK", "DKK", BIENNIUM(2024), 1064177, 1644638, 41212688, 3296717},
    {"DK", "DKK", BIENNIUM(2026), 1044400, 1611360, 40313840, 3222720},
};

static int date_le(ipart_date a, ipart_date b)
{
    if (a.year != b.year)
        return a.year < b.year;
    if (a.month != b.month)
        return a.month < b.month;
    return a.day <= b.day;
}

int ipart__date_within(ipart_date from, ipart_date until, ipart_date on)
{
    return date_le(from, on) && (until.year == 0 || date_le(on, until));
}

static int row_amount(const threshold_row *row, ipart__kind_class kind,
                      ipart__contract_type type)
{
    if (type == IPART__CONTRACT_WORKS)
        return row->works;
    switch (kind) {
    case IPART__CLASS_CENTRAL: return row->central;
    case IPART__CLASS_UTILITY: return row->utilities;
    default: return row->other;
    }
}

ipart_status ipart__threshold(ipart_money *out, ipart_date *valid_from, const char *profile,
                              ipart__kind_class kind, ipart__contract_type type,
                              const char *currency, ipart_date on)
{
    const threshold_row *found = NULL;
    for (size_t i = 0; i < sizeof thresholds / sizeof thresholds[0]; i++) {
        const threshold_row *row = &thresholds[i];
        if (strcmp(row->profile, profile) == 0 && strcmp(row->currency, currency) == 0 &&
            ipart__date_within(row->from, row->until, on))
            found = row; /* rows are in date order: the last one in force wins */
    }
    if (!found)
        return ipart__fail(IPART_ENOTFOUND, "threshold.unknown",
                           "no EEA threshold known for profile %s in %s on %04d-%02d-%02d "
                           "(doc/thresholds.md lists the dates each profile covers)",
                           profile, currency, on.year, on.month, on.day);
    ipart_status rc = ipart_money_from_minor(out, (int64_t)row_amount(found, kind, type) * 100,
                                             currency);
    if (rc == IPART_OK && valid_from)
        *valid_from = found->from;
    return rc;
}

ipart_status ipart__threshold_verdict_of(ipart_threshold_verdict *out, const char *profile,
                                         ipart__kind_class kind, ipart__contract_type type,
                                         const char *currency, ipart_date on,
                                         ipart_money max_rnd_value,
                                         ipart_money estimated_purchase_value)
{
    ipart_threshold_verdict v;
    ipart_status rc = ipart_money_add(&v.estimated_value, max_rnd_value,
                                      estimated_purchase_value);
    if (rc == IPART_OK)
        rc = ipart__threshold(&v.threshold, &v.valid_from, profile, kind, type, currency, on);
    if (rc != IPART_OK)
        return rc;
    v.above = v.estimated_value.minor >= v.threshold.minor;
    *out = v;
    return IPART_OK;
}
