/*
 * Private: what untrusted JSON text must pass before cJSON builds a tree of
 * it, and cJSON's memory. cJSON never leaves the io layer.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_JSON_P_H
#define IPART_IO_JSON_P_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "ipart/errors.h"

/* One limit on the text given to load, apply and what-if (partnership.h). */
#define IPART__MAX_INPUT_BYTES (64u * 1024u * 1024u)

/*
 * One linear pass over the text, before it is parsed: refuse a UTF-8
 * byte-order mark (IPART_EPARSE, "json.bom"), a value nested deeper than
 * IPART__MAX_DEPTH (IPART_ERANGE, "document.depth") and a string or key
 * holding a NUL character, as \u0000 or raw (IPART_EINVAL,
 * "document.string.nul"), each at its JSON path under `root`. Text that is
 * not JSON passes when none of these is found: cJSON reports its syntax.
 */
ipart_status ipart__json_prescan(const char *text, size_t length, const char *root);

/*
 * Whether ipart__json_parse() accepts `text` as it stands and reads a JSON
 * array of at most IPART__MAX_EVENTS values: 1 with *count their number,
 * and then the parse could refuse it only for want of memory. 0 when the
 * parse refuses it, and also for some text the parse takes (a key holding
 * an escape, white space other than ' ' \t \n \r, numbers beyond RFC 8259
 * or 63 bytes, very many keys in the open objects: io/json_accept.c), so 0
 * means "ask the parse". One pass, no allocation. `text` is a C string of
 * `length` bytes (text[length] is its NUL: the scan stops on it).
 */
int ipart__json_accepts_array(const char *text, size_t length, size_t *count);

/*
 * The length of the value at the start of `text`, an element of an array
 * that ipart__json_accepts_array() accepted (so the value starts there and
 * ends within `length`, and text[length] is that text's NUL); 0 for any
 * other text.
 */
size_t ipart__json_element_length(const char *text, size_t length);

/*
 * The \u escape at `in` (one, or a surrogate pair) in a string ending
 * before `stop`, as cJSON 1.7 decodes it: written to *out as UTF-8 (at
 * most 4 bytes, *out moved past them); its length in the text, or 0 when
 * cJSON refuses it or decodes it to U+0000 (a bad hex digit included). The
 * streaming decoder's (io/json_stream.c) and the batch check's.
 */
size_t ipart__json_unicode_escape(const unsigned char *in, const unsigned char *stop,
                                  unsigned char **out);

/*
 * cJSON allocates through the libipart allocator while a custom one is
 * installed, and through its own defaults otherwise (so a host program's
 * own cJSON is untouched unless it installs an allocator). Called by
 * ipart_set_allocator().
 */
void ipart__json_use_allocator(int custom);

/* Clear, then read, whether one of cJSON's allocations failed on this
 * thread since the last clear: a NULL from cJSON is then IPART_ENOMEM,
 * not a syntax error. */
void ipart__json_oom_clear(void);
int ipart__json_oom(void);

/*
 * cJSON_Parse of trusted or caller-given text that tells a failed
 * allocation apart: NULL with *oom set to 1 when cJSON ran out of memory,
 * NULL with *oom 0 when the text is not JSON.
 */
cJSON *ipart__json_parse_text(const char *text, int *oom);

/*
 * Add or free: add `item` to the object `to` as `name`, or to the array
 * `to` when `name` is NULL. cJSON leaves a refused item with its caller
 * (a NULL `to`, or no memory for the copy of the key), so this deletes it
 * then. Takes `item` either way; 1 when added, 0 otherwise (a NULL `item`
 * is a failed allocation too).
 */
int ipart__json_add(cJSON *to, const char *name, cJSON *item);

#endif
