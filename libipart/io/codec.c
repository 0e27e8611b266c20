/*
 * JSON <-> typed events, driven by one table of field specs per event type:
 * the same table decides what is accepted (unknown, duplicate, missing and
 * mistyped fields are errors naming their JSON path) and how an event is
 * written back (fields in table order, canonical money and dates), so that
 * load -> save is byte-identical.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "codec_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strset_p.h"
#include "io/json_p.h"

typedef enum field_kind {
    FK_ID,       /* const char *, [A-Za-z0-9._-]{1,64} */
    FK_STRING,   /* const char *, valid UTF-8 */
    FK_DATE,     /* ipart_date */
    FK_MONEY,    /* ipart_money, a canonical decimal string in the case's currency */
    FK_CURRENCY, /* const char *, an ISO 4217 code libipart knows */
    FK_BOOL,     /* int */
    FK_INT,      /* int64_t within [min, max] */
    FK_ENUM,     /* int: index into names */
    FK_OBJECT,   /* an embedded struct */
    FK_ARRAY,    /* ipart__array of element structs */
    FK_ID_ARRAY, /* ipart__array of const char * ids, no duplicates */
    FK_ITEM_REF  /* the consent item: an object, or a (blanket) string */
} field_kind;

typedef struct object_spec object_spec;

typedef struct field_spec {
    const char *name;
    field_kind kind;
    size_t offset;
    int required;
    long has_offset; /* presence flag of an optional scalar or object, -1 if none */
    int nullable;    /* written as null when absent */
    int64_t min, max;
    const char *const *names;
    const object_spec *object;
} field_spec;

struct object_spec {
    const field_spec *fields;
    size_t count;
    size_t size; /* of one element, for arrays */
};

#define NO_HAS (-1L)
#define FIELD(T, n, k, m, req) {n, k, offsetof(T, m), req, NO_HAS, 0, 0, 0, NULL, NULL}
#define REQ(T, n, k, m) FIELD(T, n, k, m, 1)
#define OPT(T, n, k, m) FIELD(T, n, k, m, 0)
#define OPT_HAS(T, n, k, m, h) {n, k, offsetof(T, m), 0, (long)offsetof(T, h), 0, 0, 0, NULL, NULL}
#define INT_REQ(T, n, m, lo, hi) {n, FK_INT, offsetof(T, m), 1, NO_HAS, 0, lo, hi, NULL, NULL}
#define INT_OPT(T, n, m, h, lo, hi) \
    {n, FK_INT, offsetof(T, m), 0, (long)offsetof(T, h), 0, lo, hi, NULL, NULL}
#define INT_NULLABLE(T, n, m, h, lo, hi) \
    {n, FK_INT, offsetof(T, m), 1, (long)offsetof(T, h), 1, lo, hi, NULL, NULL}
#define ENUM_REQ(T, n, m, names) {n, FK_ENUM, offsetof(T, m), 1, NO_HAS, 0, 0, 0, names, NULL}
#define ENUM_OPT(T, n, m, h, names) \
    {n, FK_ENUM, offsetof(T, m), 0, (long)offsetof(T, h), 0, 0, 0, names, NULL}
#define OBJ_REQ(T, n, m, spec) {n, FK_OBJECT, offsetof(T, m), 1, NO_HAS, 0, 0, 0, NULL, &spec}
#define OBJ_OPT(T, n, m, h, spec) \
    {n, FK_OBJECT, offsetof(T, m), 0, (long)offsetof(T, h), 0, 0, 0, NULL, &spec}
#define ARR_REQ(T, n, m, spec, min_count) \
    {n, FK_ARRAY, offsetof(T, m), 1, NO_HAS, 0, min_count, 0, NULL, &spec}
#define ARR_OPT(T, n, m, h, spec, min_count) \
    {n, FK_ARRAY, offsetof(T, m), 0, (long)offsetof(T, h), 0, min_count, 0, NULL, &spec}
#define ID_NULLABLE(T, n, m) {n, FK_ID, offsetof(T, m), 1, NO_HAS, 1, 0, 0, NULL, NULL}
#define IDS_REQ(T, n, m, min_count) \
    {n, FK_ID_ARRAY, offsetof(T, m), 1, NO_HAS, 0, min_count, 0, NULL, NULL}
#define SPEC(T, fields) {fields, sizeof fields / sizeof fields[0], sizeof(T)}

/* ---- enumerations (order = the ev_* enums of event_p.h) ----------------- */

static const char *const authority_kinds[] = {"central_government", "sub_central",
                                              "body_governed_by_public_law", "utility", NULL};
static const char *const contract_types[] = {"supplies", "services", "works", NULL};
static const char *const selection_kinds[] = {"rnd_capacity", "innovation_implementation",
                                              "economic_financial", "technical_professional",
                                              "other", NULL};
static const char *const criterion_kinds[] = {"price", "cost", "quality", "own_contribution",
                                              NULL};
/* Order = ipart_price_model (include/ipart/evaluation.h). */
static const char *const price_models[] = {"relative", "linear", "proportional_deviation", NULL};
static const char *const tender_kinds[] = {"initial", "intermediate", "final", NULL};
static const char *const separate_rnd[] = {"existing", "planned", NULL};
static const char *const regimes[] = {"LOU", "LUFS", NULL};
static const char *const phase_kinds[] = {"rnd", "prototype", "test_pilot", "pre_series", NULL};
static const char *const plan_templates[] = {"custom", "dfo", NULL};
static const char *const compensation_models[] = {"full", "partial", NULL};
static const char *const owed_policies[] = {"completed_milestones", "pro_rata", NULL};
static const char *const cap_scopes[] = {"development", "partner", "phase", "purchase", NULL};
static const char *const cap_bites[] = {"commitment", "payment", NULL};
static const char *const cap_policies[] = {"stop", "warn", NULL};
static const char *const gate_decisions[] = {"continue", "terminate", NULL};
static const char *const gate_grounds[] = {"targets_not_met", "reduce_partners", NULL};

/* ---- object specs -------------------------------------------------------- */

static const field_spec authority_fields[] = {
    REQ(ev_party, "id", FK_ID, id),
    REQ(ev_party, "name", FK_STRING, name),
    {"kind", FK_ENUM, offsetof(ev_party, kind), 1, (long)offsetof(ev_party, has_kind), 0, 0, 0,
     authority_kinds, NULL},
};
static const object_spec authority_spec = SPEC(ev_party, authority_fields);

static const field_spec operator_fields[] = {
    REQ(ev_party, "id", FK_ID, id),
    REQ(ev_party, "name", FK_STRING, name),
    OPT(ev_party, "org_no", FK_STRING, org_no),
};
static const object_spec operator_spec = SPEC(ev_party, operator_fields);

static const field_spec requirement_fields[] = {
    REQ(ev_requirement, "id", FK_ID, id),
    REQ(ev_requirement, "text", FK_STRING, text),
};
static const object_spec requirement_spec = SPEC(ev_requirement, requirement_fields);

static const field_spec selection_fields[] = {
    REQ(ev_selection_criterion, "id", FK_ID, id),
    REQ(ev_selection_criterion, "text", FK_STRING, text),
    ENUM_REQ(ev_selection_criterion, "kind", kind, selection_kinds),
};
static const object_spec selection_spec = SPEC(ev_selection_criterion, selection_fields);

static const field_spec award_criterion_fields[] = {
    REQ(ev_award_criterion, "id", FK_ID, id),
    REQ(ev_award_criterion, "name", FK_STRING, name),
    ENUM_REQ(ev_award_criterion, "kind", kind, criterion_kinds),
    INT_REQ(ev_award_criterion, "weight", weight, 0, 10000),
};
static const object_spec award_criterion_spec = SPEC(ev_award_criterion, award_criterion_fields);

typedef struct { int model; ipart_money reference_price; int has_reference_price; } price_model_t;
static const field_spec price_model_fields[] = {
    ENUM_REQ(price_model_t, "model", model, price_models),
    OPT_HAS(price_model_t, "reference_price", FK_MONEY, reference_price, has_reference_price),
};
static const object_spec price_model_spec = SPEC(price_model_t, price_model_fields);

#define T_CAND struct { int64_t min; int64_t max; int has_max; }
typedef T_CAND candidates_t;
static const field_spec candidates_fields[] = {
    INT_REQ(candidates_t, "min", min, 0, 1000),
    INT_NULLABLE(candidates_t, "max", max, has_max, 0, 1000),
};
static const object_spec candidates_spec = SPEC(candidates_t, candidates_fields);

typedef struct { int staged_reduction, termination_after_phase, award_on_initial_tender; } reservations_t;
static const field_spec reservations_fields[] = {
    REQ(reservations_t, "staged_reduction", FK_BOOL, staged_reduction),
    REQ(reservations_t, "termination_after_phase", FK_BOOL, termination_after_phase),
    REQ(reservations_t, "award_on_initial_tender", FK_BOOL, award_on_initial_tender),
};
static const object_spec reservations_spec = SPEC(reservations_t, reservations_fields);

/* The IPR terms (R36; rules/ipr_p.h): every structured part is optional
 * here and required complete at the notice. */
static const field_spec ownership_fields[] = {
    ENUM_REQ(ev_ipr_ownership, "owner", owner, ipart__ipr_owner_names),
    REQ(ev_ipr_ownership, "clause", FK_STRING, clause),
};
static const object_spec ownership_spec = SPEC(ev_ipr_ownership, ownership_fields);

static const field_spec royalty_fields[] = {
    INT_OPT(ev_ipr_royalty, "rate", rate, has_rate, 1, 10000),
    REQ(ev_ipr_royalty, "basis", FK_STRING, basis),
    REQ(ev_ipr_royalty, "clause", FK_STRING, clause),
};
static const object_spec royalty_spec = SPEC(ev_ipr_royalty, royalty_fields);

static const field_spec commercialisation_fields[] = {
    ENUM_REQ(ev_ipr_commercialisation, "by", by, ipart__ipr_by_names),
    REQ(ev_ipr_commercialisation, "clause", FK_STRING, clause),
    OBJ_OPT(ev_ipr_commercialisation, "royalty", royalty, has_royalty, royalty_spec),
};
static const object_spec commercialisation_spec =
    SPEC(ev_ipr_commercialisation, commercialisation_fields);

static const field_spec licence_fields[] = {
    REQ(ev_ipr_licence, "id", FK_ID, id),
    REQ(ev_ipr_licence, "clause", FK_STRING, clause),
    ENUM_REQ(ev_ipr_licence, "asset", asset, ipart__ipr_asset_names),
    IDS_REQ(ev_ipr_licence, "licensees", licensees, 1),
    ENUM_REQ(ev_ipr_licence, "from", from, ipart__ipr_from_names),
    REQ(ev_ipr_licence, "use", FK_BOOL, use),
    REQ(ev_ipr_licence, "modify", FK_BOOL, modify),
    REQ(ev_ipr_licence, "sublicense", FK_BOOL, sublicense),
    REQ(ev_ipr_licence, "field_of_use", FK_STRING, field_of_use),
    REQ(ev_ipr_licence, "territory", FK_STRING, territory),
    REQ(ev_ipr_licence, "duration", FK_STRING, duration),
    REQ(ev_ipr_licence, "exclusive", FK_BOOL, exclusive),
    REQ(ev_ipr_licence, "royalty_free", FK_BOOL, royalty_free),
    OPT(ev_ipr_licence, "royalty", FK_STRING, royalty),
};
static const object_spec licence_spec = SPEC(ev_ipr_licence, licence_fields);

static const field_spec condition_fields[] = {
    REQ(ev_ipr_condition, "id", FK_ID, id),
    REQ(ev_ipr_condition, "text", FK_STRING, text),
};
static const object_spec condition_spec = SPEC(ev_ipr_condition, condition_fields);

static const field_spec call_back_fields[] = {
    REQ(ev_ipr_call_back, "clause", FK_STRING, clause),
    ARR_REQ(ev_ipr_call_back, "conditions", conditions, condition_spec, 1),
    REQ(ev_ipr_call_back, "licence_back", FK_BOOL, licence_back),
};
static const object_spec call_back_spec = SPEC(ev_ipr_call_back, call_back_fields);

static const field_spec termination_fields[] = {
    REQ(ev_ipr_termination, "clause", FK_STRING, clause),
    REQ(ev_ipr_termination, "licence_survives", FK_BOOL, licence_survives),
    ENUM_REQ(ev_ipr_termination, "results", results, ipart__ipr_results_names),
};
static const object_spec termination_spec = SPEC(ev_ipr_termination, termination_fields);

static const field_spec ipr_fields[] = {
    ENUM_REQ(ev_ipr, "regime", regime, ipart__ipr_regime_names),
    REQ(ev_ipr, "description", FK_STRING, description),
    OBJ_OPT(ev_ipr, "foreground", foreground, has_foreground, ownership_spec),
    OBJ_OPT(ev_ipr, "background", background, has_background, ownership_spec),
    OBJ_OPT(ev_ipr, "commercialisation", commercialisation, has_commercialisation,
            commercialisation_spec),
    ARR_OPT(ev_ipr, "licences", licences, has_licences, licence_spec, 0),
    OBJ_OPT(ev_ipr, "call_back", call_back, has_call_back, call_back_spec),
    OBJ_OPT(ev_ipr, "on_termination", on_termination, has_on_termination, termination_spec),
};
static const object_spec ipr_spec = SPEC(ev_ipr, ipr_fields);

typedef struct { ipart_money development_cap, max_rnd_value, estimated_purchase_value; } budget_t;
static const field_spec budget_fields[] = {
    REQ(budget_t, "development_cap", FK_MONEY, development_cap),
    REQ(budget_t, "max_rnd_value", FK_MONEY, max_rnd_value),
    REQ(budget_t, "estimated_purchase_value", FK_MONEY, estimated_purchase_value),
};
static const object_spec budget_spec = SPEC(budget_t, budget_fields);

typedef struct {
    int award_on_initial_tender, several_contracts, remuneration, reduce_on_intermediate_targets;
} disclosures_t;
static const field_spec disclosures_fields[] = {
    REQ(disclosures_t, "award_on_initial_tender", FK_BOOL, award_on_initial_tender),
    REQ(disclosures_t, "several_contracts", FK_BOOL, several_contracts),
    REQ(disclosures_t, "remuneration", FK_BOOL, remuneration),
    REQ(disclosures_t, "reduce_on_intermediate_targets", FK_BOOL, reduce_on_intermediate_targets),
};
static const object_spec disclosures_spec = SPEC(disclosures_t, disclosures_fields);

typedef struct {
    int kind;
    ipart_money development_price, price;
    const char *proposal;
    ipart_money declared_cost;
    int has_declared_cost;
} tender_t;
static const field_spec tender_fields[] = {
    ENUM_REQ(tender_t, "kind", kind, tender_kinds),
    REQ(tender_t, "development_price", FK_MONEY, development_price),
    REQ(tender_t, "price", FK_MONEY, price),
    OPT(tender_t, "proposal", FK_STRING, proposal),
    OPT_HAS(tender_t, "declared_cost", FK_MONEY, declared_cost, has_declared_cost),
};
static const object_spec tender_spec = SPEC(tender_t, tender_fields);

static const field_spec score_fields[] = {
    REQ(ev_score, "tenderer", FK_ID, tenderer),
    REQ(ev_score, "criterion", FK_ID, criterion),
    INT_REQ(ev_score, "score", score, 0, 100),
};
static const object_spec score_spec = SPEC(ev_score, score_fields);

static const field_spec partner_fields[] = {
    REQ(ev_award_partner, "tenderer", FK_ID, tenderer),
    ENUM_OPT(ev_award_partner, "separate_rnd_activity", separate_rnd, has_separate_rnd,
             separate_rnd),
};
static const object_spec partner_spec = SPEC(ev_award_partner, partner_fields);

/* ---- the partnership contract: phases, compensation, caps, option (R20-R35) -- */

static const field_spec target_fields[] = {
    REQ(ev_target, "id", FK_ID, id),
    REQ(ev_target, "criteria", FK_STRING, criteria),
    REQ(ev_target, "verification", FK_STRING, verification),
};
static const object_spec target_spec = SPEC(ev_target, target_fields);

static const field_spec instalment_fields[] = {
    REQ(ev_instalment, "id", FK_ID, id),
    REQ(ev_instalment, "target", FK_ID, target),
    INT_OPT(ev_instalment, "share", share, has_share, 1, 10000),
    OPT_HAS(ev_instalment, "amount", FK_MONEY, amount, has_amount),
};
static const object_spec instalment_spec = SPEC(ev_instalment, instalment_fields);

static const field_spec phase_fields[] = {
    REQ(ev_phase, "id", FK_ID, id),
    ENUM_REQ(ev_phase, "kind", kind, phase_kinds),
    REQ(ev_phase, "name", FK_STRING, name),
    REQ(ev_phase, "due", FK_DATE, due),
    INT_OPT(ev_phase, "share", share, has_share, 0, 10000),
    ARR_REQ(ev_phase, "targets", targets, target_spec, 1),
    ARR_REQ(ev_phase, "instalments", instalments, instalment_spec, 1),
};
static const object_spec phase_spec = SPEC(ev_phase, phase_fields);

typedef struct { int template_; int has_template; ipart__array phases; } development_t;
static const field_spec development_fields[] = {
    ENUM_OPT(development_t, "template", template_, has_template, plan_templates),
    ARR_REQ(development_t, "phases", phases, phase_spec, 1),
};
static const object_spec development_spec = SPEC(development_t, development_fields);

typedef struct {
    int model;
    int64_t authority_share;
    int has_authority_share;
    int on_termination;
    int has_on_termination;
} compensation_t;
static const field_spec compensation_fields[] = {
    ENUM_REQ(compensation_t, "model", model, compensation_models),
    INT_OPT(compensation_t, "authority_share", authority_share, has_authority_share, 1, 10000),
    ENUM_OPT(compensation_t, "on_termination", on_termination, has_on_termination,
             owed_policies),
};
static const object_spec compensation_spec = SPEC(compensation_t, compensation_fields);

static const field_spec cap_fields[] = {
    REQ(ev_cap, "id", FK_ID, id),
    ENUM_REQ(ev_cap, "scope", scope, cap_scopes),
    OPT(ev_cap, "phase", FK_ID, phase),
    REQ(ev_cap, "amount", FK_MONEY, amount),
    ENUM_REQ(ev_cap, "bites", bites, cap_bites),
    ENUM_REQ(ev_cap, "policy", policy, cap_policies),
};
static const object_spec cap_spec = SPEC(ev_cap, cap_fields);

static const field_spec level_fields[] = {
    REQ(ev_level, "id", FK_ID, id),
    REQ(ev_level, "text", FK_STRING, text),
};
static const object_spec level_spec = SPEC(ev_level, level_fields);

static const field_spec holder_fields[] = {
    REQ(ev_option_holder, "follower", FK_ID, follower),
    INT_REQ(ev_option_holder, "quantity", quantity, 1, 1000000000),
};
static const object_spec holder_spec = SPEC(ev_option_holder, holder_fields);

typedef struct {
    const char *description, *unit;
    ipart_money max_unit_price;
    int64_t quantity;
    ipart_date expires;
    ipart__array performance_levels, followers;
} option_t;
static const field_spec option_fields[] = {
    REQ(option_t, "description", FK_STRING, description),
    REQ(option_t, "unit", FK_STRING, unit),
    REQ(option_t, "max_unit_price", FK_MONEY, max_unit_price),
    INT_REQ(option_t, "quantity", quantity, 1, 1000000000),
    REQ(option_t, "expires", FK_DATE, expires),
    ARR_REQ(option_t, "performance_levels", performance_levels, level_spec, 1),
    ARR_REQ(option_t, "followers", followers, holder_spec, 0),
};
static const object_spec option_spec = SPEC(option_t, option_fields);

typedef struct { int64_t headroom; int has_headroom; const char *clause; } changes_t;
static const field_spec changes_fields[] = {
    INT_OPT(changes_t, "headroom", headroom, has_headroom, 0, 10000),
    OPT(changes_t, "clause", FK_STRING, clause),
};
static const object_spec changes_spec = SPEC(changes_t, changes_fields);

typedef struct {
    const char *justification;
    int64_t min_ratio, max_ratio;
    int has_min_ratio, has_max_ratio;
    int64_t overrun_margin;
    int has_overrun_margin;
} proportionality_t;
static const field_spec proportionality_fields[] = {
    REQ(proportionality_t, "justification", FK_STRING, justification),
    INT_OPT(proportionality_t, "min_ratio", min_ratio, has_min_ratio, 0, 100000000),
    INT_OPT(proportionality_t, "max_ratio", max_ratio, has_max_ratio, 0, 100000000),
    INT_OPT(proportionality_t, "overrun_margin", overrun_margin, has_overrun_margin, 0, 100000),
};
static const object_spec proportionality_spec = SPEC(proportionality_t, proportionality_fields);

static const field_spec phase_price_fields[] = {
    REQ(ev_phase_price, "phase", FK_ID, phase),
    REQ(ev_phase_price, "price", FK_MONEY, price),
};
static const object_spec phase_price_spec = SPEC(ev_phase_price, phase_price_fields);

static const field_spec level_result_fields[] = {
    REQ(ev_level_result, "level", FK_ID, level),
    REQ(ev_level_result, "met", FK_BOOL, met),
};
static const object_spec level_result_spec = SPEC(ev_level_result, level_result_fields);

/* The layout of these typedefs must match the anonymous structs in ev_terms. */
_Static_assert(sizeof(candidates_t) == sizeof(((ev_terms *)0)->candidates), "candidates layout");
_Static_assert(sizeof(reservations_t) == sizeof(((ev_terms *)0)->reservations), "reservations");
_Static_assert(sizeof(price_model_t) == sizeof(((ev_terms *)0)->price_model), "price_model");
_Static_assert(sizeof(ipart__ipr_array) == sizeof(ipart__array), "ipr arrays");
_Static_assert(sizeof(budget_t) == sizeof(((ev_terms *)0)->budget), "budget layout");
_Static_assert(sizeof(disclosures_t) == sizeof(((ev_terms *)0)->disclosures), "disclosures");
_Static_assert(sizeof(development_t) == sizeof(((ev_terms *)0)->development), "development");
_Static_assert(sizeof(compensation_t) == sizeof(((ev_terms *)0)->compensation), "compensation");
_Static_assert(sizeof(option_t) == sizeof(((ev_terms *)0)->option), "option layout");
_Static_assert(sizeof(changes_t) == sizeof(((ev_terms *)0)->changes), "changes layout");
_Static_assert(sizeof(proportionality_t) == sizeof(((ev_terms *)0)->proportionality),
               "proportionality layout");
_Static_assert(sizeof(tender_t) == sizeof(((ipart__event *)0)->as.tender.tender), "tender");

/* ---- event payload specs -------------------------------------------------- */

#define E ipart__event
static const field_spec created_fields[] = {
    OBJ_REQ(E, "authority", as.created.authority, authority_spec),
    REQ(E, "title", FK_STRING, as.created.title),
    REQ(E, "currency", FK_CURRENCY, as.created.currency),
    OPT_HAS(E, "electronic_communication", FK_BOOL, as.created.electronic_communication,
            as.created.has_electronic_communication),
    ENUM_OPT(E, "regime", as.created.regime, as.created.has_regime, regimes),
};
static const field_spec follower_fields[] = {
    OBJ_REQ(E, "follower", as.follower.follower, authority_spec),
};
static const field_spec need_fields[] = {
    REQ(E, "need_description", FK_STRING, as.need.need_description),
    REQ(E, "market_check_done", FK_BOOL, as.need.market_check_done),
    REQ(E, "market_check_justification", FK_STRING, as.need.market_check_justification),
};
static const field_spec dialogue_fields[] = {
    REQ(E, "summary", FK_STRING, as.dialogue.summary),
    INT_REQ(E, "participants", as.dialogue.participants, 0, 1000000),
};
static const field_spec terms_fields[] = {
    ENUM_REQ(E, "contract_type", as.terms.contract_type, contract_types),
    ARR_REQ(E, "minimum_requirements", as.terms.minimum_requirements, requirement_spec, 0),
    ARR_REQ(E, "selection_criteria", as.terms.selection_criteria, selection_spec, 0),
    ARR_REQ(E, "award_criteria", as.terms.award_criteria, award_criterion_spec, 1),
    INT_OPT(E, "quality_scale", as.terms.quality_scale, as.terms.has_quality_scale, 1, 100),
    OBJ_OPT(E, "price_model", as.terms.price_model, as.terms.has_price_model, price_model_spec),
    OBJ_REQ(E, "candidates", as.terms.candidates, candidates_spec),
    OBJ_REQ(E, "reservations", as.terms.reservations, reservations_spec),
    OBJ_OPT(E, "ipr", as.terms.ipr, as.terms.has_ipr, ipr_spec),
    OBJ_REQ(E, "budget", as.terms.budget, budget_spec),
    OPT(E, "later_purchase", FK_STRING, as.terms.later_purchase),
    OPT_HAS(E, "tender_documents_complete", FK_BOOL, as.terms.tender_documents_complete,
            as.terms.has_tender_documents_complete),
    OPT(E, "contract_draft", FK_STRING, as.terms.contract_draft),
    OPT(E, "deadline_justification", FK_STRING, as.terms.deadline_justification),
    OPT_HAS(E, "max_value_disclosed", FK_BOOL, as.terms.max_value_disclosed,
            as.terms.has_max_value_disclosed),
    OBJ_OPT(E, "disclosures", as.terms.disclosures, as.terms.has_disclosures, disclosures_spec),
    OBJ_OPT(E, "development", as.terms.development, as.terms.has_development, development_spec),
    OBJ_OPT(E, "compensation", as.terms.compensation, as.terms.has_compensation,
            compensation_spec),
    ARR_OPT(E, "caps", as.terms.caps, as.terms.has_caps, cap_spec, 0),
    OBJ_OPT(E, "option", as.terms.option, as.terms.has_option, option_spec),
    OBJ_OPT(E, "changes", as.terms.changes, as.terms.has_changes, changes_spec),
    OBJ_OPT(E, "proportionality", as.terms.proportionality, as.terms.has_proportionality,
            proportionality_spec),
};
static const field_spec notice_fields[] = {
    REQ(E, "request_deadline", FK_DATE, as.notice.request_deadline),
    REQ(E, "channel", FK_STRING, as.notice.channel),
};
static const field_spec request_fields[] = {
    OBJ_REQ(E, "operator", as.request.operator_, operator_spec),
};
static const field_spec assessed_fields[] = {
    REQ(E, "candidate", FK_ID, as.assessed.candidate),
    REQ(E, "qualified", FK_BOOL, as.assessed.qualified),
    REQ(E, "reason", FK_STRING, as.assessed.reason),
};
static const field_spec invited_fields[] = {
    IDS_REQ(E, "candidates", as.invited.candidates, 1),
    REQ(E, "tender_deadline", FK_DATE, as.invited.tender_deadline),
    REQ(E, "reason", FK_STRING, as.invited.reason),
};
static const field_spec tender_event_fields[] = {
    OBJ_REQ(E, "tender", as.tender.tender, tender_spec),
};
static const field_spec negotiation_fields[] = {
    REQ(E, "tenderer", FK_ID, as.negotiation.tenderer),
    REQ(E, "summary", FK_STRING, as.negotiation.summary),
};
static const field_spec changed_fields[] = {
    REQ(E, "description", FK_STRING, as.changed.description),
    REQ(E, "changes_minimum_requirements", FK_BOOL, as.changed.changes_minimum_requirements),
    REQ(E, "changes_award_criteria", FK_BOOL, as.changed.changes_award_criteria),
    IDS_REQ(E, "notified", as.changed.notified, 0),
    REQ(E, "resubmission_deadline", FK_DATE, as.changed.resubmission_deadline),
    REQ(E, "reason", FK_STRING, as.changed.reason),
};
static const field_spec reduced_fields[] = {
    IDS_REQ(E, "eliminated", as.reduced.eliminated, 1),
    REQ(E, "reason", FK_STRING, as.reduced.reason),
};
static const field_spec final_called_fields[] = {
    REQ(E, "deadline", FK_DATE, as.final_called.deadline),
};
static const field_spec evaluated_fields[] = {
    ARR_REQ(E, "scores", as.evaluated.scores, score_spec, 0),
    REQ(E, "reason", FK_STRING, as.evaluated.reason),
};
static const field_spec award_fields[] = {
    ARR_REQ(E, "partners", as.award.partners, partner_spec, 1),
    REQ(E, "reasons", FK_STRING, as.award.reasons),
    REQ(E, "reason", FK_STRING, as.award.reason),
};
static const field_spec signed_fields[] = {
    REQ(E, "partner", FK_ID, as.signed_.partner),
    ARR_OPT(E, "phase_prices", as.signed_.phase_prices, as.signed_.has_phase_prices,
            phase_price_spec, 1),
};
static const field_spec phase_started_fields[] = {
    REQ(E, "partner", FK_ID, as.phase.partner),
    REQ(E, "phase", FK_ID, as.phase.phase),
};
static const field_spec milestone_fields[] = {
    REQ(E, "partner", FK_ID, as.milestone.partner),
    REQ(E, "target", FK_ID, as.milestone.target),
    REQ(E, "met", FK_BOOL, as.milestone.met),
    REQ(E, "evidence", FK_STRING, as.milestone.evidence),
};
static const field_spec payment_fields[] = {
    REQ(E, "partner", FK_ID, as.payment.partner),
    ID_NULLABLE(E, "instalment", as.payment.instalment),
    REQ(E, "amount", FK_MONEY, as.payment.amount),
};
static const field_spec change_fields[] = {
    REQ(E, "partner", FK_ID, as.change.partner),
    REQ(E, "delta", FK_MONEY, as.change.delta),
    OPT(E, "phase", FK_ID, as.change.phase),
    REQ(E, "reason", FK_STRING, as.change.reason),
};
static const field_spec gate_fields[] = {
    REQ(E, "partner", FK_ID, as.gate.partner),
    REQ(E, "phase", FK_ID, as.gate.phase),
    ENUM_REQ(E, "decision", as.gate.decision, gate_decisions),
    ENUM_OPT(E, "ground", as.gate.ground, as.gate.has_ground, gate_grounds),
    IDS_REQ(E, "targets", as.gate.targets, 1),
    REQ(E, "reason", FK_STRING, as.gate.reason),
};
static const field_spec accepted_fields[] = {
    REQ(E, "partner", FK_ID, as.accepted.partner),
    REQ(E, "report", FK_STRING, as.accepted.report),
    ARR_REQ(E, "performance_levels", as.accepted.levels, level_result_spec, 1),
};
static const field_spec option_event_fields[] = {
    REQ(E, "partner", FK_ID, as.option.partner),
    INT_REQ(E, "quantity", as.option.quantity, 1, 1000000000),
    REQ(E, "unit_price", FK_MONEY, as.option.unit_price),
};
static const field_spec lapsed_fields[] = {
    REQ(E, "partner", FK_ID, as.lapsed.partner),
    REQ(E, "reason", FK_STRING, as.lapsed.reason),
};
static const field_spec call_back_event_fields[] = {
    REQ(E, "partner", FK_ID, as.call_back.partner),
    REQ(E, "condition", FK_ID, as.call_back.condition),
    REQ(E, "reason", FK_STRING, as.call_back.reason),
};
static const field_spec cancelled_fields[] = {
    REQ(E, "reason", FK_STRING, as.cancelled.reason),
};
static const field_spec consent_fields[] = {
    {"item", FK_ITEM_REF, offsetof(E, as.consent), 1, NO_HAS, 0, 0, 0, NULL, NULL},
    IDS_REQ(E, "recipients", as.consent.recipients, 1),
};
static const field_spec note_fields[] = {
    REQ(E, "text", FK_STRING, as.note.text),
};
#undef E

#define BODY(fields) {fields, sizeof fields / sizeof fields[0], 0}
static const object_spec bodies[IPART__EV_COUNT] = {
    [IPART__EV_PARTNERSHIP_CREATED] = BODY(created_fields),
    [IPART__EV_FOLLOWER_NAMED] = BODY(follower_fields),
    [IPART__EV_NEED_DESCRIBED] = BODY(need_fields),
    [IPART__EV_MARKET_DIALOGUE_HELD] = BODY(dialogue_fields),
    [IPART__EV_TERMS_SET] = BODY(terms_fields),
    [IPART__EV_NOTICE_PUBLISHED] = BODY(notice_fields),
    [IPART__EV_PARTICIPATION_REQUESTED] = BODY(request_fields),
    [IPART__EV_CANDIDATE_ASSESSED] = BODY(assessed_fields),
    [IPART__EV_CANDIDATES_INVITED] = BODY(invited_fields),
    [IPART__EV_TENDER_SUBMITTED] = BODY(tender_event_fields),
    [IPART__EV_NEGOTIATION_HELD] = BODY(negotiation_fields),
    [IPART__EV_DOCUMENTS_CHANGED] = BODY(changed_fields),
    [IPART__EV_TENDERS_REDUCED] = BODY(reduced_fields),
    [IPART__EV_FINAL_TENDERS_CALLED] = BODY(final_called_fields),
    [IPART__EV_TENDERS_EVALUATED] = BODY(evaluated_fields),
    [IPART__EV_AWARD_DECIDED] = BODY(award_fields),
    [IPART__EV_CONTRACT_SIGNED] = BODY(signed_fields),
    [IPART__EV_PROCEDURE_CANCELLED] = BODY(cancelled_fields),
    [IPART__EV_PHASE_STARTED] = BODY(phase_started_fields),
    [IPART__EV_MILESTONE_ASSESSED] = BODY(milestone_fields),
    [IPART__EV_INSTALMENT_PAID] = BODY(payment_fields),
    [IPART__EV_CONTRACT_CHANGED] = BODY(change_fields),
    [IPART__EV_PHASE_GATE_DECIDED] = BODY(gate_fields),
    [IPART__EV_PARTNERSHIP_TERMINATED] = BODY(cancelled_fields),
    [IPART__EV_SOLUTION_ACCEPTED] = BODY(accepted_fields),
    [IPART__EV_OPTION_EXERCISED] = BODY(option_event_fields),
    [IPART__EV_OPTION_LAPSED] = BODY(lapsed_fields),
    [IPART__EV_PARTNERSHIP_COMPLETED] = BODY(cancelled_fields),
    [IPART__EV_CALL_BACK_EXERCISED] = BODY(call_back_event_fields),
    [IPART__EV_CONSENT_GIVEN] = BODY(consent_fields),
    [IPART__EV_NOTE_RECORDED] = BODY(note_fields),
};

/* ---- paths and errors ------------------------------------------------------ */

typedef struct decoder {
    ipart__arena *arena;
    const char *currency;
} decoder;

/*
 * A JSON path as a chain of segments on the stack, formatted only when an
 * error reports it: building "$.events[3].tender.price" for every field of
 * every event, in case it fails, cost an eighth of apply's time.
 */
typedef struct path_t {
    const struct path_t *parent;
    const char *name;  /* a member; NULL for an array index or the root */
    size_t index;
    const char *root;  /* the root's text: "$" or "$.events[3]" */
} path_t;

static size_t path_format(char *out, size_t size, const path_t *p)
{
    size_t n = p->parent ? path_format(out, size, p->parent) : 0;
    if (n >= size)
        return n;
    int added = p->root     ? snprintf(out + n, size - n, "%s", p->root)
                : p->name   ? snprintf(out + n, size - n, ".%s", p->name)
                            : snprintf(out + n, size - n, "[%zu]", p->index);
    return added < 0 ? n : n + (size_t)added;
}

#define PATH_TEXT(var, path) \
    char var[256];           \
    path_format(var, sizeof var, path)

static ipart_status shape_error(const path_t *path, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

/* IPART_EINVAL for a document or event of the wrong shape, at a JSON path. */
static ipart_status shape_error(const path_t *path, const char *key, const char *fmt, ...)
{
    PATH_TEXT(at, path);
    char detail[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    ipart_status rc = ipart__fail(IPART_EINVAL, key, "%s: %s", at, detail);
    ipart__error_set_path(at);
    return rc;
}

static const char *json_type_name(const cJSON *item)
{
    if (cJSON_IsString(item)) return "a string";
    if (cJSON_IsNumber(item)) return "a number";
    if (cJSON_IsBool(item)) return "a boolean";
    if (cJSON_IsNull(item)) return "null";
    if (cJSON_IsArray(item)) return "an array";
    if (cJSON_IsObject(item)) return "an object";
    return "an invalid value";
}

static ipart_status wrong_type(const path_t *path, const char *expected, const cJSON *item)
{
    char detail[128];
    snprintf(detail, sizeof detail, "expected %s, got %s", expected, json_type_name(item));
    return shape_error(path, "document.field.type", "%s", detail);
}

static ipart_status nomem(void)
{
    return ipart__fail_nomem();
}

/* ---- scalar readers -------------------------------------------------------- */

static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        unsigned char c = *s;
        size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 4;
        if (extra == 4 || (extra == 1 && c < 0xC2))
            return 0;
        for (size_t i = 1; i <= extra; i++)
            if ((s[i] & 0xC0) != 0x80)
                return 0;
        s += extra + 1;
    }
    return 1;
}

static int valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '_' || c == '-';
        if (!ok)
            return 0;
    }
    return n >= 1 && n <= 64;
}

static ipart_status read_string(const char **out, const cJSON *item, const path_t *path,
                                decoder *d, int is_id)
{
    if (!cJSON_IsString(item))
        return wrong_type(path, is_id ? "an id string" : "a string", item);
    const char *s = item->valuestring;
    if (strlen(s) > IPART__MAX_STRING)
        return shape_error(path, "document.string.too_long", "string longer than 65536 bytes");
    if (!valid_utf8((const unsigned char *)s))
        return shape_error(path, "document.string.utf8", "not valid UTF-8");
    if (is_id && !valid_id(s))
        return shape_error(path, "document.id.syntax",
                           "'%s' is not an id (1-64 of A-Z a-z 0-9 . _ -)", s);
    char *copy = ipart__arena_strdup(d->arena, s);
    if (!copy)
        return nomem();
    *out = copy;
    return IPART_OK;
}

/* A value error reported by a core parser: keep its code and message, add the path. */
static ipart_status with_path(ipart_status rc, const path_t *path)
{
    if (rc != IPART_OK && rc != IPART_ENOMEM) {
        PATH_TEXT(at, path);
        char message[512];
        snprintf(message, sizeof message, "%s: %s", at, ipart_error_last()->message);
        char key[64];
        snprintf(key, sizeof key, "%s", ipart_error_last()->key);
        /* Shape errors are EINVAL whatever the parser said (EPARSE is JSON syntax). */
        ipart_status code = rc == IPART_ECURRENCY || rc == IPART_EOVERFLOW ? rc : IPART_EINVAL;
        ipart__fail(code, key, "%s", message);
        ipart__error_set_path(at);
        return code;
    }
    return rc;
}

static ipart_status read_int(int64_t *out, const cJSON *item, const path_t *path, int64_t min,
                             int64_t max)
{
    if (!cJSON_IsNumber(item))
        return wrong_type(path, "an integer", item);
    double v = item->valuedouble;
    if (!(v >= (double)min && v <= (double)max) || (double)(int64_t)v != v) {
        char detail[96];
        snprintf(detail, sizeof detail, "expected an integer from %lld to %lld",
                 (long long)min, (long long)max);
        return shape_error(path, "document.integer.range", "%s", detail);
    }
    *out = (int64_t)v;
    return IPART_OK;
}

static ipart_status read_enum(int *out, const cJSON *item, const path_t *path,
                              const char *const *names)
{
    if (cJSON_IsString(item))
        for (int i = 0; names[i]; i++)
            if (strcmp(names[i], item->valuestring) == 0) {
                *out = i;
                return IPART_OK;
            }
    char expected[256] = "one of";
    for (int i = 0; names[i]; i++) {
        size_t len = strlen(expected);
        snprintf(expected + len, sizeof expected - len, "%s \"%s\"", i ? "," : "", names[i]);
    }
    if (!cJSON_IsString(item))
        return wrong_type(path, expected, item);
    return shape_error(path, "document.enum.unknown", "%s", expected);
}

/* ---- objects ------------------------------------------------------------- */

static ipart_status decode_object(const cJSON *json, const object_spec *spec, void *base,
                                  const path_t *path, decoder *d, int event_level);

/* Walks the keys of an object's members or the strings of an array
 * (ipart__first_repeat). */
typedef struct string_cursor {
    const cJSON *member;
    const char *const *string;
} string_cursor;

static const char *next_key(void *ctx)
{
    string_cursor *c = ctx;
    const char *key = c->member->string;
    c->member = c->member->next;
    return key;
}

static const char *next_id(void *ctx)
{
    string_cursor *c = ctx;
    return *c->string++;
}

static ipart_status read_id_array(ipart__array *out, const cJSON *item, const path_t *path,
                                  decoder *d, int64_t min_count)
{
    if (!cJSON_IsArray(item))
        return wrong_type(path, "an array of ids", item);
    size_t n = (size_t)cJSON_GetArraySize(item);
    if ((int64_t)n < min_count)
        return shape_error(path, "document.array.empty", "must not be empty");
    const char **ids = ipart__arena_alloc(d->arena, (n ? n : 1) * sizeof *ids);
    if (!ids)
        return nomem();
    size_t i = 0;
    for (const cJSON *el = item->child; el; el = el->next, i++) {
        path_t el_path = {path, NULL, i, NULL};
        ipart_status rc = read_string(&ids[i], el, &el_path, d, 1);
        if (rc != IPART_OK)
            return rc;
    }
    size_t repeat;
    string_cursor cursor = {NULL, ids};
    if (ipart__first_repeat(&repeat, n, next_id, &cursor) != IPART_OK)
        return IPART_ENOMEM;
    if (repeat < n) {
        path_t el_path = {path, NULL, repeat, NULL};
        return shape_error(&el_path, "document.id.duplicate", "'%s' is listed twice",
                           ids[repeat]);
    }
    out->items = ids;
    out->count = n;
    return IPART_OK;
}

static ipart_status read_array(ipart__array *out, const cJSON *item, const path_t *path,
                               decoder *d, const field_spec *f)
{
    if (!cJSON_IsArray(item))
        return wrong_type(path, "an array", item);
    size_t n = (size_t)cJSON_GetArraySize(item);
    if ((int64_t)n < f->min)
        return shape_error(path, "document.array.empty", "must not be empty");
    unsigned char *items = ipart__arena_alloc(d->arena, (n ? n : 1) * f->object->size);
    if (!items)
        return nomem();
    size_t i = 0;
    for (const cJSON *el = item->child; el; el = el->next, i++) {
        path_t el_path = {path, NULL, i, NULL};
        ipart_status rc = decode_object(el, f->object, items + i * f->object->size, &el_path, d, 0);
        if (rc != IPART_OK)
            return rc;
    }
    out->items = items;
    out->count = n;
    return IPART_OK;
}

/* The consent item: {"event": n, "field": "..."} names one item; a string
 * ("all") is a blanket consent, kept so that R19 can refuse it by name. */
static ipart_status read_item_ref(void *base, const cJSON *item, const path_t *path, decoder *d)
{
    typedef struct { int blanket; const char *blanket_text; int64_t item_event;
                     const char *item_field; } item_t;
    item_t *ref = base;
    if (cJSON_IsString(item)) {
        ref->blanket = 1;
        return read_string(&ref->blanket_text, item, path, d, 0);
    }
    static const field_spec fields[] = {
        INT_REQ(item_t, "event", item_event, 0, IPART__MAX_EVENTS),
        OPT(item_t, "field", FK_STRING, item_field),
    };
    static const object_spec spec = SPEC(item_t, fields);
    return decode_object(item, &spec, ref, path, d, 0);
}

static ipart_status read_field(const field_spec *f, const cJSON *item, void *base,
                               const path_t *path, decoder *d)
{
    void *at = (unsigned char *)base + f->offset;
    switch (f->kind) {
    case FK_ID:
        return read_string(at, item, path, d, 1);
    case FK_STRING:
        return read_string(at, item, path, d, 0);
    case FK_DATE:
        if (!cJSON_IsString(item))
            return wrong_type(path, "an ISO date string", item);
        return with_path(ipart_date_parse(at, item->valuestring), path);
    case FK_MONEY:
        if (!cJSON_IsString(item))
            return wrong_type(path, "a money string like \"1000.00\"", item);
        if (!d->currency || !d->currency[0])
            return shape_error(path, "document.money.no_currency", "money before the case has a currency");
        return with_path(ipart_money_parse(at, item->valuestring, d->currency), path);
    case FK_CURRENCY: {
        int exponent;
        if (!cJSON_IsString(item))
            return wrong_type(path, "an ISO 4217 currency code", item);
        ipart_status rc = with_path(ipart_currency_exponent(&exponent, item->valuestring), path);
        return rc == IPART_OK ? read_string(at, item, path, d, 0) : rc;
    }
    case FK_BOOL:
        if (!cJSON_IsBool(item))
            return wrong_type(path, "true or false", item);
        *(int *)at = cJSON_IsTrue(item);
        return IPART_OK;
    case FK_INT:
        return read_int(at, item, path, f->min, f->max);
    case FK_ENUM:
        return read_enum(at, item, path, f->names);
    case FK_OBJECT:
        return decode_object(item, f->object, at, path, d, 0);
    case FK_ARRAY:
        return read_array(at, item, path, d, f);
    case FK_ID_ARRAY:
        return read_id_array(at, item, path, d, f->min);
    case FK_ITEM_REF:
        return read_item_ref(at, item, path, d);
    }
    return ipart__fail(IPART_EINTERNAL, "codec.kind", "unknown field kind %d", (int)f->kind);
}

static int is_header_key(const char *key)
{
    return strcmp(key, "type") == 0 || strcmp(key, "date") == 0 || strcmp(key, "actor") == 0;
}

static ipart_status decode_object(const cJSON *json, const object_spec *spec, void *base,
                                  const path_t *path, decoder *d, int event_level)
{
    if (!cJSON_IsObject(json))
        return wrong_type(path, "an object", json);
    /* Unknown fields first: a misspelt optional field must not pass silently. */
    for (const cJSON *child = json->child; child; child = child->next) {
        int known = event_level && is_header_key(child->string);
        for (size_t i = 0; !known && i < spec->count; i++)
            known = strcmp(spec->fields[i].name, child->string) == 0;
        if (!known) {
            path_t child_path = {path, child->string, 0, NULL};
            return shape_error(&child_path, "document.field.unknown", "unknown field");
        }
    }
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        path_t field_path = {path, f->name, 0, NULL};
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(json, f->name);
        int present = item != NULL && !(f->nullable && cJSON_IsNull(item));
        if (!item && f->required)
            return shape_error(&field_path, "document.field.missing", "required field is missing");
        if (!present)
            continue;
        ipart_status rc = read_field(f, item, base, &field_path, d);
        if (rc != IPART_OK)
            return rc;
        if (f->has_offset != NO_HAS)
            *(int *)((unsigned char *)base + f->has_offset) = 1;
    }
    return IPART_OK;
}

/* ---- parsing --------------------------------------------------------------- */

/* Duplicate keys anywhere (the prescan bounded the depth). */
static ipart_status check_tree(const cJSON *node, const path_t *path)
{
    if (cJSON_IsObject(node)) {
        size_t count = 0, repeat;
        for (const cJSON *child = node->child; child; child = child->next)
            count++;
        string_cursor cursor = {node->child, NULL};
        if (ipart__first_repeat(&repeat, count, next_key, &cursor) != IPART_OK)
            return IPART_ENOMEM;
        if (repeat < count) {
            const cJSON *child = node->child;
            for (size_t i = 0; i < repeat; i++)
                child = child->next;
            path_t child_path = {path, child->string, 0, NULL};
            return shape_error(&child_path, "document.key.duplicate", "duplicate key");
        }
    }
    size_t index = 0;
    for (const cJSON *child = node->child; child; child = child->next) {
        path_t child_path = {path, child->string, index++, NULL};
        if (!cJSON_IsObject(node))
            child_path.name = NULL;
        ipart_status rc = check_tree(child, &child_path);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

static ipart_status input_error(ipart_status code, const char *root, const char *key,
                                const char *message)
{
    ipart_status rc = ipart__fail(code, key, "%s: %s", root, message);
    ipart__error_set_path(root);
    return rc;
}

ipart_status ipart__json_parse(cJSON **out, const char *text, size_t length, const char *root)
{
    if (length > IPART__MAX_INPUT_BYTES)
        return input_error(IPART_ERANGE, root, "document.size", "larger than 64 MiB");
    ipart_status rc = ipart__json_prescan(text, length, root);
    if (rc != IPART_OK)
        return rc;
    const char *end = NULL;
    ipart__json_oom_clear();
    cJSON *json = cJSON_ParseWithLengthOpts(text, length, &end, 0);
    if (!json && ipart__json_oom())
        return ipart__fail_nomem();
    if (!json) {
        char message[96];
        snprintf(message, sizeof message, "not valid JSON (error near byte %zu)",
                 end ? (size_t)(end - text) : 0);
        return input_error(IPART_EPARSE, root, "json.syntax", message);
    }
    /* Anything but white space after the value is an error, not ignored. */
    while (end && (size_t)(end - text) < length &&
           (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t'))
        end++;
    if (end && (size_t)(end - text) < length && *end) {
        cJSON_Delete(json);
        char message[96];
        snprintf(message, sizeof message, "unexpected text after the JSON value at byte %zu",
                 (size_t)(end - text));
        return input_error(IPART_EPARSE, root, "json.trailing", message);
    }
    path_t top = {NULL, NULL, 0, root};
    rc = check_tree(json, &top);
    if (rc != IPART_OK) {
        cJSON_Delete(json);
        return rc;
    }
    *out = json;
    return IPART_OK;
}

/* ---- events ---------------------------------------------------------------- */

ipart_status ipart__event_decode_header(ipart__decoded *out, const cJSON *json, const char *root)
{
    memset(out, 0, sizeof *out);
    path_t path = {NULL, NULL, 0, root};
    if (!cJSON_IsObject(json))
        return wrong_type(&path, "an event object", json);
    decoder d = {&out->arena, NULL};
    path_t field_path = {&path, "type", 0, NULL};
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(json, "type");
    if (!type)
        return shape_error(&field_path, "document.field.missing", "required field is missing");
    if (!cJSON_IsString(type))
        return wrong_type(&field_path, "an event type string", type);
    int found = -1;
    for (int i = 0; i < IPART__EV_COUNT; i++)
        if (strcmp(ipart__event_type_name((ipart__event_type)i), type->valuestring) == 0)
            found = i;
    if (found < 0)
        return shape_error(&field_path, "event.type.unknown", "unknown event type '%s'",
                           type->valuestring);
    out->event.type = (ipart__event_type)found;

    static const field_spec header_fields[] = {
        REQ(ipart__event, "date", FK_DATE, date),
        REQ(ipart__event, "actor", FK_ID, actor),
    };
    for (size_t i = 0; i < 2; i++) {
        const field_spec *f = &header_fields[i];
        field_path.name = f->name;
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(json, f->name);
        ipart_status rc = item ? read_field(f, item, &out->event, &field_path, &d)
                               : shape_error(&field_path, "document.field.missing",
                                             "required field is missing");
        if (rc != IPART_OK) {
            ipart__arena_free(&out->arena);
            return rc;
        }
    }
    return IPART_OK;
}

ipart_status ipart__event_decode_body(ipart__decoded *out, const cJSON *json, const char *root,
                                      const char *currency)
{
    decoder d = {&out->arena, currency};
    path_t path = {NULL, NULL, 0, root};
    ipart_status rc = decode_object(json, &bodies[out->event.type], &out->event, &path, &d, 1);
    if (rc != IPART_OK)
        ipart__arena_free(&out->arena);
    return rc;
}

/* ---- deep copy ------------------------------------------------------------- */

/* Replace every pointer of an object (already copied bytewise) by a copy
 * in `arena`. 0 when out of memory. */
static int copy_pointees(const object_spec *spec, void *base, ipart__arena *arena)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        void *at = (unsigned char *)base + f->offset;
        switch (f->kind) {
        case FK_ID:
        case FK_STRING:
        case FK_CURRENCY: {
            const char **s = at;
            if (*s && !(*s = ipart__arena_strdup(arena, *s)))
                return 0;
            break;
        }
        case FK_OBJECT:
            if (!copy_pointees(f->object, at, arena))
                return 0;
            break;
        case FK_ARRAY:
        case FK_ID_ARRAY: {
            ipart__array *arr = at;
            size_t size = f->kind == FK_ARRAY ? f->object->size : sizeof(const char *);
            if (!arr->count)
                break;
            void *items = ipart__arena_alloc(arena, arr->count * size);
            if (!items)
                return 0;
            arr->items = memcpy(items, arr->items, arr->count * size);
            for (size_t j = 0; j < arr->count; j++) {
                void *el = (unsigned char *)items + j * size;
                const char **id = el;
                int ok = f->kind == FK_ARRAY ? copy_pointees(f->object, el, arena)
                                             : (*id = ipart__arena_strdup(arena, *id)) != NULL;
                if (!ok)
                    return 0;
            }
            break;
        }
        default: /* scalars, and the consent item, which terms do not have */
            break;
        }
    }
    return 1;
}

ev_terms *ipart__terms_copy(ipart__arena *arena, const ev_terms *terms)
{
    ipart__event ev = {.type = IPART__EV_TERMS_SET};
    ev.as.terms = *terms;
    ev_terms *copy = ipart__arena_alloc(arena, sizeof *copy);
    if (!copy || !copy_pointees(&bodies[IPART__EV_TERMS_SET], &ev, arena))
        return NULL;
    *copy = ev.as.terms;
    return copy;
}

/* ---- canonical encoding ------------------------------------------------------ */

static void encode_object(ipart__strbuf *b, const object_spec *spec, const void *base, int first);

static void encode_value(ipart__strbuf *b, const field_spec *f, const void *at)
{
    switch (f->kind) {
    case FK_ID:
    case FK_STRING:
    case FK_CURRENCY:
        ipart__strbuf_json_string(b, *(const char *const *)at);
        break;
    case FK_DATE:
        ipart__strbuf_json_date(b, *(const ipart_date *)at);
        break;
    case FK_MONEY:
        ipart__strbuf_json_money(b, *(const ipart_money *)at);
        break;
    case FK_BOOL:
        ipart__strbuf_puts(b, *(const int *)at ? "true" : "false");
        break;
    case FK_INT:
        ipart__strbuf_printf(b, "%lld", (long long)*(const int64_t *)at);
        break;
    case FK_ENUM:
        ipart__strbuf_json_string(b, f->names[*(const int *)at]);
        break;
    case FK_OBJECT:
        ipart__strbuf_putc(b, '{');
        encode_object(b, f->object, at, 1);
        ipart__strbuf_putc(b, '}');
        break;
    case FK_ARRAY: {
        const ipart__array *arr = at;
        ipart__strbuf_putc(b, '[');
        for (size_t i = 0; i < arr->count; i++) {
            if (i)
                ipart__strbuf_putc(b, ',');
            ipart__strbuf_putc(b, '{');
            encode_object(b, f->object, (const unsigned char *)arr->items + i * f->object->size, 1);
            ipart__strbuf_putc(b, '}');
        }
        ipart__strbuf_putc(b, ']');
        break;
    }
    case FK_ID_ARRAY: {
        const ipart__array *arr = at;
        const char *const *ids = arr->items;
        ipart__strbuf_putc(b, '[');
        for (size_t i = 0; i < arr->count; i++) {
            if (i)
                ipart__strbuf_putc(b, ',');
            ipart__strbuf_json_string(b, ids[i]);
        }
        ipart__strbuf_putc(b, ']');
        break;
    }
    case FK_ITEM_REF: {
        const ipart__event *ev = (const ipart__event *)((const unsigned char *)at -
                                                        offsetof(ipart__event, as.consent));
        if (ev->as.consent.blanket) {
            ipart__strbuf_json_string(b, ev->as.consent.blanket_text);
        } else {
            ipart__strbuf_printf(b, "{\"event\":%lld", (long long)ev->as.consent.item_event);
            if (ev->as.consent.item_field) {
                ipart__strbuf_puts(b, ",\"field\":");
                ipart__strbuf_json_string(b, ev->as.consent.item_field);
            }
            ipart__strbuf_putc(b, '}');
        }
        break;
    }
    }
}

static int field_present(const field_spec *f, const void *base)
{
    const unsigned char *at = (const unsigned char *)base + f->offset;
    if (f->has_offset != NO_HAS)
        return *(const int *)((const unsigned char *)base + f->has_offset);
    if ((!f->required || f->nullable) && (f->kind == FK_STRING || f->kind == FK_ID))
        return *(const char *const *)at != NULL;
    return 1;
}

static void encode_object(ipart__strbuf *b, const object_spec *spec, const void *base, int first)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        int present = field_present(f, base);
        if (!present && !f->nullable)
            continue;
        if (!first)
            ipart__strbuf_putc(b, ',');
        first = 0;
        ipart__strbuf_json_string(b, f->name);
        ipart__strbuf_putc(b, ':');
        if (present)
            encode_value(b, f, (const unsigned char *)base + f->offset);
        else
            ipart__strbuf_puts(b, "null");
    }
}

void ipart__event_encode(ipart__strbuf *b, const ipart__event *event)
{
    ipart__strbuf_puts(b, "{\"type\":");
    ipart__strbuf_json_string(b, ipart__event_type_name(event->type));
    ipart__strbuf_puts(b, ",\"date\":");
    ipart__strbuf_json_date(b, event->date);
    ipart__strbuf_puts(b, ",\"actor\":");
    ipart__strbuf_json_string(b, event->actor);
    encode_object(b, &bodies[event->type], event, 0);
    ipart__strbuf_putc(b, '}');
}
