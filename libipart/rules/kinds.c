/* The dated classification of authority kinds per profile (R54, R3, R30, R34).
 * SPDX-License-Identifier: Apache-2.0 */
#include "rules_p.h"

#include <stdio.h>
#include <string.h>

const char *const ipart__authority_kind_names[] = {
    "central_government", "sub_central", "body_governed_by_public_law", "utility",
    "county", "municipality", "region", "hospital_trust", "regional_health_authority",
    "state_enterprise", "knowledge_institution", NULL};

/*
 * Each row makes `kind` a kind of the profile from `from` through `until`
 * (a zero `until`: until a later row replaces it) and says its threshold
 * class, the kinds it may buy for as its group's central purchasing body
 * (Dir. 2014/24/EU Art. 37), and its legal source. doc/authority-kinds.md
 * lists every row with its source; keep the two in step. The directives'
 * four categories are kinds of every profile throughout the library's
 * window of dates (from 2000-01-01), so every document written before this
 * table means what it meant.
 */
#define ALWAYS {2000, 1, 1}, {0, 0, 0}
#define CENTRAL IPART__CLASS_CENTRAL
#define SUB IPART__CLASS_SUB_CENTRAL
#define UTIL IPART__CLASS_UTILITY
#define NOT_A_BUYER IPART__CLASS_PARTICIPANT
#define TRUSTS (1u << IPART__AUTH_HOSPITAL_TRUST)

#define DIRECTIVE_KINDS(profile, central_src, sub_src, body_src, util_src)              \
    {profile, IPART__AUTH_CENTRAL_GOVERNMENT, ALWAYS, CENTRAL, 0, central_src},          \
    {profile, IPART__AUTH_SUB_CENTRAL, ALWAYS, SUB, 0, sub_src},                         \
    {profile, IPART__AUTH_BODY_PUBLIC_LAW, ALWAYS, SUB, 0, body_src},                    \
    {profile, IPART__AUTH_UTILITY, ALWAYS, UTIL, 0, util_src},                           \
    {profile, IPART__AUTH_KNOWLEDGE_INSTITUTION, ALWAYS, NOT_A_BUYER, 0,                 \
     "a participant of the partnership (participant_named), not a buyer in it"}

static const ipart__kind_row kinds[] = {
    DIRECTIVE_KINDS("NO", "FOA § 5-3 (statlige myndigheter); Dir. 2014/24/EU Art. 2(1)(2)",
                    "FOA § 5-3 (andre oppdragsgivere); Dir. 2014/24/EU Art. 2(1)(3)",
                    "LOA § 2(1)(c); Dir. 2014/24/EU Art. 2(1)(4)",
                    "forsyningsforskriften; Dir. 2014/25/EU Art. 4"),
    {"NO", IPART__AUTH_COUNTY, ALWAYS, SUB, 0, "kommuneloven (fylkeskommune); FOA § 5-3"},
    {"NO", IPART__AUTH_MUNICIPALITY, ALWAYS, SUB, 0, "kommuneloven (kommune); FOA § 5-3"},
    {"NO", IPART__AUTH_STATE_ENTERPRISE, ALWAYS, SUB, 0,
     "statsforetaksloven (lov 30. august 1991 nr. 71): a body governed by public law"},
    {"NO", IPART__AUTH_HOSPITAL_TRUST, {2002, 1, 1}, {0, 0, 0}, SUB, 0,
     "helseforetaksloven (lov 15. juni 2001 nr. 93, in force 2002-01-01): helseforetak"},
    {"NO", IPART__AUTH_REGIONAL_HEALTH_AUTHORITY, {2002, 1, 1}, {0, 0, 0}, SUB, TRUSTS,
     "helseforetaksloven: the regional helseforetak owns its helseforetak; Dir. 2014/24/EU "
     "Art. 37 (central purchasing for them)"},
    DIRECTIVE_KINDS("SE", "LOU (2016:1145) 1 kap. 18 § and 5 kap. (statliga myndigheter)",
                    "LOU (2016:1145) 1 kap. 18 § and 5 kap.",
                    "LOU (2016:1145) 1 kap. 18 § (offentligt styrt organ)", "LUF (2016:1146)"),
    {"SE", IPART__AUTH_MUNICIPALITY, ALWAYS, SUB, 0, "kommunallagen (2017:725) 1 kap. 1 §"},
    {"SE", IPART__AUTH_REGION, ALWAYS, SUB, 0,
     "kommunallagen (2017:725) 1 kap. 1 § (regioner; landsting before 2020)"},
    DIRECTIVE_KINDS("DK", "udbudsloven (lov nr. 1564 af 15/12/2015) § 24 (central ordregiver)",
                    "udbudsloven § 24 (decentral ordregiver)",
                    "udbudsloven § 24 (offentligretligt organ)",
                    "forsyningsvirksomhedsdirektivet (Dir. 2014/25/EU Art. 4)"),
    {"DK", IPART__AUTH_MUNICIPALITY, ALWAYS, SUB, 0, "kommunestyrelsesloven"},
    {"DK", IPART__AUTH_COUNTY, {2000, 1, 1}, {2006, 12, 31}, SUB, 0,
     "amtskommuner, abolished by the structural reform from 2007-01-01"},
    {"DK", IPART__AUTH_REGION, {2007, 1, 1}, {0, 0, 0}, SUB, 0,
     "regionsloven (lov nr. 537 af 24/06/2005), in force 2007-01-01"},
    DIRECTIVE_KINDS("EU", "Dir. 2014/24/EU Art. 2(1)(2), Annex I", "Dir. 2014/24/EU Art. 2(1)(3)",
                    "Dir. 2014/24/EU Art. 2(1)(4)", "Dir. 2014/25/EU Art. 4"),
};

#define ROWS (sizeof kinds / sizeof kinds[0])

const ipart__kind_row *ipart__kind_row_at(const char *profile, int kind, ipart_date on)
{
    for (size_t i = 0; i < ROWS; i++)
        if ((int)kinds[i].kind == kind && strcmp(kinds[i].profile, profile) == 0 &&
            ipart__date_within(kinds[i].from, kinds[i].until, on))
            return &kinds[i];
    return NULL;
}

ipart__kind_class ipart__kind_class_at(const char *profile, int kind, ipart_date on)
{
    const ipart__kind_row *found = ipart__kind_row_at(profile, kind, on);
    if (found)
        return found->class_;
    ipart_date open = {0, 0, 0};
    /* Rows of a kind are in date order: the last one begun by `on` wins, else the first. */
    for (size_t i = 0; i < ROWS; i++)
        if ((int)kinds[i].kind == kind && strcmp(kinds[i].profile, profile) == 0 &&
            (!found || ipart__date_within(kinds[i].from, open, on)))
            found = &kinds[i];
    return found ? found->class_ : IPART__CLASS_PARTICIPANT;
}

static void append(char *buf, size_t size, const char *name)
{
    size_t len = strlen(buf);
    if (len < size)
        snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
}

void ipart__kinds_in_force(char *buf, size_t size, const char *profile, ipart_date on,
                           int buyers)
{
    buf[0] = '\0';
    for (size_t i = 0; i < ROWS; i++)
        if (strcmp(kinds[i].profile, profile) == 0 &&
            ipart__date_within(kinds[i].from, kinds[i].until, on) &&
            (!buyers || kinds[i].class_ != IPART__CLASS_PARTICIPANT))
            append(buf, size, ipart__authority_kind_names[kinds[i].kind]);
}

void ipart__kinds_bought_for(char *buf, size_t size, const ipart__kind_row *row)
{
    buf[0] = '\0';
    for (int k = 0; k < IPART__AUTH_KIND_COUNT; k++)
        if (row->buys_for >> k & 1u)
            append(buf, size, ipart__authority_kind_names[k]);
}

void ipart__group_buyers(char *buf, size_t size, const char *profile, ipart_date on)
{
    buf[0] = '\0';
    for (size_t i = 0; i < ROWS; i++) {
        char bought[200], entry[260];
        if (strcmp(kinds[i].profile, profile) != 0 || !kinds[i].buys_for ||
            !ipart__date_within(kinds[i].from, kinds[i].until, on))
            continue;
        ipart__kinds_bought_for(bought, sizeof bought, &kinds[i]);
        snprintf(entry, sizeof entry, "%s (for %s)", ipart__authority_kind_names[kinds[i].kind],
                 bought);
        append(buf, size, entry);
    }
    if (!buf[0])
        snprintf(buf, size, "no kind");
}
