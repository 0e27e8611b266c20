/*
 * cJSON's memory goes through the libipart allocator hook (json_p.h), and
 * a NULL from cJSON caused by a failed allocation is told apart from a
 * syntax error.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "json_p.h"

#include <cjson/cJSON.h>

#include "core/alloc_p.h"

static _Thread_local int json_oom;

static void *json_malloc(size_t size)
{
    void *p = ipart__malloc(size);
    json_oom |= p == NULL;
    return p;
}

static void json_free(void *ptr)
{
    ipart__free(ptr);
}

void ipart__json_use_allocator(int custom)
{
    static cJSON_Hooks hooks = {json_malloc, json_free};
    cJSON_InitHooks(custom ? &hooks : NULL);
}

void ipart__json_oom_clear(void)
{
    json_oom = 0;
}

int ipart__json_oom(void)
{
    return json_oom;
}

cJSON *ipart__json_parse_text(const char *text, int *oom)
{
    ipart__json_oom_clear();
    cJSON *json = cJSON_Parse(text);
    *oom = !json && ipart__json_oom();
    return json;
}

int ipart__json_add(cJSON *to, const char *name, cJSON *item)
{
    int ok = name ? cJSON_AddItemToObject(to, name, item) : cJSON_AddItemToArray(to, item);
    if (!ok)
        cJSON_Delete(item);
    return ok;
}

ipart_status ipart_set_allocator(const ipart_allocator *allocator)
{
    ipart_status rc = ipart__set_allocator(allocator);
    if (rc == IPART_OK)
        ipart__json_use_allocator(allocator != NULL);
    return rc;
}
