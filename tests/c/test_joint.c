/*
 * Joint contracting authorities (include/ipart/joint.h, RULES.md R51): the
 * exact split by shares (rules/shares.c, doc/joint.md), the kind whose
 * threshold binds, and the budget query's errors. The golden case
 * joint_klimagrunn.json and the r51_* rejections run in test_partnership.c.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "rules/contract_math_p.h"
#include "rules/rules_p.h"
#include "rules/shares_p.h"

TestSuite(joint, IPART_TEST_FIXTURE);

Test(joint, the_remainder_goes_to_the_largest_dropped_fraction_ties_to_the_first)
{
    /* doc/joint.md: 5 øre by 5000/3000/2000 -> 2.5, 1.5, 1.0 -> 3, 1, 1 */
    const int64_t keys[] = {5000, 3000, 2000};
    int64_t parts[3];
    ipart__split_by_keys(5, keys, 3, parts);
    cr_assert(parts[0] == 3 && parts[1] == 1 && parts[2] == 1);
    /* 10 øre by 3333/3333/3334 -> 3.333, 3.333, 3.334: the largest fraction wins */
    const int64_t thirds[] = {3333, 3333, 3334};
    ipart__split_by_keys(10, thirds, 3, parts);
    cr_assert(parts[0] == 3 && parts[1] == 3 && parts[2] == 4);
    cr_assert_eq(ipart__split_part(10, thirds, 3, 2), 4);
}

Test(joint, every_split_adds_up_to_the_amount)
{
    const int64_t keys[][4] = {{2500, 2500, 2500, 2500}, {1, 9999, 0, 0}, {3333, 3333, 3333, 1},
                               {7000, 1000, 1000, 1000}};
    const int64_t amounts[] = {0, 1, 3, 7, 99, 100001, 123456789, -7, -100001, INT64_MAX,
                               INT64_MIN + 1};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        for (size_t a = 0; a < sizeof amounts / sizeof amounts[0]; a++) {
            int64_t parts[4];
            ipart__split_by_keys(amounts[a], keys[k], 4, parts);
            ipart__wide sum = 0;
            for (size_t i = 0; i < 4; i++) {
                sum += parts[i];
                /* no part is further than one minor unit from its exact share */
                ipart__wide exact = (ipart__wide)amounts[a] * keys[k][i];
                ipart__wide diff = (ipart__wide)parts[i] * 10000 - exact;
                cr_assert(diff > -10000 && diff < 10000, "keys %zu amount %zu part %zu", k, a, i);
            }
            cr_assert(sum == amounts[a], "keys %zu amount %zu", k, a);
        }
    cr_assert_eq(ipart__keys_sum(keys[2], 4), 10000);
}

Test(joint, the_strictest_class_binds_and_a_utility_with_another_class_is_open)
{
    const int central_and_sub[] = {IPART__CLASS_SUB_CENTRAL, IPART__CLASS_CENTRAL};
    cr_assert_eq(ipart__joint_threshold_class(central_and_sub, 2), IPART__CLASS_CENTRAL);
    const int subs[] = {IPART__CLASS_SUB_CENTRAL, IPART__CLASS_SUB_CENTRAL};
    cr_assert_eq(ipart__joint_threshold_class(subs, 2), IPART__CLASS_SUB_CENTRAL);
    const int utilities[] = {IPART__CLASS_UTILITY, IPART__CLASS_UTILITY};
    cr_assert_eq(ipart__joint_threshold_class(utilities, 2), IPART__CLASS_UTILITY);
    const int mixed[] = {IPART__CLASS_CENTRAL, IPART__CLASS_UTILITY};
    cr_assert_eq(ipart__joint_threshold_class(mixed, 2), -1);
}

Test(joint, the_kinds_table_maps_each_kind_to_its_threshold_class_on_its_dates)
{
    const ipart_date y2017 = {2017, 6, 1}, y2001 = {2001, 6, 1}, y2006 = {2006, 12, 31};
    /* The directives' four keep their meaning in every profile. */
    const char *profiles[] = {"NO", "SE", "DK", "EU"};
    for (size_t i = 0; i < 4; i++) {
        cr_assert_eq(ipart__kind_class_at(profiles[i], IPART__AUTH_CENTRAL_GOVERNMENT, y2017),
                     IPART__CLASS_CENTRAL);
        cr_assert_eq(ipart__kind_class_at(profiles[i], IPART__AUTH_SUB_CENTRAL, y2017),
                     IPART__CLASS_SUB_CENTRAL);
        cr_assert_eq(ipart__kind_class_at(profiles[i], IPART__AUTH_BODY_PUBLIC_LAW, y2017),
                     IPART__CLASS_SUB_CENTRAL);
        cr_assert_eq(ipart__kind_class_at(profiles[i], IPART__AUTH_UTILITY, y2017),
                     IPART__CLASS_UTILITY);
        cr_assert_eq(ipart__kind_class_at(profiles[i], IPART__AUTH_KNOWLEDGE_INSTITUTION, y2017),
                     IPART__CLASS_PARTICIPANT);
    }
    cr_assert_not_null(ipart__kind_row_at("NO", IPART__AUTH_HOSPITAL_TRUST, y2017));
    cr_assert_null(ipart__kind_row_at("NO", IPART__AUTH_HOSPITAL_TRUST, y2001));
    cr_assert_null(ipart__kind_row_at("SE", IPART__AUTH_HOSPITAL_TRUST, y2017));
    cr_assert_not_null(ipart__kind_row_at("DK", IPART__AUTH_COUNTY, y2006));
    cr_assert_null(ipart__kind_row_at("DK", IPART__AUTH_COUNTY, y2017));
    cr_assert_null(ipart__kind_row_at("DK", IPART__AUTH_REGION, y2006));
    /* A DK county named before 2007 keeps its class at a later notice. */
    cr_assert_eq(ipart__kind_class_at("DK", IPART__AUTH_COUNTY, y2017), IPART__CLASS_SUB_CENTRAL);
    const ipart__kind_row *rhf = ipart__kind_row_at("NO", IPART__AUTH_REGIONAL_HEALTH_AUTHORITY,
                                                    y2017);
    cr_assert(rhf->buys_for >> IPART__AUTH_HOSPITAL_TRUST & 1u);
    cr_assert_eq(rhf->buys_for & ~(1u << IPART__AUTH_HOSPITAL_TRUST), 0u);
    char buf[400];
    ipart__kinds_in_force(buf, sizeof buf, "DK", y2017, 1);
    cr_assert_str_eq(buf, "central_government, sub_central, body_governed_by_public_law, "
                          "utility, municipality, region");
    ipart__group_buyers(buf, sizeof buf, "NO", y2017);
    cr_assert_str_eq(buf, "regional_health_authority (for hospital_trust)");
    ipart__group_buyers(buf, sizeof buf, "SE", y2017);
    cr_assert_str_eq(buf, "no kind");
}

Test(joint, the_budget_query_names_what_it_cannot_answer)
{
    cJSON *kase = harness_load_case("procedure/joint_klimagrunn.json");
    ipart_partnership *p = harness_replay(kase, -1);
    ipart_authority_budget b;
    cr_assert_eq(ipart_partnership_joint_count(p), 3);
    cr_assert_eq(ipart_partnership_authority_budget(&b, p, "baerum"), IPART_ENOTFOUND);
    cr_assert_eq(ipart_partnership_authority_budget_at(&b, p, 3), IPART_ENOTFOUND);
    cr_assert_eq(ipart_partnership_authority_budget(NULL, p, "vegvesen"), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_authority_budget(&b, p, NULL), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_authority_budget_at(&b, NULL, 0), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_joint_count(NULL), 0);
    assert_ok(ipart_partnership_authority_budget(&b, p, "vegvesen"));
    cr_assert(b.lead && b.share == 5000 && b.risk_share == 4000 && !b.own_cap);
    /* The members' commitments add up to the contracts' (op05 4 100 000.00,
     * op08 and op11 settled at 800 000.00 and 1 520 000.00). */
    int64_t committed = 0;
    for (size_t i = 0; i < 3; i++) {
        assert_ok(ipart_partnership_authority_budget_at(&b, p, i));
        committed += b.committed.minor;
    }
    cr_assert_eq(committed, 642000000);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(joint, a_partnership_without_joint_authorities_has_no_budget_views)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, -1);
    ipart_authority_budget b;
    cr_assert_eq(ipart_partnership_joint_count(p), 0);
    cr_assert_eq(ipart_partnership_authority_budget(&b, p, "stavanger"), IPART_ENOTFOUND);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* R52: a consortium's members are parties; a member sees what its consortium sees. */
Test(joint, a_consortium_member_sees_as_its_consortium)
{
    cJSON *kase = harness_load_case("procedure/consortium_ostfold.json");
    ipart_partnership *p = harness_replay(kase, -1);
    ipart_party member;
    assert_ok(ipart_partnership_party_get(&member, p, "pasientrad"));
    cr_assert_eq(member.role, IPART_ROLE_MEMBER);
    cr_assert_str_eq(ipart_role_name(member.role), "member");
    cr_assert_str_eq(member.status, "member");
    char *seen = NULL, *group = NULL;
    assert_ok(ipart_partnership_view_json(&seen, p, "pasientrad"));
    assert_ok(ipart_partnership_view_json(&group, p, "op01"));
    const char *a = strstr(seen, "\"events\""), *b = strstr(group, "\"events\"");
    cr_assert(a && b);
    cr_assert_str_eq(a, b);
    cr_assert(strstr(seen, "\"party\":\"pasientrad\""));
    ipart_free(seen);
    ipart_free(group);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* R51: a joint authority taken over by a successor (authority_succeeded)
 * sends until the effective date, and only what its member entry's may_send
 * lists; the lead keeps sending everything. */
Test(joint, a_joint_authority_taken_over_is_held_to_its_may_send_until_it_goes)
{
    cJSON *kase = harness_load_case("procedure/joint_klimagrunn.json");
    ipart_partnership *p = harness_replay(kase, 35);
    assert_ok(ipart_partnership_apply(
        p, "{\"type\":\"authority_succeeded\",\"date\":\"2017-10-17\",\"actor\":\"vegvesen\","
           "\"predecessor\":\"statsbygg\",\"kind\":\"merger\",\"effective\":\"2018-01-01\","
           "\"successor\":{\"id\":\"statsbygg-ny\",\"name\":\"Statsbygg (ny)\","
           "\"kind\":\"central_government\"},\"takes_over\":\"rettigheter og plikter\","
           "\"basis\":\"kongelig resolusjon\"}"));
    char *before = NULL;
    assert_ok(ipart_partnership_save(&before, p));
#define ASSESSED_BY(actor)                                                                  \
    "{\"type\":\"candidate_assessed\",\"date\":\"2017-10-18\",\"actor\":\"" actor "\","        \
    "\"candidate\":\"op01\",\"qualified\":true,\"reason\":\"Oppfyller kravene.\"}"
    const char *event = ASSESSED_BY("statsbygg");
    cr_assert_eq(ipart_partnership_apply(p, event), IPART_ERULE);
    cr_assert_str_eq(ipart_error_last()->rule, "R51");
    cr_assert_str_eq(ipart_error_last()->key, "joint.may_send");
    char *after = NULL;
    assert_ok(ipart_partnership_save(&after, p));
    cr_assert_str_eq(before, after);
    assert_ok(ipart_partnership_apply(p, ASSESSED_BY("vegvesen")));
#undef ASSESSED_BY
    ipart_free(before);
    ipart_free(after);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* R54: a parent (here a follower) sees what the entities it buys for do; an
 * entity sees its own, never its parent's or a sibling's. */
Test(joint, a_parent_sees_its_entities_and_an_entity_only_itself)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    const char *events[] = {
        "{\"type\":\"partnership_created\",\"date\":\"2018-03-01\",\"actor\":\"telemark\","
        "\"authority\":{\"id\":\"telemark\",\"name\":\"Sykehuset Telemark HF\","
        "\"kind\":\"hospital_trust\"},\"title\":\"T\",\"currency\":\"NOK\"}",
        "{\"type\":\"follower_named\",\"date\":\"2018-03-01\",\"actor\":\"telemark\","
        "\"follower\":{\"id\":\"hso\",\"name\":\"Helse Sør-Øst RHF\","
        "\"kind\":\"regional_health_authority\"}}",
        "{\"type\":\"follower_named\",\"date\":\"2018-03-01\",\"actor\":\"telemark\","
        "\"follower\":{\"id\":\"ostfold\",\"name\":\"Sykehuset Østfold HF\","
        "\"kind\":\"hospital_trust\",\"parent\":\"hso\"}}",
        "{\"type\":\"follower_named\",\"date\":\"2018-03-01\",\"actor\":\"telemark\","
        "\"follower\":{\"id\":\"vestfold\",\"name\":\"Sykehuset i Vestfold HF\","
        "\"kind\":\"hospital_trust\",\"parent\":\"hso\"}}"};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
        assert_ok(ipart_partnership_apply(p, events[i]));
    ipart_party trust;
    assert_ok(ipart_partnership_party_get(&trust, p, "ostfold"));
    cr_assert_str_eq(trust.parent, "hso");
    assert_ok(ipart_partnership_party_get(&trust, p, "telemark"));
    cr_assert_str_eq(trust.parent, "");
    ipart_action action;
    ipart_partnership *hso = NULL, *vestfold = NULL;
    assert_ok(ipart_partnership_as_party(&hso, p, "hso"));
    assert_ok(ipart_partnership_as_party(&vestfold, p, "vestfold"));
    assert_ok(ipart_partnership_action_at(&action, hso, "ostfold", 0));
    assert_ok(ipart_partnership_action_at(&action, hso, "vestfold", 0));
    cr_assert_eq(ipart_partnership_action_at(&action, vestfold, "ostfold", 0), IPART_EPERM);
    cr_assert_eq(ipart_partnership_action_at(&action, vestfold, "hso", 0), IPART_EPERM);
    assert_ok(ipart_partnership_action_at(&action, vestfold, "vestfold", 0));
    ipart_partnership_free(hso);
    ipart_partnership_free(vestfold);
    ipart_partnership_free(p);
}

/* ---- external funding (doc/funding.md) ------------------------------------------------------ */

Test(joint, the_funding_query_names_what_it_cannot_answer)
{
    ipart_partnership *p = harness_load_procedure("funding_innovasjon_norge.json");
    ipart_funding_source f;
    cr_assert_eq(ipart_partnership_funding_count(p), 2);
    cr_assert_eq(ipart_partnership_funding_count(NULL), 0);
    cr_assert_eq(ipart_partnership_funding(&f, p, "vinnova"), IPART_ENOTFOUND);
    cr_assert_eq(ipart_partnership_funding_at(&f, p, 2), IPART_ENOTFOUND);
    cr_assert_eq(ipart_partnership_funding(NULL, p, "in-2018"), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_funding(&f, p, NULL), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_funding_at(&f, NULL, 0), IPART_EMISUSE);
    assert_ok(ipart_partnership_funding(&f, p, "in-2018"));
    cr_assert_str_eq(f.funder, "Innovasjon Norge");
    cr_assert_str_eq(f.funder_org_no, "986399445");
    cr_assert_str_eq(f.granted_to, "");
    cr_assert_str_eq(f.pays_for, "rnd prototype");
    cr_assert(f.has_valid_until && f.valid_until.year == 2020 && f.valid_until.month == 3);
    cr_assert(f.granted.year == 2018 && f.granted.month == 6 && f.granted.day == 20);
    cr_assert(f.drawn.minor == f.amount.minor && f.remaining.minor == 0);
    assert_ok(ipart_partnership_funding_at(&f, p, 1));
    cr_assert_str_eq(f.source, "hso-innovasjon");
    cr_assert(!f.has_valid_until);
    ipart_partnership_free(p);
    p = harness_load_procedure("stavanger.json");
    cr_assert_eq(ipart_partnership_funding_count(p), 0);
    cr_assert_eq(ipart_partnership_funding(&f, p, "in-2018"), IPART_ENOTFOUND);
    ipart_partnership_free(p);
}

/* Funding says who pays, not what may be committed: every cap row is the
 * one of the same procedure without funding. */
Test(joint, funding_changes_no_cap)
{
    ipart_partnership *funded = harness_load_procedure("funding_innovasjon_norge.json");
    ipart_partnership *plain = harness_load_procedure("no_without_reduction.json");
    cr_assert_eq(ipart_partnership_cap_count(funded), ipart_partnership_cap_count(plain));
    for (size_t i = 0; i < ipart_partnership_cap_count(plain); i++) {
        ipart_cap_status a, b;
        assert_ok(ipart_partnership_cap_at(&a, funded, i));
        assert_ok(ipart_partnership_cap_at(&b, plain, i));
        cr_assert(a.committed.minor == b.committed.minor && a.paid.minor == b.paid.minor &&
                  a.headroom.minor == b.headroom.minor && a.amount.minor == b.amount.minor);
    }
    ipart_partnership_free(funded);
    ipart_partnership_free(plain);
}

/* A clone draws on its own copy of a source. */
Test(joint, a_clone_draws_on_its_own_sources)
{
    cJSON *kase = harness_load_case("procedure/funding_innovasjon_norge.json");
    ipart_partnership *p = harness_replay(kase, 45), *copy = NULL;
    const cJSON *events = harness_member(harness_member(kase, "document"), "events");
    assert_ok(ipart_partnership_clone(&copy, p));
    harness_apply_json(copy, cJSON_GetArrayItem(events, 45), 45);
    ipart_funding_source f;
    assert_ok(ipart_partnership_funding(&f, copy, "in-2018"));
    cr_assert_eq(f.remaining.minor, 0);
    assert_ok(ipart_partnership_funding(&f, p, "in-2018"));
    cr_assert_eq(f.remaining.minor, 30000000);
    /* the clone's strings are its own: it outlives the original */
    ipart_partnership_free(p);
    p = NULL;
    assert_ok(ipart_partnership_funding_at(&f, copy, 1));
    cr_assert_str_eq(f.pays_for, "test_pilot");
    cr_assert_str_eq(f.funder, "Helse Sør-Øst RHF");
    ipart_partnership_free(copy);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* A grant to one joint authority (granted_to) pays only that authority's
 * part; another member's payment that names it is refused (R33), the lead's
 * is drawn on it. */
Test(joint, a_grant_to_one_member_pays_only_its_parts)
{
    cJSON *kase = harness_load_case("procedure/joint_klimagrunn.json");
    const cJSON *events = harness_member(harness_member(kase, "document"), "events");
    ipart_partnership *p = harness_replay(kase, 102);
    assert_ok(ipart_partnership_apply(p, "{\"type\":\"funding_granted\",\"date\":\"2018-06-20\","
                                         "\"actor\":\"vegvesen\",\"source\":\"vinnova-like\","
                                         "\"funder\":{\"name\":\"Innovasjon Norge\"},"
                                         "\"amount\":\"500000.00\",\"granted_to\":\"vegvesen\"}"));
    char *statsbygg = cJSON_PrintUnformatted(cJSON_GetArrayItem(events, 103));
    char *vegvesen = cJSON_PrintUnformatted(cJSON_GetArrayItem(events, 102));
    char text[512];
    snprintf(text, sizeof text, "%.*s,\"funded_by\":\"vinnova-like\"}", (int)strlen(statsbygg) - 1,
             statsbygg);
    char *before = NULL, *after = NULL;
    assert_ok(ipart_partnership_save(&before, p));
    cr_assert_eq(ipart_partnership_apply(p, text), IPART_ERULE);
    cr_assert_str_eq(ipart_error_last()->rule, "R33");
    cr_assert_str_eq(ipart_error_last()->path, "$.funded_by");
    cr_assert(strstr(ipart_error_last()->message, "only 'vegvesen' pays from it"));
    assert_ok(ipart_partnership_save(&after, p));
    cr_assert_str_eq(before, after);
    snprintf(text, sizeof text, "%.*s,\"funded_by\":\"vinnova-like\"}", (int)strlen(vegvesen) - 1,
             vegvesen);
    assert_ok(ipart_partnership_apply(p, text));
    ipart_funding_source f;
    assert_ok(ipart_partnership_funding(&f, p, "vinnova-like"));
    cr_assert_str_eq(f.granted_to, "vegvesen");
    cr_assert_eq(f.drawn.minor, 39500000);
    ipart_free(before);
    ipart_free(after);
    cJSON_free(statsbygg);
    cJSON_free(vegvesen);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}
