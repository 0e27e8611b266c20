/* Status codes and the thread-local error detail. SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"
#include "core/error_p.h"

#include <pthread.h>
#include <string.h>

TestSuite(errors, IPART_TEST_FIXTURE);

/* The rows of the one table, to check every generated function agrees with it. */
static const struct row {
    ipart_status code;
    int value;
    const char *name;
    const char *cls;
    const char *message;
} rows[] = {
#define ROW(name, value, cls, msg) {IPART_##name, value, "IPART_" #name, #cls, msg},
    IPART_ERROR_MAP(ROW)
#undef ROW
};

Test(errors, every_code_has_a_name_class_and_message)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        cr_assert_eq((int)rows[i].code, rows[i].value);
        cr_assert_str_eq(ipart_error_name(rows[i].code), rows[i].name);
        cr_assert_str_eq(ipart_error_class(rows[i].code), rows[i].cls);
        cr_assert_str_eq(ipart_strerror(rows[i].code), rows[i].message);
    }
}

Test(errors, codes_are_unique_and_ok_is_zero_others_negative)
{
    cr_assert_eq(IPART_OK, 0);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (rows[i].code != IPART_OK)
            cr_assert_lt((int)rows[i].code, 0, "%s must be negative", rows[i].name);
        for (size_t j = i + 1; j < sizeof rows / sizeof rows[0]; j++)
            cr_assert_neq(rows[i].code, rows[j].code, "%s and %s share a value", rows[i].name,
                          rows[j].name);
    }
}

Test(errors, released_values_never_change)
{
    /* The ABI promise: these numbers are part of every binding. */
    cr_assert_eq(IPART_EINVAL, -1);
    cr_assert_eq(IPART_EPARSE, -2);
    cr_assert_eq(IPART_ERANGE, -3);
    cr_assert_eq(IPART_EOVERFLOW, -4);
    cr_assert_eq(IPART_ECURRENCY, -5);
    cr_assert_eq(IPART_ESTATE, -6);
    cr_assert_eq(IPART_EPERM, -7);
    cr_assert_eq(IPART_ERULE, -8);
    cr_assert_eq(IPART_ENOTFOUND, -9);
    cr_assert_eq(IPART_EEXISTS, -10);
    cr_assert_eq(IPART_EVERSION, -11);
    cr_assert_eq(IPART_ENOMEM, -12);
    cr_assert_eq(IPART_EMISUSE, -13);
    cr_assert_eq(IPART_EINTERNAL, -14);
}

Test(errors, unknown_codes_have_safe_descriptions)
{
    cr_assert_str_eq(ipart_strerror((ipart_status)-999), "unknown status");
    cr_assert_str_eq(ipart_error_name((ipart_status)42), "IPART_UNKNOWN");
    cr_assert_str_eq(ipart_error_class((ipart_status)-999), "Internal");
}

Test(errors, detail_starts_empty_and_is_never_null)
{
    ipart_error_clear();
    const ipart_error *e = ipart_error_last();
    cr_assert_not_null(e);
    cr_assert_eq(e->code, IPART_OK);
    cr_assert_str_eq(e->rule, "");
    cr_assert_str_eq(e->source, "");
    cr_assert_str_eq(e->path, "");
    cr_assert_str_eq(e->key, "");
    cr_assert_str_eq(e->message, "");
}

Test(errors, fail_rule_records_every_field)
{
    ipart_status rc = ipart__fail_rule(IPART_ERULE, "R13", "Dir. 2014/24/EU Art. 65(2)",
                                       "$.events[4]", "invite.too_few",
                                       "only %d candidates invited, at least %d required", 2, 3);
    cr_assert_eq(rc, IPART_ERULE);
    const ipart_error *e = ipart_error_last();
    cr_assert_eq(e->code, IPART_ERULE);
    cr_assert_str_eq(e->rule, "R13");
    cr_assert_str_eq(e->source, "Dir. 2014/24/EU Art. 65(2)");
    cr_assert_str_eq(e->path, "$.events[4]");
    cr_assert_str_eq(e->key, "invite.too_few");
    cr_assert_str_eq(e->message, "only 2 candidates invited, at least 3 required");
}

Test(errors, a_new_failure_replaces_rule_and_path_of_the_previous_one)
{
    ipart__fail_rule(IPART_ERULE, "R6", "Reg. 1182/71", "$.deadline", "k", "first");
    ipart__fail(IPART_EINVAL, "second.key", "second");
    const ipart_error *e = ipart_error_last();
    cr_assert_eq(e->code, IPART_EINVAL);
    cr_assert_str_eq(e->rule, "");
    cr_assert_str_eq(e->path, "");
    cr_assert_str_eq(e->message, "second");
    ipart__error_set_path("$.events[0].date");
    cr_assert_str_eq(ipart_error_last()->path, "$.events[0].date");
}

Test(errors, overlong_text_is_truncated_not_overflowed)
{
    char big[4096];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ipart__fail_rule(IPART_EINVAL, big, big, big, big, "%s", big);
    const ipart_error *e = ipart_error_last();
    cr_assert_lt(strlen(e->rule), sizeof big - 1);
    cr_assert_lt(strlen(e->message), sizeof big - 1);
    cr_assert_gt(strlen(e->message), 100, "the message keeps as much as fits");
}

Test(errors, empty_message_falls_back_to_the_code_description)
{
    ipart__fail(IPART_ENOTFOUND, "k", "%s", "");
    cr_assert_str_eq(ipart_error_last()->message, "not found");
}

Test(errors, helpers_for_null_and_nomem)
{
    cr_assert_eq(ipart__fail_null("ipart_money_parse", "text"), IPART_EMISUSE);
    cr_assert_str_eq(ipart_error_last()->message,
                     "ipart_money_parse: argument 'text' must not be NULL");
    cr_assert_eq(ipart__fail_nomem(), IPART_ENOMEM);
    cr_assert_str_eq(ipart_error_last()->key, "memory.exhausted");
}

static void *fail_on_other_thread(void *arg)
{
    (void)arg;
    ipart__fail(IPART_ESTATE, "other.thread", "set on another thread");
    return NULL;
}

Test(errors, detail_is_per_thread)
{
    ipart__fail(IPART_EPARSE, "this.thread", "set here");
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, fail_on_other_thread, NULL), 0);
    cr_assert_eq(pthread_join(t, NULL), 0);
    cr_assert_eq(ipart_error_last()->code, IPART_EPARSE);
    cr_assert_str_eq(ipart_error_last()->message, "set here");
}

/* ---- the message in Norwegian and English (core/refusals.c) ------------------------------ */

Test(errors, message_in_a_language_starts_empty)
{
    ipart_error_clear();
    cr_assert_str_eq(ipart_error_message_in("nb"), "");
    cr_assert_str_eq(ipart_error_message_in("en"), "");
}

Test(errors, a_refusal_reads_in_norwegian_and_falls_back_to_english)
{
    ipart_money m;
    cr_assert_eq(ipart_money_parse(&m, "12,00", "NOK"), IPART_EPARSE);
    const ipart_error *e = ipart_error_last();
    cr_assert_str_eq(e->key, "money.parse.syntax");
    cr_assert_str_eq(ipart_error_message_in("en"), e->message);
    cr_assert_str_eq(ipart_error_message_in("sv"), e->message, "no catalogue: English");
    cr_assert_str_eq(ipart_error_message_in(NULL), e->message);
    cr_assert(strstr(e->message, "'12,00' is not a decimal amount"), "%s", e->message);
    cr_assert(strstr(ipart_error_message_in("nb"), "'12,00' er ikke et desimalbeløp"), "%s",
              ipart_error_message_in("nb"));
}

Test(errors, a_rule_violation_keeps_its_rule_and_key_in_both_languages)
{
    ipart__fail_rule(IPART_ERULE, "R13", "Dir. 2014/24/EU Art. 65(2)", "$.candidates",
                     "terms.candidates.min",
                     "the minimum number of candidates is %lld; at least %d must be invited", 2LL,
                     3);
    const ipart_error *e = ipart_error_last();
    cr_assert_str_eq(e->rule, "R13");
    cr_assert_str_eq(e->key, "terms.candidates.min");
    cr_assert_str_eq(ipart_error_message_in("en"),
                     "the minimum number of candidates is 2; at least 3 must be invited");
    cr_assert_str_eq(ipart_error_message_in("nb"),
                     "minste antall kandidater er 2; minst 3 må inviteres");
}

Test(errors, a_message_without_a_row_is_english_in_norwegian_too)
{
    ipart__fail(IPART_EINVAL, "test.no_row", "no row for %d", 7);
    cr_assert_str_eq(ipart_error_message_in("nb"), "no row for 7");
}

Test(errors, out_of_memory_reads_in_norwegian_without_allocating)
{
    ipart__fail_nomem();
    cr_assert_str_eq(ipart_error_message_in("en"), "out of memory");
    cr_assert_str_eq(ipart_error_message_in("nb"), "tomt for minne");
}

Test(errors, a_prefixed_path_goes_before_both_languages)
{
    ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", "op9");
    ipart__error_prefix("$.events[3]");
    cr_assert_str_eq(ipart_error_message_in("en"), "$.events[3]: no party 'op9'");
    cr_assert_str_eq(ipart_error_message_in("nb"), "$.events[3]: ingen part 'op9'");
    cr_assert_str_eq(ipart_error_last()->path, "$.events[3]");
}

Test(errors, the_catalogue_is_sorted_complete_and_found_by_its_search)
{
    size_t n = ipart__refusal_count();
    cr_assert_gt(n, 300);
    const char *prev_key = "", *prev_en = "";
    for (size_t i = 0; i < n; i++) {
        const char *key, *en, *nb;
        cr_assert(ipart__refusal_at(i, &key, &en, &nb));
        cr_assert(key[0] && en[0] && nb[0], "row %zu (%s) lacks a language", i, key);
        int cmp = strcmp(prev_key, key);
        cr_assert(cmp < 0 || (cmp == 0 && strcmp(prev_en, en) < 0), "row %zu (%s, %s) is out of "
                  "order", i, key, en);
        cr_assert_eq(ipart__tr(key, en, IPART__NB), nb, "row %zu (%s) not found", i, key);
        cr_assert_eq(ipart__tr(key, en, IPART__EN), en);
        prev_key = key;
        prev_en = en;
    }
    const char *key, *en, *nb;
    cr_assert_not(ipart__refusal_at(n, &key, &en, &nb));
}

static void *norwegian_on_other_thread(void *arg)
{
    (void)arg;
    ipart__fail_nomem();
    return NULL;
}

Test(errors, both_languages_are_per_thread)
{
    ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", "op1");
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, norwegian_on_other_thread, NULL), 0);
    cr_assert_eq(pthread_join(t, NULL), 0);
    cr_assert_str_eq(ipart_error_message_in("nb"), "ingen part 'op1'");
}
