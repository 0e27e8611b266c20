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
