/*
 * Private: the JSON exports of the typed queries (io/query_json.c), shared
 * with the what-if report.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_QUERY_JSON_P_H
#define IPART_IO_QUERY_JSON_P_H

#include "core/strbuf_p.h"
#include "ipart/partnership.h"

/* Append s as a JSON string, or null when s is NULL or "". */
void ipart__json_string_or_null(ipart__strbuf *b, const char *s);

/* The payments forecast (ipart_partnership_forecast_json) into `b`. */
void ipart__forecast_write(ipart__strbuf *b, const ipart_partnership *p);

#endif
