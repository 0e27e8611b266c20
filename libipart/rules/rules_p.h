/* Private: jurisdiction profiles, dated thresholds and the rule catalogue.
 * Rules are data where the law is data (ARCHITECTURE.md §2.5).
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_RULES_RULES_P_H
#define IPART_RULES_RULES_P_H

#include "core/error_p.h"
#include "ipart/date.h"
#include "ipart/errors.h"
#include "ipart/money.h"
#include "ipart/partnership.h"

typedef struct ipart__profile {
    const char *code;                /* "NO", "SE", "DK", "EU" */
    int min_request_days;            /* R6: 30 */
    int min_candidates;              /* R13: 3 */
    int standstill_days;             /* R40: 10 */
    int standstill_days_paper;       /* R40: SE 15 without electronic communication */
    int award_on_initial_allowed;    /* R43-R45: may be reserved in the documents */
    int below_threshold_blocked;     /* R3: NO offers the procedure above the EEA threshold only */
    int dk_disclosures_required;     /* R10/R45 */
    int separate_rnd_required;       /* R46 (SE) */
    int lufs_excluded;               /* R47 (SE) */
    int rnd_selection_required;      /* R48 (DK): rnd_capacity specifically */
    const char *award_on_initial_rule; /* the rule that decides award on initial tenders */
} ipart__profile;

/* The profile with a code, or NULL after setting IPART_EINVAL. */
const ipart__profile *ipart__profile_get(const char *code);

/*
 * Authority kinds, as in the document (the order of
 * ipart__authority_kind_names): the directives' four categories, then the
 * kinds the profiles' dated classification table adds (rules/kinds.c,
 * doc/authority-kinds.md).
 */
typedef enum ipart__authority_kind {
    IPART__AUTH_CENTRAL_GOVERNMENT,
    IPART__AUTH_SUB_CENTRAL,
    IPART__AUTH_BODY_PUBLIC_LAW,
    IPART__AUTH_UTILITY,
    IPART__AUTH_COUNTY,
    IPART__AUTH_MUNICIPALITY,
    IPART__AUTH_REGION,
    IPART__AUTH_HOSPITAL_TRUST,
    IPART__AUTH_REGIONAL_HEALTH_AUTHORITY,
    IPART__AUTH_STATE_ENTERPRISE,
    IPART__AUTH_KNOWLEDGE_INSTITUTION,
    IPART__AUTH_KIND_COUNT
} ipart__authority_kind;

/* The JSON names of the authority kinds, in enum order, NULL-terminated. */
extern const char *const ipart__authority_kind_names[];

/* The threshold class a kind maps to (R3, R30, R34): which column of the
 * threshold table applies; PARTICIPANT kinds are not buyers (R54). */
typedef enum ipart__kind_class {
    IPART__CLASS_CENTRAL,     /* central government authorities */
    IPART__CLASS_SUB_CENTRAL, /* sub-central authorities and bodies governed by public law */
    IPART__CLASS_UTILITY,     /* utilities */
    IPART__CLASS_PARTICIPANT  /* takes part in the partnership, never buys in it */
} ipart__kind_class;

/* One row of the dated classification table: `kind` is a kind of the
 * profile from `from` through `until` (a zero `until`: open-ended). */
typedef struct ipart__kind_row {
    const char *profile;
    ipart__authority_kind kind;
    ipart_date from;
    ipart_date until;
    ipart__kind_class class_;
    unsigned buys_for; /* bit k: may buy for its group's entities of kind k (Art. 37) */
    const char *source;
} ipart__kind_row;

/* `on` lies within from..until (inclusive; a zero `until` is open-ended). */
int ipart__date_within(ipart_date from, ipart_date until, ipart_date on);

/* R54: the row of `kind` in force for `profile` on `on`, or NULL. */
const ipart__kind_row *ipart__kind_row_at(const char *profile, int kind, ipart_date on);

/* The threshold class of a kind accepted earlier: its row in force on
 * `on`, else the profile's row of it that began last before `on`, else its
 * first row; IPART__CLASS_PARTICIPANT when the profile has none. */
ipart__kind_class ipart__kind_class_at(const char *profile, int kind, ipart_date on);

/* The kinds of `profile` in force on `on` ("a, b, c"), the buyers' only
 * when `buyers`, into `buf` (truncated to `size`). */
void ipart__kinds_in_force(char *buf, size_t size, const char *profile, ipart_date on,
                           int buyers);

/* The kinds a row may buy for ("a, b"; "" for none), into `buf`. */
void ipart__kinds_bought_for(char *buf, size_t size, const ipart__kind_row *row);

/* The kinds of `profile` that may buy for their group on `on`, each with
 * the kinds it buys for ("regional_health_authority (for hospital_trust)";
 * "no kind" for none), into `buf`. */
void ipart__group_buyers(char *buf, size_t size, const char *profile, ipart_date on);

typedef enum ipart__contract_type {
    IPART__CONTRACT_SUPPLIES,
    IPART__CONTRACT_SERVICES,
    IPART__CONTRACT_WORKS
} ipart__contract_type;

/*
 * The EEA threshold for a profile, threshold class and contract type in
 * force on `on`, in `currency`. IPART_ENOTFOUND when the table has none
 * (another currency, a date before the table, a profile without figures).
 */
ipart_status ipart__threshold(ipart_money *out, ipart_date *valid_from, const char *profile,
                              ipart__kind_class kind, ipart__contract_type type,
                              const char *currency, ipart_date on);

/*
 * R3, R30: the estimated value of a case (its maximum R&D value plus its
 * estimated purchase value) against the EEA threshold in force `on` for
 * the profile, threshold class and contract type, in `currency` (the
 * case's). IPART_ENOTFOUND when the
 * table has no threshold for the case, IPART_EOVERFLOW or IPART_ECURRENCY
 * from adding the two values.
 */
ipart_status ipart__threshold_verdict_of(ipart_threshold_verdict *out, const char *profile,
                                         ipart__kind_class kind, ipart__contract_type type,
                                         const char *currency, ipart_date on,
                                         ipart_money max_rnd_value,
                                         ipart_money estimated_purchase_value);

/* Legal source of a rule id ("R13" -> "Dir. 2014/24/EU Art. 65(2)..."), "" if unknown. */
const char *ipart__rule_source(const char *rule);

/* As ipart__rule_violation(), the message given in every language: " (rule)"
 * is added to `t`. */
ipart_status ipart__rule_violation_text(const char *rule, const char *path, const char *key,
                                        ipart__text *t);

/* Fail with IPART_ERULE naming the rule and its legal source; the message
 * is `fmt` (an English msgid of `key`) and " (<rule>)". */
ipart_status ipart__rule_violation(const char *rule, const char *path, const char *key,
                                   const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
