/*
 * Private: the fast route of ipart_partnership_apply_tree (io/tree.c),
 * for the tests and fuzz_tree, which check which trees it takes.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_TREE_P_H
#define IPART_IO_TREE_P_H

#include "io/batch_p.h"
#include "ipart/tree.h"

/*
 * Decode every event of the ARRAY node `events` into `a` (started for the
 * partnership they are for) straight from the tree: TAKEN when each event
 * is one the streaming decoder would take from the tree's JSON text, to
 * the same typed event, and that text is surely within the size limit;
 * DECLINED otherwise (then ipart_partnership_apply_tree writes the text);
 * NOMEM (reported). Builds no error; applies nothing.
 */
ipart__stream_result ipart__tree_decode(ipart__ahead *a, const ipart_tree_reader *reader,
                                        void *host, const void *events);

#endif
