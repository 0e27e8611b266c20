/*
 * An ipart_tree_reader over cJSON trees: the host of the C tests and of
 * fuzz_tree (a platform whose JSON library is cJSON would write the same).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_TEST_TREE_CJSON_H
#define IPART_TEST_TREE_CJSON_H

#include <cjson/cJSON.h>

#include "ipart/tree.h"

/* Nodes are `const cJSON *`; the host pointer is unused (NULL). A cJSON_Raw
 * or invalid node is UNREADABLE. */
extern const ipart_tree_reader tree_cjson_reader;

#endif
