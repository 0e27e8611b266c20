/*
 * Private: the small vocabulary every guard of the model speaks - failing
 * with a precise code, rule, JSON path and message (doc/errors.md).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_GUARD_P_H
#define IPART_MODEL_GUARD_P_H

#include <stddef.h>

#include "core/date_p.h"
#include "core/error_p.h"
#include "model/partnership_p.h"

/* NULL, empty or only white space. */
int ipart__blank(const char *s);

/* a < b; 0 when either is not a valid date (ipart_date_compare). Inline
 * for plainly valid dates (date_p.h), which is nearly every one. */
int ipart__before_checked(ipart_date a, ipart_date b);
static inline int ipart__before(ipart_date a, ipart_date b)
{
    if (!ipart__date_plainly_valid(a) || !ipart__date_plainly_valid(b))
        return ipart__before_checked(a, b);
    return a.year != b.year ? a.year < b.year : a.month != b.month ? a.month < b.month
                                                                   : a.day < b.day;
}

/* "path.field" and "path.field[i]". */
void ipart__field_path(char *out, size_t size, const char *path, const char *field);
void ipart__item_path(char *out, size_t size, const char *path, const char *field, size_t i);

/* IPART_ESTATE: `type` is not possible in the current stage. */
ipart_status ipart__wrong_stage(const ipart_partnership *p, ipart__event_type type);

/* The same IPART_ESTATE (key "event.stage"), when a rule explains why the
 * stage is closed: the detail names `rule` and its source, the message says `why`. */
ipart_status ipart__stage_violation(const char *rule, const ipart_partnership *p,
                                    ipart__event_type type, const char *why);

/* IPART_EINVAL at path.field. */
ipart_status ipart__invalid(const char *path, const char *field, const char *key,
                            const char *message);

/* IPART_ERULE naming `rule`, at path.field (field may be NULL). */
ipart_status ipart__violation(const char *rule, const char *path, const char *field,
                              const char *key, const char *message);

/* As ipart__invalid() and ipart__violation(), the message a printf format
 * (an English msgid of `key`, core/error_p.h). */
ipart_status ipart__invalidf(const char *path, const char *field, const char *key,
                             const char *fmt, ...) IPART__PRINTF(4, 5);
ipart_status ipart__violationf(const char *rule, const char *path, const char *field,
                               const char *key, const char *fmt, ...) IPART__PRINTF(5, 6);

/* As ipart__violation(), the message given in every language (" (rule)" is
 * added to `t`). */
ipart_status ipart__violation_text(const char *rule, const char *path, const char *field,
                                  const char *key, ipart__text *t);

/* The same at path.field[i]. */
ipart_status ipart__item_invalid(const char *path, const char *field, size_t i,
                                 const char *key, const char *message);
ipart_status ipart__item_violation(const char *rule, const char *path, const char *field,
                                   size_t i, const char *key, const char *message);

/* R42: a discretionary decision carries its reason. */
ipart_status ipart__need_reason(const char *reason, const char *path, const char *field);

/* IPART_ENOTFOUND: no party `id`, at path.field. */
ipart_status ipart__unknown_party(const char *path, const char *field, const char *id);

/* IPART_ENOTFOUND at path.field[i] for the first id of `ids` (an ipart__array
 * of const char *) that `known(ctx, id)` does not know; IPART_OK otherwise. */
ipart_status ipart__known_ids(const ipart__array *ids, const char *path, const char *field,
                              int (*known)(const void *ctx, const char *id), const void *ctx);

/* A party of the partnership `ctx` (a known() for ipart__known_ids). */
int ipart__is_party(const void *ctx, const char *id);

/* IPART_EPERM unless `actor` exists and has `role`. */
ipart_status ipart__require_role(const ipart__party *actor, const char *actor_id,
                                 ipart_role role, ipart__event_type type);

/* R54: a party named as a buyer (`path`.`field`: an authority, joint
 * authority, follower, successor or adopter) has a kind the profile's table
 * knows on `on` and that buys, and a `parent` (if any) that is another
 * authority or follower whose kind may buy for its kind (rules/kinds.c). */
ipart_status ipart__buyer_check(const ipart_partnership *p, const ev_party *a, ipart_date on,
                                const char *path, const char *field);

/* Operators still in competition: invited and not eliminated. */
int ipart__remaining(const ipart__party *party);

/* `id` is one of the ids of `ids` (an ipart__array of const char *). */
int ipart__listed(const ipart__array *ids, const char *id);

/* The operator `id`; IPART_ENOTFOUND at path.field when there is none. */
ipart_status ipart__find_operator(ipart__party **out, const ipart_partnership *p, const char *id,
                                  const char *path, const char *field);

/* A check with no payload guard, and a commit that changes no state (the
 * log entry and a new party are kept by apply itself). */
ipart_status ipart__accept(const ipart_partnership *p, const ipart__event *ev, const char *path);
void ipart__no_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr);

/* IPART_ERULE naming `rule` at path.field: "<what> (at most <limit>)", what
 * being `fmt` (an English msgid of `key`) formatted. */
ipart_status ipart__money_violation(const char *rule, const char *path, const char *field,
                                    const char *key, ipart_money limit, const char *fmt, ...)
    IPART__PRINTF(6, 7);

/* IPART_EEXISTS at path.field when a party with `id` exists already. */
ipart_status ipart__new_party_check(const ipart_partnership *p, const char *id, const char *path,
                                   const char *field);

/* In a may_send handler: only the authority, only when `stage_ok`. */
#define AUTHORITY_IN(stage_ok, type)                                                  \
    do {                                                                              \
        ipart_status rc_ = ipart__require_role(actor, actor_id, IPART_ROLE_AUTHORITY, type); \
        if (rc_ != IPART_OK)                                                          \
            return rc_;                                                               \
        if (!(stage_ok))                                                              \
            return ipart__wrong_stage(p, type);                                       \
        return IPART_OK;                                                              \
    } while (0)

#endif
