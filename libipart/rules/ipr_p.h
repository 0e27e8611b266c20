/*
 * Private: the IP arrangements of the terms (RULES.md R36 and section (d)
 * I1-I5; INTEROP.md recommendation 11) and the resolution of who owns, may
 * use, modify, sublicense and commercialise an asset (ARCHITECTURE.md §5).
 *
 * The rules layer knows the terms and a few facts about the state (is the
 * partner terminated, has the call-back been exercised, has the party
 * bought under the option); the model gathers those facts. Every answer
 * cites the clause of the terms and the rule that decide it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_RULES_IPR_P_H
#define IPART_RULES_IPR_P_H

#include "core/error_p.h"
#include <stddef.h>
#include <stdint.h>

#include "ipart/errors.h"

/* Enumerations: the index into the codec's name lists. */
typedef enum { EV_IPR_SUPPLIER_OWNS, EV_IPR_SUPPLIER_OWNS_LICENCE, EV_IPR_SUPPLIER_OWNS_CALL_BACK,
               EV_IPR_AUTHORITY_OWNS, EV_IPR_JOINT } ev_ipr_regime;
typedef enum { EV_OWNER_PARTNER, EV_OWNER_AUTHORITY, EV_OWNER_JOINT } ev_ipr_owner;
typedef enum { EV_ASSET_FOREGROUND, EV_ASSET_BACKGROUND } ev_ipr_asset;
typedef enum { EV_BY_PARTNER, EV_BY_AUTHORITY, EV_BY_BOTH, EV_BY_NONE } ev_ipr_by;
typedef enum { EV_FROM_SIGNATURE, EV_FROM_ACCEPTANCE, EV_FROM_OPTION } ev_ipr_from;
typedef enum { EV_RESULTS_UNCHANGED, EV_RESULTS_AUTHORITY } ev_ipr_results;

/* A counted array (the same layout as the model's ipart__array). */
typedef struct ipart__ipr_array {
    void *items;
    size_t count;
} ipart__ipr_array;

/* Who owns an asset class, and the clause that says so. */
typedef struct ev_ipr_ownership {
    int owner; /* ev_ipr_owner */
    const char *clause;
} ev_ipr_ownership;

typedef struct ev_ipr_royalty {
    int64_t rate; /* basis points, optional */
    int has_rate;
    const char *basis;
    const char *clause;
} ev_ipr_royalty;

typedef struct ev_ipr_commercialisation {
    int by; /* ev_ipr_by */
    const char *clause;
    ev_ipr_royalty royalty; /* royalty or payback to the other owner */
    int has_royalty;
} ev_ipr_commercialisation;

typedef struct ev_ipr_licence {
    const char *id;
    const char *clause;
    int asset;                 /* ev_ipr_asset */
    ipart__ipr_array licensees; /* const char *: the authority and named followers */
    int from;                  /* ev_ipr_from: when it takes effect for a licensee */
    int use, modify, sublicense;
    const char *field_of_use;
    const char *territory;
    const char *duration;
    int exclusive;
    int royalty_free;
    const char *royalty; /* the royalty terms, when not royalty-free */
} ev_ipr_licence;

typedef struct ev_ipr_condition {
    const char *id;
    const char *text;
} ev_ipr_condition;

typedef struct ev_ipr_call_back {
    const char *clause;
    ipart__ipr_array conditions; /* ev_ipr_condition, at least one */
    int licence_back;            /* the partner keeps a right of use after the transfer */
} ev_ipr_call_back;

typedef struct ev_ipr_termination {
    const char *clause;
    int licence_survives; /* licences in effect at the termination survive it */
    int results;          /* ev_ipr_results: who holds the terminated partner's results */
} ev_ipr_termination;

/* The IPR terms (`terms.ipr`): regime and description (R36), and the
 * structured arrangement, each part optional in the document and required
 * complete at the notice. */
typedef struct ev_ipr {
    int regime; /* ev_ipr_regime */
    const char *description;
    ev_ipr_ownership foreground;
    int has_foreground;
    ev_ipr_ownership background;
    int has_background;
    ev_ipr_commercialisation commercialisation;
    int has_commercialisation;
    ipart__ipr_array licences; /* ev_ipr_licence */
    int has_licences;
    ev_ipr_call_back call_back;
    int has_call_back;
    ev_ipr_termination on_termination;
    int has_on_termination;
} ev_ipr;

/* The JSON names of the enumerations (NULL-terminated). */
extern const char *const ipart__ipr_regime_names[];
extern const char *const ipart__ipr_owner_names[];
extern const char *const ipart__ipr_asset_names[];
extern const char *const ipart__ipr_by_names[];
extern const char *const ipart__ipr_from_names[];
extern const char *const ipart__ipr_results_names[];

/*
 * R36 at terms_set: the parts that are given must not contradict the
 * regime or each other (owner vs regime, background, commercialisation,
 * call-back outside its regime, licences to the owner, scope without use,
 * exclusivity, royalty). `path` is the event's JSON path.
 */
ipart_status ipart__ipr_contradictions(const ev_ipr *ipr, const char *path);

/*
 * R36 at notice_published: the arrangement is complete. Writes the missing
 * parts, comma-separated, to `missing` in every language ("" when complete).
 */
void ipart__ipr_missing(const ev_ipr *ipr, ipart__text *missing);

/* ---- rights ------------------------------------------------------------------ */

typedef enum { IPART__RIGHT_OWNS, IPART__RIGHT_USE, IPART__RIGHT_MODIFY, IPART__RIGHT_SUBLICENSE,
               IPART__RIGHT_COMMERCIALISE, IPART__RIGHT_COUNT } ipart__right;

extern const char *const ipart__right_names[IPART__RIGHT_COUNT];

/* Who is asking, about which asset, and what has happened to it. */
typedef struct ipart__rights_facts {
    const ev_ipr *ipr;
    const char *party;
    int is_authority, is_follower, is_operator;
    const char *partner;   /* whose asset */
    int background;        /* the partner's background IP; else its foreground (results) */
    int signed_;           /* the partner's contract is signed */
    int accepted;          /* the partner's solution passed its acceptance test */
    int terminated;        /* the partner's contract was terminated */
    int called_back;       /* the authority exercised the call-back on its results */
    const char *call_back_condition;
    int bought;            /* the party exercised the option on this partner's solution */
} ipart__rights_facts;

typedef struct ipart__answer {
    int yes;
    const char *clause; /* of the terms; "" when none decides */
    const char *rule;   /* "R36", "R37"... */
    ipart__text reason; /* in English and Norwegian (key "rights.reason") */
} ipart__answer;

/* The five answers for the facts (needs complete terms: ipart__ipr_missing "" ). */
void ipart__rights_resolve(ipart__answer out[IPART__RIGHT_COUNT], const ipart__rights_facts *f);

#endif
