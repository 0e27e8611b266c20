/*
 * ipart demo [--out DIR]: the Stavanger walk-through on the example
 * document built into the command, then the document and its timeline
 * written to DIR (default: the current directory).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "stavanger_walkthrough.h"

extern const unsigned char ipart_stavanger_document[]; /* generated from examples/ */

static int write_in(const char *dir, const char *name, const char *data)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = malloc(size);
    if (!path)
        return EXIT_IO;
    snprintf(path, size, "%s/%s", dir, name);
    int rc = cli_write_atomic(path, data, strlen(data)) == 0 ? EXIT_VALID : EXIT_IO;
    if (rc == EXIT_VALID)
        printf("  %s: %s\n", L("written"), path);
    free(path);
    return rc;
}

int cmd_demo(const cli_options *o)
{
    if (o->arg_count)
        return cli_usage_error("demo", "%s", L("too_many_operands"));
    const char *dir = o->out ? o->out : ".";
    const char *example = (const char *)ipart_stavanger_document;
    stavanger_walkthrough(example);
    fflush(stdout);
    ipart_partnership *p = NULL;
    char *document = NULL, *svg = NULL;
    ipart_status rc = ipart_partnership_load(&p, example);
    if (rc == IPART_OK)
        rc = ipart_partnership_save(&document, p);
    if (rc == IPART_OK)
        rc = ipart_partnership_timeline_svg(&svg, p, cli_lang());
    int exit_code = cli_exit_for(rc);
    if (rc != IPART_OK)
        cli_print_error(stderr, rc, 0);
    printf("\n");
    if (exit_code == EXIT_VALID)
        exit_code = write_in(dir, "stavanger-procedure.json", document);
    if (exit_code == EXIT_VALID)
        exit_code = write_in(dir, "stavanger-timeline.svg", svg);
    ipart_free(document);
    ipart_free(svg);
    ipart_partnership_free(p);
    return exit_code;
}
