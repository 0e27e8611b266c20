/*
 * Private: typed events. The io layer decodes JSON into these (all strings
 * and arrays live in the event's arena) by the field specs of
 * model/event_spec_p.h; the model applies them and writes them back
 * canonically by the same specs. See doc/events.md for each field.
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
#include "rules/ipr_p.h"

/*
 * The event types: one row each, and every table of the library is generated
 * from it (the names, the payload specs of model/event_spec.c, the handler
 * table and its declarations). A row is
 *
 *   X(ENUM, "json_name", sender, handler, body)
 *
 *   sender  - who may send it (ipart__sender: AUTHORITY, OPERATOR, BUYER =
 *             the authority or a follower, PARTY = any party, ANYONE); the
 *             handler's may_send refuses every other role with IPART_EPERM
 *   handler - its ipart__handler is ipart__<handler>_handler, defined in the
 *             handlers_<stage>.c of its stage
 *   body    - its payload spec is <body>_fields in model/event_spec.c
 *
 * doc/adding-an-event.md says how to add one.
 */
#define IPART__EVENT_TYPES(X) \
  X(PARTNERSHIP_CREATED, "partnership_created", ANYONE, partnership_created, created) \
  X(FOLLOWER_NAMED, "follower_named", AUTHORITY, follower_named, follower) \
  X(NEED_DESCRIBED, "need_described", AUTHORITY, need_described, need) \
  X(MARKET_DIALOGUE_HELD, "market_dialogue_held", AUTHORITY, market_dialogue_held, dialogue) \
  X(NEED_MAPPED, "need_mapped", AUTHORITY, need_mapped, need_mapping) \
  X(PARTICIPANT_NAMED, "participant_named", AUTHORITY, participant_named, participant) \
  X(DIALOGUE_ACTIVITY_HELD, "dialogue_activity_held", AUTHORITY, dialogue_activity_held, \
    activity) \
  X(DIALOGUE_INFORMATION_SHARED, "dialogue_information_shared", AUTHORITY, \
    dialogue_information_shared, shared) \
  X(TERMS_SET, "terms_set", AUTHORITY, terms_set, terms) \
  X(NOTICE_PUBLISHED, "notice_published", AUTHORITY, notice_published, notice) \
  X(PARTICIPATION_REQUESTED, "participation_requested", OPERATOR, participation_requested, \
    request) \
  X(CANDIDATE_ASSESSED, "candidate_assessed", AUTHORITY, candidate_assessed, assessed) \
  X(CANDIDATES_INVITED, "candidates_invited", AUTHORITY, candidates_invited, invited) \
  X(TENDER_SUBMITTED, "tender_submitted", OPERATOR, tender_submitted, tender_event) \
  X(NEGOTIATION_HELD, "negotiation_held", AUTHORITY, negotiation_held, negotiation) \
  X(DOCUMENTS_CHANGED, "documents_changed", AUTHORITY, documents_changed, changed) \
  X(TENDERS_REDUCED, "tenders_reduced", AUTHORITY, tenders_reduced, reduced) \
  X(FINAL_TENDERS_CALLED, "final_tenders_called", AUTHORITY, final_tenders_called, final_called) \
  X(TENDERS_EVALUATED, "tenders_evaluated", AUTHORITY, tenders_evaluated, evaluated) \
  X(AWARD_DECIDED, "award_decided", AUTHORITY, award_decided, award) \
  X(CONTRACT_SIGNED, "contract_signed", AUTHORITY, contract_signed, signed) \
  X(PROCEDURE_CANCELLED, "procedure_cancelled", AUTHORITY, procedure_cancelled, cancelled) \
  X(PHASE_STARTED, "phase_started", AUTHORITY, phase_started, phase_started) \
  X(MILESTONE_ASSESSED, "milestone_assessed", AUTHORITY, milestone_assessed, milestone) \
  X(INSTALMENT_PAID, "instalment_paid", AUTHORITY, instalment_paid, payment) \
  X(CONTRACT_CHANGED, "contract_changed", AUTHORITY, contract_changed, change) \
  X(PHASE_GATE_DECIDED, "phase_gate_decided", AUTHORITY, phase_gate_decided, gate) \
  X(PARTNERSHIP_TERMINATED, "partnership_terminated", AUTHORITY, partnership_terminated, \
    cancelled) \
  X(SOLUTION_ACCEPTED, "solution_accepted", AUTHORITY, solution_accepted, accepted) \
  X(OPTION_EXERCISED, "option_exercised", BUYER, option_exercised, option_event) \
  X(OPTION_LAPSED, "option_lapsed", AUTHORITY, option_lapsed, lapsed) \
  X(PARTNERSHIP_COMPLETED, "partnership_completed", AUTHORITY, partnership_completed, cancelled) \
  X(CALL_BACK_EXERCISED, "call_back_exercised", AUTHORITY, call_back_exercised, call_back_event) \
  X(CONSENT_GIVEN, "consent_given", OPERATOR, consent_given, consent) \
  X(NOTE_RECORDED, "note_recorded", PARTY, note_recorded, note) \
  X(JOINT_AUTHORITY_NAMED, "joint_authority_named", AUTHORITY, joint_authority_named, \
    joint_named) \
  X(JOINT_CONSENT_GIVEN, "joint_consent_given", AUTHORITY, joint_consent_given, joint_consent) \
  X(ADOPTION_RECORDED, "adoption_recorded", AUTHORITY, adoption_recorded, adoption) \
  X(AUTHORITY_SUCCEEDED, "authority_succeeded", AUTHORITY, authority_succeeded, succession) \
  X(FUNDING_GRANTED, "funding_granted", AUTHORITY, funding_granted, funding)

typedef enum ipart__event_type {
#define IPART__EV_ENUM(name, ...) IPART__EV_##name,
    IPART__EVENT_TYPES(IPART__EV_ENUM)
#undef IPART__EV_ENUM
    IPART__EV_COUNT
} ipart__event_type;

/* Who may send an event type (the sender column of IPART__EVENT_TYPES). */
typedef enum ipart__sender {
    IPART__SENDER_ANYONE,    /* no role is refused (the first event names its authority) */
    IPART__SENDER_PARTY,     /* any party of the partnership */
    IPART__SENDER_AUTHORITY, /* the contracting authority */
    IPART__SENDER_OPERATOR,  /* an economic operator */
    IPART__SENDER_BUYER      /* the authority or a follower (the option, R28) */
} ipart__sender;

/* The sender of an event type; IPART__SENDER_ANYONE for an out-of-range value. */
ipart__sender ipart__event_sender(ipart__event_type type);

/* The JSON name of an event type; NULL for an out-of-range value. */
const char *ipart__event_type_name(ipart__event_type type);

/* The event type with a JSON name; IPART__EV_COUNT for none. */
ipart__event_type ipart__event_type_of(const char *name);

/* A counted array in an arena. */
typedef struct ipart__array {
    void *items;
    size_t count;
} ipart__array;

/* Enumerations carried by events: the index into the name lists of the codec. */
/* Authority kinds: ipart__authority_kind (rules/rules_p.h), classified per
 * profile and date by the table of rules/kinds.c (R54). */
typedef enum { EV_CONTRACT_SUPPLIES, EV_CONTRACT_SERVICES, EV_CONTRACT_WORKS } ev_contract_type;
typedef enum { EV_SEL_RND_CAPACITY, EV_SEL_INNOVATION_IMPLEMENTATION, EV_SEL_ECONOMIC_FINANCIAL,
               EV_SEL_TECHNICAL_PROFESSIONAL, EV_SEL_OTHER } ev_selection_kind;
typedef enum { EV_CRIT_PRICE, EV_CRIT_COST, EV_CRIT_QUALITY,
               EV_CRIT_OWN_CONTRIBUTION } ev_criterion_kind;
typedef enum { EV_TENDER_INITIAL, EV_TENDER_INTERMEDIATE, EV_TENDER_FINAL } ev_tender_kind;
typedef enum { EV_RND_EXISTING, EV_RND_PLANNED } ev_separate_rnd;
typedef enum { EV_REGIME_LOU, EV_REGIME_LUFS } ev_regime;
/* R20: the research-and-innovation sequence; phases may not go back in it. */
typedef enum { EV_PHASE_RND, EV_PHASE_PROTOTYPE, EV_PHASE_TEST_PILOT,
               EV_PHASE_PRE_SERIES } ev_phase_kind;
typedef enum { EV_TEMPLATE_CUSTOM, EV_TEMPLATE_DFO } ev_plan_template;
typedef enum { EV_PURPOSE_OPERATIONS, EV_PURPOSE_LONG_TERM_TEST } ev_option_purpose;
typedef enum { EV_COMPENSATION_FULL, EV_COMPENSATION_PARTIAL } ev_compensation_model;
typedef enum { EV_OWED_COMPLETED_MILESTONES, EV_OWED_PRO_RATA } ev_owed_policy;
typedef enum { EV_CAP_DEVELOPMENT, EV_CAP_PARTNER, EV_CAP_PHASE, EV_CAP_PURCHASE } ev_cap_scope;
typedef enum { EV_BITES_COMMITMENT, EV_BITES_PAYMENT } ev_cap_bites;
typedef enum { EV_POLICY_STOP, EV_POLICY_WARN } ev_cap_policy;
/* The need mapping and the market dialogue (R1, R50; doc/events.md). */
typedef enum { EV_FACET_TECHNOLOGY, EV_FACET_STRATEGY, EV_FACET_ORGANISATION,
               EV_FACET_BUSINESS_DEVELOPMENT, EV_FACET_MARKET, EV_FACET_USERS, EV_FACET_LEGAL,
               EV_FACET_OTHER } ev_need_facet;
typedef enum { EV_CONSULTED_USER, EV_CONSULTED_STAFF, EV_CONSULTED_RELATIVE,
               EV_CONSULTED_STAKEHOLDER, EV_CONSULTED_EXPERT } ev_consulted_group;
typedef enum { EV_PARTICIPANT_COLLABORATING_AUTHORITY, EV_PARTICIPANT_KNOWLEDGE_INSTITUTION,
               EV_PARTICIPANT_INNOVATION_AGENT, EV_PARTICIPANT_OTHER } ev_participant_kind;
typedef enum { EV_ACTIVITY_INFORMATION_MEETING, EV_ACTIVITY_WEBINAR,
               EV_ACTIVITY_DIALOGUE_CONFERENCE, EV_ACTIVITY_ONE_TO_ONE,
               EV_ACTIVITY_WRITTEN_INPUT, EV_ACTIVITY_MATCHMAKING } ev_activity_kind;
typedef enum { EV_SUCCESSION_MERGER, EV_SUCCESSION_SPLIT } ev_succession_kind;
typedef enum { EV_GATE_CONTINUE, EV_GATE_TERMINATE } ev_gate_decision;
typedef enum { EV_GROUND_TARGETS_NOT_MET, EV_GROUND_REDUCE_PARTNERS } ev_gate_ground;

/* R52: a member of a consortium (a group of operators). */
typedef struct ev_member {
    const char *id;     /* its party id: it may act for the consortium as lead or authorised */
    const char *name;
    const char *org_no;
    int lead;           /* the member that leads the consortium */
    int has_lead;
    int authorised;     /* authorised by the consortium to act for it */
    int has_authorised;
} ev_member;

/* R53: a subcontractor named in an application or a tender. */
typedef struct ev_subcontractor {
    const char *name;
    const char *org_no; /* optional */
    const char *role;   /* what it does */
    int64_t share;      /* basis points of the contract it is to perform */
} ev_subcontractor;

typedef struct ev_party {
    const char *id;
    const char *name;
    int kind;          /* ipart__authority_kind (authorities and followers) */
    int has_kind;
    const char *parent; /* R54: the party that buys for it as its group's central
                           purchasing body (authorities and followers), optional */
    const char *org_no; /* operators, optional */
    ipart__array members; /* ev_member: operators that are consortia (R52) */
    int has_members;
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

typedef struct ev_target {
    const char *id;
    const char *criteria;
    const char *verification;
} ev_target;

/* An instalment is a share of the phase price or a fixed amount (not both). */
typedef struct ev_instalment {
    const char *id;
    const char *target; /* payable once this target is assessed as met (R22) */
    int64_t share;      /* basis points of the phase price */
    int has_share;
    ipart_money amount;
    int has_amount;
} ev_instalment;

typedef struct ev_phase {
    const char *id;
    int kind; /* ev_phase_kind */
    const char *name;
    ipart_date due;
    int64_t share; /* basis points of the development price, when the contract gives no prices */
    int has_share;
    ipart__array targets;     /* ev_target, at least one (R21) */
    ipart__array instalments; /* ev_instalment, at least one (R22) */
} ev_phase;

typedef struct ev_cap {
    const char *id;
    int scope; /* ev_cap_scope */
    const char *phase; /* scope "phase" */
    ipart_money amount;
    int bites;  /* ev_cap_bites */
    int policy; /* ev_cap_policy */
} ev_cap;

typedef struct ev_level {
    const char *id;
    const char *text;
} ev_level;

typedef struct ev_option_holder {
    const char *follower;
    int64_t quantity;
} ev_option_holder;

typedef struct ev_phase_price {
    const char *phase;
    ipart_money price;
} ev_phase_price;

typedef struct ev_option_site {
    const char *name; /* where the purchased units are used */
} ev_option_site;

typedef struct ev_level_result {
    const char *level;
    int met;
} ev_level_result;

/* R51: one joint contracting authority's part in the terms (the lead too). */
typedef struct ev_joint_member {
    const char *authority;  /* the lead or a joint authority */
    int64_t share;          /* cost-share key, basis points */
    int64_t risk_share;     /* risk-share key on termination, basis points */
    int has_risk_share;     /* absent: the cost-share key */
    ipart__array may_send;  /* const char *: the event types it may send (the lead: all) */
    int64_t option_quantity; /* units it may buy under the option on its own account */
    int has_option_quantity;
    ipart_money cap;        /* its own cap on what it commits */
    int has_cap;
} ev_joint_member;

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
    ev_ipr ipr; /* R36: regime, description and the structured arrangement */
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
    struct {
        int template_; /* ev_plan_template */
        int has_template;
        ipart__array phases; /* ev_phase */
    } development;
    int has_development;
    struct {
        int model;              /* ev_compensation_model */
        int64_t authority_share; /* basis points of the declared cost (partial) */
        int has_authority_share;
        int on_termination;     /* ev_owed_policy */
        int has_on_termination;
    } compensation;
    int has_compensation;
    ipart__array caps; /* ev_cap */
    int has_caps;
    struct {
        const char *description;
        const char *unit;
        ipart_money max_unit_price; /* the maximum cost (R27), per unit */
        int64_t quantity;           /* the authority's own */
        ipart_date expires;
        ipart__array performance_levels; /* ev_level, at least one (R27) */
        ipart__array followers;          /* ev_option_holder (R28) */
    } option;
    int has_option;
    struct {
        int64_t headroom; /* basis points of the original contract value (R34) */
        int has_headroom;
        const char *clause;
    } changes;
    int has_changes;
    struct {
        const char *justification;
        int64_t min_ratio, max_ratio; /* basis points: purchase value / R&D value (R23) */
        int has_min_ratio, has_max_ratio;
        int64_t overrun_margin; /* basis points above the R&D value (R25) */
        int has_overrun_margin;
    } proportionality;
    int has_proportionality;
    struct {
        const char *agreement;  /* the joint procurement agreement (R51) */
        ipart__array members;   /* ev_joint_member: the lead and every joint authority */
        ipart__array consent;   /* const char *: decisions every member must consent to */
    } joint;
    int has_joint;
} ev_terms;

typedef struct ev_evidence {
    const char *source;
    ipart_date date;
    const char *by;
} ev_evidence;

typedef struct ev_facet {
    int facet; /* ev_need_facet */
    const char *finding;
    ipart__array evidence; /* ev_evidence, at least one */
} ev_facet;

typedef struct ev_consulted {
    const char *who;
    int group; /* ev_consulted_group */
    int64_t count;
    int has_count;
} ev_consulted;

/* A supplier met in the market dialogue (not yet a party: it registers as
 * an operator with participation_requested, under the same id if it wants
 * to see its own meetings in its view). */
typedef struct ev_supplier {
    const char *id;
    const char *name;
    int sme;
    int has_sme;
} ev_supplier;

/* An item of information the authority gave in an activity; `shared` is
 * state (not in the payload): the log index of the dialogue_information_shared
 * that made it available to all, 0 while unshared (R50). */
typedef struct ev_information {
    const char *id;
    const char *text;
    size_t shared;
} ev_information;

/* A pairing of a matchmaking: which public buyer, SMEs and knowledge
 * institutions were paired, and for what. */
typedef struct ev_pair {
    const char *authority;
    ipart__array smes;                   /* const char *: suppliers of the activity */
    ipart__array knowledge_institutions; /* const char *: participants */
    const char *purpose;
} ev_pair;

/* External funding (funding_granted; doc/funding.md): who grants it. */
typedef struct ev_funder {
    const char *name;
    const char *org_no; /* optional */
} ev_funder;

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
            const char *need_mapping; /* the need_mapped it rests on (R1), optional */
        } need;
        struct {
            const char *summary;
            int64_t participants;
        } dialogue;
        struct {
            const char *mapping; /* its id */
            const char *summary;
            ipart__array facets;    /* ev_facet, at least one */
            ipart__array consulted; /* ev_consulted, at least one */
        } need_mapping;
        struct {
            ev_party participant; /* kind: ev_participant_kind */
        } participant;
        struct {
            const char *activity; /* its id */
            int kind;             /* ev_activity_kind */
            const char *title;
            const char *summary;
            ev_supplier supplier;  /* one_to_one and written_input: the one supplier */
            int has_supplier;
            ipart__array suppliers; /* ev_supplier: the other kinds */
            int has_suppliers;
            ipart__array participants; /* const char *: parties that are not operators */
            int has_participants;
            int64_t attendance;
            int has_attendance;
            ipart__array information; /* ev_information */
            int has_information;
            ipart__array pairs; /* ev_pair: matchmaking */
            int has_pairs;
            const char *matched_by; /* a participant (an innovation agent) */
        } activity;
        struct {
            ipart__array information; /* const char *: ids of information items */
            const char *channel;
            const char *summary;
        } shared;
        struct {
            ev_party adopter; /* not a party: it buys through its own procurement */
            const char *reference;
            const char *procurement;
            const char *partner; /* whose solution, optional */
            const char *summary;
        } adoption;
        struct {
            const char *predecessor;
            int kind; /* ev_succession_kind */
            ipart_date effective;
            ev_party successor;
            const char *takes_over;
            int contracting_authority;
            int has_contracting_authority;
            const char *basis;
        } succession;
        ev_terms terms;
        struct {
            ipart_date request_deadline;
            const char *channel;
        } notice;
        struct {
            ev_party operator_;
            ipart__array subcontractors; /* ev_subcontractor (R53) */
            int has_subcontractors;
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
                ipart_money declared_cost; /* partial compensation: the full development cost */
                int has_declared_cost;
                ipart__array subcontractors; /* ev_subcontractor (R53) */
                int has_subcontractors;
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
            ipart__array phase_prices; /* ev_phase_price */
            int has_phase_prices;      /* absent: the phase shares of the terms */
        } signed_;
        struct {
            const char *partner;
            const char *phase;
        } phase;
        struct {
            const char *partner;
            const char *target;
            int met;
            const char *evidence;
        } milestone;
        struct {
            const char *partner;
            const char *instalment; /* NULL: a settlement after termination */
            ipart_money amount;
            const char *funded_by;  /* the funding source that pays it (optional) */
        } payment;
        struct {
            const char *partner;
            ipart_money delta; /* signed */
            const char *phase; /* optional: the phase whose price changes */
            const char *reason;
        } change;
        struct {
            const char *partner;
            const char *phase;
            int decision; /* ev_gate_decision */
            int ground;   /* ev_gate_ground, for "terminate" */
            int has_ground;
            ipart__array targets; /* const char *: the assessed targets the decision rests on */
            const char *reason;
        } gate;
        struct {
            const char *partner;
            const char *report;
            ipart__array levels; /* ev_level_result */
        } accepted;
        struct {
            const char *partner;
            int64_t quantity;
            ipart_money unit_price;
            ipart__array sites; /* ev_option_site: where the units are used (optional) */
            int has_sites;
            int purpose; /* ev_option_purpose (optional) */
            int has_purpose;
        } option;
        struct {
            const char *partner;
            const char *reason;
        } lapsed;
        struct {
            const char *partner;
            const char *condition; /* the id of a call-back condition of the terms */
            const char *reason;
        } call_back;
        struct {
            const char *reason;
        } cancelled; /* also partnership_terminated and partnership_completed */
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
        struct {
            ev_party authority;
        } joint_named;
        struct {
            const char *decision; /* the event type consented to */
            const char *reason;
        } joint_consent;
        struct {
            const char *source;   /* its id, referred to by instalment_paid.funded_by */
            ev_funder funder;
            ipart_money amount;
            ipart__array pays_for; /* const char *: "instalments", "settlements" or a phase
                                      kind; absent: every payment */
            int has_pays_for;
            const char *granted_to; /* an authority of the buyer; NULL: the buyer as a whole */
            ipart_date valid_until;
            int has_valid_until;
            const char *reference;  /* the grant letter's reference (optional) */
            /* state of the kept copy (model/funding.c), not in the payload: what
             * instalment_paid drew on it, and pays_for as one string */
            int64_t drawn;
            const char *pays_for_text;
        } funding;
    } as;
} ipart__event;

/* A decoded event with the arena that holds its strings and arrays. */
typedef struct ipart__decoded {
    ipart__event event;
    ipart__arena arena;
    int borrowed; /* the strings and arrays are not in `arena` (a built event, event.h) */
} ipart__decoded;

/* Money in an event's payload is in the case's currency, except in
 * partnership_created, which names it. */
static inline const char *ipart__body_currency(ipart__event_type type, const char *case_currency)
{
    return type == IPART__EV_PARTNERSHIP_CREATED ? "" : case_currency;
}

#endif
