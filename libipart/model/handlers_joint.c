/*
 * The events of joint contracting authorities (RULES.md R51; joint_p.h):
 * joint_authority_named (before the notice) and joint_consent_given (any
 * stage until the partnership ends).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/guard_p.h"
#include "model/joint_p.h"
#include "rules/rules_p.h"
#include "rules/shares_p.h"

/* ---- joint_authority_named ------------------------------------------------------------------ */

static ipart_status named_may(const ipart_partnership *p, const ipart__party *actor,
                              const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_NEED_IDENTIFICATION ||
                     p->stage == IPART_STAGE_MARKET_DIALOGUE,
                 IPART__EV_JOINT_AUTHORITY_NAMED);
}

/* R3 with R51: the new authority's threshold class (the profile's table,
 * rules/kinds.c) beside those of the buyer. */
static ipart_status regime_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    int classes[IPART__MAX_JOINT + 1];
    size_t n = ipart__authority_classes(p, ev->date, classes);
    if (n == IPART__MAX_JOINT)
        return ipart__violation("R51", path, "authority", "joint.members.many",
                                "at most 32 authorities procure jointly");
    classes[n++] = (int)ipart__kind_class_at(p->profile->code,
                                             ev->as.joint_named.authority.kind, ev->date);
    if (ipart__joint_threshold_class(classes, n) >= 0)
        return IPART_OK;
    return ipart__violation("R51", path, "authority.kind", "joint.regime.open",
                            "a utility procuring jointly with an authority that is not one: "
                            "whether the utilities or the public-sector regime and threshold "
                            "apply is an open question (RULES.md (g)) the library does not "
                            "decide; authorities of one regime may procure jointly");
}

static ipart_status named_check(const ipart_partnership *p, const ipart__event *ev,
                                const char *path)
{
    const ev_party *a = &ev->as.joint_named.authority;
    ipart_status rc = ipart__new_party_check(p, a->id, path, "authority.id");
    if (rc != IPART_OK)
        return rc;
    if (!a->has_kind)
        return ipart__invalid(path, "authority.kind", "joint.kind.missing",
                              "a joint authority states its kind: the threshold is decided "
                              "across the kinds of every authority of the buyer");
    rc = ipart__buyer_check(p, a, ev->date, path, "authority");
    if (rc != IPART_OK)
        return rc;
    if (p->terms)
        return ipart__violation("R51", path, "authority", "joint.after_terms",
                                "joint authorities are named before the terms, whose joint "
                                "block gives each its share");
    return regime_check(p, ev, path);
}

static ipart_status named_prepare(ipart_partnership *p, const ipart__event *ev,
                                  ipart__prepared *pr)
{
    return ipart__party_prepare(p, &ev->as.joint_named.authority, IPART_ROLE_AUTHORITY, pr);
}

const ipart__handler ipart__joint_authority_named_handler = {named_may, named_check,
                                                             named_prepare, ipart__no_commit};

/* ---- joint_consent_given -------------------------------------------------------------------- */

static ipart_status consent_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    AUTHORITY_IN(p->stage != IPART_STAGE_COMPLETED && p->stage != IPART_STAGE_TERMINATED,
                 IPART__EV_JOINT_CONSENT_GIVEN);
}

static ipart_status joint_consent_check(const ipart_partnership *p, const ipart__event *ev,
                                        const char *path)
{
    ipart__event_type type = ipart__event_type_of(ev->as.joint_consent.decision);
    if (type == IPART__EV_COUNT || !ipart__joint_needs_consent(p, type))
        return ipart__violation("R51", path, "decision", "joint.consent.not_required",
                                "the terms' joint block does not list this decision under "
                                "consent: only a listed decision takes consents");
    int i = ipart__joint_index(p, ev->actor);
    if (p->joint_consent[type] >> i & 1)
        return ipart__violation("R51", path, "decision", "joint.consent.twice",
                                "this authority has consented to the next such decision "
                                "already");
    return ipart__need_reason(ev->as.joint_consent.reason, path, "reason");
}

const ipart__handler ipart__joint_consent_given_handler = {consent_may, joint_consent_check,
                                                           NULL, ipart__no_commit};

