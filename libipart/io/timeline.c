/*
 * The timeline of a partnership as SVG (include/ipart/timeline.h).
 *
 * Drawn from the canonical document (every event's date and the fields
 * the picture needs) and the public queries (contracts, caps, the plan's
 * due dates), so it shows exactly what the log says.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "io/codec_p.h"
#include "io/timeline_p.h"
#include "ipart/contract.h"
#include "ipart/memory.h"
#include "ipart/messages.h"
#include "ipart/timeline.h"
#include "model/partnership_p.h"

/* ---- labels ---------------------------------------------------------------------- */

enum {
    L_TITLE, L_PROCEDURE, L_BUDGET, L_NOTICE, L_REQUEST_DEADLINE, L_TENDER_DEADLINE,
    L_RESUBMISSION_DEADLINE, L_FINAL_DEADLINE, L_AWARD, L_STANDSTILL, L_SIGNED, L_PHASE,
    L_TARGET_MET, L_TARGET_NOT_MET, L_GATE_CONTINUE, L_GATE_TERMINATE, L_TERMINATED,
    L_ACCEPTED, L_OPTION, L_PHASE_DUE, L_PAID, L_CONTRACT_VALUE, L_CAP, L_NEXT_DUE,
    L_MONTH_1, L_MONTH_2, L_MONTH_3, L_MONTH_4, L_MONTH_5, L_MONTH_6, L_MONTH_7, L_MONTH_8,
    L_MONTH_9, L_MONTH_10, L_MONTH_11, L_MONTH_12, L_STATE_AWARDED, L_STATE_SIGNED,
    L_STATE_PHASE_ACTIVE, L_STATE_PHASE_REVIEW, L_STATE_PHASE_PASSED, L_STATE_DEVELOPED,
    L_STATE_ACCEPTED, L_STATE_OPTION_EXERCISED, L_STATE_OPTION_LAPSED, L_STATE_TERMINATED,
    L_COUNT
};

/* The labels are rows "timeline.<name>" of the message catalogue (core/messages.c). */
const char *const ipart__timeline_labels[] = {
    [L_TITLE] = "timeline.title",
    [L_PROCEDURE] = "timeline.procedure",
    [L_BUDGET] = "timeline.budget",
    [L_NOTICE] = "timeline.notice",
    [L_REQUEST_DEADLINE] = "timeline.request_deadline",
    [L_TENDER_DEADLINE] = "timeline.tender_deadline",
    [L_RESUBMISSION_DEADLINE] = "timeline.resubmission_deadline",
    [L_FINAL_DEADLINE] = "timeline.final_deadline",
    [L_AWARD] = "timeline.award",
    [L_STANDSTILL] = "timeline.standstill",
    [L_SIGNED] = "timeline.signed",
    [L_PHASE] = "timeline.phase",
    [L_TARGET_MET] = "timeline.target_met",
    [L_TARGET_NOT_MET] = "timeline.target_not_met",
    [L_GATE_CONTINUE] = "timeline.gate_continue",
    [L_GATE_TERMINATE] = "timeline.gate_terminate",
    [L_TERMINATED] = "timeline.terminated",
    [L_ACCEPTED] = "timeline.accepted",
    [L_OPTION] = "timeline.option",
    [L_PHASE_DUE] = "timeline.phase_due",
    [L_PAID] = "timeline.paid",
    [L_CONTRACT_VALUE] = "timeline.contract_value",
    [L_CAP] = "timeline.cap",
    [L_NEXT_DUE] = "timeline.next_due",
    [L_MONTH_1] = "timeline.month_1",
    [L_MONTH_2] = "timeline.month_2",
    [L_MONTH_3] = "timeline.month_3",
    [L_MONTH_4] = "timeline.month_4",
    [L_MONTH_5] = "timeline.month_5",
    [L_MONTH_6] = "timeline.month_6",
    [L_MONTH_7] = "timeline.month_7",
    [L_MONTH_8] = "timeline.month_8",
    [L_MONTH_9] = "timeline.month_9",
    [L_MONTH_10] = "timeline.month_10",
    [L_MONTH_11] = "timeline.month_11",
    [L_MONTH_12] = "timeline.month_12",
    [L_STATE_AWARDED] = "timeline.state_awarded",
    [L_STATE_SIGNED] = "timeline.state_signed",
    [L_STATE_PHASE_ACTIVE] = "timeline.state_phase_active",
    [L_STATE_PHASE_REVIEW] = "timeline.state_phase_review",
    [L_STATE_PHASE_PASSED] = "timeline.state_phase_passed",
    [L_STATE_DEVELOPED] = "timeline.state_developed",
    [L_STATE_ACCEPTED] = "timeline.state_accepted",
    [L_STATE_OPTION_EXERCISED] = "timeline.state_option_exercised",
    [L_STATE_OPTION_LAPSED] = "timeline.state_option_lapsed",
    [L_STATE_TERMINATED] = "timeline.state_terminated",
};
const size_t ipart__timeline_label_count = L_COUNT;

/* ---- geometry and colours -------------------------------------------------------- */

enum {
    WIDTH = 1240, LEFT = 210, RIGHT = 40, HEAD = 64, PROCEDURE_H = 124, LANE_H = 112,
    AXIS_H = 40, LEGEND_H = 88, BAR_Y = 14, BAR_H = 24, SPEND_TOP = 58, SPEND_BOTTOM = 100
};

/* Lane colours: distinct, none of them the red of a termination or the
 * green of a target met. */
static const char *const lane_colours[] = {"#1f77b4", "#ff7f0e", "#9467bd", "#8c564b",
                                           "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
#define LANE_COLOURS (sizeof lane_colours / sizeof lane_colours[0])
#define RED "#c62828"
#define GREEN "#2e7d32"
#define INK "#222222"

typedef struct timeline {
    ipart__strbuf b;
    const ipart_partnership *p;
    const cJSON *events;
    int nb;              /* labels in Norwegian */
    ipart_date first;    /* the axis */
    int64_t span;        /* days from first to the axis end */
    ipart_date last;
} timeline;

static const char *label(const timeline *t, int id)
{
    return ipart_message(ipart__timeline_labels[id], t->nb ? "nb" : "en");
}

/* A contract's state in the chosen language (the state itself if unknown). */
static const char *state_label(const timeline *t, const char *state)
{
    for (int id = L_STATE_AWARDED; id <= L_STATE_TERMINATED; id++)
        if (strcmp(ipart__timeline_labels[id] + strlen("timeline.state_"), state) == 0)
            return label(t, id);
    return state;
}

static int x_of(const timeline *t, ipart_date d)
{
    int64_t days = 0;
    ipart_date_days_between(&days, t->first, d);
    return LEFT + (int)(days * (WIDTH - LEFT - RIGHT) / t->span);
}

/* ---- small readers of the canonical events --------------------------------------- */

static const char *field(const cJSON *o, const char *name)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(m) ? m->valuestring : "";
}

static int date_field(ipart_date *out, const cJSON *o, const char *name)
{
    return ipart_date_parse(out, field(o, name)) == IPART_OK;
}

static int is_type(const cJSON *ev, const char *type)
{
    return strcmp(field(ev, "type"), type) == 0;
}

static int names_partner(const cJSON *ev, const char *partner)
{
    return strcmp(field(ev, "partner"), partner) == 0;
}

static void later(ipart_date *last, ipart_date d)
{
    int order = 0;
    if (ipart_date_compare(&order, d, *last) == IPART_OK && order > 0)
        *last = d;
}

/* ---- SVG primitives -------------------------------------------------------------- */

static void put_text_n(ipart__strbuf *b, const char *s, size_t n)
{
    for (const char *end = s + n; s < end; s++) {
        switch (*s) {
        case '&': ipart__strbuf_puts(b, "&amp;"); break;
        case '<': ipart__strbuf_puts(b, "&lt;"); break;
        case '>': ipart__strbuf_puts(b, "&gt;"); break;
        case '"': ipart__strbuf_puts(b, "&quot;"); break;
        default: ipart__strbuf_putc(b, *s);
        }
    }
}

static void put_text(ipart__strbuf *b, const char *s)
{
    put_text_n(b, s, strlen(s));
}

static void put_date(ipart__strbuf *b, ipart_date d)
{
    ipart__strbuf_printf(b, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static void text_at(timeline *t, int x, int y, const char *attrs, const char *s)
{
    ipart__strbuf_printf(&t->b, "<text x=\"%d\" y=\"%d\" %s>", x, y, attrs);
    put_text(&t->b, s);
    ipart__strbuf_puts(&t->b, "</text>\n");
}

/* A tooltip: "<date> <what> <detail>". */
static void tooltip(timeline *t, ipart_date d, const char *what, const char *detail)
{
    ipart__strbuf_puts(&t->b, "<title>");
    put_date(&t->b, d);
    ipart__strbuf_putc(&t->b, ' ');
    put_text(&t->b, what);
    if (detail[0]) {
        ipart__strbuf_putc(&t->b, ' ');
        put_text(&t->b, detail);
    }
    ipart__strbuf_puts(&t->b, "</title>");
}

static void money_text(timeline *t, ipart_money m)
{
    char *text = NULL;
    if (ipart_money_format_display(&text, m, t->nb ? "nb" : "en") != IPART_OK) {
        t->b.oom = 1;
        return;
    }
    put_text(&t->b, text);
    ipart_free(text);
}

/* ---- the axis ------------------------------------------------------------------- */

static void measure(timeline *t, const ipart_partnership *p)
{
    static const char *const deadlines[] = {"request_deadline", "tender_deadline",
                                            "resubmission_deadline", "deadline"};
    const cJSON *ev = NULL;
    int first = 1;
    cJSON_ArrayForEach(ev, t->events) {
        ipart_date d;
        if (date_field(&d, ev, "date")) {
            if (first)
                t->first = t->last = d;
            first = 0;
            later(&t->last, d);
        }
        for (size_t i = 0; i < sizeof deadlines / sizeof deadlines[0]; i++)
            if (date_field(&d, ev, deadlines[i]))
                later(&t->last, d);
    }
    if (p->award_date.year)
        later(&t->last, p->standstill_end);
    ipart_date_days_between(&t->span, t->first, t->last);
    /* breathing space at the right for the last labels */
    t->span += t->span / 12 + 14;
}

static void grid_and_axis(timeline *t, int top, int bottom)
{
    ipart_date d = {t->first.year, t->first.month, 1};
    ipart_date end;
    ipart_date_add_days(&end, t->first, t->span);
    int every = t->span > 900 ? 3 : 1; /* label every quarter on long cases */
    for (;;) {
        if (d.month == 12)
            d = (ipart_date){d.year + 1, 1, 1};
        else
            d.month++;
        int order = 0;
        if (ipart_date_compare(&order, d, end) != IPART_OK || order > 0)
            break;
        int x = x_of(t, d);
        int year_start = d.month == 1;
        ipart__strbuf_printf(&t->b,
                             "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                             "stroke=\"%s\" stroke-width=\"1\"/>\n",
                             x, top, x, bottom, year_start ? "#b0b0b0" : "#ececec");
        if ((d.month - 1) % every == 0)
            text_at(t, x + 2, bottom + 14, "font-size=\"10\" fill=\"#555\"",
                    label(t, L_MONTH_1 + d.month - 1));
        if (year_start) {
            char year[8];
            snprintf(year, sizeof year, "%d", d.year);
            text_at(t, x + 2, bottom + 30, "font-size=\"12\" font-weight=\"bold\"", year);
        }
    }
}

/* ---- the procedure lane --------------------------------------------------------- */

/* A dated marker on the procedure lane: a vertical line and a label on the
 * first of five rows where it does not run into the previous label. */
enum { PROCEDURE_ROWS = 5, CHAR_W = 7 };

static void procedure_mark(timeline *t, int top, int rows_end[PROCEDURE_ROWS], ipart_date d,
                           const char *what, const char *colour)
{
    int x = x_of(t, d), row = 0;
    while (row < PROCEDURE_ROWS - 1 && rows_end[row] > x)
        row++;
    rows_end[row] = x + 8 + (int)strlen(what) * CHAR_W;
    ipart__strbuf_printf(&t->b,
                         "<g class=\"mark\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                         "stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
                         x, top + 16, x, top + PROCEDURE_H - 8, colour);
    tooltip(t, d, what, "");
    ipart__strbuf_puts(&t->b, "</g>\n");
    text_at(t, x + 4, top + 28 + row * 19, "font-size=\"11\"", what);
}

static void standstill_band(timeline *t, int top)
{
    if (!t->p->award_date.year)
        return;
    int x1 = x_of(t, t->p->award_date), x2 = x_of(t, t->p->standstill_end);
    ipart__strbuf_printf(&t->b,
                         "<rect class=\"standstill\" x=\"%d\" y=\"%d\" width=\"%d\" "
                         "height=\"%d\" fill=\"#f5d76e\" opacity=\"0.8\">",
                         x1, top + 16, x2 - x1 > 2 ? x2 - x1 : 2, PROCEDURE_H - 24);
    tooltip(t, t->p->standstill_end, label(t, L_STANDSTILL), "(R40)");
    ipart__strbuf_puts(&t->b, "</rect>\n");
}

static void procedure_lane(timeline *t, int top)
{
    static const struct { const char *type, *field; int what; const char *colour; } marks[] = {
        {"notice_published", "date", L_NOTICE, INK},
        {"notice_published", "request_deadline", L_REQUEST_DEADLINE, "#555555"},
        {"candidates_invited", "tender_deadline", L_TENDER_DEADLINE, "#555555"},
        {"documents_changed", "resubmission_deadline", L_RESUBMISSION_DEADLINE, "#555555"},
        {"final_tenders_called", "deadline", L_FINAL_DEADLINE, "#555555"},
        {"award_decided", "date", L_AWARD, INK},
    };
    text_at(t, 12, top + 24, "font-size=\"13\" font-weight=\"bold\"", label(t, L_PROCEDURE));
    standstill_band(t, top);
    int rows[PROCEDURE_ROWS] = {0};
    const cJSON *ev = NULL;
    cJSON_ArrayForEach(ev, t->events) {
        for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
            ipart_date d;
            if (is_type(ev, marks[i].type) && date_field(&d, ev, marks[i].field))
                procedure_mark(t, top, rows, d, label(t, marks[i].what), marks[i].colour);
        }
    }
    if (t->p->award_date.year)
        procedure_mark(t, top, rows, t->p->standstill_end, label(t, L_STANDSTILL), "#b8860b");
    ipart_due due;
    if (ipart_partnership_next_due(&due, t->p) == IPART_OK)
        procedure_mark(t, top, rows, due.date, label(t, L_NEXT_DUE), RED);
}

/* ---- a partner's lane ----------------------------------------------------------- */

typedef struct lane {
    const char *partner;
    const char *colour;
    int top;
    ipart_date phase_start; /* of the running phase; year 0 when none runs */
    char phase[64];
    int64_t paid;           /* cumulative, minor units */
    int64_t scale;          /* the payment that reaches the top of the spend area */
    int ceilings;           /* labelled so far, side by side */
    int options;            /* purchases drawn so far, their labels on alternate rows */
} lane;

static void phase_bar(timeline *t, lane *l, ipart_date end, int terminated)
{
    if (!l->phase_start.year)
        return;
    int x1 = x_of(t, l->phase_start), x2 = x_of(t, end);
    ipart__strbuf_printf(&t->b,
                         "<rect class=\"phase\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                         "fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\">",
                         x1, l->top + BAR_Y, x2 - x1 > 3 ? x2 - x1 : 3, BAR_H, l->colour,
                         terminated ? RED : l->colour, terminated ? 3 : 1);
    tooltip(t, l->phase_start, label(t, L_PHASE), l->phase);
    ipart__strbuf_puts(&t->b, "</rect>\n");
    if (x2 - x1 > 26)
        text_at(t, x1 + 5, l->top + BAR_Y + 16, "font-size=\"11\" fill=\"#ffffff\"", l->phase);
    l->phase_start.year = 0;
}

static void target_mark(timeline *t, const lane *l, const cJSON *ev, ipart_date d)
{
    int met = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ev, "met"));
    int x = x_of(t, d), y = l->top + BAR_Y + BAR_H + 9;
    ipart__strbuf_printf(&t->b,
                         "<circle class=\"target %s\" cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\" "
                         "stroke=\"#ffffff\">",
                         met ? "met" : "not-met", x, y, met ? GREEN : RED);
    tooltip(t, d, label(t, met ? L_TARGET_MET : L_TARGET_NOT_MET), field(ev, "target"));
    ipart__strbuf_puts(&t->b, "</circle>\n");
}

static void diamond(timeline *t, int x, int y, const char *cls, const char *fill, ipart_date d,
                    const char *what, const char *detail)
{
    ipart__strbuf_printf(&t->b,
                         "<path class=\"%s\" d=\"M%d %dl6 6l-6 6l-6 -6z\" fill=\"%s\" "
                         "stroke=\"#ffffff\">",
                         cls, x, y - 6, fill);
    tooltip(t, d, what, detail);
    ipart__strbuf_puts(&t->b, "</path>\n");
}

static void termination_line(timeline *t, const lane *l, ipart_date d)
{
    int x = x_of(t, d);
    ipart__strbuf_printf(&t->b,
                         "<line class=\"termination\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                         "stroke=\"%s\" stroke-width=\"3\"/>\n",
                         x, l->top + 6, x, l->top + LANE_H - 8, RED);
    text_at(t, x + 5, l->top + BAR_Y + BAR_H + 26, "font-size=\"11\" fill=\"" RED "\"",
            label(t, L_TERMINATED));
}

static void gate_mark(timeline *t, lane *l, const cJSON *ev, ipart_date d)
{
    int terminate = strcmp(field(ev, "decision"), "terminate") == 0;
    phase_bar(t, l, d, terminate);
    diamond(t, x_of(t, d), l->top + BAR_Y + BAR_H / 2, terminate ? "gate terminate" : "gate",
            terminate ? RED : INK, d, label(t, terminate ? L_GATE_TERMINATE : L_GATE_CONTINUE),
            field(ev, "phase"));
    if (terminate)
        termination_line(t, l, d);
}

static int spend_y(const lane *l, int64_t amount)
{
    if (l->scale <= 0)
        return l->top + SPEND_BOTTOM;
    return l->top + SPEND_BOTTOM - (int)(amount * (SPEND_BOTTOM - SPEND_TOP) / l->scale);
}

/* The step line: a horizontal run to the payment's date, then up. */
static void payment_step(timeline *t, lane *l, const cJSON *ev, ipart_date d, const char *currency)
{
    ipart_money amount;
    if (ipart_money_parse(&amount, field(ev, "amount"), currency) != IPART_OK)
        return;
    l->paid += amount.minor;
    ipart__strbuf_printf(&t->b, "H%d V%d ", x_of(t, d), spend_y(l, l->paid));
}

static void other_mark(timeline *t, lane *l, const cJSON *ev, ipart_date d)
{
    int x = x_of(t, d), y = l->top + BAR_Y + BAR_H / 2;
    if (is_type(ev, "contract_signed")) {
        ipart__strbuf_printf(&t->b,
                             "<rect class=\"signed\" x=\"%d\" y=\"%d\" width=\"3\" height=\"%d\" "
                             "fill=\"%s\">",
                             x - 1, l->top + BAR_Y - 4, BAR_H + 8, INK);
        tooltip(t, d, label(t, L_SIGNED), "");
        ipart__strbuf_puts(&t->b, "</rect>\n");
    } else if (is_type(ev, "solution_accepted")) {
        diamond(t, x, y, "accepted", GREEN, d, label(t, L_ACCEPTED), "");
        text_at(t, x + 8, y - 8, "font-size=\"11\"", label(t, L_ACCEPTED));
    } else if (is_type(ev, "option_exercised")) {
        diamond(t, x, y, "option", "#1565c0", d, label(t, L_OPTION), field(ev, "actor"));
        text_at(t, x + 8, y + 18 + (l->options++ % 2) * 11, "font-size=\"10\"",
                field(ev, "actor"));
    } else if (is_type(ev, "partnership_terminated")) {
        phase_bar(t, l, d, 1);
        termination_line(t, l, d);
    }
}

/* Phases, targets, gates and the rest, in the order of the log. */
static void lane_events(timeline *t, lane *l)
{
    const cJSON *ev = NULL;
    cJSON_ArrayForEach(ev, t->events) {
        ipart_date d;
        int everyone = is_type(ev, "partnership_terminated");
        if (!date_field(&d, ev, "date") || (!everyone && !names_partner(ev, l->partner)))
            continue;
        if (is_type(ev, "phase_started")) {
            l->phase_start = d;
            snprintf(l->phase, sizeof l->phase, "%s", field(ev, "phase"));
        } else if (is_type(ev, "milestone_assessed")) {
            target_mark(t, l, ev, d);
        } else if (is_type(ev, "phase_gate_decided")) {
            gate_mark(t, l, ev, d);
        } else {
            other_mark(t, l, ev, d);
        }
    }
    phase_bar(t, l, t->last, 0); /* a phase still running */
}

static void lane_spend(timeline *t, lane *l)
{
    const char *currency = ipart_partnership_currency(t->p);
    ipart__strbuf_printf(&t->b, "<path class=\"spend\" fill=\"none\" stroke=\"%s\" "
                                "stroke-width=\"2\" d=\"M%d %d ",
                         l->colour, LEFT, spend_y(l, 0));
    l->paid = 0;
    const cJSON *ev = NULL;
    cJSON_ArrayForEach(ev, t->events) {
        ipart_date d;
        if (is_type(ev, "instalment_paid") && date_field(&d, ev, "date") &&
            (!l->partner || names_partner(ev, l->partner)))
            payment_step(t, l, ev, d, currency);
    }
    ipart__strbuf_printf(&t->b, "H%d\"/>\n", x_of(t, t->last));
    ipart_money total = {l->paid, ""};
    snprintf(total.currency, sizeof total.currency, "%s", currency);
    ipart__strbuf_printf(&t->b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#333\">%s ",
                         x_of(t, t->last) + 4 > WIDTH - 110 ? WIDTH - 110 : x_of(t, t->last) + 4,
                         spend_y(l, l->paid) + 12, label(t, L_PAID));
    money_text(t, total);
    ipart__strbuf_puts(&t->b, "</text>\n");
}

/* A dashed line at a ceiling of the spend area (the contract value, or a
 * cap named by its id), labelled along it, one label after the other. */
static void ceiling(timeline *t, lane *l, ipart_money amount, const char *what)
{
    int y = spend_y(l, amount.minor);
    ipart__strbuf_printf(&t->b,
                         "<line class=\"ceiling\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                         "stroke=\"#555\" stroke-dasharray=\"6 3\"/>\n"
                         "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">",
                         LEFT, y, WIDTH - RIGHT, y, LEFT + 4 + l->ceilings++ * 230, y - 3);
    put_text(&t->b, what);
    ipart__strbuf_putc(&t->b, ' ');
    money_text(t, amount);
    ipart__strbuf_puts(&t->b, "</text>\n");
}

/* The caps that apply to a lane: scope "partner" rows of this partner, or,
 * for the budget lane (partner NULL), the "development" rows. */
static int cap_applies(const ipart_cap_status *c, const char *partner)
{
    if (!partner)
        return strcmp(c->scope, "development") == 0;
    return strcmp(c->scope, "partner") == 0 && strcmp(c->partner, partner) == 0;
}

static void lane_ceilings(timeline *t, lane *l, const ipart_partner_status *s)
{
    l->scale = s ? s->value.minor : 0;
    size_t caps = ipart_partnership_cap_count(t->p);
    for (size_t i = 0; i < caps; i++) {
        ipart_cap_status c;
        if (ipart_partnership_cap_at(&c, t->p, i) == IPART_OK && cap_applies(&c, l->partner) &&
            c.amount.minor > l->scale)
            l->scale = c.amount.minor;
    }
    if (s)
        ceiling(t, l, s->value, label(t, L_CONTRACT_VALUE));
    for (size_t i = 0; i < caps; i++) {
        ipart_cap_status c;
        if (ipart_partnership_cap_at(&c, t->p, i) == IPART_OK && cap_applies(&c, l->partner))
            ceiling(t, l, c.amount, c.cap);
    }
}

/* The plan's due date of each phase, from the contract's detail. */
static void phase_dues(timeline *t, const lane *l)
{
    char *json = NULL;
    cJSON *doc = NULL;
    if (ipart_partnership_partner_json(&json, t->p, l->partner) != IPART_OK ||
        ipart__json_parse(&doc, json, strlen(json), "$") != IPART_OK) {
        ipart_free(json);
        t->b.oom = 1;
        return;
    }
    const cJSON *ph = NULL;
    cJSON_ArrayForEach(ph, cJSON_GetObjectItemCaseSensitive(doc, "phases")) {
        ipart_date due;
        if (!date_field(&due, ph, "due") || strcmp(field(ph, "state"), "ended") == 0)
            continue;
        int x = x_of(t, due), y = l->top + BAR_Y - 2;
        ipart__strbuf_printf(&t->b,
                             "<path class=\"due\" d=\"M%d %dl-5 -8h10z\" fill=\"#555\">", x, y);
        tooltip(t, due, label(t, L_PHASE_DUE), field(ph, "id"));
        ipart__strbuf_puts(&t->b, "</path>\n");
    }
    cJSON_Delete(doc);
    ipart_free(json);
}

/* The party's name under its id, on two lines when it is long (split at
 * a space, so never inside a UTF-8 sequence). */
static void lane_name(timeline *t, const lane *l, const char *name)
{
    enum { LINE = 34 };
    const char *split = NULL;
    for (const char *s = name; *s && s - name <= LINE; s++)
        if (*s == ' ')
            split = s;
    if (strlen(name) <= LINE || !split) {
        text_at(t, 12, l->top + BAR_Y + 36, "font-size=\"10\" fill=\"#444\"", name);
        return;
    }
    ipart__strbuf_printf(&t->b, "<text x=\"12\" y=\"%d\" font-size=\"10\" fill=\"#444\">",
                         l->top + BAR_Y + 36);
    put_text_n(&t->b, name, (size_t)(split - name));
    ipart__strbuf_puts(&t->b, "</text>\n");
    text_at(t, 12, l->top + BAR_Y + 48, "font-size=\"10\" fill=\"#444\"", split + 1);
}

static void lane_head(timeline *t, const lane *l, const ipart_partner_status *s)
{
    ipart_party party;
    ipart__strbuf_printf(&t->b,
                         "<rect class=\"band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" "
                         "fill=\"%s\" fill-opacity=\"0.07\"/>\n"
                         "<rect class=\"swatch\" x=\"12\" y=\"%d\" width=\"16\" height=\"16\" "
                         "fill=\"%s\"/>\n",
                         l->top, WIDTH, LANE_H, l->colour, l->top + BAR_Y + 4, l->colour);
    text_at(t, 34, l->top + BAR_Y + 17, "font-size=\"13\" font-weight=\"bold\"", l->partner);
    if (ipart_partnership_party_get(&party, t->p, l->partner) == IPART_OK)
        lane_name(t, l, party.name);
    if (s)
        text_at(t, 12, l->top + BAR_Y + 66, "font-size=\"10\" font-style=\"italic\"",
                state_label(t, s->state));
}

static void partner_lane(timeline *t, const char *partner, const char *colour, int top)
{
    ipart_partner_status s;
    lane l = {partner, colour, top, {0, 0, 0}, "", 0, 0, 0, 0};
    int has_contract = ipart_partnership_partner_status(&s, t->p, partner) == IPART_OK;
    ipart__strbuf_printf(&t->b, "<g class=\"lane\" data-partner=\"");
    put_text(&t->b, partner);
    ipart__strbuf_printf(&t->b, "\" data-colour=\"%s\">\n", colour);
    lane_head(t, &l, has_contract ? &s : NULL);
    lane_ceilings(t, &l, has_contract ? &s : NULL);
    phase_dues(t, &l);
    lane_events(t, &l);
    lane_spend(t, &l);
    ipart__strbuf_puts(&t->b, "</g>\n");
}

static void budget_lane(timeline *t, int top)
{
    lane l = {NULL, INK, top, {0, 0, 0}, "", 0, 0, 0, 0};
    ipart__strbuf_printf(&t->b, "<g class=\"budget\">\n<rect x=\"0\" y=\"%d\" width=\"%d\" "
                                "height=\"%d\" fill=\"#f4f4f4\"/>\n",
                         top, WIDTH, LANE_H);
    text_at(t, 12, top + 24, "font-size=\"13\" font-weight=\"bold\"", label(t, L_BUDGET));
    lane_ceilings(t, &l, NULL);
    lane_spend(t, &l);
    ipart__strbuf_puts(&t->b, "</g>\n");
}

/* ---- the whole picture ---------------------------------------------------------- */

/* The next operator from party index *i on with an awarded contract: its
 * id, or NULL after the last. Lanes follow the order of the parties. */
static const char *next_partner(const timeline *t, size_t *i)
{
    for (size_t parties = ipart_partnership_party_count(t->p); *i < parties; ++*i) {
        ipart_party party;
        ipart_partner_status s;
        if (ipart_partnership_party_at(&party, t->p, *i) == IPART_OK &&
            ipart_partnership_partner_status(&s, t->p, party.id) == IPART_OK) {
            ++*i;
            return party.id;
        }
    }
    return NULL;
}

static size_t partner_count(const timeline *t)
{
    size_t n = 0, i = 0;
    while (next_partner(t, &i))
        n++;
    return n;
}

static void lanes(timeline *t, int top)
{
    size_t n = 0, i = 0;
    for (const char *partner; (partner = next_partner(t, &i)) != NULL; n++)
        partner_lane(t, partner, lane_colours[n % LANE_COLOURS], top + (int)n * LANE_H);
}

static void legend(timeline *t, int top)
{
    /* each symbol drawn around (0, 0), then moved to its place */
    static const struct { const char *shape; int what; } items[] = {
        {"<rect x=\"0\" y=\"-5\" width=\"14\" height=\"10\" fill=\"#1f77b4\"/>", L_PHASE},
        {"<circle cx=\"6\" cy=\"0\" r=\"5\" fill=\"" GREEN "\"/>", L_TARGET_MET},
        {"<circle cx=\"6\" cy=\"0\" r=\"5\" fill=\"" RED "\"/>", L_TARGET_NOT_MET},
        {"<path d=\"M6 -6l6 6l-6 6l-6 -6z\" fill=\"" INK "\"/>", L_GATE_CONTINUE},
        {"<path d=\"M6 -6l6 6l-6 6l-6 -6z\" fill=\"" RED "\"/>", L_GATE_TERMINATE},
        {"<path d=\"M6 4l-5 -8h10z\" fill=\"#555\"/>", L_PHASE_DUE},
        {"<rect x=\"0\" y=\"-5\" width=\"14\" height=\"10\" fill=\"#f5d76e\"/>",
         L_STANDSTILL},
        {"<path d=\"M0 5h7v-10h7\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>",
         L_PAID},
        {"<path d=\"M0 0h14\" stroke=\"#555\" stroke-dasharray=\"4 2\"/>", L_CAP},
        {"<rect x=\"5\" y=\"-8\" width=\"3\" height=\"16\" fill=\"" INK "\"/>", L_SIGNED},
        {"<path d=\"M6 -6l6 6l-6 6l-6 -6z\" fill=\"" GREEN "\"/>", L_ACCEPTED},
        {"<path d=\"M6 -6l6 6l-6 6l-6 -6z\" fill=\"#1565c0\"/>", L_OPTION},
        {"<path d=\"M6 -8v16\" stroke=\"" RED "\" stroke-width=\"3\"/>", L_TERMINATED},
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        int x = 12 + (int)(i % 5) * 240, y = top + 20 + (int)(i / 5) * 22;
        ipart__strbuf_printf(&t->b, "<g class=\"legend\" transform=\"translate(%d,%d)\">", x, y);
        ipart__strbuf_puts(&t->b, items[i].shape);
        ipart__strbuf_puts(&t->b, "</g>\n");
        text_at(t, x + 18, y + 4, "font-size=\"11\"", label(t, items[i].what));
    }
}

static void header(timeline *t, int height, const char *title)
{
    ipart__strbuf_printf(&t->b,
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                         "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                         "font-family=\"DejaVu Sans, Arial, sans-serif\" lang=\"%s\">\n"
                         "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                         WIDTH, height, WIDTH, height, t->nb ? "nb" : "en", WIDTH, height);
    ipart__strbuf_printf(&t->b, "<text x=\"12\" y=\"26\" font-size=\"18\" "
                                "font-weight=\"bold\">%s: ",
                         label(t, L_TITLE));
    put_text(&t->b, title);
    ipart__strbuf_puts(&t->b, "</text>\n<text x=\"12\" y=\"48\" font-size=\"12\" fill=\"#444\">");
    put_date(&t->b, t->first);
    ipart__strbuf_puts(&t->b, " \xe2\x80\x93 ");
    put_date(&t->b, t->last);
    ipart__strbuf_printf(&t->b, " \xc2\xb7 %s \xc2\xb7 %s</text>\n",
                         ipart_partnership_profile(t->p),
                         ipart_stage_name(ipart_partnership_stage(t->p)));
}

static void draw(timeline *t)
{
    int lanes_top = HEAD + PROCEDURE_H;
    int budget_top = lanes_top + (int)partner_count(t) * LANE_H;
    int axis_top = budget_top + LANE_H;
    int height = axis_top + AXIS_H + LEGEND_H;
    const cJSON *created = cJSON_GetArrayItem(t->events, 0);
    header(t, height, field(created, "title"));
    grid_and_axis(t, HEAD, axis_top);
    procedure_lane(t, HEAD);
    lanes(t, lanes_top);
    budget_lane(t, budget_top);
    legend(t, axis_top + AXIS_H);
    ipart__strbuf_puts(&t->b, "</svg>\n");
}

ipart_status ipart_partnership_timeline_svg(char **out, const ipart_partnership *p,
                                            const char *lang)
{
    if (!out || !p || !lang)
        return ipart__fail_null("ipart_partnership_timeline_svg", !out ? "out"
                                                                  : !p ? "partnership"
                                                                       : "lang");
    if (strcmp(lang, "nb") != 0 && strcmp(lang, "en") != 0)
        return ipart__fail(IPART_EINVAL, "timeline.lang",
                           "language \"%s\": the timeline is drawn in \"nb\" or \"en\"", lang);
    if (!ipart__scope_sees(p, NULL))
        return ipart__scope_refuse(p, "the timeline of every partner");
    if (ipart_partnership_event_count(p) == 0)
        return ipart__fail(IPART_ESTATE, "timeline.empty",
                           "the timeline starts at partnership_created, which is not applied");
    char *document = NULL;
    cJSON *doc = NULL;
    ipart_status rc = ipart_partnership_save(&document, p);
    if (rc == IPART_OK)
        rc = ipart__json_parse(&doc, document, strlen(document), "$");
    ipart_free(document);
    if (rc != IPART_OK)
        return rc;
    timeline t = {IPART__STRBUF_INIT, p, cJSON_GetObjectItemCaseSensitive(doc, "events"),
                  strcmp(lang, "nb") == 0, {0, 0, 0}, 1, {0, 0, 0}};
    measure(&t, p);
    draw(&t);
    cJSON_Delete(doc);
    return ipart__strbuf_finish(&t.b, out);
}
