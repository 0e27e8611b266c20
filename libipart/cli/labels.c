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
     "Options: --lang nb|en (labels and refusals; English by default), --json (machine-readable "
     "output), --help.\nExit: 0 done, 1 a rule refused an event, 2 malformed input or usage, "
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
    {"help_report", "the report: status, timeline, procurement record, OCDS, eForms",
     "rapporten: status, tidslinje, anskaffelsesprotokoll, OCDS, eForms"},
    {"details_report",
     "Formats:\n"
     "  text, json  the status, threshold verdict, ranking and warnings\n"
     "  svg         the timeline\n"
     "  record      the procurement record (R41) as text; --json for JSON\n"
     "  ocds        the OCDS 1.1.5 record package; --ocid ID is required\n"
     "  eforms      the eForms notice (UBL XML): --subtype 16|29|38|E1 and --settings FILE\n"
     "              (the platform's JSON settings, doc/exports.md) are required;\n"
     "              --map for the values keyed by eForms field id (JSON)\n"
     "record, ocds and eforms show what --as PARTY may see (default: the contracting\n"
     "authority, who sees everything); --lang sets the language of record and ocds.\n"
     "--out OUT writes the report to a file, atomically.\n",
     "Formater:\n"
     "  text, json  status, terskelvurdering, rangering og advarsler\n"
     "  svg         tidslinjen\n"
     "  record      anskaffelsesprotokollen (R41) som tekst; --json for JSON\n"
     "  ocds        OCDS 1.1.5-pakken; --ocid ID er påkrevd\n"
     "  eforms      eForms-kunngjøringen (UBL XML): --subtype 16|29|38|E1 og --settings FIL\n"
     "              (plattformens JSON-innstillinger, doc/exports.md) er påkrevd;\n"
     "              --map for verdiene etter eForms-felt-id (JSON)\n"
     "record, ocds og eforms viser det --as PART kan se (standard: oppdragsgiveren,\n"
     "som ser alt); --lang velger språket i record og ocds.\n"
     "--out UT skriver rapporten til en fil, atomisk.\n"},
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
    {"not_taken", "the format does not take the option", "formatet tar ikke valget"},
    {"needed", "the format needs the option", "formatet trenger valget"},
    {"no_authority", "the document has no contracting authority yet",
     "dokumentet har ingen oppdragsgiver ennå"},
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
