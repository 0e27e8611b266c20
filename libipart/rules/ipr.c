/*
 * The IP arrangements of the terms and the rights they give (ipr_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "rules/ipr_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "rules/rules_p.h"

const char *const ipart__ipr_regime_names[] = {"supplier_owns", "supplier_owns_licence",
                                               "supplier_owns_call_back", "authority_owns",
                                               "joint", NULL};
const char *const ipart__ipr_owner_names[] = {"partner", "authority", "joint", NULL};
const char *const ipart__ipr_asset_names[] = {"foreground", "background", NULL};
const char *const ipart__ipr_by_names[] = {"partner", "authority", "both", "none", NULL};
const char *const ipart__ipr_from_names[] = {"signature", "acceptance", "option", NULL};
const char *const ipart__ipr_results_names[] = {"unchanged", "authority", NULL};
const char *const ipart__right_names[IPART__RIGHT_COUNT] = {"owns", "use", "modify", "sublicense",
                                                            "commercialise"};

/* The owner of the results each regime implies (RULES.md (d)). */
static int regime_owner(int regime)
{
    switch (regime) {
    case EV_IPR_AUTHORITY_OWNS: return EV_OWNER_AUTHORITY;
    case EV_IPR_JOINT: return EV_OWNER_JOINT;
    default: return EV_OWNER_PARTNER;
    }
}

/* ---- R36 at terms_set: contradictions ------------------------------------------ */

static ipart_status contradiction(const char *path, const char *field, const char *fmt, ...)
    IPART__PRINTF(3, 4);

static ipart_status contradiction(const char *path, const char *field, const char *fmt, ...)
{
    char at[256];
    snprintf(at, sizeof at, "%s.ipr.%s", path, field);
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, "terms.ipr.contradictory", fmt);
    return ipart__rule_violation_text("R36", at, "terms.ipr.contradictory", &t);
}

static const ev_ipr_licence *licence_at(const ev_ipr *ipr, size_t i)
{
    return &((const ev_ipr_licence *)ipr->licences.items)[i];
}

static ipart_status licence_contradictions(const ev_ipr *ipr, size_t i, const char *path)
{
    const ev_ipr_licence *l = licence_at(ipr, i);
    char field[96];
    if ((l->modify || l->sublicense) && !l->use) {
        snprintf(field, sizeof field, "licences[%zu].use", i);
        return contradiction(path, field, "a licence to modify or sublicense includes use");
    }
    if (l->royalty_free && l->royalty) {
        snprintf(field, sizeof field, "licences[%zu].royalty", i);
        return contradiction(path, field, "a royalty-free licence states no royalty");
    }
    if (l->exclusive && l->asset == EV_ASSET_FOREGROUND && ipr->has_commercialisation &&
        ipr->commercialisation.by != EV_BY_NONE) {
        snprintf(field, sizeof field, "licences[%zu].exclusive", i);
        return contradiction(path, field,
                             "an exclusive licence of the results leaves nothing to "
                             "commercialise: the terms also give a right to commercialise them");
    }
    for (size_t j = 0; j < i; j++) {
        const ev_ipr_licence *o = licence_at(ipr, j);
        if (strcmp(o->id, l->id) == 0) {
            char at[256];
            snprintf(at, sizeof at, "%s.ipr.licences[%zu].id", path, i);
            ipart_status rc = ipart__fail(IPART_EINVAL, "terms.id.duplicate",
                                          "%s: id '%s' is used twice", at, l->id);
            ipart__error_set_path(at);
            return rc;
        }
        if (o->exclusive && l->exclusive && o->asset == l->asset) {
            snprintf(field, sizeof field, "licences[%zu].exclusive", i);
            return contradiction(path, field,
                                 "two exclusive licences of the same asset class");
        }
    }
    return IPART_OK;
}

ipart_status ipart__ipr_contradictions(const ev_ipr *ipr, const char *path)
{
    if (ipr->has_foreground && ipr->foreground.owner != regime_owner(ipr->regime)) {
        return contradiction(path, "foreground.owner",
                             "the regime '%s' gives the results to the %s",
                             ipart__ipr_regime_names[ipr->regime],
                             ipart__ipr_owner_names[regime_owner(ipr->regime)]);
    }
    if (ipr->has_background && ipr->background.owner != EV_OWNER_PARTNER)
        return contradiction(path, "background.owner",
                             "each partner keeps its background IP; the terms can only license it");
    if (ipr->has_commercialisation) {
        int by = ipr->commercialisation.by;
        if (ipr->regime == EV_IPR_SUPPLIER_OWNS && by != EV_BY_PARTNER)
            return contradiction(path, "commercialisation.by",
                                 "in the supplier-owns model the partner owns the results "
                                 "including the right to commercialise them");
        if ((ipr->regime == EV_IPR_SUPPLIER_OWNS_LICENCE ||
             ipr->regime == EV_IPR_SUPPLIER_OWNS_CALL_BACK) &&
            (by == EV_BY_AUTHORITY || by == EV_BY_BOTH))
            return contradiction(path, "commercialisation.by",
                                 "the authority cannot commercialise results the partner owns");
    }
    if (ipr->has_call_back && ipr->regime != EV_IPR_SUPPLIER_OWNS_CALL_BACK)
        return contradiction(path, "call_back",
                             "a call-back belongs to the regime 'supplier_owns_call_back'");
    if (ipr->has_call_back) {
        const ev_ipr_condition *c = ipr->call_back.conditions.items;
        for (size_t i = 0; i < ipr->call_back.conditions.count; i++)
            for (size_t j = 0; j < i; j++)
                if (strcmp(c[i].id, c[j].id) == 0) {
                    char at[256];
                    snprintf(at, sizeof at, "%s.ipr.call_back.conditions[%zu].id", path, i);
                    ipart_status rc = ipart__fail(IPART_EINVAL, "terms.id.duplicate",
                                                  "%s: id '%s' is used twice", at, c[i].id);
                    ipart__error_set_path(at);
                    return rc;
                }
    }
    for (size_t i = 0; ipr->has_licences && i < ipr->licences.count; i++) {
        ipart_status rc = licence_contradictions(ipr, i, path);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

/* ---- R36 at the notice: completeness ---------------------------------------------- */

/* The items are rows "ipr.missing" of the refusal catalogue. */
static void add_missing(ipart__text *missing, const char *what)
{
    ipart__text item;
    ipart__text_plain(&item, "ipr.missing", what);
    ipart__text_append(missing, &item);
}

/* Does the commercialiser own the results alone? Otherwise it pays the
 * other owner: a royalty or payback term is needed. */
static int commercialiser_sole_owner(const ev_ipr *ipr)
{
    int owner = regime_owner(ipr->regime);
    switch (ipr->commercialisation.by) {
    case EV_BY_NONE: return 1;
    case EV_BY_PARTNER: return owner == EV_OWNER_PARTNER;
    case EV_BY_AUTHORITY: return owner == EV_OWNER_AUTHORITY;
    default: return 0;
    }
}

void ipart__ipr_missing(const ev_ipr *ipr, ipart__text *missing)
{
    *missing = (ipart__text){0};
    if (!ipr->has_foreground)
        add_missing(missing, "the owner of the results (foreground)");
    if (!ipr->has_background)
        add_missing(missing, "the partners' background IP (background)");
    if (!ipr->has_commercialisation)
        add_missing(missing, "who may commercialise (commercialisation)");
    else if (!ipr->commercialisation.has_royalty && !commercialiser_sole_owner(ipr))
        add_missing(missing,
                    "the royalty or payback to the other owner (commercialisation.royalty)");
    if (!ipr->has_licences)
        add_missing(missing, "the licences, or an empty list (licences)");
    if (!ipr->has_on_termination)
        add_missing(missing, "what survives a partner's termination (on_termination)");
    if (ipr->regime == EV_IPR_SUPPLIER_OWNS_CALL_BACK && !ipr->has_call_back)
        add_missing(missing, "the call-back conditions (call_back)");
    int to_authority = 0;
    for (size_t i = 0; ipr->has_licences && i < ipr->licences.count; i++) {
        const ev_ipr_licence *l = licence_at(ipr, i);
        to_authority |= l->asset == EV_ASSET_FOREGROUND;
        if (!l->royalty_free && !l->royalty) {
            ipart__text what;
            ipart__text_format(&what, "ipr.missing", "the royalty of licence '%s'", l->id);
            ipart__text_append(missing, &what);
        }
    }
    if (ipr->regime == EV_IPR_SUPPLIER_OWNS_LICENCE && ipr->has_licences && !to_authority)
        add_missing(missing, "the licence of the results to the authority");
}

/* ---- rights ------------------------------------------------------------------------ */

/* The reasons are rows "rights.reason" of the refusal catalogue
 * (core/refusals.c): each is formatted in every language. */
#define REASON "rights.reason"

/* An English phrase of a reason in `lang`. */
static const char *reason_tr(const char *english, int lang)
{
    return ipart__tr(REASON, english, lang);
}

/* The answer, its clause and rule; the reason is set by the caller. */
static void decide(ipart__answer *a, int yes, const char *clause, const char *rule)
{
    a->yes = yes;
    a->clause = clause ? clause : "";
    a->rule = rule;
}

static void say(ipart__answer *a, int yes, const char *clause, const char *rule, const char *fmt,
                ...) IPART__PRINTF(5, 6);

static void say(ipart__answer *a, int yes, const char *clause, const char *rule, const char *fmt,
                ...)
{
    decide(a, yes, clause, rule);
    IPART__TEXT_OF_ARGS(a->reason, REASON, fmt);
}

static void say_all(ipart__answer out[IPART__RIGHT_COUNT], int yes, const char *clause,
                    const char *rule, const char *reason)
{
    for (int r = 0; r < IPART__RIGHT_COUNT; r++) {
        decide(&out[r], yes, clause, rule);
        ipart__text_plain(&out[r].reason, REASON, reason);
    }
}

static int is_licensee(const ev_ipr_licence *l, const char *party)
{
    const char *const *ids = l->licensees.items;
    for (size_t i = 0; i < l->licensees.count; i++)
        if (strcmp(ids[i], party) == 0)
            return 1;
    return 0;
}

static const char *from_text(int from, int lang)
{
    switch (from) {
    case EV_FROM_ACCEPTANCE: return reason_tr("the acceptance of the partner's solution", lang);
    case EV_FROM_OPTION: return reason_tr("the licensee's own purchase under the option", lang);
    default: return reason_tr("the signature of the contract", lang);
    }
}

/* A licensed right (use, modify, sublicense) as the verb of a reason. */
static const char *right_verb(int right, int lang)
{
    switch (right) {
    case IPART__RIGHT_USE: return reason_tr("use", lang);
    case IPART__RIGHT_MODIFY: return reason_tr("modify", lang);
    default: return reason_tr("sublicense", lang);
    }
}

static const char *asset_text(const ipart__rights_facts *f, int lang)
{
    return f->background ? reason_tr("background IP", lang) : reason_tr("results", lang);
}

/* Use, modify and sublicense for a party that does not own the asset: the
 * licences of the terms that name it, as the state stands. */
static void licensed(ipart__answer out[IPART__RIGHT_COUNT], const ipart__rights_facts *f,
                     const ev_ipr_ownership *own)
{
    const ev_ipr *ipr = f->ipr;
    int asset = f->background ? EV_ASSET_BACKGROUND : EV_ASSET_FOREGROUND;
    const ev_ipr_licence *granting[3] = {NULL, NULL, NULL}, *pending = NULL, *revoked = NULL;
    for (size_t i = 0; i < ipr->licences.count; i++) {
        const ev_ipr_licence *l = licence_at(ipr, i);
        if (l->asset != asset || !is_licensee(l, f->party))
            continue;
        int effective = l->from == EV_FROM_SIGNATURE    ? f->signed_
                        : l->from == EV_FROM_ACCEPTANCE ? f->accepted
                                                        : f->bought;
        if (!effective) {
            pending = pending ? pending : l;
            continue;
        }
        if (f->terminated && !ipr->on_termination.licence_survives) {
            revoked = revoked ? revoked : l;
            continue;
        }
        const int grants[3] = {l->use, l->modify, l->sublicense};
        for (int r = 0; r < 3; r++)
            if (grants[r] && !granting[r])
                granting[r] = l;
    }
    for (int r = 0; r < 3; r++) {
        ipart__answer *a = &out[IPART__RIGHT_USE + r];
        const ev_ipr_licence *l = granting[r];
        if (l) {
            decide(a, 1, l->clause, l->from == EV_FROM_OPTION && f->is_follower ? "R28" : "R36");
            for (int lang = 0; lang < IPART__LANGS; lang++)
                ipart__text_put(
                    &a->reason, lang,
                    reason_tr("licence '%s' (%s, %s; field of use: %s; territory: %s; duration: "
                              "%s; %s) gives '%s' the right to %s the %s of '%s'", lang),
                    l->id,
                    l->exclusive ? reason_tr("exclusive", lang) : reason_tr("non-exclusive", lang),
                    l->royalty_free ? reason_tr("royalty-free", lang)
                                    : reason_tr("against royalty", lang),
                    l->field_of_use, l->territory, l->duration, from_text(l->from, lang), f->party,
                    right_verb(IPART__RIGHT_USE + r, lang), asset_text(f, lang), f->partner);
        } else if (revoked) {
            say(a, 0, ipr->on_termination.clause, "R36",
                "licence '%s' ended with the termination of '%s': the terms do not let "
                "licences survive a partner's termination",
                revoked->id, f->partner);
        } else if (pending) {
            decide(a, 0, pending->clause, pending->from == EV_FROM_OPTION ? "R28" : "R36");
            for (int lang = 0; lang < IPART__LANGS; lang++)
                ipart__text_put(&a->reason, lang,
                                reason_tr("licence '%s' takes effect from %s, which has not "
                                          "happened for '%s'", lang),
                                pending->id, from_text(pending->from, lang), f->party);
        } else {
            decide(a, 0, own->clause, "R36");
            for (int lang = 0; lang < IPART__LANGS; lang++)
                ipart__text_put(&a->reason, lang,
                                reason_tr("no licence of the terms gives '%s' the right to %s the "
                                          "%s of '%s'", lang),
                                f->party, right_verb(IPART__RIGHT_USE + r, lang),
                                asset_text(f, lang), f->partner);
        }
    }
}

static void background_rights(ipart__answer out[IPART__RIGHT_COUNT], const ipart__rights_facts *f)
{
    const ev_ipr_ownership *own = &f->ipr->background;
    if (strcmp(f->party, f->partner) == 0) {
        say_all(out, 1, own->clause, "R36",
            "each partner keeps its background IP, with every right to it");
        return;
    }
    say(&out[IPART__RIGHT_OWNS], 0, own->clause, "R36",
        "the background IP belongs to '%s'", f->partner);
    say(&out[IPART__RIGHT_COMMERCIALISE], 0, own->clause, "R36",
        "only '%s' commercialises its background IP", f->partner);
    licensed(out, f, own);
}

/* The owner of the results as the state stands, with the clause that makes it so. */
static int current_owner(const ipart__rights_facts *f, const char **clause, ipart__text *why)
{
    const ev_ipr *ipr = f->ipr;
    if (f->called_back) {
        *clause = ipr->call_back.clause;
        ipart__text_format(why, REASON, "the authority exercised the call-back (condition '%s'): "
                           "the results of '%s' were transferred to it",
                           f->call_back_condition, f->partner);
        return EV_OWNER_AUTHORITY;
    }
    if (f->terminated && ipr->on_termination.results == EV_RESULTS_AUTHORITY) {
        *clause = ipr->on_termination.clause;
        ipart__text_format(why, REASON, "the contract of '%s' was terminated: its results pass "
                           "to the authority", f->partner);
        return EV_OWNER_AUTHORITY;
    }
    *clause = ipr->foreground.clause;
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(why, lang,
                        reason_tr("under the regime '%s' the results belong to the %s%s", lang),
                        ipart__ipr_regime_names[ipr->regime],
                        ipart__ipr_owner_names[ipr->foreground.owner],
                        f->terminated
                            ? reason_tr(", also after the termination of the contract", lang)
                            : "");
    return ipr->foreground.owner;
}

/* May the party commercialise the results? */
static void commercialise(ipart__answer *a, const ipart__rights_facts *f, int partner, int owner)
{
    const ev_ipr *ipr = f->ipr;
    const ev_ipr_commercialisation *c = &ipr->commercialisation;
    if (f->called_back) {
        if (f->is_authority)
            say(a, 1, ipr->call_back.clause, "R36", "the call-back transferred the results and "
                "the right to commercialise them to the authority");
        else
            say(a, 0, ipr->call_back.clause, "R36", "after the call-back only the authority "
                "commercialises the results of '%s'", f->partner);
        return;
    }
    int named = (partner && (c->by == EV_BY_PARTNER || c->by == EV_BY_BOTH)) ||
                (f->is_authority && (c->by == EV_BY_AUTHORITY || c->by == EV_BY_BOTH));
    if (named && partner && !owner && f->terminated) {
        say(a, 0, ipr->on_termination.clause, "R36",
            "the right to commercialise results '%s' does not own ended with its termination",
            f->partner);
        return;
    }
    if (!named) {
        decide(a, 0, c->clause, "R36");
        for (int lang = 0; lang < IPART__LANGS; lang++)
            ipart__text_put(&a->reason, lang,
                            reason_tr("the terms give the right to commercialise to %s", lang),
                            c->by == EV_BY_NONE      ? reason_tr("nobody", lang)
                            : c->by == EV_BY_BOTH    ? reason_tr("the partner and the authority", lang)
                            : c->by == EV_BY_PARTNER ? reason_tr("the partner", lang)
                                                     : reason_tr("the authority", lang));
        return;
    }
    if (c->has_royalty)
        say(a, 1, c->clause, "R36", "the terms give '%s' the right to commercialise the results, "
            "paying a royalty to the other owner (%s, clause %s)", f->party, c->royalty.basis,
            c->royalty.clause);
    else
        say(a, 1, c->clause, "R36", "the terms give '%s' the right to commercialise the results",
            f->party);
}

static void foreground_rights(ipart__answer out[IPART__RIGHT_COUNT], const ipart__rights_facts *f)
{
    const ev_ipr *ipr = f->ipr;
    int partner = strcmp(f->party, f->partner) == 0;
    const char *clause = "";
    ipart__text why;
    int who = current_owner(f, &clause, &why);
    int owner = (partner && (who == EV_OWNER_PARTNER || who == EV_OWNER_JOINT)) ||
                (f->is_authority && (who == EV_OWNER_AUTHORITY || who == EV_OWNER_JOINT));
    decide(&out[IPART__RIGHT_OWNS], owner, clause, "R36");
    out[IPART__RIGHT_OWNS].reason = why;
    commercialise(&out[IPART__RIGHT_COMMERCIALISE], f, partner, owner);
    if (owner) {
        say(&out[IPART__RIGHT_USE], 1, clause, "R36", "an owner uses its results");
        say(&out[IPART__RIGHT_MODIFY], 1, clause, "R36", "an owner modifies its results");
        if (who == EV_OWNER_JOINT)
            say(&out[IPART__RIGHT_SUBLICENSE], 0, clause, "R36",
                "a joint owner licenses the results only together with the other owner");
        else
            say(&out[IPART__RIGHT_SUBLICENSE], 1, clause, "R36",
                "the sole owner licenses its results");
        return;
    }
    if (partner) {
        int sells = out[IPART__RIGHT_COMMERCIALISE].yes;
        int back = f->called_back && ipr->call_back.licence_back;
        const char *c2 = sells ? ipr->commercialisation.clause : back ? ipr->call_back.clause
                                                                    : clause;
        say(&out[IPART__RIGHT_USE], sells || back, c2, "R36",
            sells  ? "the right to commercialise includes the use of the results"
            : back ? "the call-back leaves the partner a right of use (licence back)"
                   : "the partner neither owns nor holds a right to the results");
        say(&out[IPART__RIGHT_MODIFY], sells, c2, "R36",
            sells ? "the right to commercialise includes adapting the results"
                  : "the partner neither owns the results nor may commercialise them");
        say(&out[IPART__RIGHT_SUBLICENSE], 0, clause, "R36",
            "only the owner licenses the results");
        return;
    }
    licensed(out, f, &ipr->foreground);
}

void ipart__rights_resolve(ipart__answer out[IPART__RIGHT_COUNT], const ipart__rights_facts *f)
{
    if (f->is_operator && strcmp(f->party, f->partner) != 0) {
        say_all(out, 0, "", "R37",
            "another partner's IP and solution: never disclosed to or used by other operators "
            "without that partner's item-specific consent");
        return;
    }
    if (f->background)
        background_rights(out, f);
    else
        foreground_rights(out, f);
}
