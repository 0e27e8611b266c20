/*
 * Private: a batch (ipart_partnership_apply_all) decoded ahead by the
 * streaming decoder, then applied (io/batch.c), issue #18.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_BATCH_P_H
#define IPART_IO_BATCH_P_H

#include <stddef.h>

#include "io/json_stream_p.h"

/*
 * Decode every event of the batch `text` (`length` bytes, NUL-ended) with
 * the streaming decoder before applying any, each in the currency the case
 * will have when it is applied; then, when every event was taken and the
 * array is one that ipart__json_parse() reads as a JSON array of at most
 * IPART__MAX_EVENTS events, apply them in order as the cJSON path would,
 * stopping at the first refused one (its error at "$[i]..."): TAKEN with
 * *rc IPART_OK or that error. Otherwise nothing is applied and `p` is
 * unchanged: DECLINED (the caller runs the other paths, whose outcome is
 * then the batch's; the error detail is meaningless) or NOMEM (out of
 * memory while decoding ahead, reported by ipart__fail_nomem()). Holds
 * the decoded events until the batch is applied: for each, the bytes of
 * its type (ipart__event_extent) and its strings and arrays
 * (doc/performance.md).
 */
ipart__stream_result ipart__apply_ahead(ipart_partnership *p, const char *text, size_t length,
                                        ipart_status *rc);

/*
 * The batch being decoded ahead, by either decoder: the streaming one over
 * a batch's text (above) or the one over a host's tree (io/tree.c). Its
 * events and their strings and arrays live in `arena`; `currency` is the
 * case's currency once the events kept so far are applied, the one the
 * next event's money is decoded in.
 */
typedef struct ipart__ahead_event ipart__ahead_event;
typedef struct ipart__ahead {
    ipart__arena arena;
    ipart__ahead_event *first, **last;
    size_t count;
    char currency[4];
    size_t extent[IPART__EV_COUNT]; /* ipart__event_extent by type, 0 until asked */
} ipart__ahead;

/* An empty batch for `p` (its currency); ipart__ahead_end() frees it. */
void ipart__ahead_start(ipart__ahead *a, const ipart_partnership *p);
void ipart__ahead_end(ipart__ahead *a);

/* Keep `decoded` (its strings and arrays in a->arena) as the batch's next
 * event and move a->currency past it: TAKEN, or NOMEM (reported). The
 * caller keeps at most IPART__MAX_EVENTS. */
ipart__stream_result ipart__ahead_keep(ipart__ahead *a, const ipart__event *decoded);

/* Apply the batch's events in order as the cJSON path applies a batch's
 * tree, stopping at the first refused one (its error at "$[i]..."). */
ipart_status ipart__ahead_apply(ipart_partnership *p, const ipart__ahead *a);

/*
 * The bytes of an ipart__event of `type` that decoding it may write, from
 * the start: its header and the fields of its payload's spec (values and
 * presence flags); the rest stays zero. A batch decoded ahead keeps only
 * these.
 */
size_t ipart__event_extent(ipart__event_type type);

#endif
