/*
 * tree_cjson.h: cJSON's values as a host's tree.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "tree_cjson.h"

#include <string.h>

static void cjson_read(void *host, const void *node, ipart_tree_node *out)
{
    const cJSON *j = node;
    (void)host;
    if (cJSON_IsNull(j)) {
        out->kind = IPART_TREE_NULL;
    } else if (cJSON_IsFalse(j)) {
        out->kind = IPART_TREE_FALSE;
    } else if (cJSON_IsTrue(j)) {
        out->kind = IPART_TREE_TRUE;
    } else if (cJSON_IsNumber(j)) {
        out->kind = IPART_TREE_NUMBER;
        out->number = j->valuedouble;
    } else if (cJSON_IsString(j)) {
        out->kind = IPART_TREE_STRING;
        out->text = j->valuestring;
        out->length = strlen(j->valuestring);
    } else if (cJSON_IsArray(j) || cJSON_IsObject(j)) {
        out->kind = cJSON_IsArray(j) ? IPART_TREE_ARRAY : IPART_TREE_OBJECT;
        out->length = (size_t)cJSON_GetArraySize(j);
    } else {
        out->kind = IPART_TREE_UNREADABLE;
    }
}

/* The cursor holds the child returned last. */
static int cjson_next(void *host, const void *container, uintptr_t *cursor, const void **child,
                      const char **key, size_t *key_length)
{
    (void)host;
    const cJSON *c = *cursor ? ((const cJSON *)*cursor)->next : ((const cJSON *)container)->child;
    if (!c)
        return 0;
    *cursor = (uintptr_t)c;
    *child = c;
    if (key) {
        *key = c->string;
        *key_length = c->string ? strlen(c->string) : 0;
    }
    return 1;
}

const ipart_tree_reader tree_cjson_reader = {cjson_read, cjson_next};
