/*
 * Test harness shared by the Criterion suites.
 *
 * - A counting allocator installed around every test (IPART_TEST_FIXTURE):
 *   the test fails if a block libipart allocated is still live at the end.
 *   (Criterion does not fail a test that leaks under ASan or valgrind, so
 *   the count is what proves "no leak".)
 * - A failing allocator: harness_fail_each() runs a scenario once per
 *   allocation it makes, failing that allocation, and checks that the
 *   scenario reports IPART_ENOMEM and leaks nothing each time.
 * - Golden cases: harness_load_case() parses tests/cases/<name> with cJSON.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_TEST_HARNESS_H
#define IPART_TEST_HARNESS_H

#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include "ipart/ipart.h"

void harness_install(void);
void harness_check_and_uninstall(void);

#define IPART_TEST_FIXTURE .init = harness_install, .fini = harness_check_and_uninstall

/* Fail the n-th allocation from now on (1-based); 0 never fails. */
void harness_fail_at(long n);
/* Allocations made since the last harness_fail_at() or install. */
long harness_allocations(void);
/* Blocks allocated and not yet freed. */
long harness_live(void);
/* Whether the injected failure has happened. */
int harness_failure_injected(void);

/*
 * Run `scenario` with allocation 1, 2, ... failing until a run completes
 * without reaching the injected failure; it must then return IPART_OK.
 * Every run that hit the failure must return IPART_ENOMEM (and set
 * ipart_error_last()->code to it), and leave no live block. Returns the
 * number of allocations the scenario makes when nothing fails.
 */
typedef ipart_status (*harness_scenario)(void *ctx);
long harness_fail_each(harness_scenario scenario, void *ctx);

/* Parse tests/cases/<relative_path>; aborts the test on failure. Free with cJSON_Delete. */
cJSON *harness_load_case(const char *relative_path);

/* Apply one event of a golden case; the test fails (naming the event's
 * index, type, error and rule) if it is refused. */
void harness_apply_json(ipart_partnership *p, const cJSON *event, int index);
/* A partnership from the first `count` events of a case's document (all if
 * count < 0). */
ipart_partnership *harness_replay(const cJSON *kase, int count);
/* The golden procedure tests/cases/procedure/<name>, loaded as a document. */
ipart_partnership *harness_load_procedure(const char *name);
/* `check` run on every golden procedure (each tests/cases/procedure/<name>
 * but rejections.json); the sum of what it returns. *cases: how many. */
long harness_each_procedure(long (*check)(const char *name), int *cases);

/* Every golden rejection (a row of procedure/rejections.json whose "event"
 * is an object) as a batch: the up to two events of its base case before
 * the refused one, then that one. `check` gets the row, a partnership with
 * the events before the batch, the batch and how many events precede the
 * refused one in it (all freed after the call); the sum of what it
 * returns. *total: how many rows were checked. */
typedef long (*harness_rejection_check)(const cJSON *row, ipart_partnership *base,
                                        const cJSON *batch, int before, void *ctx);
long harness_each_rejection_batch(harness_rejection_check check, void *ctx, int *total);

/* Required members of a golden case (the test fails if one is missing or mistyped). */
const cJSON *harness_member(const cJSON *object, const char *name);
const char *harness_text(const cJSON *object, const char *name);
int64_t harness_int(const cJSON *object, const char *name); /* golden numbers stay below 2^53 */
/* The status a golden case names ("IPART_EPARSE"). */
ipart_status harness_status_named(const char *name);

/* What a call left: its status, the error's detail and the saved bytes. */
typedef struct harness_outcome {
    ipart_status rc;
    char detail[6][512]; /* rule, source, path, key, message, message in bokmål */
    char *saved;         /* the test's malloc'd copy of save's bytes, or NULL */
} harness_outcome;

/* Record `rc`, the thread's error when it failed, and p's saved bytes (unless
 * p is NULL). Free with free(o->saved). */
void harness_record(harness_outcome *o, ipart_status rc, ipart_partnership *p);
/* The two outcomes are the same: status, every detail, saved bytes. */
void harness_assert_same(const harness_outcome *a, const harness_outcome *b, const char *what);

/* Assert the call failed with `code`, and that the thread's error detail agrees. */
#define assert_fails_with(call, expected_code)                                              \
    do {                                                                                    \
        ipart_status rc_ = (call);                                                          \
        cr_assert_eq(rc_, (expected_code), "%s returned %s (%s), expected %s", #call,       \
                     ipart_error_name(rc_), ipart_error_last()->message,                    \
                     ipart_error_name(expected_code));                                      \
        cr_assert_eq(ipart_error_last()->code, (expected_code));                            \
        cr_assert_neq(ipart_error_last()->message[0], '\0', "a failure must say why");      \
    } while (0)

#define assert_ok(call)                                                                     \
    do {                                                                                    \
        ipart_status rc_ = (call);                                                          \
        cr_assert_eq(rc_, IPART_OK, "%s failed: %s: %s", #call, ipart_error_name(rc_),      \
                     ipart_error_last()->message);                                          \
    } while (0)

#endif
