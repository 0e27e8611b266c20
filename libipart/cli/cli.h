/*
 * The `ipart` command (doc/ipart.1): shared declarations of its modules.
 * It uses libipart's public API only; cJSON reads the JSON answers of the
 * library's queries (never the user's events, which go to the library as
 * they were written).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CLI_H
#define IPART_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <ipart/ipart.h>

/* Exit codes (doc/ipart.1). */
enum {
    EXIT_VALID = 0,     /* done; the document is valid */
    EXIT_REFUSED = 1,   /* a rule of the procedure refused an event */
    EXIT_MALFORMED = 2, /* malformed input, or wrong usage */
    EXIT_IO = 3         /* a file could not be read or written (nothing changed) */
};

/* ---- labels (labels.c): every entry in English and Norwegian bokmål ---- */
typedef struct cli_label {
    const char *key;
    const char *en;
    const char *nb;
} cli_label;

extern const cli_label cli_labels[];
extern const size_t cli_label_count;

/* The label `key` in the language chosen by --lang; English when the key
 * has no Norwegian text; the key itself when it is unknown. */
const char *L(const char *key);
/* Choose the language: "nb" or "en". @return 0, or -1 for another. */
int cli_set_lang(const char *lang);
const char *cli_lang(void);

/* ---- options (main.c) ---- */
typedef struct cli_options {
    int json;              /* --json */
    int help;              /* --help */
    const char *as;        /* --as PARTY */
    const char *format;    /* --format */
    const char *profile;   /* --profile */
    const char *from;      /* --from */
    const char *days;      /* --days */
    const char *year;      /* --year */
    const char *out;       /* --out */
    const char *args[64];  /* the operands, in order */
    size_t arg_count;
} cli_options;

/* ---- output helpers (output.c) ---- */
/* A usage error: print it and the command's synopsis; returns EXIT_MALFORMED. */
int cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Print s as a JSON string literal. */
void cli_json_string(FILE *f, const char *s);
/* The exit code a failed library call earns: EXIT_REFUSED for a refusal by
 * the procedure's rules, EXIT_MALFORMED for malformed input, EXIT_IO for
 * a lack of memory or an internal error. */
int cli_exit_for(ipart_status rc);
/* Print the last error as "  rule R40 (source)\n  path ...\n  message" or,
 * with json, as the members of a JSON object (no braces). */
void cli_print_error(FILE *f, ipart_status rc, int json);
/* Format money in the chosen language (owned: free()). Never NULL. */
char *cli_money(ipart_money m);
/* Format a date; `buf` holds at least 11 bytes. */
const char *cli_date(char buf[11], ipart_date d);

/* ---- files (files.c) ---- */
/* The whole file ("-" is standard input), NUL-terminated, owned: free().
 * NULL with a message on stderr when it cannot be read. */
char *cli_read_file(const char *path);
/* Replace `path` atomically by `data`: a temporary file in the same
 * directory, written, fsync'ed and renamed over it; the original is
 * untouched on any failure (a full disk included). @return 0, or -1 with
 * a message on stderr. */
int cli_write_atomic(const char *path, const char *data, size_t length);
/* Write to `out` atomically, or to standard output when `out` is NULL. */
int cli_emit(const char *out, const char *data);
/* Load a document file; NULL with the error printed (and *exit_code set). */
ipart_partnership *cli_load(const char *path, int *exit_code);

/* ---- the subcommands ---- */
int cmd_check(const cli_options *o);
int cmd_apply(const cli_options *o);
int cmd_status(const cli_options *o);
int cmd_report(const cli_options *o);
int cmd_deadline(const cli_options *o);
int cmd_holidays(const cli_options *o);
int cmd_demo(const cli_options *o);

/* The status of a partnership, as text or JSON, for `party` (NULL: all). */
int cli_status_text(FILE *f, const ipart_partnership *p, const char *party);
int cli_status_json(FILE *f, const ipart_partnership *p, const char *party);

#endif
