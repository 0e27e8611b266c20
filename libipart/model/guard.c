/*
 * The guards' shared vocabulary (guard_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/guard_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "core/money_p.h"

int ipart__blank(const char *s)
{
    if (!s)
        return 1;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return *s == '\0';
}

int ipart__before_checked(ipart_date a, ipart_date b)
{
    int cmp = 0;
    ipart_date_compare(&cmp, a, b);
    return cmp < 0;
}

void ipart__field_path(char *out, size_t size, const char *path, const char *field)
{
    ipart__path_printf(out, size, "%s.%s", path, field);
}

void ipart__item_path(char *out, size_t size, const char *path, const char *field, size_t i)
{
    ipart__path_printf(out, size, "%s.%s[%zu]", path, field, i);
}

ipart_status ipart__wrong_stage(const ipart_partnership *p, ipart__event_type type)
{
    return ipart__fail(IPART_ESTATE, "event.stage",
                       "'%s' is not possible in stage '%s'", ipart__event_type_name(type),
                       ipart_stage_name(p->stage));
}

ipart_status ipart__stage_violation(const char *rule, const ipart_partnership *p,
                                    ipart__event_type type, const char *why)
{
    ipart__text t;
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(&t, lang,
                        ipart__tr("event.stage", "'%s' is not possible in stage '%s': %s", lang),
                        ipart__event_type_name(type), ipart_stage_name(p->stage),
                        ipart__tr("event.stage", why, lang));
    ipart__text_cite(&t, rule);
    return ipart__fail_text(IPART_ESTATE, rule, ipart__rule_source(rule), "", "event.stage", &t);
}

/* IPART_EINVAL at `at` (also its path), the message prefixed with it. */
static ipart_status invalid_at(const char *at, const char *key, ipart__text *t)
{
    ipart__text_at(t, at);
    return ipart__fail_text(IPART_EINVAL, NULL, NULL, at, key, t);
}

ipart_status ipart__invalid(const char *path, const char *field, const char *key,
                            const char *message)
{
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    ipart__text t;
    ipart__text_plain(&t, key, message);
    return invalid_at(at, key, &t);
}

ipart_status ipart__invalidf(const char *path, const char *field, const char *key,
                             const char *fmt, ...)
{
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    return invalid_at(at, key, &t);
}

ipart_status ipart__item_violation(const char *rule, const char *path, const char *field,
                                   size_t i, const char *key, const char *message)
{
    char at[256];
    ipart__item_path(at, sizeof at, path, field, i);
    ipart__text t;
    ipart__text_plain(&t, key, message);
    return ipart__rule_violation_text(rule, at, key, &t);
}

ipart_status ipart__item_invalid(const char *path, const char *field, size_t i,
                                 const char *key, const char *message)
{
    char at[256];
    ipart__item_path(at, sizeof at, path, field, i);
    ipart__text t;
    ipart__text_plain(&t, key, message);
    return invalid_at(at, key, &t);
}

/* "path.field", or "path" when field is NULL. */
static void violation_path(char *at, size_t size, const char *path, const char *field)
{
    if (field)
        ipart__field_path(at, size, path, field);
    else
        ipart__path_printf(at, size, "%s", path);
}

ipart_status ipart__violation(const char *rule, const char *path, const char *field,
                              const char *key, const char *message)
{
    char at[256];
    violation_path(at, sizeof at, path, field);
    ipart__text t;
    ipart__text_plain(&t, key, message);
    return ipart__rule_violation_text(rule, at, key, &t);
}

ipart_status ipart__violation_text(const char *rule, const char *path, const char *field,
                                  const char *key, ipart__text *t)
{
    char at[256];
    violation_path(at, sizeof at, path, field);
    return ipart__rule_violation_text(rule, at, key, t);
}

ipart_status ipart__violationf(const char *rule, const char *path, const char *field,
                               const char *key, const char *fmt, ...)
{
    char at[256];
    violation_path(at, sizeof at, path, field);
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    return ipart__rule_violation_text(rule, at, key, &t);
}

ipart_status ipart__need_reason(const char *reason, const char *path, const char *field)
{
    return ipart__blank(reason) ? ipart__violation("R42", path, field, "decision.reason.missing",
                                                   "a discretionary decision must state its "
                                                   "reason")
                                : IPART_OK;
}

ipart_status ipart__unknown_party(const char *path, const char *field, const char *id)
{
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    ipart_status rc = ipart__fail(IPART_ENOTFOUND, "party.unknown", "%s: no party '%s'", at, id);
    ipart__error_set_path(at);
    return rc;
}

ipart_status ipart__new_party_check(const ipart_partnership *p, const char *id, const char *path,
                                   const char *field)
{
    if (!ipart__party_find(p, id))
        return IPART_OK;
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    ipart_status rc = ipart__fail(IPART_EEXISTS, "party.exists", "%s: party '%s' already exists",
                                  at, id);
    ipart__error_set_path(at);
    return rc;
}

ipart_status ipart__known_ids(const ipart__array *ids, const char *path, const char *field,
                              int (*known)(const void *ctx, const char *id), const void *ctx)
{
    const char *const *items = ids->items;
    for (size_t i = 0; i < ids->count; i++)
        if (!known(ctx, items[i])) {
            char at[160];
            ipart__path_printf(at, sizeof at, "%s[%zu]", field, i);
            return ipart__unknown_party(path, at, items[i]);
        }
    return IPART_OK;
}

int ipart__is_party(const void *ctx, const char *id)
{
    return ipart__party_find(ctx, id) != NULL;
}

ipart_status ipart__require_role(const ipart__party *actor, const char *actor_id,
                                 ipart_role role, ipart__event_type type)
{
    if (!actor)
        return ipart__fail(IPART_EPERM, "event.actor.unknown", "'%s' is not a party of this "
                           "partnership and may not send '%s'", actor_id,
                           ipart__event_type_name(type));
    if (actor->role != role)
        return ipart__fail(IPART_EPERM, "event.actor.role", "'%s' is %s %s; only the %s may "
                           "send '%s'", actor_id, actor->role == IPART_ROLE_FOLLOWER ? "a" : "an",
                           ipart_role_name(actor->role), ipart_role_name(role),
                           ipart__event_type_name(type));
    return IPART_OK;
}

int ipart__remaining(const ipart__party *party)
{
    return party->role == IPART_ROLE_OPERATOR && party->invited && !party->eliminated;
}

int ipart__listed(const ipart__array *ids, const char *id)
{
    const char *const *items = ids->items;
    for (size_t i = 0; i < ids->count; i++)
        if (strcmp(items[i], id) == 0)
            return 1;
    return 0;
}

ipart_status ipart__find_operator(ipart__party **out, const ipart_partnership *p, const char *id,
                                  const char *path, const char *field)
{
    ipart__party *party = ipart__party_find(p, id);
    if (!party || party->role != IPART_ROLE_OPERATOR)
        return ipart__unknown_party(path, field, id);
    *out = party;
    return IPART_OK;
}

ipart_status ipart__accept(const ipart_partnership *p, const ipart__event *ev, const char *path)
{
    (void)p;
    (void)ev;
    (void)path;
    return IPART_OK;
}

void ipart__no_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)p;
    (void)ev;
    (void)pr;
}

ipart_status ipart__money_violation(const char *rule, const char *path, const char *field,
                                    const char *key, ipart_money limit, const char *fmt, ...)
{
    char text[IPART__MONEY_TEXT_SIZE], at[256];
    ipart__money_canonical(text, limit);
    ipart__text what, t;
    IPART__TEXT_OF_ARGS(what, key, fmt);
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(&t, lang, ipart__tr("money.at_most", "%s (at most %s)", lang),
                        what.in[lang], text);
    violation_path(at, sizeof at, path, field);
    return ipart__rule_violation_text(rule, at, key, &t);
}
