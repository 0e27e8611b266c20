/* Jurisdiction profiles and the rule catalogue. SPDX-License-Identifier: Apache-2.0 */
#include "rules_p.h"
#include "core/error_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/*
 * NO is the library's default. EU is the Directive alone: Art. 31(3) has
 * the authority negotiate initial and subsequent tenders and, unlike
 * Art. 29(4), gives no licence to award on the initial tender, so it is
 * not allowed there either (RULES.md (g) Q2).
 */
static const ipart__profile profiles[] = {
    /* code  req cand stand paper initial below dk  sep lufs rnd  rule */
    {"NO", 30, 3, 10, 10, 0, 1, 0, 0, 0, 0, "R43"},
    {"SE", 30, 3, 10, 15, 1, 0, 0, 1, 1, 0, "R44"},
    {"DK", 30, 3, 10, 10, 1, 0, 1, 0, 0, 1, "R45"},
    {"EU", 30, 3, 10, 10, 0, 0, 0, 0, 0, 0, "R14"},
};

const ipart__profile *ipart__profile_get(const char *code)
{
    if (!code) {
        ipart__fail_null("profile", "code");
        return NULL;
    }
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        if (strcmp(profiles[i].code, code) == 0)
            return &profiles[i];
    ipart__fail(IPART_EINVAL, "profile.unknown",
                "unknown profile '%s' (expected NO, SE, DK or EU)", code);
    return NULL;
}

/* Short legal sources, from RULES.md (a). */
static const struct {
    const char *rule;
    const char *source;
} sources[] = {
    {"R1", "Dir. 2014/24/EU Art. 31(1); FOA § 13-1(3)"},
    {"R2", "Dir. 2014/24/EU Art. 31(2)"},
    {"R3", "FOA § 13-1(3) (Part III only)"},
    {"R4", "Dir. 2014/24/EU Art. 31(1) 3rd subpara"},
    {"R5", "Dir. 2014/24/EU Art. 31(1)"},
    {"R6", "Dir. 2014/24/EU Art. 31(1); Reg. 1182/71 Art. 3; FOA § 7-6"},
    {"R7", "Dir. 2014/24/EU Art. 47(1)"},
    {"R8", "DFØ guidance; udbudsloven § 74(6)"},
    {"R9", "Dir. 2014/24/EU Art. 31(1), (2), (5), (6)"},
    {"R10", "udbudsloven § 74(2)"},
    {"R11", "Dir. 2014/24/EU Art. 31(6)"},
    {"R12", "Dir. 2014/24/EU Art. 31(1), 31(6)"},
    {"R13", "Dir. 2014/24/EU Art. 65(2), Art. 31(1)"},
    {"R14", "Dir. 2014/24/EU Art. 31(3)"},
    {"R15", "Dir. 2014/24/EU Art. 31(3)"},
    {"R16", "Dir. 2014/24/EU Art. 31(4)"},
    {"R17", "Dir. 2014/24/EU Art. 31(5)"},
    {"R18", "Dir. 2014/24/EU Art. 31(1), Art. 67"},
    {"R19", "Dir. 2014/24/EU Art. 31(4), Art. 21"},
    {"R20", "Dir. 2014/24/EU Art. 31(2) 2nd subpara"},
    {"R21", "Dir. 2014/24/EU Art. 31(2) 3rd subpara"},
    {"R22", "Dir. 2014/24/EU Art. 31(2) 3rd subpara (instalments)"},
    {"R23", "Dir. 2014/24/EU Art. 31(7)"},
    {"R24", "Dir. 2014/24/EU Art. 31(2) 4th subpara"},
    {"R25", "DFØ guidance (end early when cost and benefit diverge)"},
    {"R26", "DFØ «Avtale om innovasjonspartnerskap» 2.2.3, 2.3.1, 2.4.1"},
    {"R27", "Dir. 2014/24/EU Art. 31(2) 1st subpara"},
    {"R28", "Dir. 2014/24/EU Recital 49; C-216/17 Coopservice (buyers named)"},
    {"R29", "DFØ guidance (verify before buying)"},
    {"R30", "Dir. 2014/24/EU Art. 5(6)"},
    {"R31", "DFØ guidance (publish the maximum value)"},
    {"R32", "DFØ Q&A (fixed development price; no co-financing criterion)"},
    {"R33", "DFØ Q&A (budget over-run at award)"},
    {"R34", "Dir. 2014/24/EU Art. 72(1)(a), 72(2); FOA § 28-1"},
    {"R35", "Innovation Partnership Agreement «Preparations and Organisation»"},
    {"R36", "Dir. 2014/24/EU Art. 31(6)"},
    {"R37", "Dir. 2014/24/EU Art. 31(6) 2nd subpara"},
    {"R38", "Dir. 2014/24/EU Art. 14; FOA § 2-5"},
    {"R39", "Dir. 2014/24/EU Art. 55; Dir. 2007/66/EC Art. 2a(2)"},
    {"R40", "Dir. 2007/66/EC Art. 2a(2); FOA § 25-2"},
    {"R41", "Dir. 2014/24/EU Art. 84; FOA § 25-5"},
    {"R42", "LOA § 4; Dir. 2014/24/EU Art. 18"},
    {"R43", "DFØ guidance (negotiation is obligatory in Norway)"},
    {"R44", "LOU; Upphandlingsmyndigheten guidance"},
    {"R45", "udbudsloven § 74(2) nr. 1 and 5"},
    {"R46", "Upphandlingsmyndigheten guidance (separate R&D)"},
    {"R47", "LUFS (Sweden): no innovation partnership"},
    {"R48", "udbudsloven §§ 74(5), 75(1)-(2)"},
    {"R49", "KFST guidance (phase lengths in the contract)"},
    {"R50", "Dir. 2014/24/EU Art. 40, Art. 41; LOA § 4"},
    {"R51", "Dir. 2014/24/EU Art. 38, Art. 39"},
    {"R52", "Dir. 2014/24/EU Art. 19(2)-(3)"},
    {"R53", "Dir. 2014/24/EU Art. 71(2), Art. 84(1)(e)"},
    {"R54", "Dir. 2014/24/EU Art. 2(1)(1)-(4), Art. 37; helseforetaksloven"},
};

const char *ipart__rule_source(const char *rule)
{
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
        if (strcmp(sources[i].rule, rule) == 0)
            return sources[i].source;
    return "";
}

ipart_status ipart__rule_violation_text(const char *rule, const char *path, const char *key,
                                        ipart__text *t)
{
    ipart__text_cite(t, rule);
    return ipart__fail_text(IPART_ERULE, rule, ipart__rule_source(rule), path, key, t);
}

ipart_status ipart__rule_violation(const char *rule, const char *path, const char *key,
                                   const char *fmt, ...)
{
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    return ipart__rule_violation_text(rule, path, key, &t);
}
