/*
 * libipart - what a partnership publishes and keeps: the procurement
 * record (R41), the OCDS 1.1.5 record package and the eForms notices.
 *
 * Every export is
 *   - party-scoped: it is built from the events of `party`'s view
 *     (ipart_partnership_view_json, R19/R37), so the export for an operator
 *     or a follower never holds another operator's confidential items; the
 *     contracting authority's export covers the whole log;
 *   - in a language: `lang` "nb" (Norwegian bokmål) or "en"; any other
 *     language, NULL included, falls back to English explicitly (the
 *     export names the language it is in; see messages.h);
 *   - deterministic: the same log, party and language give the same bytes.
 *
 * Threading and ownership as in partnership.h: one thread at a time per
 * partnership; `char **out` results are owned by the caller (ipart_free());
 * a failed call leaves *out untouched.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_EXPORTS_H
#define IPART_EXPORTS_H

#include "common.h"
#include "errors.h"
#include "partnership.h"

IPART_BEGIN_DECL

/**
 * The procurement record (R41: Directive 2014/24/EU Art. 84(1), FOA
 * § 25-5) as JSON: `{"format": "ipart-record", "version": 1, "rule":
 * "R41", "sources", "language", "party", "stage", "authority",
 * "followers", "subject", "value", "procedure", "candidates": {"selected",
 * "rejected", "not_invited"}, "tenders": {"rejected", "abnormally_low"},
 * "award", "subcontracting", "conflicts_of_interest", "cancellation",
 * "terminations", "changes", "notes", "not_recorded", "withheld"}`
 * (doc/exports.md describes every field). A field of Art. 84 that the log
 * cannot hold (subcontracting, conflicts of interest, abnormally low
 * tenders) is null and named in "not_recorded". Money is canonical
 * decimal strings.
 * @return IPART_OK; IPART_ENOTFOUND for an unknown party; IPART_ENOMEM;
 *         IPART_EMISUSE for NULL `out`, `partnership` or `party`.
 */
IPART_API ipart_status ipart_partnership_record_json(char **out,
                                                     const ipart_partnership *partnership,
                                                     const char *party, const char *lang);

/**
 * The same record as readable text (UTF-8, one section per field of
 * Art. 84(1), labels and money in `lang`).
 * @return as ipart_partnership_record_json().
 */
IPART_API ipart_status ipart_partnership_record_text(char **out,
                                                     const ipart_partnership *partnership,
                                                     const char *party, const char *lang);

/**
 * The OCDS 1.1.5 record package of the partnership as `party` may see it:
 * `{"uri", "version": "1.1", "publishedDate", "publisher", "extensions",
 * "records": [{"ocid", "releases": [...], "compiledRelease"}]}`. One ocid
 * for the whole partnership (given by the platform, e.g.
 * "ocds-abc123-IP-2017-001"); a release for each significant event (the
 * whole process at that event, tagged planning, tender, award, contract,
 * implementation, contractAmendment, contractTermination...), the last
 * state as the compiled release (changes after the last significant
 * event, such as late applications, close with a planningUpdate or
 * tenderUpdate release). The pre-market consultation as planning: the
 * market check's justification (R1) as rationale, a preProcurement
 * milestone per need mapping and an engagement milestone per dialogue open
 * to all and per sharing of dialogue information (R50). Parties with their roles (the authority
 * buyer, procuringEntity and payer; named followers buyer; applicants
 * interestedParty; tenderers tenderer; partners supplier and payee), the
 * tender (procurementMethod "selective", procurementMethodDetails
 * "Innovation partnership", the maximum value when published (R31),
 * secondStage, options, the targets as milestones), an award and a
 * contract per partner with a milestone per target, a payment milestone
 * per instalment, a transaction per payment, and amendments for changes,
 * terminations and option purchases. Amounts are JSON numbers printed
 * exactly from the minor units; dates are "YYYY-MM-DDT00:00:00Z".
 * doc/exports.md has the mapping table.
 * @return IPART_OK; IPART_EINVAL for an empty ocid or one over 200
 *         characters; IPART_ESTATE before partnership_created;
 *         IPART_ENOTFOUND for an unknown party; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_ocds_json(char **out, const ipart_partnership *partnership,
                                                   const char *ocid, const char *party,
                                                   const char *lang);

/**
 * An eForms notice (SDK 1.15, UBL 2.3 XML, UTF-8) of the partnership as
 * `party` may see it:
 *   - "16", the contract notice: BT-105 `innovation`, the request deadline
 *     BT-1311, the maximum (BT-51) and minimum (BT-50) number of
 *     candidates, the staged reduction BT-52 and the maximum value as the
 *     estimated value BT-27 unless the terms withhold it (R31); needs
 *     notice_published;
 *   - "29", the contract award notice: one tender (its value BT-720),
 *     contract and tendering party per partner of the award; needs
 *     award_decided;
 *   - "38", the contract modification notice of the last contract_changed
 *     the party sees: what changed (BT-202), why (BT-200: `mod-rev` under a
 *     change clause of the terms, else `mod-minv`; BT-201 the reason), and
 *     the contract's value after the changes;
 *   - "E1", the pre-market consultation notice (PriorInformationNotice,
 *     Art. 40, R50): issued the day the consultation opened (the first
 *     need_mapped or dialogue open to all), the answers due (BT-800) the
 *     day of the last dialogue open to all; the need as BT-24 and, as
 *     BT-300, the need mappings, the participants, each dialogue open to
 *     all (market_dialogue_held, dialogue_activity_held other than
 *     one_to_one and written_input) and what was shared with all
 *     (dialogue_information_shared), at most 10000 bytes; a one-to-one
 *     meeting or written input itself is never published, so every party
 *     gets the same notice; needs a dialogue open to all.
 * BT-97 is the profile's language (NOR, SWE, DAN; the EU profile ENG).
 * `settings_json` gives what the log does not hold,
 * every member a string of 1 to 200 bytes: required `{"notice_id",
 * "procedure_id" (UUIDs), "cpv" (the main CPV code), "documents_url",
 * "country" (ISO 3166-1 alpha-3, "NOR"), "buyer_org_no", "buyer_city",
 * "buyer_activity" (eForms authority-activity, "gen-pub"),
 * "review_body_name", "review_body_org_no", "review_body_city"}`;
 * "award_notice_id" (the UUID of the award notice a 38 modifies) and
 * "organisations" (`{"<partner id>": {"org_no", "city"}}`, every partner
 * of a 29 or 38) where the notice needs them; optional "place_nuts", the
 * place of performance as a NUTS 3 code (BT-5071, "NO0A1": its shape is
 * checked, not the code list). The notice language is English ("ENG":
 * eForms 1.15 allows only EU official languages); the free
 * texts are the authority's own, as the log holds them. doc/exports.md has
 * the BT mapping table.
 * @return IPART_OK; IPART_EINVAL for an unsupported subtype or a missing,
 *         unknown or malformed setting (its name in the message);
 *         IPART_ESTATE when the log as the party sees it has not reached
 *         the notice's stage; IPART_ENOTFOUND for an unknown party;
 *         IPART_ENOMEM; IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_eforms_xml(char **out,
                                                    const ipart_partnership *partnership,
                                                    const char *subtype, const char *party,
                                                    const char *settings_json);

/**
 * The values of the same notice keyed by eForms field id (the BT id and
 * its qualifier: "BT-105-Procedure", "BT-1311(d)-Lot"), each an array of
 * strings in document order, as JSON: for platforms that fill their own
 * forms. @return as ipart_partnership_eforms_xml().
 */
IPART_API ipart_status ipart_partnership_eforms_map_json(char **out,
                                                         const ipart_partnership *partnership,
                                                         const char *subtype, const char *party,
                                                         const char *settings_json);

IPART_END_DECL

#endif /* IPART_EXPORTS_H */
