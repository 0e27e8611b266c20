/*
 * Private: what every export (the procurement record, OCDS, eForms) is
 * built from. An export is party-scoped by construction: it reads the
 * events of the party's view (ipart_partnership_view_json, R19/R37), so it
 * can hold nothing the view withholds; the public state it also reads (the
 * terms, the parties named by the visible events) is public or named there.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_EXPORT_P_H
#define IPART_IO_EXPORT_P_H

#include <cjson/cJSON.h>

#include "io/json_p.h"

#include "model/partnership_p.h"

typedef struct ipart__visible {
    const ipart_partnership *p;
    const ipart__party *party; /* the party the export is for */
    const char *lang;          /* "nb" or "en" (ipart_message_language) */
    cJSON *view;               /* the parsed view */
    const cJSON *entries;      /* its "events": [{"index", "partial", "event"}] */
    size_t withheld;
} ipart__visible;

/*
 * The view of `party` (IPART_ENOTFOUND for an unknown party), parsed.
 * `function` names the caller in an IPART_EMISUSE for a NULL argument.
 */
ipart_status ipart__visible_open(ipart__visible *v, const ipart_partnership *p, const char *party,
                                 const char *lang, const char *function);
void ipart__visible_close(ipart__visible *v);

/* Members of a cJSON object (NULL when absent or of another type). */
const cJSON *ipart__member(const cJSON *o, const char *name);
const char *ipart__member_text(const cJSON *o, const char *name);

/* The event of a view entry, and its type ("" when partial without one). */
const cJSON *ipart__entry_event(const cJSON *entry);
const char *ipart__entry_type(const cJSON *entry);

/* Add a string member, or null when `text` is NULL; 0 when out of memory. */
int ipart__add_text(cJSON *o, const char *name, const char *text);
/* Add a copy of member `from_name` of `from` as `name` (null when absent). */
int ipart__add_copy(cJSON *o, const char *name, const cJSON *from, const char *from_name);
/* Add a money member as its canonical string ("12000000.00"). */
int ipart__add_money(cJSON *o, const char *name, ipart_money amount);

/* Whether a visible event is a market dialogue open to all: a
 * market_dialogue_held, or a dialogue_activity_held other than a one-to-one
 * meeting or a written input (R50: those belong to their supplier; the
 * exports publish only what was shared from them with all). */
int ipart__open_dialogue(const char *type, const cJSON *ev);

/* The display name of a party id ("" for an unknown id). */
const char *ipart__party_name(const ipart_partnership *p, const char *id);

/* The operator an actor acts as: a consortium member's consortium (R52),
 * any other party itself. */
const char *ipart__operator_of(const ipart_partnership *p, const char *actor);

/* Who performs each operator's contract as the view shows it (io/performers.c),
 * by party index: its application's consortium members (R52), and the
 * subcontractors (R53) of its latest tender, else of its application, with
 * the event that named them; NULL where the view names none. */
typedef struct ipart__performers {
    const cJSON **members;
    const cJSON **subcontractors;
    const cJSON **named_in;
} ipart__performers;

/* One pass over the view's events; 0 when out of memory (close it anyway). */
int ipart__performers_open(ipart__performers *x, const ipart__visible *v);
void ipart__performers_close(ipart__performers *x);
/* Some operator of the first `count` names members or subcontractors. */
int ipart__performers_named(const ipart__performers *x, size_t count);
/* The subcontractors' shares summed, basis points of the contract. */
int64_t ipart__subcontracted_share(const cJSON *subcontractors);

/* The view's funding sources (funding_granted; doc/funding.md), each
 * {source, date, funder, org_no, amount, pays_for, granted_to, valid_until,
 * reference, drawn} with `drawn` what the view's payments naming it drew;
 * an empty array for none, NULL when out of memory. */
cJSON *ipart__funding_json(const ipart__visible *v);

/* Print `root` (formatted, deterministic) into *out on the libipart
 * allocator, then delete it. IPART_ENOMEM when `root` is NULL or printing
 * fails. */
ipart_status ipart__export_finish(char **out, cJSON *root);

#endif
