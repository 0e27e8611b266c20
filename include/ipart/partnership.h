/** @file
 * libipart - the partnership: an append-only log of events, its state
 * derived by applying them through guards that enforce the rules of
 * doc/rules.md (see doc/events.md for every event type, its sender, stage and
 * rules).
 *
 * Atomicity: a call that fails changes nothing - not the state, not the
 * log, not the saved bytes - also when it fails for lack of memory.
 *
 * Threading: a partnership may be used by one thread at a time; distinct
 * partnerships (clones included) are independent.
 *
 * Ownership: see doc/ownership.md. Strings returned through `char **out`
 * are released with ipart_free(); `const char *` results are borrowed from
 * the partnership and valid until it is next modified or freed.
 *
 * Audience: a handle from ipart_partnership_as_party() (scope.h) answers
 * what its party may see: rows about other operators are left out of
 * counts and indices, and a call naming another operator's item, or one
 * that is the contracting authority's alone, fails with IPART_EPERM (rule
 * R19). doc/scope.md gives the audience of every function here.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_PARTNERSHIP_H
#define IPART_PARTNERSHIP_H

#include "common.h"
#include "errors.h"
#include "money.h"
#include "date.h"

/** A partnership (one procurement case). Opaque. */
typedef struct ipart_partnership ipart_partnership;

/**
 * The one table of procedure stages: XX(NAME, value, json_name, description).
 * It generates the enum ipart_stage, ipart_stage_name() and the bindings'
 * Stage enums (Java's no.ipart.Stage at build time). Values never change once
 * released; new stages are only appended.
 */
#define IPART_STAGE_MAP(XX)                                                              \
    XX(NEED_IDENTIFICATION, 0, "need_identification", "the need is being identified")    \
    XX(MARKET_DIALOGUE, 1, "market_dialogue", "market dialogue before the notice")      \
    XX(NOTICE_PUBLISHED, 2, "notice_published", "the contract notice is published")    \
    XX(PREQUALIFICATION, 3, "prequalification", "requests to participate are assessed") \
    XX(NEGOTIATION, 4, "negotiation", "tenders are negotiated")                          \
    XX(FINAL_TENDERS, 5, "final_tenders", "final tenders are called")                   \
    XX(AWARD_STANDSTILL, 6, "award_standstill", "the award decision's standstill")      \
    XX(DEVELOPMENT, 7, "development", "partners develop in phases")                      \
    XX(PURCHASE, 8, "purchase", "the developed solution may be bought")                  \
    XX(COMPLETED, 9, "completed", "the partnership is completed")                        \
    XX(CANCELLED, 10, "cancelled", "cancelled before contracts")                         \
    XX(TERMINATED, 11, "terminated", "terminated after contracts")

/** Procedure stages, generated from IPART_STAGE_MAP (JSON: ipart_stage_name()). */
typedef enum ipart_stage {
#define IPART__STAGE_ENUM(name, value, json, text) IPART_STAGE_##name = value,
    IPART_STAGE_MAP(IPART__STAGE_ENUM)
#undef IPART__STAGE_ENUM
} ipart_stage;

/**
 * The one table of party roles: XX(NAME, value, json_name, description); it
 * generates ipart_role, ipart_role_name() and Java's no.ipart.Role.
 */
#define IPART_ROLE_MAP(XX)                                                               \
    XX(AUTHORITY, 0, "authority", "the contracting authority")                           \
    XX(FOLLOWER, 1, "follower", "a named follower authority")                            \
    XX(OPERATOR, 2, "operator", "an economic operator (candidate, tenderer, partner)")    \
    XX(PARTICIPANT, 3, "participant", "takes part without buying: a collaborating authority, a " \
                                      "knowledge institution, an innovation agent (participant_named)") \
    XX(MEMBER, 4, "member", "a member of a consortium operator (R52); it acts for the "        \
                            "consortium only as its lead or an authorised member")

/** Roles of parties, generated from IPART_ROLE_MAP. */
typedef enum ipart_role {
#define IPART__ROLE_ENUM(name, value, json, text) IPART_ROLE_##name = value,
    IPART_ROLE_MAP(IPART__ROLE_ENUM)
#undef IPART__ROLE_ENUM
} ipart_role;

/** A party. Strings are borrowed from the partnership. */
typedef struct ipart_party {
    const char *id;     /**< the party's id in events ("stavanger", "op05") */
    const char *name;   /**< its display name */
    ipart_role role;    /**< authority, follower, operator or participant */
    const char *kind;   /**< authority kind ("sub_central", "hospital_trust"...; the
                             profile's dated table, doc/authority-kinds.md),
                             participant kind ("knowledge_institution"...), or ""
                             for operators */
    const char *status; /**< operators: "applied", "qualified", "rejected", "invited",
                             "declined" (invited, no tender, and an event is
                             dated after the tender deadline), "tendering",
                             "not_awarded" (tendered, not in the award once it
                             is decided), "eliminated", "awarded", "partner",
                             "terminated" (its contract ended after a phase);
                             authorities and followers: "" */
    const char *parent; /**< authorities and followers: the id of the party that buys
                             for it as its group's central purchasing body (a
                             regional health authority for its hospital trusts,
                             R54), "" for none */
} ipart_party;

/**
 * The earliest date-driven step. Strings are static. For the deadlines
 * (request, tender, resubmission, final tender) `date` is the deadline day
 * itself, the last day on which submissions arrive in time; for
 * "standstill_end" it is the first day a contract may be signed (the day
 * after the standstill period has expired, R40).
 */
typedef struct ipart_due {
    ipart_date date;          /**< see above */
    const char *kind;         /**< "request_deadline", "tender_deadline",
                                   "resubmission_deadline", "final_tender_deadline",
                                   "standstill_end" */
    const char *event_type;   /**< the event expected then ("candidate_assessed"...) */
} ipart_due;

/** The threshold verdict of R3/R30. */
typedef struct ipart_threshold_verdict {
    ipart_money estimated_value; /**< R30: max R&D value + estimated purchase value */
    ipart_money threshold;       /**< the EEA threshold in force at the notice date
                                      (or at the last event before it) */
    int above;                   /**< 1 when estimated_value >= threshold */
    ipart_date valid_from;       /**< first day the threshold was in force */
} ipart_threshold_verdict;


/**
 * An economic operator's standing in the competition (one row of
 * ipart_partnership_tenderer_at()). Strings are borrowed from the
 * partnership (valid until it is next modified or freed); the tender
 * fields hold zeros and "" while `has_tender` is 0.
 */
typedef struct ipart_tenderer {
    const char *id;           /**< the operator's party id */
    const char *name;         /**< the operator's name */
    const char *status;       /**< as ipart_party.status */
    int qualified;            /**< 1 when its request was assessed as qualified */
    int invited;              /**< 1 when it was invited to tender */
    int eliminated;           /**< 1 when a reduction or rejection left it out */
    int has_tender;           /**< 1 when it submitted a tender */
    const char *tender_kind;  /**< "initial", "intermediate", "final"; "" without one */
    int tender_version;       /**< 1 for the first tender, counting resubmissions */
    ipart_money price;        /**< the latest tender's evaluated price */
    ipart_money development_price; /**< its price of the development (R33) */
    ipart_date tender_date;   /**< the day it was submitted */
} ipart_tenderer;

/**
 * One tenderer of the last `tenders_evaluated` (ipart_partnership_ranked_at()).
 * Points are integers in millionths of a point out of 100 (87500000 =
 * 87.5 points); tied tenderers share a rank.
 */
typedef struct ipart_ranked {
    const char *tenderer; /**< the operator's id, borrowed */
    int rank;             /**< 1 = best */
    int tied;             /**< 1 when another tenderer has the same total */
    int64_t total;        /**< millionths of a point */
    size_t criteria;      /**< its scores: ipart_partnership_ranked_score_at() */
} ipart_ranked;

/** One tenderer's points on one award criterion. */
typedef struct ipart_score {
    const char *criterion; /**< the award criterion's id, borrowed from the terms */
    int64_t points;        /**< millionths of a point (weight included) */
} ipart_score;

/** The header of a logged event. */
typedef struct ipart_event_header {
    const char *type;   /**< the event type ("tender_submitted"); static */
    ipart_date date;    /**< the date the event carries */
    const char *actor;  /**< the sender's id, borrowed from the partnership */
} ipart_event_header;

/**
 * Whether an actor may send one event type now (ipart_partnership_action_at()).
 * The texts are copied into the struct: they stay valid as long as it does.
 */
typedef struct ipart_action {
    const char *type;   /**< the event type ("tender_submitted"); static */
    int allowed;        /**< 1 when the actor may send it now */
    int code;           /**< an ipart_status: IPART_OK when allowed, else the code apply()
                             would return (ipart_error_name() gives its name) */
    char rule[16];      /**< the blocking rule ("R14"), or "" */
    char reason[512];   /**< English, or "" when allowed */
    char reason_nb[512]; /**< the same reason in Norwegian bokmål (ipart_error_message_in("nb")
                              when the probe failed), or "" when allowed */
} ipart_action;

IPART_BEGIN_DECL

/** The JSON name of a stage ("need_identification"...); "unknown" otherwise. Static. */
IPART_API const char *ipart_stage_name(ipart_stage stage);

/** The JSON name of a role ("authority", "follower", "operator", "participant",
 * "member");
 *  "unknown" otherwise. */
IPART_API const char *ipart_role_name(ipart_role role);

/**
 * A new, empty partnership under a jurisdiction profile ("NO", "SE", "DK",
 * "EU"). Its first event must be `partnership_created`.
 * @return IPART_OK; IPART_EINVAL for an unknown profile; IPART_ENOMEM;
 *         IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_new(ipart_partnership **out, const char *profile);

/** Release a partnership. NULL is a no-op. */
IPART_API void ipart_partnership_free(ipart_partnership *partnership);

/**
 * An independent deep copy (for what-if scenarios): applying events to one
 * never affects the other. @return IPART_OK; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_clone(ipart_partnership **out,
                                               const ipart_partnership *partnership);

/**
 * Apply one event given as a JSON object (UTF-8, NUL-terminated): check its
 * shape, its sender and every guard against the current state, then commit
 * it and append it to the log in canonical form.
 * @return IPART_OK; IPART_EPARSE (not JSON); IPART_EINVAL (shape: unknown,
 *         missing or mistyped field, the detail's path names it);
 *         IPART_EPERM (wrong sender); IPART_ESTATE (wrong stage, or a date
 *         before the previous event's); IPART_ERULE (a rule, named in the
 *         detail); IPART_EEXISTS, IPART_ENOTFOUND (ids); IPART_ENOMEM;
 *         IPART_ERANGE beyond the input limits (below).
 *         On any failure the partnership is unchanged.
 *
 * Input limits, the same for ipart_partnership_load(), _apply() and
 * ipart_partnership_what_if_json(), checked before the text is parsed:
 * at most 64 MiB of text (IPART_ERANGE, path "$"); nesting depth 32, the
 * outermost value being level 1 and every value one more than its
 * container (IPART_ERANGE at the first value too deep); no UTF-8
 * byte-order mark (IPART_EPARSE); no NUL character in any string or key,
 * escaped (`\\u0000`) or not, as it would cut the string short (IPART_EINVAL
 * at its path). Duplicate keys and ids are refused (IPART_EINVAL at the
 * repeat) in time linear in their number. Parsing takes about 40 bytes of
 * memory per byte of text.
 */
IPART_API ipart_status ipart_partnership_apply(ipart_partnership *partnership,
                                               const char *event_json);

/**
 * Apply a batch of events given as one JSON array of event objects, in
 * order, as ipart_partnership_apply() would one by one, paying the call
 * once (bindings: one crossing for the whole batch).
 *
 * Atomicity is per event, not per batch: each event is all-or-nothing; the
 * first refused event stops the batch with its error, whose path names it
 * ("$[3].tender.price"), and the events before it stay applied
 * (ipart_partnership_event_count() tells how many). Text that is not a JSON
 * array of at most 1 000 000 values applies nothing. For all-or-nothing
 * over the batch, apply it to an ipart_partnership_clone() and keep the
 * clone on success.
 *
 * Memory: every event of the batch is decoded before the first is applied,
 * and held until the batch ends: about 1.2 bytes per byte of text for
 * events as save writes them (385 bytes per Stavanger event), at most about
 * 16 for text made of arrays of short ids. Text the streaming decoder does
 * not take is parsed as for ipart_partnership_apply() (about 40 bytes per
 * byte). Out of memory while decoding applies nothing. A host that holds
 * the batch already parsed (its JSON library's tree) applies it without
 * the text with ipart_partnership_apply_tree() (ipart/tree.h).
 * @return as ipart_partnership_apply(); IPART_EINVAL when the text is not
 *         an array; IPART_ERANGE beyond the limits of
 *         ipart_partnership_load().
 */
IPART_API ipart_status ipart_partnership_apply_all(ipart_partnership *partnership,
                                                   const char *events_json);

/**
 * Load a document: `{"format": "ipart-document", "version": 1, "profile":
 * ..., "events": [...]}`, replaying every event through the same guards as
 * ipart_partnership_apply(). A rejected event fails the load with the
 * detail's path naming it ("$.events[7].tender.price") and its rule.
 * Limits: those of ipart_partnership_apply(), and 1 000 000 events.
 * @return as ipart_partnership_apply(), plus IPART_EVERSION for another
 *         format version and IPART_ERANGE beyond the limits.
 */
IPART_API ipart_status ipart_partnership_load(ipart_partnership **out, const char *document_json);

/**
 * The canonical document: fixed key order, canonical money strings, one
 * event per line. load(save(p)) saves to the same bytes. *out is owned by
 * the caller (ipart_free()). @return IPART_OK; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_save(char **out, const ipart_partnership *partnership);

/** The profile code ("NO"). Borrowed. */
IPART_API const char *ipart_partnership_profile(const ipart_partnership *partnership);

/** The currency of the case ("" before partnership_created). Borrowed. */
IPART_API const char *ipart_partnership_currency(const ipart_partnership *partnership);

/** The current stage. */
IPART_API ipart_stage ipart_partnership_stage(const ipart_partnership *partnership);

/** Number of events in the log. */
IPART_API size_t ipart_partnership_event_count(const ipart_partnership *partnership);

/**
 * The canonical JSON of the index-th event (owned by the caller).
 * @return IPART_OK; IPART_ENOTFOUND past the end; IPART_ENOMEM.
 */
IPART_API ipart_status ipart_partnership_event_at(char **out, const ipart_partnership *partnership,
                                                  size_t index);

/**
 * The type, date and sender of the index-th event, without its payload.
 * @return IPART_OK; IPART_ENOTFOUND past the end; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_event_header_at(ipart_event_header *out,
                                                         const ipart_partnership *partnership,
                                                         size_t index);

/** Number of parties (authority, followers, operators) in order of appearance. */
IPART_API size_t ipart_partnership_party_count(const ipart_partnership *partnership);

/** The index-th party. @return IPART_OK; IPART_ENOTFOUND past the end. */
IPART_API ipart_status ipart_partnership_party_at(ipart_party *out,
                                                  const ipart_partnership *partnership,
                                                  size_t index);

/** The party with an id. @return IPART_OK; IPART_ENOTFOUND. */
IPART_API ipart_status ipart_partnership_party_get(ipart_party *out,
                                                   const ipart_partnership *partnership,
                                                   const char *id);

/**
 * Number of economic operators (candidates and tenderers), in order of
 * application; ipart_partnership_tenderer_at() reads them.
 * Returns 0 for NULL.
 */
IPART_API size_t ipart_partnership_tenderer_count(const ipart_partnership *partnership);

/**
 * The index-th operator with its latest tender.
 * @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_partnership_tenderer_at(ipart_tenderer *out,
                                                     const ipart_partnership *partnership,
                                                     size_t index);

/**
 * Number of ranked tenderers of the last `tenders_evaluated` (0 before
 * any evaluation, or for NULL).
 */
IPART_API size_t ipart_partnership_ranked_count(const ipart_partnership *partnership);

/**
 * The index-th ranked tenderer, best first.
 * @return IPART_OK; IPART_ENOTFOUND before any evaluation or past the end;
 *         IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_partnership_ranked_at(ipart_ranked *out,
                                                   const ipart_partnership *partnership,
                                                   size_t index);

/**
 * The points of the index-th ranked tenderer on its criterion-th award
 * criterion (the order of the terms).
 * @return IPART_OK; IPART_ENOTFOUND past either end; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_ranked_score_at(ipart_score *out,
                                                         const ipart_partnership *partnership,
                                                         size_t index, size_t criterion);

/** Number of event types, i.e. of rows ipart_partnership_action_at() answers. */
IPART_API size_t ipart_partnership_action_count(const ipart_partnership *partnership);

/**
 * May `actor` send the index-th event type now? The same gate apply() uses,
 * checked on a payload-free event dated like the last one, and every rule of
 * the state that would refuse any payload the actor could send: an option
 * held by someone else, past its expiry, bought up to the actor's quantity,
 * on no accepted solution, or with no headroom left under a stop cap (one
 * unit at the smallest positive price would exceed it). The rule and reason
 * are the ones apply() would give. Rules that depend on the payload (which
 * partner, which amount) are checked when the event is applied. A refusal is an answer, not
 * an error: the call returns IPART_OK and leaves no error detail.
 * @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_partnership_action_at(ipart_action *out,
                                                   const ipart_partnership *partnership,
                                                   const char *actor, size_t index);

/**
 * JSON export of the tenderer rows (owned by the caller): for each
 * operator `{"id", "name", "status", "qualified", "invited", "eliminated",
 * "tender": null | {"kind", "version", "price", "development_price",
 * "date"}}` in order of application. Written from
 * ipart_partnership_tenderer_at(). @return IPART_OK; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_tenderers_json(char **out,
                                                        const ipart_partnership *partnership);

/**
 * JSON export of the ranking (owned by the caller), best first:
 * `{"tenderer", "rank", "total", "tied", "scores": {criterion: points}}`;
 * totals and points are decimal strings of points with six decimals
 * ("87.500000"). Written from ipart_partnership_ranked_at().
 * @return IPART_OK; IPART_ENOTFOUND before any evaluation; IPART_ENOMEM.
 */
IPART_API ipart_status ipart_partnership_ranking_json(char **out,
                                                      const ipart_partnership *partnership);

/**
 * JSON export of ipart_partnership_action_at() over every event type
 * (owned by the caller): `{"type", "allowed": bool, "code": "IPART_ESTATE"
 * | null, "rule": "R14" | null, "reason": "..." | null, "reason_nb": "..." | null}`
 * (`reason_nb`: the same reason in Norwegian bokmål, doc/languages.md).
 * @return IPART_OK; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_actions_json(char **out,
                                                      const ipart_partnership *partnership,
                                                      const char *actor);

/**
 * The earliest date-driven step. @return IPART_OK; IPART_ENOTFOUND when no
 * deadline is pending.
 */
IPART_API ipart_status ipart_partnership_next_due(ipart_due *out,
                                                  const ipart_partnership *partnership);

/**
 * The estimated value (R30) and the EEA threshold verdict (R3).
 * @return IPART_OK; IPART_ESTATE before `terms_set`; IPART_ENOTFOUND when
 *         the profile has no threshold for the authority kind, contract
 *         type, currency and date.
 */
IPART_API ipart_status ipart_partnership_threshold(ipart_threshold_verdict *out,
                                                   const ipart_partnership *partnership);

/** The development budget cap of the terms (R33). @return IPART_OK; IPART_ESTATE before terms_set. */
IPART_API ipart_status ipart_partnership_budget_cap(ipart_money *out,
                                                    const ipart_partnership *partnership);

/**
 * The sum of development prices awarded (0 before the award).
 * @return IPART_OK; IPART_ESTATE before partnership_created.
 */
IPART_API ipart_status ipart_partnership_awarded_sum(ipart_money *out,
                                                     const ipart_partnership *partnership);

IPART_END_DECL

#endif /* IPART_PARTNERSHIP_H */
