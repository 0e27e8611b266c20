/* The allocator hook and uthash's non-fatal out-of-memory mode.
 * SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"
#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/hash_p.h"
#include "ipart/sys/alloc.h"

#include <stdio.h>
#include <string.h>

TestSuite(alloc, IPART_TEST_FIXTURE);

Test(alloc, every_allocation_goes_through_the_hook)
{
    long live = harness_live();
    char *s = ipart__strdup("Leve HELE LIVET");
    cr_assert_not_null(s);
    cr_assert_str_eq(s, "Leve HELE LIVET");
    cr_assert_eq(harness_live(), live + 1);
    s = ipart__realloc(s, 64);
    cr_assert_not_null(s);
    cr_assert_eq(harness_live(), live + 1);
    ipart_free(s);
    cr_assert_eq(harness_live(), live);
    ipart_free(NULL); /* a no-op */
}

Test(alloc, calloc_zeroes_and_refuses_size_overflow)
{
    unsigned char *p = ipart__calloc(16, 4);
    cr_assert_not_null(p);
    for (int i = 0; i < 64; i++)
        cr_assert_eq(p[i], 0);
    ipart__free(p);
    cr_assert_null(ipart__calloc((size_t)-1 / 2, 4));
}

Test(alloc, a_failed_allocation_returns_null)
{
    harness_fail_at(1);
    cr_assert_null(ipart__strdup("x"));
    cr_assert(harness_failure_injected());
}

Test(alloc, wrong_version_and_incomplete_allocators_are_rejected)
{
    ipart_allocator bad = {IPART_ALLOCATOR_VERSION + 1, NULL, NULL, NULL, NULL};
    assert_fails_with(ipart_set_allocator(&bad), IPART_EVERSION);
    bad.version = IPART_ALLOCATOR_VERSION;
    assert_fails_with(ipart_set_allocator(&bad), IPART_EINVAL);
    /* The counting allocator is still in place: this block is counted. */
    long live = harness_live();
    char *s = ipart__strdup("still counted");
    cr_assert_eq(harness_live(), live + 1);
    ipart__free(s);
}

typedef struct item {
    char *id;
    UT_hash_handle hh;
} item;

/* Add n items to a uthash table through the wrapper; a failed add must
 * leave the table as it was and report IPART_ENOMEM, never exit(). */
static ipart_status fill_table(void *ctx)
{
    int n = *(int *)ctx;
    item *table = NULL;
    ipart_status rc = IPART_OK;
    for (int i = 0; i < n && rc == IPART_OK; i++) {
        int ipart_hash_oom = 0;
        item *it = ipart__calloc(1, sizeof *it);
        char key[16];
        snprintf(key, sizeof key, "k%d", i);
        if (!it || !(it->id = ipart__strdup(key))) {
            ipart__free(it);
            rc = ipart__fail_nomem();
            break;
        }
        HASH_ADD_KEYPTR(hh, table, it->id, strlen(it->id), it);
        if (ipart_hash_oom) {
            ipart__free(it->id);
            ipart__free(it);
            rc = ipart__fail_nomem();
        }
    }
    item *it, *tmp;
    int count = 0;
    HASH_ITER(hh, table, it, tmp) {
        HASH_DEL(table, it);
        ipart__free(it->id);
        ipart__free(it);
        count++;
    }
    if (rc == IPART_OK)
        cr_assert_eq(count, n);
    return rc;
}

Test(alloc, uthash_out_of_memory_is_not_fatal)
{
    int n = 200; /* enough to make uthash grow its bucket array several times */
    long allocations = harness_fail_each(fill_table, &n);
    cr_assert_gt(allocations, 2 * n, "table and bucket allocations were all exercised");
}

static void *no_malloc(size_t size, void *ctx)
{
    (void)size;
    (void)ctx;
    return NULL;
}

static void *no_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ptr;
    (void)size;
    (void)ctx;
    return NULL;
}

static void no_free(void *ptr, void *ctx)
{
    (void)ptr;
    (void)ctx;
}

Test(alloc, each_missing_function_makes_an_allocator_incomplete)
{
    ipart_allocator a = {IPART_ALLOCATOR_VERSION, no_malloc, no_realloc, no_free, NULL};
    ipart_allocator missing_malloc = a, missing_realloc = a, missing_free = a;
    missing_malloc.malloc_fn = NULL;
    missing_realloc.realloc_fn = NULL;
    missing_free.free_fn = NULL;
    assert_fails_with(ipart_set_allocator(&missing_malloc), IPART_EINVAL);
    assert_fails_with(ipart_set_allocator(&missing_realloc), IPART_EINVAL);
    assert_fails_with(ipart_set_allocator(&missing_free), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "alloc.incomplete");
    /* None was installed: the counting allocator still answers. */
    char *s = ipart__strdup("counted");
    cr_assert_not_null(s);
    ipart__free(s);
}

Test(alloc, zero_bytes_is_a_real_block_and_zero_items_a_zeroed_one)
{
    long live = harness_live();
    void *a = ipart__malloc(0), *b = ipart__calloc(0, 8), *c = ipart__malloc(8);
    cr_assert_not_null(a);
    cr_assert_not_null(b);
    c = ipart__realloc(c, 0);
    cr_assert_not_null(c, "realloc to 0 bytes keeps a block, never frees behind the caller");
    cr_assert_eq(harness_live(), live + 3);
    ipart__free(a);
    ipart__free(b);
    ipart__free(c);
    cr_assert_eq(harness_live(), live);
}

Test(alloc, a_failed_calloc_returns_null_and_leaks_nothing)
{
    harness_fail_at(1);
    cr_assert_null(ipart__calloc(4, 4));
    cr_assert(harness_failure_injected());
    harness_fail_at(1);
    cr_assert_null(ipart__strndup("abc", 2));
    cr_assert_eq(harness_live(), 0);
}
