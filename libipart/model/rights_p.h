/*
 * Private: the IP rights of a party to a partner's asset as the state of a
 * partnership stands (facts for rules/ipr.c), and the call-back event.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_RIGHTS_P_H
#define IPART_MODEL_RIGHTS_P_H

#include "model/partnership_p.h"
#include "rules/ipr_p.h"

/*
 * The five answers for `party` about `asset` ("<partner>.foreground" or
 * "<partner>.background") after the first `event_count` events (at most the
 * log's; model/history_p.h: no replay). IPART_ENOTFOUND for an unknown party, asset
 * class or partner (an operator with an awarded contract); IPART_ESTATE
 * while the terms hold no complete IPR arrangement (R36).
 */
ipart_status ipart__rights_compute(ipart__answer out[IPART__RIGHT_COUNT],
                                   const ipart_partnership *p, size_t event_count,
                                   const char *party, const char *asset);

#endif
