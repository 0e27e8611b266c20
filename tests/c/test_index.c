/* The index of items by id behind the party lookups (core/index_p.h).
 * SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"
#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/index_p.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

TestSuite(index, IPART_TEST_FIXTURE);

typedef struct entry {
    int number;
    char *id;
    char text[16];
} entry;

#define ENTRIES 2000

static entry *entries(void)
{
    static entry e[ENTRIES];
    for (int i = 0; i < ENTRIES; i++) {
        e[i].number = i;
        snprintf(e[i].text, sizeof e[i].text, "op%d", i);
        e[i].id = e[i].text;
    }
    return e;
}

/* Every entry in [0, n) that `present` says is in finds itself; the
 * others are not found; nothing else is either. */
static void assert_contents(const ipart__index *ix, entry *e, int n, const char *present)
{
    size_t count = 0;
    for (int i = 0; i < n; i++) {
        entry *found = ipart__index_find(ix, e[i].id);
        if (present[i]) {
            cr_assert_eq(found, &e[i], "%s is found as itself", e[i].id);
            count++;
        } else {
            cr_assert_null(found, "%s was removed", e[i].id);
        }
    }
    cr_assert_eq(ix->count, count);
    cr_assert_null(ipart__index_find(ix, "op"));
    cr_assert_null(ipart__index_find(ix, ""));
}

Test(index, finds_every_item_by_its_id_after_the_table_grew)
{
    entry *e = entries();
    ipart__index ix = IPART__INDEX_INIT(offsetof(entry, id));
    cr_assert_null(ipart__index_find(&ix, "op1"), "an empty index finds nothing");
    char present[ENTRIES] = {0};
    for (int i = 0; i < ENTRIES; i++) {
        cr_assert(ipart__index_add(&ix, &e[i]));
        present[i] = 1;
    }
    cr_assert_geq(ix.capacity, 2 * ENTRIES, "at most half full");
    assert_contents(&ix, e, ENTRIES, present);
    ipart__index_free(&ix);
}

/* Removal shifts the rest of a probe run back: removing in any order keeps
 * every other item reachable (a tombstone-free table breaks here first). */
Test(index, removing_items_in_any_order_keeps_the_others_found)
{
    entry *e = entries();
    ipart__index ix = IPART__INDEX_INIT(offsetof(entry, id));
    char present[ENTRIES];
    for (int i = 0; i < ENTRIES; i++) {
        cr_assert(ipart__index_add(&ix, &e[i]));
        present[i] = 1;
    }
    /* every third, then the newest back to front, as the undo of an event does */
    for (int i = 0; i < ENTRIES; i += 3) {
        ipart__index_remove(&ix, &e[i]);
        present[i] = 0;
    }
    assert_contents(&ix, e, ENTRIES, present);
    for (int i = ENTRIES - 1; i >= ENTRIES / 2; i--)
        if (present[i]) {
            ipart__index_remove(&ix, &e[i]);
            present[i] = 0;
        }
    assert_contents(&ix, e, ENTRIES, present);
    /* and back in: a removed id may be added again */
    for (int i = 0; i < ENTRIES; i++)
        if (!present[i]) {
            cr_assert(ipart__index_add(&ix, &e[i]));
            present[i] = 1;
        }
    assert_contents(&ix, e, ENTRIES, present);
    ipart__index_free(&ix);
}

/* Eight items in sixteen slots, removed one by one from eight starting
 * points: each removal leaves the rest found, wherever their runs wrap. */
Test(index, removing_every_item_of_a_small_table_in_any_order)
{
    entry *e = entries();
    for (int skip = 0; skip < 8; skip++) {
        ipart__index ix = IPART__INDEX_INIT(offsetof(entry, id));
        char present[8] = {0};
        for (int i = 0; i < 8; i++) {
            cr_assert(ipart__index_add(&ix, &e[i]));
            present[i] = 1;
        }
        cr_assert_eq(ix.capacity, 16);
        for (int k = 0; k < 8; k++) {
            int i = (skip + 3 * k) % 8;
            ipart__index_remove(&ix, &e[i]);
            present[i] = 0;
            assert_contents(&ix, e, 8, present);
        }
        ipart__index_free(&ix);
    }
}

static ipart_status fill(void *ctx)
{
    entry *e = ctx;
    ipart__index ix = IPART__INDEX_INIT(offsetof(entry, id));
    ipart_status rc = IPART_OK;
    for (int i = 0; i < 100 && rc == IPART_OK; i++) {
        size_t before = ix.count, capacity = ix.capacity;
        if (!ipart__index_add(&ix, &e[i])) {
            cr_assert_eq(ix.count, before, "a failed add leaves the index as it was");
            cr_assert_eq(ix.capacity, capacity);
            cr_assert_null(ipart__index_find(&ix, e[i].id));
            rc = ipart__fail_nomem();
        }
    }
    ipart__index_free(&ix);
    return rc;
}

Test(index, a_failed_allocation_leaves_the_index_unchanged)
{
    long allocations = harness_fail_each(fill, entries());
    cr_assert_geq(allocations, 4, "the table grew from 16 to 256 slots");
}

Test(index, reserving_room_makes_adding_infallible)
{
    entry *e = entries();
    ipart__index ix = IPART__INDEX_INIT(offsetof(entry, id));
    cr_assert(ipart__index_reserve(&ix, 500));
    long allocations = harness_allocations();
    for (int i = 0; i < 500; i++)
        cr_assert(ipart__index_add(&ix, &e[i]));
    cr_assert_eq(harness_allocations(), allocations, "no allocation after the reservation");
    ipart__index_free(&ix);
}

Test(index, the_text_hash_differs_for_near_ids_and_is_stable)
{
    cr_assert_neq(ipart__text_hash("op1"), ipart__text_hash("op2"));
    cr_assert_neq(ipart__text_hash(""), ipart__text_hash("a"));
    cr_assert_eq(ipart__text_hash("stavanger"), ipart__text_hash("stavanger"));
}
