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
    cr_assert_null(text, "a refused call leaves *out alone");
    ipart_partnership_free(p);
}

Test(misuse, values_outside_an_enumeration_are_named_unknown)
{
    cr_assert_str_eq(ipart_stage_name((ipart_stage)-1), "unknown");
    cr_assert_str_eq(ipart_stage_name((ipart_stage)99), "unknown");
    cr_assert_str_eq(ipart_role_name((ipart_role)99), "unknown");
    cr_assert_str_eq(ipart_stage_name(IPART_STAGE_TERMINATED), "terminated");
}
