/*
 * libipart - the need mapping and market dialogue report (doc/events.md:
 * need_mapped, participant_named, dialogue_activity_held,
 * dialogue_information_shared): who took part, what was told to whom, and
 * what was shared with all (R50), as typed rows, and the same report as
 * JSON for the pre-market consultation notice (eForms E1).
 *
 * Every row is read with a count and an index (as the caps and warnings of
 * contract.h). Strings in the rows are borrowed from the partnership and
 * valid until it is next modified or freed; "" stands for an absent string.
 *
 * Threading: as the partnership (one thread at a time).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_DIALOGUE_H
#define IPART_DIALOGUE_H

#include "common.h"
#include "errors.h"
#include "date.h"
#include "partnership.h"

/** One facet of a need mapping (need_mapped), in log order. */
typedef struct ipart_need_facet {
    const char *mapping;  /**< the mapping's id */
    ipart_date date;      /**< the mapping's date */
    const char *facet;    /**< "technology", "strategy", "organisation", "business_development",
                               "market", "users", "legal", "other" */
    const char *finding;  /**< what the mapping found */
    size_t evidence;      /**< its pieces of evidence (source, date, who), at least one */
    size_t consulted;     /**< the groups of users and stakeholders the mapping consulted */
    int described;        /**< 1 when the need description rests on this mapping (R1) */
} ipart_need_facet;

/** One activity of the market dialogue (dialogue_activity_held), in log order. */
typedef struct ipart_dialogue_activity {
    size_t event;         /**< its index in the log */
    const char *activity; /**< its id */
    const char *kind;     /**< "information_meeting", "webinar", "dialogue_conference",
                               "one_to_one", "written_input", "matchmaking" */
    ipart_date date;      /**< the day it was held (the event's date) */
    const char *title;    /**< "" when not given */
    const char *summary;  /**< what happened */
    const char *supplier; /**< one_to_one, written_input: its one supplier's id; else "" */
    int64_t attendance;   /**< head count; -1 when not given */
    size_t information;   /**< information items given in it */
    size_t unshared;      /**< of those, still to be shared with all before the notice (R50) */
} ipart_dialogue_activity;

/** Who took part: one row per activity and supplier or party, in log order. */
typedef struct ipart_dialogue_contact {
    const char *activity; /**< the activity's id */
    const char *id;       /**< the supplier's or the party's id */
    const char *name;     /**< its name */
    const char *role;     /**< "supplier", or the party's role ("authority", "follower",
                               "participant"; ipart_role_name()) */
    const char *kind;     /**< participants: their kind ("knowledge_institution"...); else "" */
    int sme;              /**< suppliers: 1 an SME, 0 not, -1 not stated; parties: -1 */
    int applied;          /**< suppliers: 1 once it applied (participation_requested) under
                               this id - it took part in the preparation, which the
                               assessment should know (R50); parties: 0 */
} ipart_dialogue_contact;

/** An item of information the authority gave: to whom, and whether it was shared with all. */
typedef struct ipart_dialogue_information {
    const char *id;        /**< its id */
    const char *activity;  /**< the activity it was given in */
    const char *text;      /**< what was told */
    const char *given_to;  /**< the supplier of a one-to-one meeting or written input; "" when
                                given to everyone present */
    int must_share;        /**< R50: given in a one-to-one meeting, so shared before the notice */
    int shared;            /**< made available to all (dialogue_information_shared) */
    ipart_date shared_on;  /**< when shared; {0, 0, 0} otherwise */
    const char *channel;   /**< where it was shared; "" otherwise */
} ipart_dialogue_information;

/** A pairing of a matchmaking: which buyer, SMEs and knowledge institutions, for what. */
typedef struct ipart_dialogue_pair {
    const char *activity;      /**< the matchmaking's id */
    const char *authority;     /**< the buyer paired (authority, follower or collaborating
                                    authority) */
    const char *purpose;       /**< what for */
    const char *matched_by;    /**< the participant that matched them; "" when not given */
    size_t smes;               /**< how many SMEs were paired (each with
                                    ipart_partnership_dialogue_pair_member()) */
    size_t knowledge_institutions; /**< how many knowledge institutions were paired */
} ipart_dialogue_pair;

/** A member of a pairing: an SME (a supplier of the matchmaking) or a knowledge institution. */
typedef struct ipart_dialogue_member {
    const char *id;   /**< the supplier's or the knowledge institution's id */
    const char *name; /**< its name */
} ipart_dialogue_member;

IPART_BEGIN_DECL

/** Number of need facets over every need mapping (0 without a mapping). */
IPART_API size_t ipart_partnership_need_facet_count(const ipart_partnership *partnership);

/** The index-th need facet. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_need_facet_at(ipart_need_facet *out,
                                                       const ipart_partnership *partnership,
                                                       size_t index);

/** Number of dialogue activities. */
IPART_API size_t ipart_partnership_dialogue_count(const ipart_partnership *partnership);

/** The index-th dialogue activity. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_dialogue_at(ipart_dialogue_activity *out,
                                                     const ipart_partnership *partnership,
                                                     size_t index);

/** Number of contact rows (suppliers and parties, per activity). */
IPART_API size_t ipart_partnership_dialogue_contact_count(const ipart_partnership *partnership);

/** The index-th contact row. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_dialogue_contact_at(ipart_dialogue_contact *out,
                                                             const ipart_partnership *partnership,
                                                             size_t index);

/** Number of information items given in the dialogue. */
IPART_API size_t ipart_partnership_dialogue_information_count(
    const ipart_partnership *partnership);

/** The index-th information item. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_dialogue_information_at(
    ipart_dialogue_information *out, const ipart_partnership *partnership, size_t index);

/** Number of matchmaking pairings. */
IPART_API size_t ipart_partnership_dialogue_pair_count(const ipart_partnership *partnership);

/** The index-th pairing. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_dialogue_pair_at(ipart_dialogue_pair *out,
                                                          const ipart_partnership *partnership,
                                                          size_t index);

/**
 * The member-th SME (`knowledge_institutions` 0) or knowledge institution
 * (1) of the index-th pairing.
 * @return IPART_OK; IPART_ENOTFOUND past either end; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_dialogue_pair_member(ipart_dialogue_member *out,
                                                              const ipart_partnership *partnership,
                                                              size_t index,
                                                              int knowledge_institutions,
                                                              size_t member);

/**
 * The need mapping and dialogue report as JSON (owned by the caller,
 * ipart_free()): `{"format": "ipart-dialogue", "version": 1, "profile",
 * "authority": {id, name}, "need_mapping": id | null, "facets": [...],
 * "activities": [{..., "contacts": [...], "information": [...], "pairs":
 * [...]}], "unshared": n}` - the rows above with the same names, grouped by
 * activity, for the pre-market consultation notice (eForms E1).
 * @return IPART_OK; IPART_ESTATE before partnership_created; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_dialogue_json(char **out,
                                                       const ipart_partnership *partnership);

IPART_END_DECL

#endif /* IPART_DIALOGUE_H */
