/* Private: money text without allocation, for writers on hot paths.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_CORE_MONEY_P_H
#define IPART_CORE_MONEY_P_H

#include <stddef.h>

#include "ipart/money.h"

/* Room for the canonical text of any int64 amount, sign and NUL included. */
#define IPART__MONEY_TEXT_SIZE 32

/* The canonical text of an amount ("12000000.00") into `out`.
 * IPART_ECURRENCY for an amount whose currency is not known. */
ipart_status ipart__money_canonical(char out[IPART__MONEY_TEXT_SIZE], ipart_money amount);

/* The same, and its length in *length (the NUL not counted), for writers
 * that copy it on: the encoder writes it straight into the log text. */
ipart_status ipart__money_text(char out[IPART__MONEY_TEXT_SIZE], size_t *length,
                              ipart_money amount);

#endif
