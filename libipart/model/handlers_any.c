/*
 * The events any stage admits (doc/events.md): an operator's consent to
 * disclose one item of its information (R19), and notes.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/money_p.h"
#include "ipart/calendar.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "model/parties_p.h"
#include "model/partnership_p.h"
#include "rules/evaluation_p.h"
#include "model/rights_p.h"

/* ---- consent and notes ------------------------------------------------------ */

static ipart_status consent_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    (void)p;
    return ipart__require_role(actor, actor_id, IPART_ROLE_OPERATOR, IPART__EV_CONSENT_GIVEN);
}

static ipart_status consent_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (ev->as.consent.blanket)
        return ipart__violation("R19", path, "item", "consent.blanket",
                                "consent must name one specific item of information; a blanket "
                                "consent is not valid");
    if ((size_t)ev->as.consent.item_event >= p->log_count)
        return ipart__unknown_party(path, "item.event", "(no such event)");
    /* A consortium's item is the consortium's, whichever member sent it (R52). */
    const ipart__party *owner = ipart__party_seen_as(p, p->log[ev->as.consent.item_event].actor);
    if (!owner || strcmp(owner->id, ev->actor) != 0)
        return ipart__violation("R19", path, "item.event", "consent.not_own",
                                "an operator can only consent to the disclosure of its own "
                                "information");
    return ipart__known_ids(&ev->as.consent.recipients, path, "recipients", ipart__is_party, p);
}

static ipart_status note_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    (void)p;
    if (!actor)
        return ipart__fail(IPART_EPERM, "event.actor.unknown",
                           "'%s' is not a party of this partnership", actor_id);
    return IPART_OK;
}

static ipart_status note_check(const ipart_partnership *p, const ipart__event *ev,
                               const char *path)
{
    (void)p;
    if (ipart__blank(ev->as.note.text))
        return ipart__invalid(path, "text", "note.empty", "must not be empty");
    return IPART_OK;
}

/* The handlers (declared from the event rows, event_p.h). */
const ipart__handler ipart__consent_given_handler = {consent_may, consent_check, NULL,
                                                     ipart__no_commit};
const ipart__handler ipart__note_recorded_handler = {note_may, note_check, NULL,
                                                     ipart__no_commit};
