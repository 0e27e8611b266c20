/*
 * Joint contracting authorities (joint_p.h; RULES.md R51): the hooks of the
 * apply machinery, the terms' joint block, the events joint_authority_named
 * and joint_consent_given, and each authority's budget view.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/joint_p.h"

#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/money_p.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "rules/contract_math_p.h"
#include "rules/shares_p.h"

typedef ipart__wide wide;

/* ---- the members ---------------------------------------------------------------- */

static const ev_joint_member *members(const ipart_partnership *p)
{
    return p->terms && p->terms->has_joint ? p->terms->joint.members.items : NULL;
}

size_t ipart__joint_count(const ipart_partnership *p)
{
    return p->terms && p->terms->has_joint ? p->terms->joint.members.count : 0;
}

int ipart__joint_index(const ipart_partnership *p, const char *authority)
{
    const ev_joint_member *m = members(p);
    for (size_t i = 0; authority && i < ipart__joint_count(p); i++)
        if (strcmp(m[i].authority, authority) == 0)
            return (int)i;
    return -1;
}

/* The cost-share keys, or the risk-share keys (a member without one: its
 * cost share), in the order of the terms. */
static void member_keys(const ipart_partnership *p, int risk, int64_t *keys)
{
    const ev_joint_member *m = members(p);
    for (size_t i = 0; i < ipart__joint_count(p); i++)
        keys[i] = risk && m[i].has_risk_share ? m[i].risk_share : m[i].share;
}

static int64_t member_part(const ipart_partnership *p, int64_t amount, int risk, size_t i)
{
    int64_t keys[IPART__MAX_JOINT];
    member_keys(p, risk, keys);
    return ipart__split_part(amount, keys, ipart__joint_count(p), i);
}

int64_t *ipart__contract_joint_paid(const ipart__contract *c)
{
    return (int64_t *)(ipart__contract_targets(c) + c->targets);
}

/* An authority beside the lead. A contracting authority that handed over to
 * its successor (authority_succeeded) is the buyer until its effective date,
 * not a joint one; a joint authority taken over by a successor stays one
 * until then, held to its member entry's may_send. */
static int is_joint_authority(const ipart_partnership *p, const ipart__party *party)
{
    return party && party->role == IPART_ROLE_AUTHORITY && party != p->authority &&
           !party->handed_over;
}

/* ---- R51: who may send what ----------------------------------------------------------- */

static int sent_by_the_buyer(ipart__event_type type)
{
    ipart__sender s = ipart__event_sender(type);
    return s == IPART__SENDER_AUTHORITY || s == IPART__SENDER_BUYER;
}

ipart_status ipart__joint_may(const ipart_partnership *p, const ipart__party *actor,
                              ipart__event_type type, const char *path)
{
    if (!is_joint_authority(p, actor) || !sent_by_the_buyer(type) ||
        type == IPART__EV_JOINT_CONSENT_GIVEN)
        return IPART_OK;
    int i = ipart__joint_index(p, actor->id);
    if (i >= 0 && ipart__listed(&members(p)[i].may_send, ipart__event_type_name(type)))
        return IPART_OK;
    return ipart__violationf("R51", path, "actor", "joint.may_send",
                             "'%s' is a joint contracting authority; the terms' joint block "
                             "does not let it send '%s' (its member entry's may_send lists "
                             "what it may send; the lead '%s' sends the rest)",
                             actor->id, ipart__event_type_name(type),
                             p->authority ? p->authority->id : "");
}

/* ---- R51: consent --------------------------------------------------------------------- */

int ipart__joint_needs_consent(const ipart_partnership *p, ipart__event_type type)
{
    return ipart__joint_count(p) && ipart__listed(&p->terms->joint.consent,
                                                  ipart__event_type_name(type));
}

static ipart_status consent_check(const ipart_partnership *p, const ipart__event *ev)
{
    uint32_t given = p->joint_consent[ev->type];
    int actor = ipart__joint_index(p, ev->actor);
    if (actor >= 0)
        given |= UINT32_C(1) << actor;
    char missing[200] = "";
    const ev_joint_member *m = members(p);
    for (size_t i = 0; i < ipart__joint_count(p); i++)
        if (!(given >> i & 1))
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s'%s'",
                     missing[0] ? ", " : "", m[i].authority);
    if (!missing[0])
        return IPART_OK;
    return ipart__violationf("R51", "$", NULL, "joint.consent.missing",
                             "'%s' needs the consent of every joint authority "
                             "(joint_consent_given); missing: %s",
                             ipart__event_type_name(ev->type), missing);
}

/* ---- R51: each member pays its share ----------------------------------------------------- */

static ipart_status payment_share_check(const ipart_partnership *p, const ipart__event *ev,
                                        const char *path)
{
    int i = ipart__joint_index(p, ev->actor);
    const ipart__contract *c = ipart__party_find(p, ev->as.payment.partner)->contract;
    int64_t *paid = ipart__contract_joint_paid(c) + (size_t)i * (c->instalments + 1);
    size_t k = 0;
    int flat = ev->as.payment.instalment
                   ? ipart__plan_instalment_index(p, ev->as.payment.instalment, &k)
                   : -1;
    int64_t part = flat >= 0
                       ? member_part(p, ipart__contract_instalments(c)[flat].amount.minor, 0,
                                     (size_t)i)
                       : member_part(p, c->settled.minor, 1, (size_t)i);
    /* An instalment counts what the member paid on it; a settlement, everything
     * the member paid on the contract (its risk share is of all that is owed). */
    int64_t already = 0;
    for (size_t col = 0; flat < 0 && col <= c->instalments; col++)
        already += paid[col];
    int64_t left = part - (flat >= 0 ? paid[flat] : already);
    if (ev->as.payment.amount.minor <= left)
        return IPART_OK;
    return ipart__money_violation("R51", path, "amount", "joint.payment.share",
                                  ipart__case_money(p, left < 0 ? 0 : left),
                                  flat >= 0 ? "each joint authority pays its cost share of an "
                                              "instalment, no more"
                                            : "each joint authority pays its risk share of a "
                                              "settlement, no more");
}

/* ---- R33 with R51: each member's own cap --------------------------------------------------- */

static int64_t committed_of(const ipart_partnership *p, size_t i)
{
    wide sum = 0;
    for (size_t j = 0; j < p->party_count; j++) {
        const ipart__contract *c = p->parties[j]->contract;
        if (c)
            sum += member_part(p, ipart__contract_commitment(c),
                               c->state == IPART__C_TERMINATED, i);
    }
    return sum > INT64_MAX ? INT64_MAX : (int64_t)sum;
}

static int64_t option_part(const ipart_partnership *p, const ipart__event *ev, size_t i)
{
    wide value = (wide)ev->as.option.quantity * ev->as.option.unit_price.minor;
    const ipart__party *buyer = ipart__party_find(p, ev->actor);
    if (buyer == p->authority)
        return member_part(p, (int64_t)value, 0, i);
    return strcmp(members(p)[i].authority, buyer->id) == 0 ? (int64_t)value : 0;
}

/* What the event adds to member i's development commitments. */
static int64_t commitment_added(const ipart_partnership *p, const ipart__event *ev, size_t i)
{
    if (ev->type == IPART__EV_AWARD_DECIDED) {
        const ev_award_partner *a = ev->as.award.partners.items;
        int64_t sum = 0;
        for (size_t j = 0; j < ev->as.award.partners.count; j++)
            sum += member_part(p, ipart__party_find(p, a[j].tenderer)->development_price.minor,
                               0, i);
        return sum;
    }
    if (ev->type == IPART__EV_CONTRACT_CHANGED) {
        const ipart__contract *c = ipart__party_find(p, ev->as.change.partner)->contract;
        int64_t now = ipart__contract_commitment(c);
        return member_part(p, now + ev->as.change.delta.minor, 0, i) -
               member_part(p, now, 0, i);
    }
    return 0;
}

static ipart_status member_caps_check(const ipart_partnership *p, const ipart__event *ev,
                                      const char *path)
{
    const ev_joint_member *m = members(p);
    for (size_t i = 0; i < ipart__joint_count(p); i++) {
        if (!m[i].has_cap)
            continue;
        int64_t added = commitment_added(p, ev, i);
        if (added > 0 && committed_of(p, i) + added > m[i].cap.minor) {
            const char *field = ev->type == IPART__EV_AWARD_DECIDED ? "partners" : "delta";
            return ipart__money_violation("R33", path, field, "joint.cap", m[i].cap,
                                          "the event would take the development commitments "
                                          "of '%s' past its own cap in the joint terms",
                                          m[i].authority);
        }
    }
    return IPART_OK;
}

ipart_status ipart__joint_check(const ipart_partnership *p, const ipart__event *ev,
                                const char *path)
{
    if (!ipart__joint_count(p))
        return IPART_OK;
    if (ipart__joint_needs_consent(p, ev->type)) {
        ipart_status rc = consent_check(p, ev);
        if (rc != IPART_OK) {
            ipart__error_set_path(path);
            return rc;
        }
    }
    if (ev->type == IPART__EV_INSTALMENT_PAID && ipart__joint_index(p, ev->actor) >= 0) {
        ipart_status rc = payment_share_check(p, ev, path);
        if (rc != IPART_OK)
            return rc;
    }
    return member_caps_check(p, ev, path);
}

void ipart__joint_commit(ipart_partnership *p, const ipart__event *ev)
{
    if (!ipart__joint_count(p))
        return;
    if (ipart__joint_needs_consent(p, ev->type))
        p->joint_consent[ev->type] = 0;
    int i = ipart__joint_index(p, ev->actor);
    if (ev->type == IPART__EV_JOINT_CONSENT_GIVEN) {
        ipart__event_type t = ipart__event_type_of(ev->as.joint_consent.decision);
        p->joint_consent[t] |= UINT32_C(1) << i;
    } else if (ev->type == IPART__EV_INSTALMENT_PAID && i >= 0) {
        const ipart__contract *c = ipart__party_find(p, ev->as.payment.partner)->contract;
        size_t k = 0;
        int flat = ev->as.payment.instalment
                       ? ipart__plan_instalment_index(p, ev->as.payment.instalment, &k)
                       : -1;
        ipart__contract_joint_paid(c)[(size_t)i * (c->instalments + 1) +
                                      (flat >= 0 ? (size_t)flat : c->instalments)] +=
            ev->as.payment.amount.minor;
    } else if (ev->type == IPART__EV_OPTION_EXERCISED) {
        for (size_t j = 0; j < ipart__joint_count(p); j++)
            ipart__party_find(p, members(p)[j].authority)->joint_option_value +=
                option_part(p, ev, j);
    }
}

/* ---- R51: the terms' joint block ----------------------------------------------------------- */

static ipart_status keys_check(const ev_joint_member *m, size_t n, int risk, const char *path)
{
    int64_t keys[IPART__MAX_JOINT];
    for (size_t i = 0; i < n; i++)
        keys[i] = risk && m[i].has_risk_share ? m[i].risk_share : m[i].share;
    int64_t sum = ipart__keys_sum(keys, n);
    if (sum == 10000)
        return IPART_OK;
    if (risk)
        return ipart__violationf("R51", path, "members", "joint.risk_shares.sum",
                                 "the risk-share keys of the members sum to %lld basis points; "
                                 "they must sum to exactly 10000 (100 %%)",
                                 (long long)sum);
    return ipart__violationf("R51", path, "members", "joint.shares.sum",
                             "the cost-share keys of the members sum to %lld basis points; they "
                             "must sum to exactly 10000 (100 %%)",
                             (long long)sum);
}

static ipart_status may_send_check(const ev_joint_member *m, const char *path, size_t i)
{
    const char *const *types = m->may_send.items;
    for (size_t j = 0; j < m->may_send.count; j++) {
        ipart__event_type t = ipart__event_type_of(types[j]);
        if (t == IPART__EV_COUNT || !sent_by_the_buyer(t)) {
            char at[256];
            ipart__item_path(at, sizeof at, path, "members", i);
            return ipart__item_violation("R51", at, "may_send", j, "joint.may_send.type",
                                         "not an event type the buyer sends: a joint authority "
                                         "may be let send the events of the authority or of an "
                                         "option buyer (doc/events.md)");
        }
    }
    return IPART_OK;
}

static ipart_status member_check(const ipart_partnership *p, const ev_joint_member *m,
                                 size_t i, const char *path)
{
    const ipart__party *a = ipart__party_find(p, m[i].authority);
    if (!a || a->role != IPART_ROLE_AUTHORITY)
        return ipart__item_violation("R51", path, "members", i, "joint.member.unknown",
                                     "a member is the lead authority or a joint authority named "
                                     "by joint_authority_named");
    for (size_t j = 0; j < i; j++)
        if (strcmp(m[i].authority, m[j].authority) == 0)
            return ipart__item_violation("R51", path, "members", i, "joint.member.twice",
                                         "the authority has a member entry already: each "
                                         "authority of the buyer is listed once");
    if (a == p->authority && (m[i].may_send.count || m[i].has_option_quantity))
        return ipart__item_violation("R51", path, "members", i, "joint.member.lead",
                                     "the lead sends every event and buys the option's own "
                                     "quantity; its entry has no may_send and no "
                                     "option_quantity");
    return may_send_check(&m[i], path, i);
}

static int listed_member(const ev_joint_member *m, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].authority, id) == 0)
            return 1;
    return 0;
}

static ipart_status every_authority_listed(const ipart_partnership *p, const ev_joint_member *m,
                                           size_t n, const char *path)
{
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__party *a = p->parties[i];
        if (a->role == IPART_ROLE_AUTHORITY && !listed_member(m, n, a->id)) {
            return ipart__violationf("R51", path, "members", "joint.member.missing",
                                     "'%s' is a contracting authority of this partnership and "
                                     "has no member entry: every authority of the buyer "
                                     "carries a share",
                                     a->id);
        }
    }
    return IPART_OK;
}

static ipart_status consent_types_check(const ev_terms *t, const char *path)
{
    const char *const *types = t->joint.consent.items;
    for (size_t j = 0; j < t->joint.consent.count; j++) {
        ipart__event_type type = ipart__event_type_of(types[j]);
        if (type == IPART__EV_COUNT || !sent_by_the_buyer(type) ||
            type == IPART__EV_JOINT_CONSENT_GIVEN)
            return ipart__item_violation("R51", path, "consent", j, "joint.consent.type",
                                         "not a decision of the buyer: consent is required for "
                                         "event types the authority sends (doc/events.md)");
    }
    return IPART_OK;
}

ipart_status ipart__joint_terms_check(const ipart_partnership *p, const ev_terms *t,
                                      const char *path)
{
    if (!t->has_joint) {
        /* Joint authorities without a joint block would share nothing. */
        for (size_t i = 0; i < p->party_count; i++)
            if (is_joint_authority(p, p->parties[i]))
                return ipart__violation("R51", path, "joint", "joint.terms.missing",
                                        "joint authorities are named: the terms need a joint "
                                        "block that gives each its share");
        return IPART_OK;
    }
    char at[256];
    ipart__field_path(at, sizeof at, path, "joint");
    const ev_joint_member *m = t->joint.members.items;
    size_t n = t->joint.members.count;
    if (n > IPART__MAX_JOINT)
        return ipart__invalid(at, "members", "joint.members.many",
                              "at most 32 members in the joint block");
    ipart_status rc = IPART_OK;
    for (size_t i = 0; rc == IPART_OK && i < n; i++)
        rc = member_check(p, m, i, at);
    if (rc == IPART_OK)
        rc = every_authority_listed(p, m, n, at);
    if (rc == IPART_OK)
        rc = keys_check(m, n, 0, at);
    if (rc == IPART_OK)
        rc = keys_check(m, n, 1, at);
    return rc == IPART_OK ? consent_types_check(t, at) : rc;
}

/* ---- the option and the threshold ---------------------------------------------------------- */

int64_t ipart__joint_option_quantity(const ipart_partnership *p, const ipart__party *buyer)
{
    int i = ipart__joint_index(p, buyer->id);
    return i >= 0 && members(p)[i].has_option_quantity ? members(p)[i].option_quantity : 0;
}

int64_t ipart__joint_option_units(const ev_terms *t)
{
    const ev_joint_member *m = t->has_joint ? t->joint.members.items : NULL;
    int64_t units = 0;
    for (size_t i = 0; m && i < t->joint.members.count; i++)
        units += m[i].has_option_quantity ? m[i].option_quantity : 0;
    return units;
}

size_t ipart__authority_classes(const ipart_partnership *p, ipart_date on, int *classes)
{
    size_t n = 0;
    for (size_t i = 0; i < p->party_count && n < IPART__MAX_JOINT; i++)
        if (p->parties[i]->role == IPART_ROLE_AUTHORITY)
            classes[n++] = (int)ipart__kind_class_at(p->profile->code, p->parties[i]->kind, on);
    return n;
}

int ipart__joint_class(const ipart_partnership *p, ipart_date on)
{
    int classes[IPART__MAX_JOINT];
    return ipart__joint_threshold_class(classes, ipart__authority_classes(p, on, classes));
}

/* ---- each authority's budget view ------------------------------------------------------------ */

static int64_t paid_by(const ipart_partnership *p, size_t i)
{
    int64_t sum = 0;
    for (size_t j = 0; j < p->party_count; j++) {
        const ipart__contract *c = p->parties[j]->contract;
        const int64_t *paid = c ? ipart__contract_joint_paid(c) + i * (c->instalments + 1) : NULL;
        for (size_t k = 0; paid && k <= c->instalments; k++)
            sum += paid[k];
    }
    return sum;
}

static void budget_of(ipart_authority_budget *out, const ipart_partnership *p, size_t i)
{
    const ev_joint_member *m = &members(p)[i];
    int64_t committed = committed_of(p, i);
    int64_t cap = m->has_cap ? m->cap.minor
                             : member_part(p, p->terms->budget.development_cap.minor, 0, i);
    *out = (ipart_authority_budget){
        .authority = m->authority,
        .lead = strcmp(m->authority, p->authority->id) == 0,
        .share = m->share,
        .risk_share = m->has_risk_share ? m->risk_share : m->share,
        .committed = ipart__case_money(p, committed),
        .option_committed = ipart__case_money(
            p, ipart__party_find(p, m->authority)->joint_option_value),
        .paid = ipart__case_money(p, paid_by(p, i)),
        .cap = ipart__case_money(p, cap),
        .own_cap = m->has_cap,
        .headroom = ipart__case_money(p, cap - committed)};
}

size_t ipart_partnership_joint_count(const ipart_partnership *p)
{
    return p ? ipart__joint_count(p) : 0;
}

ipart_status ipart_partnership_authority_budget_at(ipart_authority_budget *out,
                                                   const ipart_partnership *p, size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_authority_budget_at",
                                !out ? "out" : "partnership");
    if (index >= ipart__joint_count(p))
        return ipart__fail(IPART_ENOTFOUND, "joint.index",
                           "no joint authority %zu: the terms' joint block has %zu", index,
                           ipart__joint_count(p));
    budget_of(out, p, index);
    return IPART_OK;
}

ipart_status ipart_partnership_authority_budget(ipart_authority_budget *out,
                                                const ipart_partnership *p, const char *authority)
{
    if (!out || !p || !authority)
        return ipart__fail_null("ipart_partnership_authority_budget",
                                !out ? "out" : !p ? "partnership" : "authority");
    int i = ipart__joint_index(p, authority);
    if (i < 0)
        return ipart__fail(IPART_ENOTFOUND, "joint.unknown",
                           "'%s' is not a member of the terms' joint block", authority);
    budget_of(out, p, (size_t)i);
    return IPART_OK;
}
