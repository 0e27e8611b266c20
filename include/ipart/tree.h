/** @file
 * libipart - a batch of events read from the host's own values: a tree of
 * JSON-shaped values the host already holds (its JSON library's DOM, Python
 * dicts and lists, Java maps and lists), applied without writing it as JSON
 * text first and without parsing that text again.
 *
 * The host describes its values through an ipart_tree_reader: what a node is
 * (null, false, true, a number, a string, an array or an object) and, for a
 * container, its children in order. The library walks the events through
 * it, decoding each straight into the typed event the JSON reader would
 * make (doc/performance.md, "Events from a host's tree").
 *
 * The outcome is defined by the JSON text of the tree: ipart_partnership_
 * apply_tree(p, reader, host, events) does exactly what
 * ipart_partnership_apply_all(p, text) does for the text that writes each
 * node as JSON (numbers as their double, strings and keys escaped, members
 * and elements in the reader's order): the same events applied, the same
 * log and saved bytes, the same error with the same path, rule and
 * message. (Whatever the fast decoder does not take, it writes as that
 * text and hands to ipart_partnership_apply_all(); fuzz_tree holds the two
 * to the same outcome.)
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_TREE_H
#define IPART_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "errors.h"
#include "partnership.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a node of the host's tree is. */
typedef enum ipart_tree_kind {
    IPART_TREE_NULL,
    IPART_TREE_FALSE,
    IPART_TREE_TRUE,
    IPART_TREE_NUMBER, /**< ipart_tree_node.number */
    IPART_TREE_STRING, /**< ipart_tree_node.text, .length bytes of UTF-8 */
    IPART_TREE_ARRAY,  /**< .length elements, in order (ipart_tree_reader.next) */
    IPART_TREE_OBJECT, /**< .length members, in order (ipart_tree_reader.next) */
    /** The host cannot present this node as a JSON value (a type it does
     * not map, a failure of its own): the call fails with IPART_EINVAL at
     * the node's path and applies nothing. */
    IPART_TREE_UNREADABLE
} ipart_tree_kind;

/** One node as the host describes it (ipart_tree_reader.read). */
typedef struct ipart_tree_node {
    /** What the node is; the fields below are read as it says. */
    ipart_tree_kind kind;
    /** A NUMBER's value. A value that is not finite (NaN, infinity) has no
     * JSON text: the call fails with IPART_EINVAL at its path. */
    double number;
    /** A STRING's bytes (UTF-8, not necessarily NUL-terminated; a NUL byte
     * is read as the JSON text's "\u0000" is). Must stay valid until the
     * call returns; the library copies what it keeps. */
    const char *text;
    /** A STRING's bytes; an ARRAY's elements; an OBJECT's members. */
    size_t length;
} ipart_tree_node;

/**
 * The host's side: two callbacks over nodes the library never looks
 * inside (`const void *`, the host's own pointers).
 */
typedef struct ipart_tree_reader {
    /** Describe `node` into *out (every field its kind uses). */
    void (*read)(void *host, const void *node, ipart_tree_node *out);
    /**
     * The next child of the ARRAY or OBJECT `container`: return 1 with
     * *child (and for an OBJECT the member's key, *key_length bytes of
     * UTF-8 that stay valid until the call returns), or 0 after the last.
     * *cursor is 0 before the first child; the host keeps its position in
     * it (an index, a pointer). The library may walk a container more than
     * once, each walk from a cursor of 0; key and key_length are NULL for
     * an ARRAY.
     */
    int (*next)(void *host, const void *container, uintptr_t *cursor, const void **child,
                const char **key, size_t *key_length);
} ipart_tree_reader;

/**
 * Apply the events of `events`, an ARRAY node of event objects, in order,
 * as ipart_partnership_apply_all() applies the JSON text of the tree (see
 * the file comment): atomic per event, the first refused event stopping
 * the batch with its error at "$[i]...", the events before it applied;
 * anything that is not an array of at most 1 000 000 values, a node
 * deeper than the nesting limit or a text over 64 MiB applies nothing, as
 * for that text.
 *
 * The library calls `reader` only on the calling thread and only during
 * the call; `host` is passed back to it untouched. The tree must not
 * change during the call. Memory: the batch is decoded before the first
 * event is applied, about 1.2 bytes per byte of the events' JSON; a batch
 * the fast decoder does not take is written as its JSON text first.
 * Thread-safety: as ipart_partnership_apply_all().
 *
 * @return as ipart_partnership_apply_all(); IPART_EINVAL (nothing applied)
 *         for an UNREADABLE node or a number that is not finite, at its
 *         path ("$[3].tender.price"); IPART_EMISUSE for a NULL
 *         partnership, reader, callback or events.
 */
IPART_API ipart_status ipart_partnership_apply_tree(ipart_partnership *partnership,
                                                    const ipart_tree_reader *reader, void *host,
                                                    const void *events);

#ifdef __cplusplus
}
#endif

#endif
