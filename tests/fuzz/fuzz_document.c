/*
 * Fuzz target: any bytes given to ipart_partnership_load, and to
 * ipart_partnership_apply on a partnership created from a valid prefix,
 * must give a status - never a crash, a leak or undefined behaviour - and a
 * document that loads must save and load back to the same bytes.
 *
 * Built with clang -fsanitize=fuzzer when IPART_BUILD_FUZZERS is on;
 * otherwise fuzz_main.c feeds it the corpus as an ordinary test.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <ipart/ipart.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const created =
    "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\","
    "\"authority\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},"
    "\"title\":\"t\",\"currency\":\"NOK\"}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    ipart_partnership *p = NULL;
    if (ipart_partnership_load(&p, text) == IPART_OK) {
        char *saved = NULL, *again = NULL;
        ipart_partnership *reloaded = NULL;
        if (ipart_partnership_save(&saved, p) != IPART_OK ||
            ipart_partnership_load(&reloaded, saved) != IPART_OK ||
            ipart_partnership_save(&again, reloaded) != IPART_OK || strcmp(saved, again) != 0)
            abort(); /* a loadable document must round-trip */
        ipart_free(saved);
        ipart_free(again);
        ipart_partnership_free(reloaded);
        ipart_partnership_free(p);
    }

    /* The same bytes as one event, on a fresh partnership. */
    if (ipart_partnership_new(&p, "NO") == IPART_OK) {
        if (ipart_partnership_apply(p, created) != IPART_OK)
            abort();
        size_t before = ipart_partnership_event_count(p);
        ipart_status rc = ipart_partnership_apply(p, text);
        if (rc != IPART_OK && ipart_partnership_event_count(p) != before)
            abort(); /* a rejected event changed the log */
        if (rc != IPART_OK && ipart_error_last()->code != rc)
            abort();
        ipart_partnership_free(p);
    }
    free(text);
    return 0;
}
