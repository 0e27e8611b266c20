/*
 * Private: typed events. The io layer decodes JSON into these (all strings
 * and arrays live in the event's arena) and encodes them back canonically;
 * the model applies them. See doc/events.md for the meaning of each field.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_EVENT_P_H
#define IPART_MODEL_EVENT_P_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena_p.h"
#include "ipart/date.h"
#include "ipart/money.h"

#define IPART__EVENT_TYPES(X)                      \
    X(PARTNERSHIP_CREATED, "partnership_created")  \
    X(FOLLOWER_NAMED, "follower_named")            \
    X(NEED_DESCRIBED, "need_described")            \
    X(MARKET_DIALOGUE_HELD, "market_dialogue_held") \
    X(TERMS_SET, "terms_set")                      \
    X(NOTICE_PUBLISHED, "notice_published")        \
    X(PARTICIPATION_REQUESTED, "participation_requested") \
    X(CANDIDATE_ASSESSED, "candidate_assessed")    \
    X(CANDIDATES_INVITED, "candidates_invited")    \
    X(TENDER_SUBMITTED, "tender_submitted")        \
    X(NEGOTIATION_HELD, "negotiation_held")        \
    X(DOCUMENTS_CHANGED, "documents_changed")      \
    X(TENDERS_REDUCED, "tenders_reduced")          \
    X(FINAL_TENDERS_CALLED, "final_tenders_called") \
    X(TENDERS_EVALUATED, "tenders_evaluated")      \
    X(AWARD_DECIDED, "award_decided")              \
    X(CONTRACT_SIGNED, "contract_signed")          \
    X(PROCEDURE_CANCELLED, "procedure_cancelled")  \
    X(CONSENT_GIVEN, "consent_given")              \
    X(NOTE_RECORDED, "note_recorded")

typedef enum ipart__event_type {
#define IPART__EV_ENUM(name, text) IPART__EV_##name,
    IPART__EVENT_TYPES(IPART__EV_ENUM)
#undef IPART__EV_ENUM
    IPART__EV_COUNT
} ipart__event_type;

/* The JSON name of an event type; NULL for an out-of-range value. */
const char *ipart__event_type_name(ipart__event_type type);

/* A counted array in an arena. */
typedef struct ipart__array {
    void *items;
    size_t count;
} ipart__array;

/* Enumerations carried by events: the index into the name lists of the codec. */
typedef enum { EV_KIND_CENTRAL_GOVERNMENT, EV_KIND_SUB_CENTRAL, EV_KIND_BODY_PUBLIC_LAW,
               EV_KIND_UTILITY } ev_authority_kind;
typedef enum { EV_CONTRACT_SUPPLIES, EV_CONTRACT_SERVICES, EV_CONTRACT_WORKS } ev_contract_type;
typedef enum { EV_SEL_RND_CAPACITY, EV_SEL_INNOVATION_IMPLEMENTATION, EV_SEL_ECONOMIC_FINANCIAL,
               EV_SEL_TECHNICAL_PROFESSIONAL, EV_SEL_OTHER } ev_selection_kind;
typedef enum { EV_CRIT_PRICE, EV_CRIT_COST, EV_CRIT_QUALITY } ev_criterion_kind;
typedef enum { EV_IPR_SUPPLIER_OWNS, EV_IPR_SUPPLIER_OWNS_LICENCE, EV_IPR_SUPPLIER_OWNS_CALL_BACK,
               EV_IPR_AUTHORITY_OWNS, EV_IPR_JOINT } ev_ipr_regime;
typedef enum { EV_TENDER_INITIAL, EV_TENDER_INTERMEDIATE, EV_TENDER_FINAL } ev_tender_kind;
typedef enum { EV_RND_EXISTING, EV_RND_PLANNED } ev_separate_rnd;
typedef enum { EV_REGIME_LOU, EV_REGIME_LUFS } ev_regime;

typedef struct ev_party {
    const char *id;
    const char *name;
    int kind;          /* ev_authority_kind (authorities and followers) */
    int has_kind;
    const char *org_no; /* operators, optional */
} ev_party;

typedef struct ev_requirement {
    const char *id;
    const char *text;
} ev_requirement;

typedef struct ev_selection_criterion {
    const char *id;
    const char *text;
    int kind; /* ev_selection_kind */
} ev_selection_criterion;

typedef struct ev_award_criterion {
    const char *id;
    const char *name;
    int kind;       /* ev_criterion_kind */
    int64_t weight; /* basis points; the criteria sum to 10000 */
} ev_award_criterion;

typedef struct ev_score {
    const char *tenderer;
    const char *criterion;
    int64_t score;
} ev_score;

typedef struct ev_award_partner {
    const char *tenderer;
    int separate_rnd; /* ev_separate_rnd */
    int has_separate_rnd;
} ev_award_partner;

typedef struct ev_terms {
    int contract_type;
    ipart__array minimum_requirements; /* ev_requirement */
    ipart__array selection_criteria;   /* ev_selection_criterion */
    ipart__array award_criteria;       /* ev_award_criterion */
    int64_t quality_scale;
    int has_quality_scale;
    struct {
        int model; /* ipart_price_model; "relative" when the terms have no price_model */
        ipart_money reference_price; /* linear model; absent: the highest tender price */
        int has_reference_price;
    } price_model;
    int has_price_model;
    struct {
        int64_t min;
        int64_t max;
        int has_max; /* null = no maximum */
    } candidates;
    struct {
        int staged_reduction;
        int termination_after_phase;
        int award_on_initial_tender;
    } reservations;
    struct {
        int regime; /* ev_ipr_regime */
        const char *description;
    } ipr;
    int has_ipr;
    struct {
        ipart_money development_cap;
        ipart_money max_rnd_value;
        ipart_money estimated_purchase_value;
    } budget;
    const char *later_purchase;
    int tender_documents_complete;
    int has_tender_documents_complete;
    const char *contract_draft;
    const char *deadline_justification;
    int max_value_disclosed;
    int has_max_value_disclosed;
    struct {
        int award_on_initial_tender;
        int several_contracts;
        int remuneration;
        int reduce_on_intermediate_targets;
    } disclosures;
    int has_disclosures;
} ev_terms;

typedef struct ipart__event {
    ipart__event_type type;
    ipart_date date;
    const char *actor;
    union {
        struct {
            ev_party authority;
            const char *title;
            const char *currency;
            int electronic_communication;
            int has_electronic_communication;
            int regime; /* ev_regime */
            int has_regime;
        } created;
        struct {
            ev_party follower;
        } follower;
        struct {
            const char *need_description;
            int market_check_done;
            const char *market_check_justification;
        } need;
        struct {
            const char *summary;
            int64_t participants;
        } dialogue;
        ev_terms terms;
        struct {
            ipart_date request_deadline;
            const char *channel;
        } notice;
        struct {
            ev_party operator_;
        } request;
        struct {
            const char *candidate;
            int qualified;
            const char *reason;
        } assessed;
        struct {
            ipart__array candidates; /* const char * */
            ipart_date tender_deadline;
            const char *reason;
        } invited;
        struct {
            struct {
                int kind; /* ev_tender_kind */
                ipart_money development_price;
                ipart_money price;
                const char *proposal;
            } tender;
        } tender;
        struct {
            const char *tenderer;
            const char *summary;
        } negotiation;
        struct {
            const char *description;
            int changes_minimum_requirements;
            int changes_award_criteria;
            ipart__array notified; /* const char * */
            ipart_date resubmission_deadline;
            const char *reason;
        } changed;
        struct {
            ipart__array eliminated; /* const char * */
            const char *reason;
        } reduced;
        struct {
            ipart_date deadline;
        } final_called;
        struct {
            ipart__array scores; /* ev_score */
            const char *reason;
        } evaluated;
        struct {
            ipart__array partners; /* ev_award_partner */
            const char *reasons;
            const char *reason;
        } award;
        struct {
            const char *partner;
        } signed_;
        struct {
            const char *reason;
        } cancelled;
        struct {
            /* item: {"event": n, "field": "..."} for one item, or a string
             * (a blanket consent, refused by R19). */
            int blanket;
            const char *blanket_text;
            int64_t item_event;
            const char *item_field;
            ipart__array recipients; /* const char * */
        } consent;
        struct {
            const char *text;
        } note;
    } as;
} ipart__event;

/* A decoded event with the arena that holds its strings and arrays. */
typedef struct ipart__decoded {
    ipart__event event;
    ipart__arena arena;
} ipart__decoded;

#endif
