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
 * The bytes of an ipart__event of `type` that decoding it may write, from
 * the start: its header and the fields of its payload's spec (values and
 * presence flags); the rest stays zero. A batch decoded ahead keeps only
 * these.
 */
size_t ipart__event_extent(ipart__event_type type);

#endif
