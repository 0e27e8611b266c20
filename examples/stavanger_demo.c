/*
 * The Stavanger walk-through ("Leve HELE LIVET", 2017, Norway's first
 * innovation partnership) on a document file: see stavanger_walkthrough.c.
 *
 * Usage: stavanger_demo [document.json]   (default: the example document)
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "stavanger_walkthrough.h"

#include <stdio.h>
#include <stdlib.h>

#ifndef IPART_EXAMPLE_DOCUMENT
#define IPART_EXAMPLE_DOCUMENT "stavanger-procedure.json"
#endif

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    text[size] = '\0';
    fclose(f);
    return text;
}

int main(int argc, char **argv)
{
    char *document = read_file(argc > 1 ? argv[1] : IPART_EXAMPLE_DOCUMENT);
    stavanger_walkthrough(document);
    free(document);
    return 0;
}
