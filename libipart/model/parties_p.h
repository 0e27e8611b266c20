/*
 * Private: groups of operators (RULES.md R52) and subcontractors (R53).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_PARTIES_P_H
#define IPART_MODEL_PARTIES_P_H

#include "model/partnership_p.h"

/* R52: an operator that is a consortium names each member once (by
 * organisation number) and exactly one lead. `path` is the event's. */
ipart_status ipart__consortium_check(const ev_party *op, const char *path);

/* R53: subcontractors named once each (organisation number, else name),
 * their shares summing to at most 10000 basis points. `path` is the path of
 * the object holding the `subcontractors` array. */
ipart_status ipart__subcontractors_check(const ipart__array *subs, const char *path);

#endif
