/*
 * libipart - party-scoped access (doc/rules.md R19, R37; doc/scope.md): the
 * library authorizes, the host authenticates.
 *
 * A partnership handle answers every query for one audience. A handle from
 * ipart_partnership_new(), _load() or _clone() is the contracting
 * authority's: it sees the whole log and every figure. A host that answers
 * another party (a follower authority or an economic operator) asks
 * ipart_partnership_as_party() for a scoped handle and serves that party
 * from it only. Every query of partnership.h, contract.h, rights.h and
 * timeline.h then answers what the party may see under R19 and R37, by
 * the same decision as the party-scoped view (ipart_partnership_view_json):
 *
 *  - an operator's items (its requests, tenders, scores, contract, phases,
 *    payments, cap rows, rights to its assets) are its own and the
 *    authority's; rows about other operators are left out of counts and
 *    indices, and a query naming another operator's item fails with
 *    IPART_EPERM, rule R19;
 *  - the log reads as the party's view: a withheld event fails with
 *    IPART_EPERM (R19), a partly consented one reads as the consented
 *    fields (ipart_partnership_event_at()); the count stays the log's;
 *  - figures that add up several operators' items (the caps of scope
 *    development, phase or purchase, warnings, proportionality, the
 *    timeline, the saved document) are the authority's: counts are 0 and
 *    the calls fail with IPART_EPERM (R19);
 *  - a what-if may hold only the party's own events, and a refusal reports
 *    its code, rule and path but not its message (which may quote other
 *    operators' figures);
 *  - the public items (the terms, the notice, the award, the threshold,
 *    the stage) read as before; other operators are listed only once the
 *    public award names them, with status "awarded";
 *  - a parent (ipart_party.parent: the party that buys for its group, R54,
 *    doc/authority-kinds.md) sees the items of the parties it buys for as
 *    its own; a party with a parent sees its own items only, never its
 *    parent's or a sibling's.
 *
 * A scoped handle is a read-only snapshot: apply() fails with IPART_EPERM
 * (R19), and events applied to the original later do not reach it. Its
 * clone is scoped alike. Threading and ownership as in partnership.h.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_SCOPE_H
#define IPART_SCOPE_H

#include "common.h"
#include "errors.h"
#include "partnership.h"

IPART_BEGIN_DECL

/**
 * A read-only handle on `partnership` whose queries answer what `party`
 * (an authority, follower or operator id) may see (see above). *out is
 * owned by the caller (ipart_partnership_free()). Scoping a scoped handle
 * may only narrow it: a party's handle gives no other party's.
 * Costs a clone and one pass over the log (as the view).
 * @return IPART_OK; IPART_ENOTFOUND for an unknown party; IPART_EPERM
 *         (R19) to widen a scoped handle; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_as_party(ipart_partnership **out,
                                                  const ipart_partnership *partnership,
                                                  const char *party);

/**
 * The party a handle answers for: its id for a scoped handle, "" for the
 * authority's full access (a handle that is not scoped) and for NULL.
 * Borrowed from the partnership.
 */
IPART_API const char *ipart_partnership_audience(const ipart_partnership *partnership);

IPART_END_DECL

#endif /* IPART_SCOPE_H */
