/*
 * Files for the `ipart` command: reading a document or events, and
 * replacing a document atomically (a temporary file in the same
 * directory, fsync, rename, fsync of the directory), so that a crash, a
 * full disk or a refused event never leaves a half-written document.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

char *cli_read_file(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "ipart: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t length = 0, capacity = 1 << 16;
    char *text = malloc(capacity);
    for (size_t n = 1; text && n > 0;) {
        if (length + 1 >= capacity) {
            char *bigger = realloc(text, capacity *= 2);
            if (!bigger) {
                free(text);
                text = NULL;
                break;
            }
            text = bigger;
        }
        n = fread(text + length, 1, capacity - length - 1, f);
        length += n;
    }
    int failed = !text || ferror(f);
    if (f != stdin)
        fclose(f);
    if (failed) {
        fprintf(stderr, "ipart: %s: %s\n", path, text ? "read error" : "out of memory");
        free(text);
        return NULL;
    }
    text[length] = '\0';
    if (strlen(text) != length) {
        fprintf(stderr, "ipart: %s: a NUL byte in the text\n", path);
        free(text);
        return NULL;
    }
    return text;
}

static int write_all(int fd, const char *data, size_t length)
{
    while (length > 0) {
        ssize_t n = write(fd, data, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        length -= (size_t)n;
    }
    return 0;
}

/* The directory of `path`, synced so that the rename itself is durable. */
static void sync_directory(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    int fd = open(dirname(copy), O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy);
}

int cli_write_atomic(const char *path, const char *data, size_t length)
{
    size_t size = strlen(path) + sizeof ".ipart-XXXXXX";
    char *temp = malloc(size);
    if (!temp) {
        fprintf(stderr, "ipart: %s: out of memory\n", path);
        return -1;
    }
    snprintf(temp, size, "%s.ipart-XXXXXX", path);
    int fd = mkstemp(temp);
    if (fd < 0) {
        fprintf(stderr, "ipart: %s: cannot create a temporary file: %s\n", path, strerror(errno));
        free(temp);
        return -1;
    }
    struct stat st;
    mode_t mode = stat(path, &st) == 0 ? st.st_mode & 07777 : 0644;
    int failed = fchmod(fd, mode) != 0 || write_all(fd, data, length) != 0 || fsync(fd) != 0;
    int saved = errno;
    failed = close(fd) != 0 || failed;
    if (!failed && rename(temp, path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        fprintf(stderr, "ipart: %s: not written (%s); the file is unchanged\n", path,
                strerror(saved ? saved : errno));
        unlink(temp);
        free(temp);
        return -1;
    }
    sync_directory(path);
    free(temp);
    return 0;
}

int cli_emit(const char *out, const char *data)
{
    if (out)
        return cli_write_atomic(out, data, strlen(data));
    return fputs(data, stdout) < 0 || fflush(stdout) != 0 ? -1 : 0;
}

ipart_partnership *cli_load(const char *path, int *exit_code)
{
    char *text = cli_read_file(path);
    if (!text) {
        *exit_code = EXIT_MALFORMED;
        return NULL;
    }
    ipart_partnership *p = NULL;
    ipart_status rc = ipart_partnership_load(&p, text);
    free(text);
    if (rc != IPART_OK) {
        fprintf(stderr, "ipart: %s: %s\n", path, L(cli_exit_for(rc) == EXIT_REFUSED ? "refused"
                                                                                 : "malformed"));
        cli_print_error(stderr, rc, 0);
        *exit_code = cli_exit_for(rc);
        return NULL;
    }
    return p;
}
