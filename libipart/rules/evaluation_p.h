/* Private: the scoring arithmetic shared by the evaluation API and the
 * partnership's ranking (one place for it). See include/ipart/evaluation.h
 * and doc/evaluation.md. SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_RULES_EVALUATION_P_H
#define IPART_RULES_EVALUATION_P_H

#include "ipart/evaluation.h"

/*
 * The fraction num/den (0 <= num <= den, den > 0) of a price criterion's
 * weight that a tender at `price` gets under `model`, given the lowest and
 * highest prices of the evaluated tenders and the terms' reference price
 * (0 = none). All prices are > 0 and lowest <= price <= highest.
 */
void ipart__price_fraction(int64_t *num, int64_t *den, ipart_price_model model, int64_t price,
                           int64_t lowest, int64_t highest, int64_t reference);

/* round_half_up(weight * 10^4 * num / den): the millionths of a point a
 * criterion of `weight` basis points contributes (0 <= num <= den, den > 0,
 * 0 <= weight <= 10000). */
int64_t ipart__eval_points(int64_t weight, int64_t num, int64_t den);

#endif
