/** @file
 * libipart - who owns, who may use and who may see (doc/rules.md R19, R36-R38;
 * doc/ip-regimes.md).
 *
 * The IP arrangement of the terms (`terms_set`, `ipr`: regime, owners of
 * the results and of the background IP, the right to commercialise and its
 * royalty, licences, the call-back and what survives a termination) decides
 * the rights of every party to each partner's assets. The answers follow
 * the log: a terminated partner, an exercised call-back and a buyer's
 * purchase under the option change them.
 *
 * Assets are named "<partner>.foreground" (the results of its development)
 * and "<partner>.background" (the IP it brought), for every operator with
 * an awarded contract.
 *
 * Threading and ownership as in partnership.h: one thread at a time per
 * partnership; `char **out` results are owned by the caller (ipart_free()).
 * A failed call leaves *out untouched.
 *
 * Audience: a handle from ipart_partnership_as_party() (scope.h) answers
 * what its party may see: rows about other operators are left out of
 * counts and indices, and a call naming another operator's item, or one
 * that is the contracting authority's alone, fails with IPART_EPERM (rule
 * R19). doc/scope.md gives the audience of every function here.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_RIGHTS_H
#define IPART_RIGHTS_H

#include <stddef.h>

#include "common.h"
#include "errors.h"
#include "partnership.h"

/** The rights of one party to one asset: 1 yes, 0 no. */
typedef struct ipart_rights {
    int owns;          /**< owns the asset */
    int use;           /**< may use it */
    int modify;        /**< may modify it */
    int sublicense;    /**< may license it to others */
    int commercialise; /**< may sell or exploit it commercially */
} ipart_rights;

/** The number of rights each explanation answers (owns, use, modify, sublicense, commercialise). */
#define IPART_RIGHT_COUNT 5

/**
 * The rights of one party to one asset with their explanations, at a point
 * of the log (ipart_partnership_rights_explain()). Opaque; owned by the
 * caller and released with ipart_rights_explanation_free(). It keeps what
 * its answers borrow, so it stays valid after the partnership changes or is
 * freed. Immutable: threads may share it.
 */
typedef struct ipart_rights_explanation ipart_rights_explanation;

/** One answer of an explanation. Strings are borrowed from the explanation. */
typedef struct ipart_right_answer {
    const char *right;  /**< "owns", "use", "modify", "sublicense", "commercialise" */
    int answer;         /**< 1 yes, 0 no */
    const char *clause; /**< the clause of the terms that decides it, "" when none does */
    const char *rule;   /**< "R36", "R28", "R37" */
    const char *reason; /**< English; ipart_rights_explanation_reason() gives it in Norwegian */
} ipart_right_answer;

IPART_BEGIN_DECL

/**
 * The rights of `party` (an authority, follower or operator id) to `asset`
 * now (after every event of the log).
 * @return IPART_OK; IPART_ENOTFOUND for an unknown party, a malformed
 *         asset name or an operator without an awarded contract;
 *         IPART_ESTATE (rule R36) while the terms hold no complete IP
 *         arrangement; IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_rights(ipart_rights *out,
                                                const ipart_partnership *partnership,
                                                const char *party, const char *asset);

/**
 * As ipart_partnership_rights(), at a point of the log: after its first
 * `event_count` events. The partnership keeps the history of what the
 * rights rest on (each party's changes), so the answer costs a walk over
 * the changes of the two parties made since that point, not a replay of
 * the log; it allocates nothing. The answers are those the partnership
 * would give had only the first `event_count` events been applied.
 * @return as ipart_partnership_rights(); IPART_ERANGE when `event_count`
 *         exceeds the log.
 */
IPART_API ipart_status ipart_partnership_rights_at(ipart_rights *out,
                                                   const ipart_partnership *partnership,
                                                   size_t event_count, const char *party,
                                                   const char *asset);

/**
 * The rights of `party` to `asset` after the first `event_count` events,
 * each with the clause, rule and reason that decide it (copied into the
 * explanation). *out is owned by the caller (ipart_rights_explanation_free()).
 * @return as ipart_partnership_rights_at(); IPART_ENOMEM; on failure *out
 *         is untouched.
 */
IPART_API ipart_status ipart_partnership_rights_explain(ipart_rights_explanation **out,
                                                        const ipart_partnership *partnership,
                                                        size_t event_count, const char *party,
                                                        const char *asset);

/** Release an explanation. NULL is a no-op. */
IPART_API void ipart_rights_explanation_free(ipart_rights_explanation *explanation);

/** The party asked about (borrowed from the explanation); "" for NULL. */
IPART_API const char *ipart_rights_explanation_party(const ipart_rights_explanation *explanation);

/** The asset asked about (borrowed from the explanation); "" for NULL. */
IPART_API const char *ipart_rights_explanation_asset(const ipart_rights_explanation *explanation);

/** The point of the log it answers for (events counted); 0 for NULL. */
IPART_API size_t ipart_rights_explanation_event_count(
    const ipart_rights_explanation *explanation);

/** Number of answers: IPART_RIGHT_COUNT (0 for NULL). */
IPART_API size_t ipart_rights_explanation_count(const ipart_rights_explanation *explanation);

/**
 * The index-th answer, in the order owns, use, modify, sublicense,
 * commercialise. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_rights_explanation_at(ipart_right_answer *out,
                                                   const ipart_rights_explanation *explanation,
                                                   size_t index);

/**
 * The reason of the index-th answer in `lang`: Norwegian bokmål for "nb",
 * English (ipart_right_answer.reason) for "en" and every other language,
 * NULL included (the fallback of ipart_message_language()). Borrowed from
 * the explanation; "" for NULL or an index past the end. Thread-safe as the
 * explanation is immutable.
 */
IPART_API const char *ipart_rights_explanation_reason(const ipart_rights_explanation *explanation,
                                                      size_t index, const char *lang);

/**
 * JSON export of ipart_partnership_rights_explain() (owned by the caller):
 * `{"party", "asset", "event_count", "owns" | "use" | "modify" |
 * "sublicense" | "commercialise": {"answer": bool, "clause", "rule",
 * "reason", "reason_nb"}}` (the reason in English and Norwegian bokmål).
 * @return as ipart_partnership_rights_explain().
 */
IPART_API ipart_status ipart_partnership_rights_json(char **out,
                                                     const ipart_partnership *partnership,
                                                     size_t event_count, const char *party,
                                                     const char *asset);

/**
 * The party-scoped view of the document (R19, R37), as JSON (owned by the
 * caller): `{"format": "ipart-view", "version": 1, "profile", "party",
 * "events": [{"index", "partial": bool, "event": {...}}], "withheld": n}`.
 * It holds what `party` may see: the public events (the terms, the notice,
 * the award...), its own events and the events about it, of an evaluation
 * only its own scores, of an invitation or reduction only itself, and of
 * another operator's events only what that operator consented to show it
 * (`consent_given`: one event, or one field of it, `partial`). The
 * contracting authority sees the whole log. `withheld` counts the events
 * left out.
 * @return IPART_OK; IPART_ENOTFOUND for an unknown party; IPART_ENOMEM;
 *         IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_view_json(char **out,
                                                   const ipart_partnership *partnership,
                                                   const char *party);

/**
 * How many events the party-scoped view of `party` withholds (the
 * `withheld` of ipart_partnership_view_json()).
 * @return as ipart_partnership_view_json().
 */
IPART_API ipart_status ipart_partnership_view_withheld(size_t *out,
                                                       const ipart_partnership *partnership,
                                                       const char *party);

/**
 * As ipart_partnership_view_json(), at a point of the log: the view
 * `party` had after the first `event_count` events, byte for byte what
 * ipart_partnership_view_json() returns on a partnership holding only
 * those events. Nothing is replayed: each event's visibility is decided
 * on the state as it was then (the parties that existed, the viewer's role
 * then - a follower that a merger made the contracting authority later
 * sees as a follower before it -, the consents given up to that point,
 * the dialogue information shared with all by then), read from the
 * partnership's history (the same as ipart_partnership_rights_at()). The
 * cost is one pass over the first `event_count` events, as the view of a
 * log that long; no state is copied.
 *
 * The result (JSON, as ipart_partnership_view_json()) is owned by the
 * caller (ipart_free()); on failure *out is untouched. A scoped handle
 * (scope.h) gives the views its party could see at that point: its own,
 * and those of the parties it sees as its own (R52, R54); an audience
 * that was no party yet answers with the role it was created with.
 * Reads the partnership only: as every query, one thread at a time per
 * partnership (partnership.h).
 * @return IPART_OK; IPART_ERANGE (key "log.index") when `event_count`
 *         exceeds the log (as ipart_partnership_rights_at());
 *         IPART_ENOTFOUND (key "party.unknown") for a party that was not a
 *         party after the first `event_count` events (unknown, or created
 *         later); IPART_EPERM (R19) from a scoped handle for another
 *         party's view; IPART_ENOMEM; IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_view_at_json(char **out,
                                                      const ipart_partnership *partnership,
                                                      size_t event_count, const char *party);

/**
 * How many of the first `event_count` events the view of `party` at that
 * point withholds (the `withheld` of ipart_partnership_view_at_json()).
 * @return as ipart_partnership_view_at_json().
 */
IPART_API ipart_status ipart_partnership_view_withheld_at(size_t *out,
                                                          const ipart_partnership *partnership,
                                                          size_t event_count, const char *party);

IPART_END_DECL

#endif /* IPART_RIGHTS_H */
