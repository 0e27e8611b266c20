/*
 * The field specs of every event type (event_spec_p.h) and the deep copy
 * of terms they drive.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/event_spec_p.h"
#include "rules/rules_p.h"

#include <string.h>


/* ---- enumerations (order = the ev_* enums of event_p.h) ----------------- */

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
const char *const ipart__phase_kind_names[] = {"rnd", "prototype", "test_pilot", "pre_series",
                                               NULL};
static const char *const plan_templates[] = {"custom", "dfo", NULL};
static const char *const option_purposes[] = {"operations", "long_term_test", NULL};
static const char *const compensation_models[] = {"full", "partial", NULL};
static const char *const owed_policies[] = {"completed_milestones", "pro_rata", NULL};
static const char *const cap_scopes[] = {"development", "partner", "phase", "purchase", NULL};
static const char *const cap_bites[] = {"commitment", "payment", NULL};
static const char *const cap_policies[] = {"stop", "warn", NULL};
static const char *const gate_decisions[] = {"continue", "terminate", NULL};
static const char *const gate_grounds[] = {"targets_not_met", "reduce_partners", NULL};
static const char *const need_facets[] = {"technology", "strategy", "organisation",
                                          "business_development", "market", "users", "legal",
                                          "other", NULL};
static const char *const consulted_groups[] = {"user", "staff", "relative", "stakeholder",
                                               "expert", NULL};
const char *const ipart__participant_kind_names[] = {"collaborating_authority",
                                                     "knowledge_institution", "innovation_agent",
                                                     "other", NULL};
static const char *const activity_kinds[] = {"information_meeting", "webinar",
                                             "dialogue_conference", "one_to_one",
                                             "written_input", "matchmaking", NULL};
static const char *const succession_kinds[] = {"merger", "split", NULL};

/* ---- object specs -------------------------------------------------------- */

static const field_spec authority_fields[] = {
    REQ(ev_party, "id", FK_ID, id),
    REQ(ev_party, "name", FK_STRING, name),
    {"kind", FK_ENUM, offsetof(ev_party, kind), 1, (long)offsetof(ev_party, has_kind), 0, 0, 0,
     ipart__authority_kind_names, NULL, NAME_LENGTH("kind")},
    OPT(ev_party, "parent", FK_ID, parent),
};
static const object_spec authority_spec = SPEC(ev_party, authority_fields);

/* R52: the members of a consortium; R53: subcontractors. */
static const field_spec member_fields[] = {
    REQ(ev_member, "id", FK_ID, id),
    REQ(ev_member, "name", FK_STRING, name),
    REQ(ev_member, "org_no", FK_STRING, org_no),
    OPT_HAS(ev_member, "lead", FK_BOOL, lead, has_lead),
    OPT_HAS(ev_member, "authorised", FK_BOOL, authorised, has_authorised),
};
static const object_spec member_spec = SPEC(ev_member, member_fields);

static const field_spec subcontractor_fields[] = {
    REQ(ev_subcontractor, "name", FK_STRING, name),
    OPT(ev_subcontractor, "org_no", FK_STRING, org_no),
    REQ(ev_subcontractor, "role", FK_STRING, role),
    INT_REQ(ev_subcontractor, "share", share, 0, 10000),
};
static const object_spec subcontractor_spec = SPEC(ev_subcontractor, subcontractor_fields);

/* External funding: the funder of a funding_granted. */
static const field_spec funder_fields[] = {
    REQ(ev_funder, "name", FK_STRING, name),
    OPT(ev_funder, "org_no", FK_STRING, org_no),
};
static const object_spec funder_spec = SPEC(ev_funder, funder_fields);

static const field_spec participant_party_fields[] = {
    REQ(ev_party, "id", FK_ID, id),
    REQ(ev_party, "name", FK_STRING, name),
    {"kind", FK_ENUM, offsetof(ev_party, kind), 1, (long)offsetof(ev_party, has_kind), 0, 0, 0,
     ipart__participant_kind_names, NULL, NAME_LENGTH("kind")},
};
static const object_spec participant_party_spec = SPEC(ev_party, participant_party_fields);

static const field_spec operator_fields[] = {
    REQ(ev_party, "id", FK_ID, id),
    REQ(ev_party, "name", FK_STRING, name),
    OPT(ev_party, "org_no", FK_STRING, org_no),
    ARR_OPT(ev_party, "members", members, has_members, member_spec, 2),
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
    ipart__array subcontractors;
    int has_subcontractors;
} tender_t;
static const field_spec tender_fields[] = {
    ENUM_REQ(tender_t, "kind", kind, tender_kinds),
    REQ(tender_t, "development_price", FK_MONEY, development_price),
    REQ(tender_t, "price", FK_MONEY, price),
    OPT(tender_t, "proposal", FK_STRING, proposal),
    OPT_HAS(tender_t, "declared_cost", FK_MONEY, declared_cost, has_declared_cost),
    ARR_OPT(tender_t, "subcontractors", subcontractors, has_subcontractors, subcontractor_spec, 1),
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
    ENUM_REQ(ev_phase, "kind", kind, ipart__phase_kind_names),
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

/* R51: the joint procurement terms. */
static const field_spec joint_member_fields[] = {
    REQ(ev_joint_member, "authority", FK_ID, authority),
    INT_REQ(ev_joint_member, "share", share, 0, 10000),
    INT_OPT(ev_joint_member, "risk_share", risk_share, has_risk_share, 0, 10000),
    IDS_REQ(ev_joint_member, "may_send", may_send, 0),
    INT_OPT(ev_joint_member, "option_quantity", option_quantity, has_option_quantity, 0,
            1000000000),
    OPT_HAS(ev_joint_member, "cap", FK_MONEY, cap, has_cap),
};
static const object_spec joint_member_spec = SPEC(ev_joint_member, joint_member_fields);

typedef struct {
    const char *agreement;
    ipart__array members, consent;
} joint_t;
static const field_spec joint_fields[] = {
    REQ(joint_t, "agreement", FK_STRING, agreement),
    ARR_REQ(joint_t, "members", members, joint_member_spec, 2),
    IDS_REQ(joint_t, "consent", consent, 0),
};
static const object_spec joint_spec = SPEC(joint_t, joint_fields);

/* ---- the need mapping and the market dialogue (R1, R50) -------------------- */

static const field_spec evidence_fields[] = {
    REQ(ev_evidence, "source", FK_STRING, source),
    REQ(ev_evidence, "date", FK_DATE, date),
    REQ(ev_evidence, "by", FK_STRING, by),
};
static const object_spec evidence_spec = SPEC(ev_evidence, evidence_fields);

static const field_spec facet_fields[] = {
    ENUM_REQ(ev_facet, "facet", facet, need_facets),
    REQ(ev_facet, "finding", FK_STRING, finding),
    ARR_REQ(ev_facet, "evidence", evidence, evidence_spec, 1),
};
static const object_spec facet_spec = SPEC(ev_facet, facet_fields);

static const field_spec consulted_fields[] = {
    REQ(ev_consulted, "who", FK_STRING, who),
    ENUM_REQ(ev_consulted, "group", group, consulted_groups),
    INT_OPT(ev_consulted, "count", count, has_count, 1, 1000000),
};
static const object_spec consulted_spec = SPEC(ev_consulted, consulted_fields);

static const field_spec supplier_fields[] = {
    REQ(ev_supplier, "id", FK_ID, id),
    REQ(ev_supplier, "name", FK_STRING, name),
    OPT_HAS(ev_supplier, "sme", FK_BOOL, sme, has_sme),
};
static const object_spec supplier_spec = SPEC(ev_supplier, supplier_fields);

static const field_spec information_fields[] = {
    REQ(ev_information, "id", FK_ID, id),
    REQ(ev_information, "text", FK_STRING, text),
};
static const object_spec information_spec = SPEC(ev_information, information_fields);

static const field_spec pair_fields[] = {
    REQ(ev_pair, "authority", FK_ID, authority),
    IDS_REQ(ev_pair, "smes", smes, 1),
    IDS_REQ(ev_pair, "knowledge_institutions", knowledge_institutions, 0),
    REQ(ev_pair, "purpose", FK_STRING, purpose),
};
static const object_spec pair_spec = SPEC(ev_pair, pair_fields);

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
_Static_assert(sizeof(joint_t) == sizeof(((ev_terms *)0)->joint), "joint layout");
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
    OPT(E, "need_mapping", FK_ID, as.need.need_mapping),
};
static const field_spec dialogue_fields[] = {
    REQ(E, "summary", FK_STRING, as.dialogue.summary),
    INT_REQ(E, "participants", as.dialogue.participants, 0, 1000000),
};
static const field_spec need_mapping_fields[] = {
    REQ(E, "mapping", FK_ID, as.need_mapping.mapping),
    REQ(E, "summary", FK_STRING, as.need_mapping.summary),
    ARR_REQ(E, "facets", as.need_mapping.facets, facet_spec, 1),
    ARR_REQ(E, "consulted", as.need_mapping.consulted, consulted_spec, 1),
};
static const field_spec participant_fields[] = {
    OBJ_REQ(E, "participant", as.participant.participant, participant_party_spec),
};
static const field_spec activity_fields[] = {
    REQ(E, "activity", FK_ID, as.activity.activity),
    ENUM_REQ(E, "kind", as.activity.kind, activity_kinds),
    OPT(E, "title", FK_STRING, as.activity.title),
    REQ(E, "summary", FK_STRING, as.activity.summary),
    OBJ_OPT(E, "supplier", as.activity.supplier, as.activity.has_supplier, supplier_spec),
    ARR_OPT(E, "suppliers", as.activity.suppliers, as.activity.has_suppliers, supplier_spec, 1),
    IDS_OPT(E, "participants", as.activity.participants, as.activity.has_participants, 1),
    INT_OPT(E, "attendance", as.activity.attendance, as.activity.has_attendance, 1, 1000000),
    ARR_OPT(E, "information", as.activity.information, as.activity.has_information,
            information_spec, 1),
    ARR_OPT(E, "pairs", as.activity.pairs, as.activity.has_pairs, pair_spec, 1),
    OPT(E, "matched_by", FK_ID, as.activity.matched_by),
};
static const field_spec shared_fields[] = {
    IDS_REQ(E, "information", as.shared.information, 1),
    REQ(E, "channel", FK_STRING, as.shared.channel),
    OPT(E, "summary", FK_STRING, as.shared.summary),
};
static const field_spec adoption_fields[] = {
    OBJ_REQ(E, "adopter", as.adoption.adopter, authority_spec),
    REQ(E, "reference", FK_STRING, as.adoption.reference),
    REQ(E, "procurement", FK_STRING, as.adoption.procurement),
    OPT(E, "partner", FK_ID, as.adoption.partner),
    OPT(E, "summary", FK_STRING, as.adoption.summary),
};
static const field_spec succession_fields[] = {
    REQ(E, "predecessor", FK_ID, as.succession.predecessor),
    ENUM_REQ(E, "kind", as.succession.kind, succession_kinds),
    REQ(E, "effective", FK_DATE, as.succession.effective),
    OBJ_REQ(E, "successor", as.succession.successor, authority_spec),
    REQ(E, "takes_over", FK_STRING, as.succession.takes_over),
    OPT_HAS(E, "contracting_authority", FK_BOOL, as.succession.contracting_authority,
            as.succession.has_contracting_authority),
    REQ(E, "basis", FK_STRING, as.succession.basis),
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
    OBJ_OPT(E, "joint", as.terms.joint, as.terms.has_joint, joint_spec),
};
static const field_spec notice_fields[] = {
    REQ(E, "request_deadline", FK_DATE, as.notice.request_deadline),
    REQ(E, "channel", FK_STRING, as.notice.channel),
};
static const field_spec request_fields[] = {
    OBJ_REQ(E, "operator", as.request.operator_, operator_spec),
    ARR_OPT(E, "subcontractors", as.request.subcontractors, as.request.has_subcontractors,
            subcontractor_spec, 1),
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
    OPT(E, "funded_by", FK_ID, as.payment.funded_by),
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
static const field_spec option_site_fields[] = {
    REQ(ev_option_site, "name", FK_STRING, name),
};
static const object_spec option_site_spec = SPEC(ev_option_site, option_site_fields);
static const field_spec option_event_fields[] = {
    REQ(E, "partner", FK_ID, as.option.partner),
    INT_REQ(E, "quantity", as.option.quantity, 1, 1000000000),
    REQ(E, "unit_price", FK_MONEY, as.option.unit_price),
    ARR_OPT(E, "sites", as.option.sites, as.option.has_sites, option_site_spec, 1),
    ENUM_OPT(E, "purpose", as.option.purpose, as.option.has_purpose, option_purposes),
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
    {"item", FK_ITEM_REF, offsetof(E, as.consent), 1, NO_HAS, 0, 0, 0, NULL, NULL,
     NAME_LENGTH("item")},
    IDS_REQ(E, "recipients", as.consent.recipients, 1),
};
static const field_spec note_fields[] = {
    REQ(E, "text", FK_STRING, as.note.text),
};
static const field_spec joint_named_fields[] = {
    OBJ_REQ(E, "authority", as.joint_named.authority, authority_spec),
};
static const field_spec joint_consent_fields[] = {
    REQ(E, "decision", FK_ID, as.joint_consent.decision),
    REQ(E, "reason", FK_STRING, as.joint_consent.reason),
};
static const field_spec funding_fields[] = {
    REQ(E, "source", FK_ID, as.funding.source),
    OBJ_REQ(E, "funder", as.funding.funder, funder_spec),
    REQ(E, "amount", FK_MONEY, as.funding.amount),
    IDS_OPT(E, "pays_for", as.funding.pays_for, as.funding.has_pays_for, 1),
    OPT(E, "granted_to", FK_ID, as.funding.granted_to),
    OPT_HAS(E, "valid_until", FK_DATE, as.funding.valid_until, as.funding.has_valid_until),
    OPT(E, "reference", FK_STRING, as.funding.reference),
};
#undef E

#define BODY(fields) {fields, sizeof fields / sizeof fields[0], 0}
/* Generated from the event rows (event_p.h): one payload spec per type. */
#define IPART__EV_BODY(name, text, sender, handler, body) [IPART__EV_##name] = BODY(body##_fields),
const object_spec ipart__event_bodies[IPART__EV_COUNT] = {IPART__EVENT_TYPES(IPART__EV_BODY)};
#undef IPART__EV_BODY

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

ipart__event *ipart__event_copy(ipart__arena *arena, const ipart__event *event)
{
    ipart__event *copy = ipart__arena_alloc(arena, sizeof *copy);
    if (!copy)
        return NULL;
    *copy = *event;
    if (!(copy->actor = ipart__arena_strdup(arena, event->actor)) ||
        !copy_pointees(&ipart__event_bodies[event->type], copy, arena))
        return NULL;
    return copy;
}

ev_terms *ipart__terms_copy(ipart__arena *arena, const ev_terms *terms)
{
    ipart__event ev = {.type = IPART__EV_TERMS_SET};
    ev.as.terms = *terms;
    ev_terms *copy = ipart__arena_alloc(arena, sizeof *copy);
    if (!copy || !copy_pointees(&ipart__event_bodies[IPART__EV_TERMS_SET], &ev, arena))
        return NULL;
    *copy = ev.as.terms;
    return copy;
}
