/*
 * The timeline as SVG (include/ipart/timeline.h): one lane per partner,
 * the marks the log holds, both languages, well-formed XML (xmllint in
 * tests/python/test_timeline.py and the browser test), errors and
 * allocation failures.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "io/timeline_p.h"

TestSuite(timeline, IPART_TEST_FIXTURE);

static ipart_partnership *stavanger(int count)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, count);
    cJSON_Delete(kase);
    return p;
}

static size_t occurrences(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *s = strstr(text, needle); s; s = strstr(s + 1, needle))
        n++;
    return n;
}

Test(timeline, one_lane_per_partner_with_its_phases_targets_and_gates)
{
    ipart_partnership *p = stavanger(-1);
    char *svg = NULL;
    assert_ok(ipart_partnership_timeline_svg(&svg, p, "en"));
    cr_assert(strncmp(svg, "<?xml", 5) == 0);
    cr_assert_eq(occurrences(svg, "<g class=\"lane\""), 3, "op05, op11 and op08");
    cr_assert_not_null(strstr(svg, "data-partner=\"op05\" data-colour=\"#1f77b4\""));
    cr_assert_not_null(strstr(svg, "data-partner=\"op08\" data-colour=\"#ff7f0e\""));
    cr_assert_not_null(strstr(svg, "data-partner=\"op11\" data-colour=\"#9467bd\""));
    cr_assert_eq(occurrences(svg, "class=\"swatch\""), 3);
    /* op05 ran p1..p3, op11 and op08 p1 only: five phases */
    cr_assert_eq(occurrences(svg, "<rect class=\"phase\""), 5);
    /* nine targets assessed, one of them (op08's p1.t1) not met */
    cr_assert_eq(occurrences(svg, "class=\"target met\""), 8);
    cr_assert_eq(occurrences(svg, "class=\"target not-met\""), 1);
    cr_assert_eq(occurrences(svg, "class=\"gate terminate\""), 2);
    cr_assert_eq(occurrences(svg, "class=\"termination\""), 2);
    cr_assert_eq(occurrences(svg, "class=\"standstill\""), 1);
    cr_assert_eq(occurrences(svg, "class=\"option\""), 2);
    cr_assert_eq(occurrences(svg, "class=\"spend\""), 4, "three partners and the budget");
    cr_assert_not_null(strstr(svg, "2018-04-03 standstill (R40)"), "ends over Easter 2018");
    cr_assert_not_null(strstr(svg, ">Development budget<"));
    cr_assert_not_null(strstr(svg, ">paid NOK 6,420,000.00<"), "the total paid");
    cr_assert_not_null(strstr(svg, ">paid NOK 800,000.00<"), "op08's settlement");
    ipart_free(svg);
    ipart_partnership_free(p);
}

Test(timeline, norwegian_labels_and_money)
{
    ipart_partnership *p = stavanger(-1);
    char *svg = NULL;
    assert_ok(ipart_partnership_timeline_svg(&svg, p, "nb"));
    cr_assert_not_null(strstr(svg, ">Utviklingsbudsjett<"));
    cr_assert_not_null(strstr(svg, "delmål ikke nådd p1.t1"));
    cr_assert_not_null(strstr(svg, ">utbetalt 6 420 000,00 kr<"), "what was paid, in nb");
    cr_assert_null(strstr(svg, "Development budget"));
    cr_assert_not_null(strstr(svg, "italic\">opsjon utløst<"), "op05's state, in nb");
    cr_assert_not_null(strstr(svg, "italic\">avsluttet<"), "op08's and op11's");
    ipart_free(svg);
    ipart_partnership_free(p);
}

Test(timeline, before_the_award_there_are_no_lanes)
{
    ipart_partnership *p = stavanger(10);
    char *svg = NULL;
    assert_ok(ipart_partnership_timeline_svg(&svg, p, "en"));
    cr_assert_eq(occurrences(svg, "<g class=\"lane\""), 0);
    cr_assert_not_null(strstr(svg, ">request deadline<"));
    ipart_free(svg);
    ipart_partnership_free(p);
}

Test(timeline, every_label_has_both_languages)
{
    for (size_t i = 0; i < ipart__timeline_label_count; i++) {
        const char *key = ipart__timeline_labels[i];
        cr_assert_not_null(key, "label %zu has no entry", i);
        cr_assert(ipart_message_has(key, "en"), "label %s lacks English", key);
        cr_assert(ipart_message_has(key, "nb"), "label %s lacks Norwegian", key);
    }
}

Test(timeline, bad_arguments_are_refused_and_out_untouched)
{
    ipart_partnership *p = stavanger(-1), *empty = NULL;
    char *svg = (char *)"untouched";
    assert_fails_with(ipart_partnership_timeline_svg(&svg, p, "de"), IPART_EINVAL);
    cr_assert_str_eq(svg, "untouched");
    assert_fails_with(ipart_partnership_timeline_svg(NULL, p, "en"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_timeline_svg(&svg, NULL, "en"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_timeline_svg(&svg, p, NULL), IPART_EMISUSE);
    assert_ok(ipart_partnership_new(&empty, "NO"));
    assert_fails_with(ipart_partnership_timeline_svg(&svg, empty, "en"), IPART_ESTATE);
    cr_assert_str_eq(svg, "untouched");
    ipart_partnership_free(empty);
    ipart_partnership_free(p);
}

static ipart_status draw_timeline(void *ctx)
{
    char *svg = NULL;
    ipart_status rc = ipart_partnership_timeline_svg(&svg, ctx, "nb");
    ipart_free(svg);
    return rc;
}

Test(timeline, every_allocation_failure_reports_enomem_and_leaks_nothing)
{
    ipart_partnership *p = stavanger(-1);
    char *before = NULL, *after = NULL;
    assert_ok(ipart_partnership_save(&before, p));
    cr_assert_gt(harness_fail_each(draw_timeline, p), 0);
    assert_ok(ipart_partnership_save(&after, p));
    cr_assert_str_eq(before, after, "drawing changes nothing");
    ipart_free(before);
    ipart_free(after);
    ipart_partnership_free(p);
}
