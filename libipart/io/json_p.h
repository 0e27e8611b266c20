/*
 * Private: what untrusted JSON text must pass before cJSON builds a tree of
 * it, and cJSON's memory. cJSON never leaves the io layer.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_JSON_P_H
#define IPART_IO_JSON_P_H

#include <stddef.h>

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

#endif
