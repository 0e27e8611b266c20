/*
 * The Stavanger walk-through ("Leve HELE LIVET", 2017, Norway's first
 * innovation partnership): the Norwegian calendar and Regulation 1182/71
 * period counting, exact money, then the procedure itself, event by event
 * from the creation of the partnership through the signed contracts, the
 * development phases with their gates and instalments (the cap headroom
 * after each payment), the acceptance test and the purchase option, with
 * one rejected attempt at each key rule.
 *
 * The public sources give "autumn 2017" for the notice, not a date; the
 * dates of the example document are illustrative (the notice on a Friday
 * whose 30-day period ends on a Sunday, to show the roll-over of R6).
 *
 * The walk-through itself; stavanger_demo.c runs it on a document file, and
 * `ipart demo` on the example document built into the command.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "stavanger_walkthrough.h"

#include <ipart/ipart.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Print the failure and stop: a demo has nothing sensible to do after it. */
static void check(ipart_status rc, const char *what)
{
    if (rc == IPART_OK)
        return;
    const ipart_error *e = ipart_error_last();
    fprintf(stderr, "%s failed: %s (%s)%s%s\n", what, e->message, ipart_error_name(rc),
            e->rule[0] ? ", rule " : "", e->rule);
    exit(1);
}

static void print_date(const char *label, ipart_date d)
{
    static const char *const weekdays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    char *text = NULL;
    ipart_weekday wd;
    check(ipart_date_format(&text, d), "format date");
    check(ipart_date_weekday(&wd, d), "weekday");
    printf("  %-44s %s (%s)\n", label, text, weekdays[wd]);
    ipart_free(text);
}

static void print_money(const char *label, ipart_money m)
{
    char *nb = NULL, *en = NULL, *canonical = NULL;
    check(ipart_money_format_display(&nb, m, "nb"), "format money (nb)");
    check(ipart_money_format_display(&en, m, "en"), "format money (en)");
    check(ipart_money_format(&canonical, m), "format money");
    printf("  %-44s %s | %s | JSON \"%s\"\n", label, nb, en, canonical);
    ipart_free(nb);
    ipart_free(en);
    ipart_free(canonical);
}

static void deadlines(void)
{
    ipart_date dispatch, request_deadline, award_notice, standstill_end, earliest_signature;
    printf("Deadlines (profile NO, Regulation 1182/71 counting)\n");
    check(ipart_date_parse(&dispatch, "2017-09-15"), "parse notice date");
    print_date("contract notice dispatched (illustrative)", dispatch);
    /* R6: at least 30 days for requests to participate, from the day after dispatch. */
    check(ipart_period_end(&request_deadline, "NO", dispatch, 30), "request deadline");
    print_date("earliest request deadline (R6, 30 days)", request_deadline);

    /* R40: a 10-day standstill must have expired before signature; the
     * RULES.md worked example rolls over Easter 2019. */
    check(ipart_date_parse(&award_notice, "2019-04-08"), "parse award notice date");
    check(ipart_period_end(&standstill_end, "NO", award_notice, 10), "standstill end");
    check(ipart_date_add_days(&earliest_signature, standstill_end, 1), "earliest signature");
    print_date("award notice dispatched (R40 example)", award_notice);
    print_date("standstill ends, rolled over Easter (R40)", standstill_end);
    print_date("earliest contract signature", earliest_signature);
}

static void holidays_2017(void)
{
    size_t count = 0;
    check(ipart_calendar_holiday_count(&count, "NO", 2017), "holiday count");
    printf("\nNorwegian public holidays 2017 (%zu)\n", count);
    for (size_t i = 0; i < count; i++) {
        ipart_holiday h;
        char *text = NULL;
        check(ipart_calendar_holiday_at(&h, "NO", 2017, i), "holiday");
        check(ipart_date_format(&text, h.date), "format date");
        printf("  %s  %-22s %s\n", text, h.name_local, h.name_en);
        ipart_free(text);
    }
}

static void budget(void)
{
    ipart_money cap, per_partner, share, remaining;
    printf("\nDevelopment budget (Stavanger: up to NOK 12 million)\n");
    check(ipart_money_parse(&cap, "12000000.00", "NOK"), "parse cap");
    print_money("development cap", cap);
    /* Three partners sharing the pot equally: rounding is always explicit. */
    check(ipart_money_ratio(&per_partner, cap, 1, 3, IPART_ROUND_DOWN), "split");
    print_money("one third, rounded down", per_partner);
    /* Partial compensation: the authority pays 62.5 % of a declared cost. */
    ipart_money declared;
    check(ipart_money_parse(&declared, "3450000", "NOK"), "parse declared cost");
    check(ipart_money_percent(&share, declared, 6250, IPART_ROUND_HALF_EVEN), "share");
    print_money("62.5 % of a declared NOK 3 450 000", share);
    check(ipart_money_sub(&remaining, cap, share), "headroom");
    print_money("cap headroom after that commitment", remaining);

    /* Bad input gets a precise error, never a silent default. */
    ipart_money bad;
    ipart_status rc = ipart_money_parse(&bad, "12 000 000,00", "NOK");
    printf("  parsing \"12 000 000,00\" is refused: %s: %s\n", ipart_error_name(rc),
           ipart_error_last()->message);
    ipart_money usd, sum;
    check(ipart_money_parse(&usd, "1.00", "USD"), "parse USD");
    rc = ipart_money_add(&sum, cap, usd);
    printf("  adding USD to NOK is refused: %s: %s\n", ipart_error_name(rc),
           ipart_error_last()->message);
}

/* A rejected attempt: show that the library refuses it, why, and by which rule. */
static void attempt(ipart_partnership *p, const char *what, const char *event_json)
{
    ipart_status rc = ipart_partnership_apply(p, event_json);
    const ipart_error *e = ipart_error_last();
    if (rc == IPART_OK) {
        fprintf(stderr, "the attempt to %s was accepted, but must not be\n", what);
        exit(1);
    }
    printf("      x refused: %s\n        %s %s%s%s\n", what, ipart_error_name(rc),
           e->rule[0] ? e->rule : "", e->rule[0] ? ": " : "", e->message);
}

/* Rejected attempts, each just before the event it precedes in the example. */
static const struct {
    int before;        /* event index */
    const char *what;
    const char *event;
} attempts[] = {
    {9, "publish the notice with a request deadline three days short",
     "{\"type\":\"notice_published\",\"date\":\"2017-09-15\",\"actor\":\"stavanger\","
     "\"request_deadline\":\"2017-10-13\",\"channel\":\"Doffin\"}"},
    {9, "let a follower publish the notice",
     "{\"type\":\"notice_published\",\"date\":\"2017-09-15\",\"actor\":\"baerum\","
     "\"request_deadline\":\"2017-10-16\",\"channel\":\"Doffin\"}"},
    {56, "invite only two of the nineteen qualified candidates",
     "{\"type\":\"candidates_invited\",\"date\":\"2017-10-27\",\"actor\":\"stavanger\","
     "\"candidates\":[\"op05\",\"op11\"],\"tender_deadline\":\"2017-11-27\","
     "\"reason\":\"the two best\"}"},
    {83, "negotiate on a final tender",
     "{\"type\":\"negotiation_held\",\"date\":\"2018-02-13\",\"actor\":\"stavanger\","
     "\"tenderer\":\"op05\",\"summary\":\"one more round\"}"},
    {88, "award four partners, whose development prices exceed NOK 12 million",
     "{\"type\":\"award_decided\",\"date\":\"2018-03-19\",\"actor\":\"stavanger\","
     "\"partners\":[{\"tenderer\":\"op05\"},{\"tenderer\":\"op11\"},{\"tenderer\":\"op08\"},"
     "{\"tenderer\":\"op20\"}],\"reasons\":\"the four best\",\"reason\":\"all four\"}"},
    {89, "sign on the last day of the standstill (it ran over Easter)",
     "{\"type\":\"contract_signed\",\"date\":\"2018-04-03\",\"actor\":\"stavanger\","
     "\"partner\":\"op05\"}"},
    {95, "terminate op05 in the middle of phase 1",
     "{\"type\":\"phase_gate_decided\",\"date\":\"2018-06-15\",\"actor\":\"stavanger\","
     "\"partner\":\"op05\",\"phase\":\"p1\",\"decision\":\"terminate\","
     "\"ground\":\"reduce_partners\",\"targets\":[\"p1.t1\",\"p1.t2\"],\"reason\":\"fewer\"}"},
    {98, "pay op08's first instalment although its target p1.t1 was not met",
     "{\"type\":\"instalment_paid\",\"date\":\"2018-06-22\",\"actor\":\"stavanger\","
     "\"partner\":\"op08\",\"instalment\":\"p1.i1\",\"amount\":\"800000.00\"}"},
    {110, "change op05's contract by 10.01 %",
     "{\"type\":\"contract_changed\",\"date\":\"2018-11-15\",\"actor\":\"stavanger\","
     "\"partner\":\"op05\",\"delta\":\"395395.00\",\"phase\":\"p2\",\"reason\":\"more\"}"},
    {121, "exercise the option one øre above the maximum cost",
     "{\"type\":\"option_exercised\",\"date\":\"2019-11-01\",\"actor\":\"stavanger\","
     "\"partner\":\"op05\",\"quantity\":40,\"unit_price\":\"250000.01\"}"},
    {122, "let NAV buy: a follower, but not named as an option holder",
     "{\"type\":\"option_exercised\",\"date\":\"2019-12-02\",\"actor\":\"nav\","
     "\"partner\":\"op05\",\"quantity\":5,\"unit_price\":\"240000.00\"}"},
};

/* Type, date and actor of a canonical event line, for printing. */
static void print_event(size_t index, const char *json, ipart_stage stage)
{
    char type[40] = "", date[11] = "", actor[65] = "";
    sscanf(json, "{\"type\":\"%39[^\"]\",\"date\":\"%10[^\"]\",\"actor\":\"%64[^\"]\"", type,
           date, actor);
    printf("  %3zu  %s  %-24s %-11s -> %s\n", index, date, type, actor, ipart_stage_name(stage));
}

static void print_due(const ipart_partnership *p)
{
    ipart_due due;
    if (ipart_partnership_next_due(&due, p) != IPART_OK)
        return;
    char *text = NULL;
    check(ipart_date_format(&text, due.date), "format date");
    printf("      next due: %s %s (then %s)\n", due.kind, text, due.event_type);
    ipart_free(text);
}

/* After a payment or a purchase: what is left under the caps of that scope
 * ("development" after a payment, "purchase" after an option). */
static void print_headroom(const ipart_partnership *p, const char *scope)
{
    for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
        ipart_cap_status c;
        char *text = NULL;
        check(ipart_partnership_cap_at(&c, p, i), "cap");
        if (strcmp(c.scope, scope) != 0)
            continue;
        check(ipart_money_format_display(&text, c.headroom, "nb"), "format money");
        printf("      headroom %-20s %s (%s, at %s)\n", c.cap, text, c.policy, c.bites);
        ipart_free(text);
    }
}

static void print_warnings_since(const ipart_partnership *p, size_t *seen)
{
    for (; *seen < ipart_partnership_warning_count(p); ++*seen) {
        ipart_warning w;
        check(ipart_partnership_warning_at(&w, p, *seen), "warning");
        printf("      ! warning %s: %s\n", w.rule, w.message);
    }
}

/* Who may do what with op05's results now (the Stavanger model: the supplier
 * owns and commercialises; buyers get a licence with their own purchase),
 * and how much of the log each party may see (R19, R37). */
static void rights_and_views(const ipart_partnership *p)
{
    static const char *const parties[] = {"op05", "stavanger", "baerum", "kristiansand", "nav",
                                          "op11"};
    printf("  rights to op05.foreground   owns use modify sublicense commercialise\n");
    for (size_t i = 0; i < sizeof parties / sizeof parties[0]; i++) {
        ipart_rights r;
        check(ipart_partnership_rights(&r, p, parties[i], "op05.foreground"), "rights");
        printf("    %-26s %-4s %-3s %-6s %-10s %s\n", parties[i], r.owns ? "yes" : "no",
               r.use ? "yes" : "no", r.modify ? "yes" : "no", r.sublicense ? "yes" : "no",
               r.commercialise ? "yes" : "no");
    }
    for (size_t i = 0; i < sizeof parties / sizeof parties[0]; i += 5) {
        char *view = NULL;
        check(ipart_partnership_view_json(&view, p, parties[i]), "view");
        const char *withheld = strstr(view, "\"withheld\":");
        printf("  the view of %s withholds %ld of %zu events (others' confidential items)\n",
               parties[i], withheld ? strtol(withheld + 11, NULL, 10) : -1L,
               ipart_partnership_event_count(p));
        ipart_free(view);
    }
}

static void procedure(const char *document)
{
    ipart_partnership *reference = NULL, *p = NULL;
    check(ipart_partnership_load(&reference, document), "load the example document");
    check(ipart_partnership_new(&p, ipart_partnership_profile(reference)), "new partnership");

    printf("\nThe procedure, event by event (%zu events; every one checked by the guards)\n",
           ipart_partnership_event_count(reference));
    size_t warnings = 0;
    for (size_t i = 0; i < ipart_partnership_event_count(reference); i++) {
        for (size_t a = 0; a < sizeof attempts / sizeof attempts[0]; a++)
            if (attempts[a].before == (int)i)
                attempt(p, attempts[a].what, attempts[a].event);
        char *event = NULL;
        check(ipart_partnership_event_at(&event, reference, i), "read event");
        check(ipart_partnership_apply(p, event), "apply event");
        print_event(i, event, ipart_partnership_stage(p));
        if (strstr(event, "\"type\":\"instalment_paid\""))
            print_headroom(p, "development");
        if (strstr(event, "\"type\":\"option_exercised\""))
            print_headroom(p, "purchase");
        print_warnings_since(p, &warnings);
        ipart_free(event);
        if (i == 9 || i == 56 || i == 88)
            print_due(p);
    }

    ipart_threshold_verdict v;
    check(ipart_partnership_threshold(&v, p), "threshold");
    print_money("estimated value (R30)", v.estimated_value);
    print_money("EEA threshold at the notice (R3)", v.threshold);
    char *ranking = NULL;
    check(ipart_partnership_ranking_json(&ranking, p), "ranking");
    printf("  ranking: %s\n", ranking);
    ipart_free(ranking);
    ipart_money cap, awarded, headroom;
    check(ipart_partnership_budget_cap(&cap, p), "cap");
    check(ipart_partnership_awarded_sum(&awarded, p), "awarded");
    check(ipart_money_sub(&headroom, cap, awarded), "headroom");
    print_money("development cap (R33)", cap);
    print_money("development prices awarded", awarded);
    print_money("headroom under the cap at the award", headroom);
    const char *partners[] = {"op05", "op11", "op08"};
    for (size_t i = 0; i < 3; i++) {
        ipart_partner_status s;
        char *paid = NULL;
        check(ipart_partnership_partner_status(&s, p, partners[i]), "partner");
        check(ipart_money_format_display(&paid, s.paid, "nb"), "format money");
        printf("  partner %s: %-17s phase %s, paid %s\n", s.partner, s.state, s.phase, paid);
        ipart_free(paid);
    }

    rights_and_views(p);

    char *saved = NULL, *original = NULL;
    check(ipart_partnership_save(&saved, p), "save");
    check(ipart_partnership_save(&original, reference), "save");
    printf("  saved document: %zu bytes, identical to the loaded one: %s\n", strlen(saved),
           strcmp(saved, original) == 0 ? "yes" : "NO");
    ipart_free(saved);
    ipart_free(original);
    ipart_partnership_free(p);
    ipart_partnership_free(reference);
}

void stavanger_walkthrough(const char *document)
{
    printf("libipart %s - Stavanger kommune, \"Leve HELE LIVET\" (2017)\n\n",
           ipart_version_string());
    deadlines();
    holidays_2017();
    budget();
    procedure(document);
}
