/*
 * The Stavanger walk-through (stavanger_walkthrough.c), shared by the C
 * example and `ipart demo`.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef STAVANGER_WALKTHROUGH_H
#define STAVANGER_WALKTHROUGH_H

/* Print the walk-through of `document` (the example's JSON text) to
 * standard output; on an unexpected failure print it and exit(1). */
void stavanger_walkthrough(const char *document);

#endif
