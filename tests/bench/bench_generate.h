/*
 * Benchmark documents that cannot rot: every event of a generated document
 * goes through ipart_partnership_apply(), so a document the library would
 * refuse is never produced (the generator stops with the library's error
 * instead, and CTest's quick run of the benchmark fails).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_BENCH_GENERATE_H
#define IPART_BENCH_GENERATE_H

#include <ipart/ipart.h>

#include <stddef.h>

/* Exit with the library's error detail unless rc is IPART_OK. */
void bench_check(ipart_status rc, const char *what);

/* The whole file as a NUL-terminated text (malloc'd), or exit. */
char *bench_read_file(const char *path);

/*
 * A saved document of exactly `events` events (at least the prefix, see
 * below): the preparation events of `model` (a loaded case, e.g. the
 * Stavanger example) up to its first `participation_requested`, so the
 * terms are as realistic and as current as the golden case's, then
 * participation requests of fresh operators and their qualification.
 * Each operator is one party and two events. Returned text is owned by
 * the caller (ipart_free()).
 */
char *bench_generate(const ipart_partnership *model, size_t events);

/* Number of events bench_generate() takes from `model` before its own. */
size_t bench_generate_prefix(const ipart_partnership *model);

#endif
