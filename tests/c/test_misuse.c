/* Every partnership query refuses each NULL argument by name, and values
 * outside an enumeration get a name that says so.
 * SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"

#include <string.h>

TestSuite(misuse, IPART_TEST_FIXTURE);

/* IPART_EMISUSE naming the function and the argument. */
#define assert_null_refused(call, function, argument)                                        \
    do {                                                                                     \
        assert_fails_with(call, IPART_EMISUSE);                                              \
        cr_assert_str_eq(ipart_error_last()->key, "api.null_argument");                      \
        cr_assert(strstr(ipart_error_last()->message, function) != NULL, "%s",               \
                  ipart_error_last()->message);                                              \
        cr_assert(strstr(ipart_error_last()->message, "'" argument "'") != NULL, "%s",       \
                  ipart_error_last()->message);                                              \
    } while (0)

Test(misuse, each_null_argument_is_named)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    char *text = NULL;
    ipart_party party;
    ipart_money money;
    ipart_threshold_verdict verdict;
    assert_null_refused(ipart_partnership_load(NULL, "{}"), "ipart_partnership_load", "out");
    assert_null_refused(ipart_partnership_event_at(NULL, p, 0), "event_at", "out");
    assert_null_refused(ipart_partnership_event_at(&text, NULL, 0), "event_at", "partnership");
    assert_null_refused(ipart_partnership_party_at(NULL, p, 0), "party_at", "out");
    assert_null_refused(ipart_partnership_party_at(&party, NULL, 0), "party_at", "partnership");
    assert_null_refused(ipart_partnership_party_get(NULL, p, "a"), "party_get", "out");
    assert_null_refused(ipart_partnership_party_get(&party, NULL, "a"), "party_get",
                        "partnership");
    assert_null_refused(ipart_partnership_party_get(&party, p, NULL), "party_get", "id");
    assert_null_refused(ipart_partnership_budget_cap(NULL, p), "budget_cap", "out");
    assert_null_refused(ipart_partnership_budget_cap(&money, NULL), "budget_cap", "partnership");
    assert_null_refused(ipart_partnership_awarded_sum(NULL, p), "awarded_sum", "out");
    assert_null_refused(ipart_partnership_awarded_sum(&money, NULL), "awarded_sum",
                        "partnership");
    assert_null_refused(ipart_partnership_threshold(NULL, p), "threshold", "out");
    assert_null_refused(ipart_partnership_threshold(&verdict, NULL), "threshold", "partnership");
    ipart_partnership *copy = NULL;
    assert_null_refused(ipart_partnership_clone(NULL, p), "clone", "out");
    assert_null_refused(ipart_partnership_clone(&copy, NULL), "clone", "partnership");
    cr_assert_null(copy);
    /* A partnership with nothing yet clones to one with nothing. */
    assert_ok(ipart_partnership_clone(&copy, p));
    cr_assert_eq(ipart_partnership_event_count(copy), 0);
    cr_assert_eq(ipart_partnership_party_count(copy), 0);
    cr_assert_str_eq(ipart_partnership_currency(copy), "");
    ipart_partnership_free(copy);
    cr_assert_null(text, "a refused call leaves *out alone");
    ipart_partnership_free(p);
}

Test(misuse, rights_and_views_name_each_null_argument)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    char *text = NULL;
    ipart_rights r;
    const char *f = "rights_at";
    assert_null_refused(ipart_partnership_rights_at(NULL, p, 0, "a", "b.foreground"), f, "out");
    assert_null_refused(ipart_partnership_rights_at(&r, NULL, 0, "a", "b.foreground"), f,
                        "partnership");
    assert_null_refused(ipart_partnership_rights_at(&r, p, 0, NULL, "b.foreground"), f, "party");
    assert_null_refused(ipart_partnership_rights_at(&r, p, 0, "a", NULL), f, "asset");
    f = "rights_json";
    assert_null_refused(ipart_partnership_rights_json(NULL, p, 0, "a", "b.foreground"), f, "out");
    assert_null_refused(ipart_partnership_rights_json(&text, NULL, 0, "a", "b.foreground"), f,
                        "partnership");
    assert_null_refused(ipart_partnership_rights_json(&text, p, 0, NULL, "b.foreground"), f,
                        "party");
    assert_null_refused(ipart_partnership_rights_json(&text, p, 0, "a", NULL), f, "asset");
    f = "view_json";
    assert_null_refused(ipart_partnership_view_json(NULL, p, "a"), f, "out");
    assert_null_refused(ipart_partnership_view_json(&text, NULL, "a"), f, "partnership");
    assert_null_refused(ipart_partnership_view_json(&text, p, NULL), f, "party");
    f = "view_at_json";
    assert_null_refused(ipart_partnership_view_at_json(NULL, p, 0, "a"), f, "out");
    assert_null_refused(ipart_partnership_view_at_json(&text, NULL, 0, "a"), f, "partnership");
    assert_null_refused(ipart_partnership_view_at_json(&text, p, 0, NULL), f, "party");
    size_t withheld = 7;
    f = "view_withheld_at";
    assert_null_refused(ipart_partnership_view_withheld_at(NULL, p, 0, "a"), f, "out");
    assert_null_refused(ipart_partnership_view_withheld_at(&withheld, NULL, 0, "a"), f,
                        "partnership");
    assert_null_refused(ipart_partnership_view_withheld_at(&withheld, p, 0, NULL), f, "party");
    cr_assert_eq(withheld, 7);
    cr_assert_null(text);
    ipart_partnership_free(p);
}

Test(misuse, values_outside_an_enumeration_are_named_unknown)
{
    cr_assert_str_eq(ipart_stage_name((ipart_stage)-1), "unknown");
    cr_assert_str_eq(ipart_stage_name((ipart_stage)99), "unknown");
    cr_assert_str_eq(ipart_role_name((ipart_role)99), "unknown");
    cr_assert_str_eq(ipart_stage_name(IPART_STAGE_TERMINATED), "terminated");
}

Test(misuse, typed_queries_name_each_null_argument)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    ipart_action action;
    ipart_due due;
    ipart_tenderer tenderer;
    ipart_ranked ranked;
    ipart_score score;
    assert_null_refused(ipart_partnership_action_at(NULL, p, "a", 0), "action_at", "out");
    assert_null_refused(ipart_partnership_action_at(&action, NULL, "a", 0), "action_at",
                        "partnership");
    assert_null_refused(ipart_partnership_action_at(&action, p, NULL, 0), "action_at", "actor");
    assert_null_refused(ipart_partnership_next_due(NULL, p), "next_due", "out");
    assert_null_refused(ipart_partnership_next_due(&due, NULL), "next_due", "partnership");
    assert_null_refused(ipart_partnership_tenderer_at(&tenderer, NULL, 0), "tenderer_at",
                        "partnership");
    assert_null_refused(ipart_partnership_ranked_at(NULL, p, 0), "ranked_at", "out");
    assert_null_refused(ipart_partnership_ranked_at(&ranked, NULL, 0), "ranked_at", "partnership");
    assert_null_refused(ipart_partnership_ranked_score_at(NULL, p, 0, 0), "ranked_score_at", "out");
    assert_null_refused(ipart_partnership_ranked_score_at(&score, NULL, 0, 0), "ranked_score_at",
                        "partnership");
    ipart_partner_phase phase;
    ipart_partner_target target;
    assert_null_refused(ipart_partnership_partner_phase_at(NULL, p, "a", 0), "partner_phase_at",
                        "out");
    assert_null_refused(ipart_partnership_partner_phase_at(&phase, NULL, "a", 0),
                        "partner_phase_at", "partnership");
    assert_null_refused(ipart_partnership_partner_target_at(&target, p, NULL, 0, 0),
                        "partner_target_at", "partner");
    assert_null_refused(ipart_partnership_partner_instalment_at(NULL, p, "a", 0, 0),
                        "partner_instalment_at", "out");
    ipart_cap_status cap;
    ipart_warning warning;
    ipart_proportionality proportionality;
    ipart_money money = {0};
    int fits = -1;
    assert_null_refused(ipart_partnership_cap_at(NULL, p, 0), "cap_at", "out");
    assert_null_refused(ipart_partnership_cap_at(&cap, NULL, 0), "cap_at", "partnership");
    assert_null_refused(ipart_partnership_cap_fits(NULL, p, "c", "a", money), "cap_fits", "out");
    assert_null_refused(ipart_partnership_cap_fits(&fits, NULL, "c", "a", money), "cap_fits",
                        "partnership");
    assert_null_refused(ipart_partnership_cap_fits(&fits, p, NULL, "a", money), "cap_fits", "cap");
    cr_assert_eq(fits, -1, "a refused call leaves *out alone");
    assert_null_refused(ipart_partnership_warning_at(NULL, p, 0), "warning_at", "out");
    assert_null_refused(ipart_partnership_warning_at(&warning, NULL, 0), "warning_at",
                        "partnership");
    assert_null_refused(ipart_partnership_proportionality(NULL, p), "proportionality", "out");
    assert_null_refused(ipart_partnership_proportionality(&proportionality, NULL),
                        "proportionality", "partnership");
    assert_null_refused(ipart_partnership_payment_at(NULL, p, 0), "payment_at", "out");
    assert_null_refused(ipart_partnership_payment_total(NULL, p), "payment_total", "out");
    assert_null_refused(ipart_partnership_payment_total(&money, NULL), "payment_total",
                        "partnership");
    ipart_partnership_free(p);
}

Test(misuse, json_queries_and_exports_name_each_null_argument)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    char *text = NULL;
    assert_null_refused(ipart_partnership_save(NULL, p), "partnership_save", "out");
    assert_null_refused(ipart_partnership_save(&text, NULL), "partnership_save", "partnership");
    assert_null_refused(ipart_partnership_what_if_json(&text, p, NULL), "what_if_json",
                        "events_json");
    assert_null_refused(ipart_partnership_tenderers_json(NULL, p), "tenderers_json", "out");
    assert_null_refused(ipart_partnership_tenderers_json(&text, NULL), "tenderers_json",
                        "partnership");
    assert_null_refused(ipart_partnership_ranking_json(NULL, p), "ranking_json", "out");
    assert_null_refused(ipart_partnership_ranking_json(&text, NULL), "ranking_json",
                        "partnership");
    assert_null_refused(ipart_partnership_actions_json(NULL, p, "a"), "actions_json", "out");
    assert_null_refused(ipart_partnership_actions_json(&text, NULL, "a"), "actions_json",
                        "partnership");
    assert_null_refused(ipart_partnership_actions_json(&text, p, NULL), "actions_json", "actor");
    assert_null_refused(ipart_partnership_forecast_json(NULL, p), "forecast_json", "out");
    assert_null_refused(ipart_partnership_forecast_json(&text, NULL), "forecast_json",
                        "partnership");
    assert_null_refused(ipart_partnership_record_text(NULL, p, "a", "en"), "record_text", "out");
    assert_null_refused(ipart_partnership_ocds_json(NULL, p, "ocds-1", "a", "en"), "ocds_json",
                        "out");
    assert_null_refused(ipart_partnership_eforms_xml(NULL, p, "16", "a", "{}"), "eforms_xml",
                        "out");
    assert_null_refused(ipart_partnership_eforms_map_json(NULL, p, "16", "a", "{}"),
                        "eforms_map_json", "out");
    assert_null_refused(ipart_partnership_eforms_map_json(&text, p, "16", "a", NULL),
                        "eforms_map_json", "settings");
    ipart_rights_explanation *x = NULL;
    const char *f = "rights_explain";
    assert_null_refused(ipart_partnership_rights_explain(NULL, p, 0, "a", "b.foreground"), f, "out");
    assert_null_refused(ipart_partnership_rights_explain(&x, NULL, 0, "a", "b.foreground"), f,
                        "partnership");
    assert_null_refused(ipart_partnership_rights_explain(&x, p, 0, NULL, "b.foreground"), f,
                        "party");
    assert_null_refused(ipart_partnership_rights_explain(&x, p, 0, "a", NULL), f, "asset");
    ipart_right_answer answer;
    assert_null_refused(ipart_rights_explanation_at(&answer, NULL, 0), "explanation_at",
                        "explanation");
    cr_assert_null(x);
    cr_assert_null(text, "a refused call leaves *out alone");
    ipart_partnership_free(p);
}

Test(misuse, evaluation_entry_points_name_each_null_argument)
{
    int64_t kinds[] = {IPART_CRITERION_PRICE, IPART_CRITERION_QUALITY};
    int64_t values[] = {100, 5, 120, 7}, w[] = {4000, 6000}, totals[2], ranks[2], points = 0;
    ipart_evaluation *e = NULL;
    assert_null_refused(ipart_evaluation_new(NULL, IPART_PRICE_RELATIVE, 0, 10, kinds, 2, values, 4),
                        "evaluation_new", "out");
    assert_null_refused(ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 10, NULL, 2, values, 4),
                        "evaluation_new", "kinds");
    assert_null_refused(ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 10, kinds, 2, NULL, 4),
                        "evaluation_new", "values");
    cr_assert_null(e);
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 10, kinds, 2, values, 4));
    assert_null_refused(ipart_evaluation_points(NULL, e, 0, 0, 5000), "evaluation_points", "out");
    assert_null_refused(ipart_evaluation_points(&points, NULL, 0, 0, 5000), "evaluation_points",
                        "evaluation");
    const char *f = "evaluation_score";
    assert_null_refused(ipart_evaluation_score(NULL, 2, ranks, 2, e, w, 2), f, "totals_out");
    assert_null_refused(ipart_evaluation_score(totals, 2, NULL, 2, e, w, 2), f, "ranks_out");
    assert_null_refused(ipart_evaluation_score(totals, 2, ranks, 2, NULL, w, 2), f, "evaluation");
    assert_null_refused(ipart_evaluation_score(totals, 2, ranks, 2, e, NULL, 2), f, "weights");
    f = "evaluation_bulk";
    assert_null_refused(ipart_evaluation_bulk(NULL, 1, NULL, 0, e, w, 2), f, "winners_out");
    assert_null_refused(ipart_evaluation_bulk(ranks, 1, NULL, 0, NULL, w, 2), f, "evaluation");
    assert_null_refused(ipart_evaluation_bulk(ranks, 1, NULL, 0, e, NULL, 2), f, "weights");
    assert_null_refused(ipart_evaluation_bulk(ranks, 1, NULL, 2, e, w, 2), f, "totals_out");
    ipart_stability *s = NULL;
    f = "evaluation_stability";
    assert_null_refused(ipart_evaluation_stability(NULL, e, w, 2), f, "out");
    assert_null_refused(ipart_evaluation_stability(&s, NULL, w, 2), f, "evaluation");
    assert_null_refused(ipart_evaluation_stability(&s, e, NULL, 2), f, "weights");
    char *text = NULL;
    f = "evaluation_stability_json";
    assert_null_refused(ipart_evaluation_stability_json(NULL, e, w, 2), f, "out");
    assert_null_refused(ipart_evaluation_stability_json(&text, NULL, w, 2), f, "evaluation");
    assert_null_refused(ipart_evaluation_stability_json(&text, e, NULL, 2), f, "weights");
    cr_assert_null(s);
    cr_assert_null(text);
    assert_ok(ipart_evaluation_stability(&s, e, w, 2));
    ipart_winner_change change;
    ipart_stability_tender tender;
    ipart_stability_pair pair;
    ipart_stability_removal removal;
    assert_null_refused(ipart_stability_winner_change(NULL, s), "winner_change", "out");
    assert_null_refused(ipart_stability_winner_change(&change, NULL), "winner_change",
                        "stability");
    assert_null_refused(ipart_stability_tender_at(NULL, s, 0), "stability_tender_at", "out");
    assert_null_refused(ipart_stability_tender_at(&tender, NULL, 0), "stability_tender_at",
                        "stability");
    assert_null_refused(ipart_stability_pair_at(&pair, NULL, 0), "stability_pair_at",
                        "stability");
    assert_null_refused(ipart_stability_removal_at(&removal, NULL, 0), "stability_removal_at",
                        "stability");
    ipart_stability_free(s);
    ipart_evaluation_free(e);
}

Test(misuse, the_counts_and_names_of_nothing_are_empty)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    cr_assert_str_eq(ipart_rights_explanation_party(NULL), "");
    cr_assert_str_eq(ipart_rights_explanation_asset(NULL), "");
    cr_assert_eq(ipart_rights_explanation_event_count(NULL), 0);
    cr_assert_eq(ipart_evaluation_tenders(NULL), 0);
    cr_assert_eq(ipart_evaluation_criteria(NULL), 0);
    cr_assert_eq(ipart_stability_tender_count(NULL), 0);
    cr_assert_eq(ipart_stability_pair_count(NULL), 0);
    cr_assert_eq(ipart_stability_winner(NULL), IPART_EVAL_TIED);
    cr_assert_eq(ipart_partnership_partner_phase_count(NULL, "op01"), 0);
    cr_assert_eq(ipart_partnership_partner_phase_count(p, NULL), 0);
    cr_assert_eq(ipart_partnership_cap_count(NULL), 0);
    cr_assert_eq(ipart_partnership_warning_count(NULL), 0);
    cr_assert_eq(ipart_partnership_payment_count(NULL), 0);
    ipart_partnership_free(p);
}
