/*
 * Party-scoped handles (include/ipart/scope.h): a clone that carries its
 * audience and that audience's view of the log, recorded once by the view
 * (io/view.c) so that reading an event costs no more than unscoped.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "core/error_p.h"
#include "io/view_p.h"
#include "ipart/scope.h"

ipart_status ipart_partnership_as_party(ipart_partnership **out, const ipart_partnership *p,
                                        const char *party)
{
    if (!out || !p || !party)
        return ipart__fail_null("ipart_partnership_as_party",
                                !out ? "out" : !p ? "partnership" : "party");
    const ipart__party *who = ipart__party_find(p, party);
    if (!who)
        return ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", party);
    if (!ipart__scope_sees(p, who->id))
        return ipart__scope_refuse(p, "another party's handle");
    ipart_partnership *scoped = NULL;
    ipart_status rc = ipart_partnership_clone(&scoped, p);
    if (rc != IPART_OK)
        return rc;
    const ipart__party *viewer = ipart__party_find(scoped, party);
    ipart__scope_free(scoped->scope); /* narrowing a scoped handle: the new audience's */
    if (!(scoped->scope = ipart__scope_new(viewer, scoped->log_count)))
        rc = ipart__fail_nomem();
    if (rc == IPART_OK)
        rc = ipart__view_record(scoped->scope, scoped, viewer);
    if (rc != IPART_OK) {
        ipart_partnership_free(scoped);
        return rc;
    }
    *out = scoped;
    return IPART_OK;
}
