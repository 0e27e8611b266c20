/*
 * Private: the party-scoped view (io/view.c), recorded into a scope for a
 * scoped handle (io/scope.c).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_VIEW_P_H
#define IPART_IO_VIEW_P_H

#include "model/partnership_p.h"

/* Record in `scope` how `who` sees each event of the log of `p` (whole,
 * in part with the consented fields' JSON, or not at all).
 * @return IPART_OK; IPART_ENOMEM (the scope then holds part of it). */
ipart_status ipart__view_record(ipart__scope *scope, const ipart_partnership *p,
                                const ipart__party *who);

#endif
