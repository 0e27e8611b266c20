/* A whole file as a NUL-ended malloc'd string (NULL if it cannot be read),
 * for the fuzz targets that start from a golden case.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_FUZZ_FILE_H
#define IPART_FUZZ_FILE_H

#include <stdio.h>
#include <stdlib.h>

static char *fuzz_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (text && fread(text, 1, (size_t)size, f) == (size_t)size) {
        text[size] = '\0';
    } else {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

#endif
