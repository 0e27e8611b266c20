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
 * `event_count` events (replayed on a private copy, so it costs a replay
 * of that prefix unless `event_count` is the whole log).
 * @return as ipart_partnership_rights(); IPART_ERANGE when `event_count`
 *         exceeds the log; IPART_ENOMEM.
 */
IPART_API ipart_status ipart_partnership_rights_at(ipart_rights *out,
                                                   const ipart_partnership *partnership,
                                                   size_t event_count, const char *party,
                                                   const char *asset);

/**
 * The rights with their explanations, as JSON (owned by the caller), after
 * the first `event_count` events: `{"party", "asset", "event_count",
 * "owns" | "use" | "modify" | "sublicense" | "commercialise": {"answer":
 * bool, "clause": the clause of the terms that decides it ("" when none
 * does), "rule": "R36" | "R28" | "R37", "reason": English}}`.
 * @return as ipart_partnership_rights_at().
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

IPART_END_DECL

#endif /* IPART_RIGHTS_H */
