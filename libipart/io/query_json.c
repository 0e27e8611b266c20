/*
 * The JSON exports of the typed queries: tenderers, ranking, actions, a
 * partner's contract, the payments forecast, rights explanations and rank
 * stability. Each is written from the public typed accessors only, so the
 * JSON and the typed results cannot disagree; the functions stay public
 * for compatibility (doc/api-stability.md).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "core/error_p.h"
#include "io/query_json_p.h"
#include "model/contract_p.h"
#include "ipart/contract.h"
#include "ipart/evaluation.h"
#include "ipart/rights.h"

void ipart__json_string_or_null(ipart__strbuf *b, const char *s)
{
    if (s && s[0])
        ipart__strbuf_json_string(b, s);
    else
        ipart__strbuf_puts(b, "null");
}

static const char *boolean(int yes)
{
    return yes ? "true" : "false";
}

/* Millionths of a point as "87.500000". */
static void put_points(ipart__strbuf *b, int64_t micro)
{
    ipart__strbuf_printf(b, "\"%lld.%06lld\"", (long long)(micro / 1000000),
                         (long long)(micro % 1000000));
}

/* ---- the competition ------------------------------------------------------------------ */

static void put_tenderer(ipart__strbuf *b, const ipart_tenderer *t)
{
    ipart__strbuf_puts(b, "{\"id\":");
    ipart__strbuf_json_string(b, t->id);
    ipart__strbuf_puts(b, ",\"name\":");
    ipart__strbuf_json_string(b, t->name);
    ipart__strbuf_puts(b, ",\"status\":");
    ipart__strbuf_json_string(b, t->status);
    ipart__strbuf_printf(b, ",\"qualified\":%s,\"invited\":%s,\"eliminated\":%s,\"tender\":",
                         boolean(t->qualified), boolean(t->invited), boolean(t->eliminated));
    if (!t->has_tender) {
        ipart__strbuf_puts(b, "null}");
        return;
    }
    ipart__strbuf_printf(b, "{\"kind\":\"%s\",\"version\":%d", t->tender_kind,
                         t->tender_version);
    ipart__strbuf_json_money_member(b, "price", t->price);
    ipart__strbuf_json_money_member(b, "development_price", t->development_price);
    ipart__strbuf_puts(b, ",\"date\":");
    ipart__strbuf_json_date(b, t->tender_date);
    ipart__strbuf_puts(b, "}}");
}

ipart_status ipart_partnership_tenderers_json(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_tenderers_json", !out ? "out" : "partnership");
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '[');
    size_t n = ipart_partnership_tenderer_count(p);
    for (size_t i = 0; i < n; i++) {
        ipart_tenderer t;
        ipart_partnership_tenderer_at(&t, p, i); /* i is in range */
        if (i)
            ipart__strbuf_putc(&b, ',');
        put_tenderer(&b, &t);
    }
    ipart__strbuf_putc(&b, ']');
    return ipart__strbuf_finish(&b, out);
}

static void put_ranked(ipart__strbuf *b, const ipart_partnership *p, size_t i)
{
    ipart_ranked r;
    ipart_partnership_ranked_at(&r, p, i); /* i is in range */
    ipart__strbuf_puts(b, "{\"tenderer\":");
    ipart__strbuf_json_string(b, r.tenderer);
    ipart__strbuf_printf(b, ",\"rank\":%d,\"total\":", r.rank);
    put_points(b, r.total);
    ipart__strbuf_printf(b, ",\"tied\":%s,\"scores\":{", boolean(r.tied));
    for (size_t k = 0; k < r.criteria; k++) {
        ipart_score s;
        ipart_partnership_ranked_score_at(&s, p, i, k);
        if (k)
            ipart__strbuf_putc(b, ',');
        ipart__strbuf_json_string(b, s.criterion);
        ipart__strbuf_putc(b, ':');
        put_points(b, s.points);
    }
    ipart__strbuf_puts(b, "}}");
}

ipart_status ipart_partnership_ranking_json(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_ranking_json", !out ? "out" : "partnership");
    size_t n = ipart_partnership_ranked_count(p);
    if (n == 0) {
        ipart_ranked first;
        return ipart_partnership_ranked_at(&first, p, 0); /* fails: not evaluated */
    }
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            ipart__strbuf_putc(&b, ',');
        put_ranked(&b, p, i);
    }
    ipart__strbuf_putc(&b, ']');
    return ipart__strbuf_finish(&b, out);
}

/* ,"name":"text", or null when there is no text (an allowed action's reason). */
static void put_reason(ipart__strbuf *b, const char *name, const char *text)
{
    ipart__strbuf_printf(b, ",\"%s\":", name);
    if (text)
        ipart__strbuf_json_string(b, text);
    else
        ipart__strbuf_puts(b, "null");
}

ipart_status ipart_partnership_actions_json(char **out, const ipart_partnership *p,
                                            const char *actor)
{
    if (!out || !p || !actor)
        return ipart__fail_null("ipart_partnership_actions_json",
                                !out ? "out" : !p ? "partnership" : "actor");
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '[');
    size_t n = ipart_partnership_action_count(p);
    for (size_t i = 0; i < n; i++) {
        ipart_action a;
        ipart_status rc = ipart_partnership_action_at(&a, p, actor, i); /* i is in range */
        if (rc != IPART_OK) { /* another party's actions, to a scoped handle */
            ipart__strbuf_free(&b);
            return rc;
        }
        ipart__strbuf_puts(&b, i ? ",{\"type\":" : "{\"type\":");
        ipart__strbuf_json_string(&b, a.type);
        ipart__strbuf_printf(&b, ",\"allowed\":%s,\"code\":", boolean(a.allowed));
        ipart__json_string_or_null(&b, a.allowed ? NULL : ipart_error_name((ipart_status)a.code));
        ipart__strbuf_puts(&b, ",\"rule\":");
        ipart__json_string_or_null(&b, a.rule);
        put_reason(&b, "reason", a.allowed ? NULL : a.reason);
        put_reason(&b, "reason_nb", a.allowed ? NULL : a.reason_nb);
        ipart__strbuf_putc(&b, '}');
    }
    ipart__strbuf_putc(&b, ']');
    return ipart__strbuf_finish(&b, out);
}

/* ---- the contract --------------------------------------------------------------------- */

static void put_phase_items(ipart__strbuf *b, const ipart_partnership *p, const char *partner,
                            size_t k, const ipart_partner_phase *ph)
{
    ipart__strbuf_puts(b, ",\"targets\":[");
    for (size_t i = 0; i < ph->target_count; i++) {
        ipart_partner_target t;
        ipart_partnership_partner_target_at(&t, p, partner, k, i);
        ipart__strbuf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        ipart__strbuf_json_string(b, t.id);
        ipart__strbuf_printf(b, ",\"status\":\"%s\"}", t.status);
    }
    ipart__strbuf_puts(b, "],\"instalments\":[");
    for (size_t i = 0; i < ph->instalment_count; i++) {
        ipart_partner_instalment in;
        ipart_partnership_partner_instalment_at(&in, p, partner, k, i);
        ipart__strbuf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        ipart__strbuf_json_string(b, in.id);
        ipart__strbuf_puts(b, ",\"target\":");
        ipart__strbuf_json_string(b, in.target);
        ipart__strbuf_json_money_member(b, "amount", in.amount);
        ipart__strbuf_json_money_member(b, "paid", in.paid);
        ipart__strbuf_printf(b, ",\"payable\":%s}", boolean(in.payable));
    }
    ipart__strbuf_putc(b, ']');
}

static void put_phase(ipart__strbuf *b, const ipart_partnership *p, const char *partner, size_t k)
{
    ipart_partner_phase ph;
    ipart_partnership_partner_phase_at(&ph, p, partner, k); /* k is in range */
    ipart__strbuf_puts(b, "{\"id\":");
    ipart__strbuf_json_string(b, ph.id);
    ipart__strbuf_printf(b, ",\"kind\":\"%s\",\"due\":", ph.kind);
    ipart__strbuf_json_date(b, ph.due);
    ipart__strbuf_json_money_member(b, "price", ph.price);
    ipart__strbuf_printf(b, ",\"state\":\"%s\"", ph.state);
    put_phase_items(b, p, partner, k, &ph);
    ipart__strbuf_putc(b, '}');
}

static void put_partner_status(ipart__strbuf *b, const ipart_partner_status *s)
{
    ipart__strbuf_puts(b, "{\"partner\":");
    ipart__strbuf_json_string(b, s->partner);
    ipart__strbuf_printf(b, ",\"state\":\"%s\",\"phase\":", s->state);
    ipart__json_string_or_null(b, s->phase_index >= 0 ? s->phase : NULL);
    ipart__strbuf_json_money_member(b, "original", s->original);
    ipart__strbuf_json_money_member(b, "changes", s->changes);
    ipart__strbuf_json_money_member(b, "change_limit", s->change_limit);
    ipart__strbuf_json_money_member(b, "value", s->value);
    ipart__strbuf_json_money_member(b, "paid", s->paid);
    ipart__strbuf_json_money_member(b, "payable", s->payable);
    ipart__strbuf_json_money_member(b, "owed_on_termination", s->owed_on_termination);
    ipart__strbuf_printf(b, ",\"option_quantity\":%lld", (long long)s->option_quantity);
    ipart__strbuf_json_money_member(b, "option_value", s->option_value);
}

ipart_status ipart_partnership_partner_json(char **out, const ipart_partnership *p,
                                            const char *partner)
{
    ipart_partner_status s;
    ipart_status rc = ipart_partnership_partner_status(&s, p, partner);
    if (rc != IPART_OK)
        return rc;
    if (!out)
        return ipart__fail_null("ipart_partnership_partner_json", "out");
    ipart__strbuf b = IPART__STRBUF_INIT;
    put_partner_status(&b, &s);
    ipart__strbuf_puts(&b, ",\"phases\":[");
    size_t n = ipart_partnership_partner_phase_count(p, partner);
    for (size_t k = 0; k < n; k++) {
        if (k)
            ipart__strbuf_putc(&b, ',');
        put_phase(&b, p, partner, k);
    }
    ipart__strbuf_puts(&b, "]}");
    return ipart__strbuf_finish(&b, out);
}

typedef struct forecast_writer {
    ipart__strbuf *b;
    int first;
} forecast_writer;

static int put_payment(const ipart_payment *row, void *ctx)
{
    forecast_writer *w = ctx;
    ipart__strbuf *b = w->b;
    ipart__strbuf_puts(b, w->first ? "{\"partner\":" : ",{\"partner\":");
    w->first = 0;
    ipart__strbuf_json_string(b, row->partner);
    ipart__strbuf_puts(b, ",\"phase\":");
    ipart__json_string_or_null(b, row->phase);
    ipart__strbuf_puts(b, ",\"instalment\":");
    ipart__json_string_or_null(b, row->instalment);
    ipart__strbuf_puts(b, ",\"due\":");
    if (row->has_due)
        ipart__strbuf_json_date(b, row->due);
    else
        ipart__strbuf_puts(b, "null");
    ipart__strbuf_json_money_member(b, "amount", row->amount);
    ipart__strbuf_printf(b, ",\"payable\":%s}", boolean(row->payable));
    return 0;
}

void ipart__forecast_write(ipart__strbuf *b, const ipart_partnership *p)
{
    /* One walk over the rows ipart_partnership_payment_at() reads one by one. */
    forecast_writer w = {b, 1};
    ipart__strbuf_puts(b, "{\"payments\":[");
    int64_t total = ipart__payments_each(p, put_payment, &w);
    ipart__strbuf_puts(b, "],\"total\":");
    ipart__strbuf_json_money(b, ipart__case_money(p, total));
    ipart__strbuf_putc(b, '}');
}

ipart_status ipart_partnership_forecast_json(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_forecast_json", !out ? "out" : "partnership");
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__forecast_write(&b, p);
    return ipart__strbuf_finish(&b, out);
}

/* ---- rights --------------------------------------------------------------------------- */

static void put_explanation(ipart__strbuf *b, const ipart_rights_explanation *x)
{
    ipart__strbuf_puts(b, "{\"party\":");
    ipart__strbuf_json_string(b, ipart_rights_explanation_party(x));
    ipart__strbuf_puts(b, ",\"asset\":");
    ipart__strbuf_json_string(b, ipart_rights_explanation_asset(x));
    ipart__strbuf_printf(b, ",\"event_count\":%zu", ipart_rights_explanation_event_count(x));
    for (size_t r = 0; r < ipart_rights_explanation_count(x); r++) {
        ipart_right_answer a;
        ipart_rights_explanation_at(&a, x, r);
        ipart__strbuf_printf(b, ",\"%s\":{\"answer\":%s,\"clause\":", a.right, boolean(a.answer));
        ipart__strbuf_json_string(b, a.clause);
        ipart__strbuf_puts(b, ",\"rule\":");
        ipart__strbuf_json_string(b, a.rule);
        ipart__strbuf_puts(b, ",\"reason\":");
        ipart__strbuf_json_string(b, a.reason);
        ipart__strbuf_puts(b, ",\"reason_nb\":");
        ipart__strbuf_json_string(b, ipart_rights_explanation_reason(x, r, "nb"));
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_putc(b, '}');
}

ipart_status ipart_partnership_rights_json(char **out, const ipart_partnership *p,
                                           size_t event_count, const char *party,
                                           const char *asset)
{
    if (!out || !p || !party || !asset)
        return ipart__fail_null("ipart_partnership_rights_json", !out ? "out"
                                                                 : !p ? "partnership"
                                                                 : !party ? "party"
                                                                          : "asset");
    ipart_rights_explanation *x = NULL;
    ipart_status rc = ipart_partnership_rights_explain(&x, p, event_count, party, asset);
    if (rc != IPART_OK)
        return rc;
    ipart__strbuf b = IPART__STRBUF_INIT;
    put_explanation(&b, x);
    ipart_rights_explanation_free(x);
    return ipart__strbuf_finish(&b, out);
}

/* ---- rank stability ------------------------------------------------------------------- */

static void put_index_or_null(ipart__strbuf *b, int64_t index)
{
    if (index < 0)
        ipart__strbuf_puts(b, "null");
    else
        ipart__strbuf_printf(b, "%lld", (long long)index);
}

static void put_tenders(ipart__strbuf *b, const ipart_stability *s)
{
    size_t n = ipart_stability_tender_count(s);
    ipart_stability_tender t;
    ipart__strbuf_puts(b, "\"totals\":[");
    for (size_t i = 0; i < n && ipart_stability_tender_at(&t, s, i) == IPART_OK; i++)
        ipart__strbuf_printf(b, i ? ",%lld" : "%lld", (long long)t.total);
    ipart__strbuf_puts(b, "],\"ranks\":[");
    for (size_t i = 0; i < n && ipart_stability_tender_at(&t, s, i) == IPART_OK; i++)
        ipart__strbuf_printf(b, i ? ",%lld" : "%lld", (long long)t.rank);
    ipart__strbuf_puts(b, "],\"winner\":");
    put_index_or_null(b, ipart_stability_winner(s));
    ipart__strbuf_puts(b, ",\"tied_at_top\":[");
    int first = 1;
    for (size_t i = 0; i < n && ipart_stability_tender_at(&t, s, i) == IPART_OK; i++)
        if (t.tied_at_top) {
            ipart__strbuf_printf(b, first ? "%zu" : ",%zu", i);
            first = 0;
        }
    ipart__strbuf_putc(b, ']');
}

static void put_pairs(ipart__strbuf *b, const ipart_stability *s)
{
    ipart__strbuf_puts(b, ",\"pairs\":[");
    for (size_t i = 0; i < ipart_stability_pair_count(s); i++) {
        ipart_stability_pair pr;
        ipart_stability_pair_at(&pr, s, i);
        ipart__strbuf_printf(b, "%s{\"ahead\":%zu,\"behind\":%zu,\"margin\":%lld,\"swap\":",
                             i ? "," : "", pr.ahead, pr.behind, (long long)pr.margin);
        if (pr.has_swap)
            ipart__strbuf_printf(b, "{\"from\":%zu,\"to\":%zu,\"basis_points\":%lld}}",
                                 pr.swap_from, pr.swap_to, (long long)pr.swap_basis_points);
        else
            ipart__strbuf_puts(b, "null}");
    }
    ipart_winner_change c;
    ipart__strbuf_puts(b, "],\"winner_change\":");
    if (ipart_stability_winner_change(&c, s) == IPART_OK)
        ipart__strbuf_printf(b,
                             "{\"challenger\":%zu,\"from\":%zu,\"to\":%zu,\"basis_points\":%lld}",
                             c.challenger, c.from_criterion, c.to_criterion,
                             (long long)c.basis_points);
    else
        ipart__strbuf_puts(b, "null");
    ipart_error_clear(); /* no winner change is an answer */
}

static void put_removals(ipart__strbuf *b, const ipart_stability *s)
{
    ipart__strbuf_puts(b, ",\"removals\":[");
    for (size_t r = 0; r < ipart_stability_tender_count(s); r++) {
        ipart_stability_removal rm;
        ipart_stability_removal_at(&rm, s, r);
        ipart__strbuf_printf(b,
                             "%s{\"removed\":%zu,\"reversal\":%s,\"changed_pairs\":%zu,\"pair\":",
                             r ? "," : "", rm.removed, boolean(rm.reversal), rm.changed_pairs);
        if (rm.has_pair)
            ipart__strbuf_printf(b, "[%zu,%zu]", rm.pair_first, rm.pair_second);
        else
            ipart__strbuf_puts(b, "null");
        ipart__strbuf_puts(b, ",\"winner_after\":");
        put_index_or_null(b, rm.winner_after);
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_putc(b, ']');
}

ipart_status ipart_evaluation_stability_json(char **out, const ipart_evaluation *e,
                                             const int64_t *weights, size_t weights_count)
{
    if (!out || !e || !weights)
        return ipart__fail_null("ipart_evaluation_stability_json",
                                !out ? "out" : !e ? "evaluation" : "weights");
    ipart_stability *s = NULL;
    ipart_status rc = ipart_evaluation_stability(&s, e, weights, weights_count);
    if (rc != IPART_OK)
        return rc;
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '{');
    put_tenders(&b, s);
    put_pairs(&b, s);
    put_removals(&b, s);
    ipart__strbuf_putc(&b, '}');
    ipart_stability_free(s);
    return ipart__strbuf_finish(&b, out);
}
