/** @file
 * libipart - exact money: int64 minor units plus an ISO 4217 currency.
 *
 * No floating point anywhere. Amounts travel as canonical decimal strings
 * ("12000000.00": optional '-', no leading zeros, exactly as many decimals
 * as the currency has). Arithmetic is overflow-checked and refuses to mix
 * currencies; every operation that divides takes an explicit rounding mode.
 *
 * All functions are pure and thread-safe. Functions taking an ipart_money
 * validate it (known currency) and fail with IPART_ECURRENCY otherwise.
 * Output parameters are written only on success.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MONEY_H
#define IPART_MONEY_H

#include "common.h"
#include "errors.h"

/** An amount of money. A small frozen value type: pass it by value. */
typedef struct ipart_money {
    int64_t minor;       /**< amount in minor units (øre for NOK) */
    char currency[4];    /**< ISO 4217 alphabetic code, NUL-terminated ("NOK") */
} ipart_money;

/** How a result that falls between two minor units is rounded. */
typedef enum ipart_rounding {
    IPART_ROUND_HALF_UP = 0,   /**< to nearest; ties away from zero (commercial rounding) */
    IPART_ROUND_HALF_EVEN = 1, /**< to nearest; ties to the even unit (banker's rounding) */
    IPART_ROUND_DOWN = 2,      /**< toward zero (truncate) */
    IPART_ROUND_UP = 3,        /**< away from zero */
    IPART_ROUND_FLOOR = 4,     /**< toward negative infinity */
    IPART_ROUND_CEILING = 5    /**< toward positive infinity */
} ipart_rounding;

IPART_BEGIN_DECL

/**
 * Number of decimals (minor-unit exponent) of an ISO 4217 currency:
 * 2 for NOK, SEK, DKK, EUR, USD, GBP...; 0 for JPY, ISK; 3 for KWD, BHD...
 * @return IPART_OK; IPART_ECURRENCY for a code not in the table (codes are
 *         three upper-case letters; "nok" is rejected); IPART_EMISUSE on NULL.
 */
IPART_API ipart_status ipart_currency_exponent(int *out, const char *currency);

/**
 * Build an amount from minor units ("øre").
 * @return IPART_OK; IPART_ECURRENCY for an unknown currency.
 */
IPART_API ipart_status ipart_money_from_minor(ipart_money *out, int64_t minor, const char *currency);

/**
 * Parse a decimal string: optional '-', digits without leading zeros, and
 * optionally '.' followed by 1..exponent digits ("12000000", "12.5",
 * "12000000.00"). Signs '+', spaces, separators, exponents and more
 * decimals than the currency allows are rejected: nothing is rounded here.
 * @return IPART_OK; IPART_EPARSE (syntax, with the offending character);
 *         IPART_EOVERFLOW beyond int64 minor units; IPART_ECURRENCY.
 */
IPART_API ipart_status ipart_money_parse(ipart_money *out, const char *text, const char *currency);

/**
 * The canonical decimal string ("12000000.00", "-0.50"; JPY "1200").
 * *out is allocated and owned by the caller: release it with ipart_free().
 * @return IPART_OK; IPART_ECURRENCY; IPART_ENOMEM.
 */
IPART_API ipart_status ipart_money_format(char **out, ipart_money amount);

/**
 * A display string for people, in a language: "nb" and "nn"
 * ("12 000 000,00 kr", other currencies "12 000,00 EUR"), "en"
 * ("NOK 12,000,000.00"), "sv" ("12 000 000,00 kr" for SEK), "da"
 * ("12.000.000,00 kr." for DKK). Digit groups are separated by a plain
 * space in nb/nn/sv. *out is owned by the caller (ipart_free()).
 * @return IPART_OK; IPART_EINVAL for an unsupported language;
 *         IPART_ECURRENCY; IPART_ENOMEM.
 */
IPART_API ipart_status ipart_money_format_display(char **out, ipart_money amount, const char *lang);

/** a + b. @return IPART_OK; IPART_ECURRENCY when currencies differ; IPART_EOVERFLOW. */
IPART_API ipart_status ipart_money_add(ipart_money *out, ipart_money a, ipart_money b);

/** a - b. @return IPART_OK; IPART_ECURRENCY when currencies differ; IPART_EOVERFLOW. */
IPART_API ipart_status ipart_money_sub(ipart_money *out, ipart_money a, ipart_money b);

/** amount * factor. @return IPART_OK; IPART_EOVERFLOW; IPART_ECURRENCY. */
IPART_API ipart_status ipart_money_mul(ipart_money *out, ipart_money amount, int64_t factor);

/**
 * amount * numerator / denominator, rounded to a minor unit by `mode`,
 * computed exactly (128-bit intermediate).
 * @return IPART_OK; IPART_EINVAL for a zero denominator or a bad mode;
 *         IPART_EOVERFLOW when the result does not fit; IPART_ECURRENCY.
 */
IPART_API ipart_status ipart_money_ratio(ipart_money *out, ipart_money amount, int64_t numerator,
                                         int64_t denominator, ipart_rounding mode);

/**
 * A percentage of an amount, the percentage given in basis points
 * (1/100 of a percent: 1250 = 12.5 %, 10000 = 100 %), rounded by `mode`.
 * Same errors as ipart_money_ratio().
 */
IPART_API ipart_status ipart_money_percent(ipart_money *out, ipart_money amount,
                                           int64_t basis_points, ipart_rounding mode);

/**
 * Compare two amounts of the same currency: *out is -1, 0 or 1.
 * @return IPART_OK; IPART_ECURRENCY when currencies differ or are unknown.
 */
IPART_API ipart_status ipart_money_compare(int *out, ipart_money a, ipart_money b);

IPART_END_DECL

#endif /* IPART_MONEY_H */
