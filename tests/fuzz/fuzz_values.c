/*
 * Fuzz target: the value parsers. Any bytes as a money amount (in each
 * currency libipart knows) and as a date either fail with a status or give
 * a value whose canonical text parses back to the same value.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <ipart/ipart.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void money_round_trip(const char *text, const char *currency)
{
    ipart_money m, again;
    if (ipart_money_parse(&m, text, currency) != IPART_OK)
        return;
    char *canonical = NULL;
    if (ipart_money_format(&canonical, m) != IPART_OK ||
        ipart_money_parse(&again, canonical, currency) != IPART_OK || again.minor != m.minor ||
        strcmp(again.currency, m.currency) != 0)
        abort();
    ipart_free(canonical);
}

static void date_round_trip(const char *text)
{
    ipart_date d, again;
    if (ipart_date_parse(&d, text) != IPART_OK)
        return;
    char *canonical = NULL;
    if (ipart_date_format(&canonical, d) != IPART_OK ||
        ipart_date_parse(&again, canonical) != IPART_OK ||
        memcmp(&again, &d, sizeof d) != 0)
        abort();
    ipart_free(canonical);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const currencies[] = {"NOK", "SEK", "DKK", "EUR", "JPY", "XYZ", ""};
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        money_round_trip(text, currencies[i]);
    date_round_trip(text);
    free(text);
    return 0;
}
