/*
 * The words of the `ipart` command in English and Norwegian bokmål.
 * Every entry has both (tests/cli checks it); keep the table small.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "cli.h"

const cli_label cli_labels[] = {
    {"usage", "usage", "bruk"},
    {"help_ipart", "ipart - check, apply to and report on innovation-partnership documents",
     "ipart - kontroller, oppdater og rapporter om dokumenter for innovasjonspartnerskap"},
    {"help_common",
     "Options: --lang nb|en (labels; English by default), --json (machine-readable output), "
     "--help.\nExit: 0 done, 1 a rule refused an event, 2 malformed input or usage, "
     "3 a file could not be read or written. See ipart(1).",
     "Valg: --lang nb|en (språk; engelsk som standard), --json (maskinlesbart), --help.\n"
     "Avslutningskode: 0 ferdig, 1 en regel avviste en hendelse, 2 feil i input eller bruk, "
     "3 en fil kunne ikke leses eller skrives. Se ipart(1)."},
    {"help_check", "load and replay documents through every rule",
     "last inn og spill av dokumenter gjennom alle reglene"},
    {"help_apply", "apply one event or a stream of events, then save atomically",
     "legg til én hendelse eller en strøm av hendelser og lagre atomisk"},
    {"help_status", "stage, parties, caps, what is due and who may do what",
     "fase, parter, tak, neste frist og hvem som kan gjøre hva"},
    {"help_report", "the report as text, JSON or the SVG timeline",
     "rapporten som tekst, JSON eller SVG-tidslinje"},
    {"help_deadline", "the last day of a period (Regulation 1182/71)",
     "siste dag i en frist (forordning 1182/71)"},
    {"help_holidays", "the public holidays of a profile in a year",
     "helligdagene i en profil et gitt år"},
    {"help_demo", "the Stavanger walk-through; writes its document and timeline",
     "gjennomgang av Stavanger-saken; skriver dokumentet og tidslinjen"},
    {"unknown_command", "unknown command", "ukjent kommando"},
    {"unknown_option", "unknown option", "ukjent valg"},
    {"missing_value", "the option needs a value", "valget trenger en verdi"},
    {"too_many_operands", "too many operands", "for mange argumenter"},
    {"valid", "valid", "gyldig"},
    {"events", "events", "hendelser"},
    {"event", "event", "hendelse"},
    {"refused", "refused", "avvist"},
    {"malformed", "malformed", "feil format"},
    {"rule", "rule", "regel"},
    {"path", "path", "sti"},
    {"applied", "applied", "lagt til"},
    {"unchanged", "unchanged", "uendret"},
    {"saved", "saved", "lagret"},
    {"stage", "stage", "fase"},
    {"parties", "parties", "parter"},
    {"contracts", "contracts", "kontrakter"},
    {"caps", "caps", "tak"},
    {"committed", "committed", "bundet"},
    {"paid", "paid", "utbetalt"},
    {"headroom", "headroom", "gjenstår"},
    {"next_due", "next due", "neste frist"},
    {"none", "none", "ingen"},
    {"actions", "may now", "kan nå"},
    {"phase", "phase", "fase"},
    {"value", "value", "verdi"},
    {"visible", "visible events", "synlige hendelser"},
    {"withheld", "withheld", "holdt tilbake"},
    {"unknown_party", "unknown party", "ukjent part"},
    {"ranking", "ranking", "rangering"},
    {"warnings", "warnings", "varsler"},
    {"threshold", "estimated value and EEA threshold", "anslått verdi og EØS-terskel"},
    {"above", "above", "over"},
    {"below", "below", "under"},
    {"not_available", "not available yet", "ikke tilgjengelig ennå"},
    {"unknown_format", "unknown format", "ukjent format"},
    {"ends", "ends", "slutter"},
    {"rolled", "moved from", "flyttet fra"},
    {"written", "written", "skrevet"},
    {"points", "points", "poeng"},
};
const size_t cli_label_count = sizeof cli_labels / sizeof cli_labels[0];

static int norwegian = 0;

int cli_set_lang(const char *lang)
{
    if (strcmp(lang, "nb") == 0 || strcmp(lang, "en") == 0) {
        norwegian = lang[0] == 'n';
        return 0;
    }
    return -1;
}

const char *cli_lang(void)
{
    return norwegian ? "nb" : "en";
}

const char *L(const char *key)
{
    for (size_t i = 0; i < cli_label_count; i++) {
        if (strcmp(cli_labels[i].key, key) != 0)
            continue;
        return norwegian && cli_labels[i].nb[0] ? cli_labels[i].nb : cli_labels[i].en;
    }
    return key;
}
