/*
 * Private: the state of a partnership, derived from its log.
 *
 * Applying an event runs in three steps so that a failure changes nothing:
 *   check   - every guard, reading the state only;
 *   prepare - everything that can fail (allocation, hash insertion), kept
 *             in an ipart__prepared and undone if a later step fails;
 *   commit  - plain assignments that cannot fail.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_PARTNERSHIP_P_H
#define IPART_MODEL_PARTNERSHIP_P_H

#include "core/hash_p.h"
#include "core/index_p.h"
#include "core/strbuf_p.h"
#include "ipart/partnership.h"
#include "model/event_p.h"
#include "model/history_p.h"
#include "model/scope_p.h"
#include "rules/rules_p.h"

/* Per-partner contract states (ARCHITECTURE §5, RULES b3). */
typedef enum ipart__contract_state {
    IPART__C_AWARDED,       /* awarded, contract not yet signed */
    IPART__C_SIGNED,        /* signed, no phase started */
    IPART__C_PHASE_ACTIVE,  /* phase `phase` running, a target not yet assessed */
    IPART__C_PHASE_REVIEW,  /* every target of `phase` assessed: the gate may decide */
    IPART__C_PHASE_PASSED,  /* the gate let it continue; the next phase may start */
    IPART__C_DEVELOPED,     /* the last phase passed: ready for the acceptance test */
    IPART__C_ACCEPTED,      /* acceptance test reported (R29): the option is available */
    IPART__C_OPTION_EXERCISED,
    IPART__C_OPTION_LAPSED,
    IPART__C_TERMINATED
} ipart__contract_state;

typedef struct ipart__target_state {
    int assessed, met;
} ipart__target_state;

typedef struct ipart__instalment_state {
    ipart_money amount; /* scheduled: a share of the phase price or a fixed amount */
    ipart_money paid;
} ipart__instalment_state;

/*
 * A partner's contract: one allocation, the contract followed by its phase
 * prices, target states and instalment states in the order of the terms'
 * phase plan (flat arrays, no interior pointers, so a clone is a memcpy).
 */
typedef struct ipart__contract {
    ipart__contract_state state;
    int phase;               /* the current phase, -1 before the first */
    ipart_money original;    /* the development price at the award */
    ipart_money changes;     /* net cumulative contract changes (R34) */
    ipart_money paid;
    ipart_money settlement_paid; /* paid without an instalment, after termination */
    ipart_money settled;     /* on termination: everything owed, fixed then */
    int all_levels_met;      /* the acceptance test verified every performance level (R27) */
    int64_t option_quantity; /* bought under the option from this partner, all buyers */
    ipart_money option_value;
    size_t award_index;      /* its place in the award (bit of ipart__party.options_from) */
    int called_back;         /* the authority exercised the call-back on its results */
    size_t call_back_condition; /* then: the index of the condition in the terms */
    size_t phases, targets, instalments;
    size_t joint_members; /* R51: the payments by member follow the targets */
} ipart__contract;

ipart_money *ipart__contract_phase_prices(const ipart__contract *c);
ipart__target_state *ipart__contract_targets(const ipart__contract *c);
ipart__instalment_state *ipart__contract_instalments(const ipart__contract *c);

typedef struct ipart__party {
    char *id;
    char *name;
    ipart_role role;
    int kind; /* ipart__authority_kind for authorities and followers */
    /* R54: the index in `parties` of the party that buys for it (its group's
     * central purchasing body), or -1 */
    long parent;
    size_t index;
    /* operators */
    int assessed, qualified, invited, eliminated, awarded, contract_signed;
    int negotiated_since_tender; /* a round was held on its current tender (R14) */
    int has_tender, has_final, tender_kind, tender_version;
    ipart_money development_price, price;
    ipart_date tender_date;
    int has_separate_rnd, separate_rnd;
    ipart_money declared_cost; /* partial compensation: the declared development cost */
    int has_declared_cost;
    ipart__contract *contract; /* from the award */
    /* joint authorities (R51): the option value it bears (its cost share of the
     * lead's purchases, all of its own) */
    int64_t joint_option_value;
    /* consortium members (R52): the consortium's index, and whether the member
     * may act for it (its lead or authorised) */
    size_t consortium;
    int may_act;
    /* followers: quantity bought under the option (R28) */
    int64_t option_quantity;
    /* buyers: the partners it bought from under the option, by award index */
    uint64_t options_from;
    /* authorities, followers, participants: taken over by a successor from
     * `succeeded_from` (authority_succeeded); it sends nothing from then on */
    int succeeded;
    ipart_date succeeded_from;
    /* its history (model/history_p.h): the index of the event that created
     * it, and 1 + the index of its latest standing change (0: none) */
    size_t since, changes;
    /* the contracting authority until a successor took over as such
     * (authority_succeeded with contracting_authority): the buyer, not a
     * joint authority, until `succeeded_from` */
    int handed_over;
} ipart__party;

typedef struct ipart__ranked {
    ipart__party *party;
    int64_t total;   /* millionths of a point, out of 100 points */
    int rank;        /* 1-based; tied tenderers share a rank */
    int tied;
    int64_t *points; /* per award criterion, same order as the terms */
} ipart__ranked;

typedef struct ipart__ranking {
    ipart__ranked *entries;
    size_t count;
    size_t criteria;
    int64_t *points; /* the block the entries' points point into */
} ipart__ranking;

/* A warning: a rule the log did not break but should be looked at (R17, R23,
 * R25, caps with policy "warn"). */
/* The most members a consortium may name (R52). */
#define IPART__MAX_MEMBERS 32

/* The most partners an award may name (the award lists them in one event). */
#define IPART__MAX_PARTNERS 64

typedef struct ipart__warning {
    size_t event; /* index in the log */
    char rule[8];
    char key[48];
    char *message; /* the English text, a NUL, then the bokmål text: one allocation */
} ipart__warning;

/* The bokmål text of a warning (it follows the English one in `message`). */
const char *ipart__warning_nb(const ipart__warning *w);

/* A copy of a warning's texts (ipart__warning.message): NULL when out of memory. */
char *ipart__warning_texts_dup(const char *en, const char *nb);

#define IPART__MAX_WARNINGS_PER_EVENT 8

typedef struct ipart__log_entry {
    char *json; /* canonical text, in the partnership's log_texts */
    size_t length;
    ipart__event_type type;
    const ipart__party *actor;
} ipart__log_entry;

struct ipart_partnership {
    const ipart__profile *profile;
    char currency[4];
    ipart_stage stage;

    ipart__log_entry *log;
    size_t log_count, log_capacity;
    ipart_date last_date;
    ipart__strbuf encoding; /* scratch for the next entry's text, kept between applies */
    ipart__arena log_texts; /* the log entries' texts, one after the other */
    ipart__arena decoding;  /* the last decoded event's arena, emptied, for the next one */

    ipart__party **parties; /* order of appearance */
    size_t party_count, party_capacity;
    ipart__index by_id;     /* the parties by id (core/index_p.h) */
    ipart__party *authority;
    int electronic_communication;

    int need_described, market_check_done, market_check_justified, dialogue_held;
    char need_mapping[65]; /* the need mapping the need description rests on (R1), or "" */

    /* The need mappings, dialogue activities, sharings, adoptions and
     * successions, each a copy of its event in its own arena (model/programme_p.h). */
    struct ipart__kept *kept;
    size_t kept_count, kept_capacity;

    ev_terms *terms;         /* the terms of the last terms_set, in terms_arena */
    ipart__arena terms_arena;

    ipart_date notice_date, request_deadline;
    ipart_date tender_deadline, resubmission_deadline, final_deadline;
    int has_resubmission_deadline;
    int negotiation_rounds;

    ipart__ranking *ranking;
    int evaluated_on_initial;

    ipart_date award_date, standstill_end;
    ipart_money awarded_sum;
    size_t partner_count, signed_count;

    /* the partnership contract (R20-R35) */
    size_t phase_count, target_count, instalment_count; /* of the terms' phase plan */
    ipart__warning *warnings;
    size_t warning_count, warning_capacity;

    /* R51: the joint authorities that consented to each decision type since
     * it was last taken (bit i = member i of the terms' joint block) */
    uint32_t joint_consent[IPART__EV_COUNT];
    /* the audience of a scoped handle (model/scope_p.h); NULL: the authority's full access */
    struct ipart__scope *scope;
    /* what the queries at an earlier point need (model/history_p.h) */
    ipart__history history;
};

/* What an event needs that may fail, prepared before anything changes.
 * Applying zeroes the members before `members` only (the arrays are read up
 * to their counts): a new member that must start at zero goes before it. */
typedef struct ipart__prepared {
    ipart__party *new_party;   /* created and indexed; unindexed and freed on undo */
    size_t member_count;
    ipart__ranking *ranking;   /* a new ranking; freed on undo */
    ipart__arena *arena;       /* the decoded event's arena */
    void *kept;                /* data copied into it that the commit keeps */
    int keep_arena;            /* the commit took the arena: do not free it */
    int borrowed;              /* the event's strings are not in the arena: copy what is kept */
    size_t contract_count;
    size_t warning_count;
    /* Not zeroed: read up to the counts above. */
    ipart__party *members[IPART__MAX_MEMBERS]; /* a consortium's members, after new_party */
    ipart__contract *contracts[IPART__MAX_PARTNERS]; /* new contracts, by award order */
    ipart__warning warnings[IPART__MAX_WARNINGS_PER_EVENT]; /* messages freed on undo */
} ipart__prepared;

/* One entry per event type. */
typedef struct ipart__handler {
    /* Payload-independent: may `actor` (NULL if not a party) send it now? */
    ipart_status (*may_send)(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id);
    /* Every payload guard. `path` is the JSON path of the event. */
    ipart_status (*check)(const ipart_partnership *p, const ipart__event *ev, const char *path);
    /* Fallible preparation beyond the log entry (may be NULL). */
    ipart_status (*prepare)(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr);
    /* The state change. Must not fail. */
    void (*commit)(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr);
} ipart__handler;

/* Each event type's handler, ipart__<handler>_handler (the handler column of
 * the event rows, event_p.h), defined in the handlers_<stage>.c of its stage. */
#define IPART__EV_HANDLER_DECL(name, text, sender, handler, body) \
    extern const ipart__handler ipart__##handler##_handler;
IPART__EVENT_TYPES(IPART__EV_HANDLER_DECL)
#undef IPART__EV_HANDLER_DECL

/*
 * The rules of the state that refuse every payload `actor` could send on or
 * after `date`, beyond may_send (an option past its expiry, a cap with no
 * headroom): built from the same guard functions as the type's check, so
 * that ipart_partnership_action_at() names the rule apply() would. Kept
 * apart from ipart__handler, by type (model/queries.c), for the few types
 * that have such rules; asked only after may_send admitted `actor`, so only
 * for types whose senders are parties (`actor` is never NULL).
 */
typedef ipart_status (*ipart__available_fn)(const ipart_partnership *p, const ipart__party *actor,
                                            ipart_date date, const char *path);
ipart_status ipart__option_available(const ipart_partnership *p, const ipart__party *actor,
                                     ipart_date date, const char *path);

/* The handlers by event type (generated from the event rows). */
extern const ipart__handler *const ipart__handlers[IPART__EV_COUNT];

/* An operator's status ("applied" ... "terminated", as ipart_party.status). */
const char *ipart__operator_status(const ipart_partnership *p, const ipart__party *t);

ipart__party *ipart__party_find(const ipart_partnership *p, const char *id);

/* A party, zeroed but for its id and name, which are copied into the same
 * block (one allocation; freed as a whole with the partnership or the
 * undo). NULL when out of memory. */
ipart__party *ipart__party_alloc(const char *id, const char *name);

/* Grow *items (of `size`-byte elements) to hold `needed`, doubling. 0 when out of memory. */
int ipart__reserve(void **items, size_t *capacity, size_t needed, size_t size);

/* Create and index a party that the commit appends `offset` places after the
 * parties of now (prepare step; room is reserved); undone by
 * ipart__party_discard. */
ipart_status ipart__party_create(ipart__party **out, ipart_partnership *p, const ev_party *src,
                                 ipart_role role, size_t offset);

/* Create and index a party (prepare step); undone by ipart__party_discard. */
ipart_status ipart__party_prepare(ipart_partnership *p, const ev_party *src, ipart_role role,
                                  ipart__prepared *pr);
void ipart__party_discard(ipart_partnership *p, ipart__party *party);

void ipart__ranking_free(ipart__ranking *r);

/* Apply the event `ev` (header and body; d->event or a built event read in
 * place), its strings in d->arena or borrowed (d->borrowed), from `sender`,
 * the party its actor names (NULL if none yet): check, prepare, commit,
 * append. */
ipart_status ipart__apply_event(ipart_partnership *p, const ipart__event *ev, ipart__decoded *d,
                                const ipart__party *sender, const char *path);

/* IPART_OK when events may be applied to `p`: not to a party's scoped
 * handle (IPART_EPERM, R19). */
ipart_status ipart__may_write(const ipart_partnership *p);

/* Fill or check the payload of d->event once its header passed the
 * guards (the JSON path decodes it, the builder checks it is complete);
 * money is in `currency`. On failure d->arena is freed or left to reuse. */
typedef ipart_status (*ipart__body_step)(ipart__decoded *d, const char *currency, const void *ctx);

/* Apply an event whose header (type, date, actor) is in d->event and whose
 * strings are in d->arena (taken from p->decoding): its date, sender and
 * stage, then `body`, then ipart__apply_event(). An error without a path
 * gets `path` ("$" or "$.events[3]"). d->arena, emptied, becomes
 * p->decoding again. The one apply sequence of JSON text and built events. */
ipart_status ipart__apply_guarded(ipart_partnership *p, ipart__decoded *d, const char *path,
                                  ipart__body_step body, const void *ctx);

/* ipart__apply_guarded of an event read where it is (a built event): `ev`
 * in place of d->event, which is neither read nor written (the 840-byte
 * event is not copied); `body` only checks it. */
ipart_status ipart__apply_guarded_at(ipart_partnership *p, const ipart__event *ev,
                                     ipart__decoded *d, const char *path, ipart__body_step body,
                                     const void *ctx);

/* The estimated value (R30) against the EEA threshold in force `on` (R3).
 * IPART_ENOTFOUND when the profile has no threshold for the case. */
ipart_status ipart__threshold_verdict(ipart_threshold_verdict *out, const ipart_partnership *p,
                                      ipart_date on);

struct ipart__text;

/* Record a warning in the prepare step (allocates; kept by the commit), its
 * message already made in every language. */
ipart_status ipart__warn_text(ipart_partnership *p, ipart__prepared *pr, const char *rule,
                              const char *key, const struct ipart__text *message);

/* Record a warning in the prepare step (allocates; kept by the commit): `fmt`
 * is the English msgid of `key`, formatted in every language (core/refusals.c). */
ipart_status ipart__warn(ipart_partnership *p, ipart__prepared *pr, const char *rule,
                         const char *key, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The tender deadline of the invitation has passed: an event is dated after
 * it. An invited candidate without a tender then declined (doc/events.md).
 * Meaningful once candidates are invited. */
int ipart__tender_deadline_passed(const ipart_partnership *p);

/* The common gate of every event: date order, sender, stage. */
ipart_status ipart__may_apply(const ipart_partnership *p, const ipart__event *ev);

/* The event's date is plausible: not before 2000, not after 2199 (the
 * calendars' range), and not more than 30 years after the previous event
 * (a typo such as 9999 would otherwise force every later event into that
 * year). IPART_ERANGE at path.date, key event.date.implausible. A property of
 * the payload, so the actions (dated like the last event) do not ask it. */
ipart_status ipart__date_plausible(const ipart_partnership *p, ipart_date date, const char *path);

#endif
