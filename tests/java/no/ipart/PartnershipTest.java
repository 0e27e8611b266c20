// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.ipart.swig.IpartCapi;
import org.junit.Test;

/** The procedure, driven by tests/cases/procedure and tests/cases/documents. */
public class PartnershipTest {
    private static final String[] VALID = {"stavanger.json", "no_without_reduction.json",
        "se_initial_award.json", "se_negotiated.json", "dk_procedure.json",
        "no_authority_owns.json", "works_below_threshold.json", "works_at_threshold.json",
        "joint_klimagrunn.json", "joint_se_regions.json", "consortium_ostfold.json",
        "se_declined.json", "dfo_sub_deliveries.json",
        "troms_finnmark_dialogue.json", "dk_need_mapping.json", "stavanger_after_option.json",
        "helse_sor_ost_group.json"};

    static JsonObject doc(String base) {
        return Cases.load("procedure/" + base).getAsJsonObject().getAsJsonObject("document");
    }

    static Partnership replay(String base, int count) {
        JsonObject d = doc(base);
        Partnership p = new Partnership(Cases.str(d, "profile"));
        JsonArray events = d.getAsJsonArray("events");
        for (int i = 0; i < (count < 0 ? events.size() : count); i++)
            p.apply(events.get(i).toString());
        return p;
    }

    /* The keys a partner's expectation may give, read from the facade's record. */
    private static final Map<String, Function<PartnerStatus, String>> PARTNER_KEYS = Map.of(
        "state", PartnerStatus::state,
        "phase", s -> s.phase().orElse(""),
        "paid", s -> s.paid().toString(),
        "owed_on_termination", s -> s.owedOnTermination().toString(),
        "changes", s -> s.changes().toString(),
        "change_limit", s -> s.changeLimit().toString(),
        "value", s -> s.value().toString(),
        "payable", s -> s.payable().toString(),
        "option_quantity", s -> Long.toString(s.optionQuantity()));

    /* A golden row: strings, numbers, booleans, null for an absent value, lists as arrays. */
    private static JsonArray row(Object... values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            if (v instanceof Optional<?> o)
                v = o.orElse(null);
            if (v == null)
                a.add(com.google.gson.JsonNull.INSTANCE);
            else if (v instanceof String t)
                a.add(t);
            else if (v instanceof Boolean b)
                a.add(b);
            else if (v instanceof Number n)
                a.add(n);
            else if (v instanceof List<?> l)
                a.add(row(l.toArray()));
            else
                a.add(v.toString());
        }
        return a;
    }

    /* The "dialogue" key of a checkpoint or expectation: every row, in order. */
    static void checkDialogue(Partnership p, JsonObject want, String context) {
        JsonArray got = new JsonArray();
        if (want.has("facets")) {
            p.needFacets().forEach(f -> got.add(row(f.mapping(), f.facet(), f.evidence(), f.described())));
            assertEquals(context, want.get("facets"), got);
            assertTrue(p.needFacets().stream().allMatch(f -> !f.finding().isEmpty() && f.consulted() > 0));
        }
        if (want.has("activities")) {
            JsonArray a = new JsonArray();
            p.dialogueActivities().forEach(d -> a.add(row(d.activity(), d.kind(), d.supplier(), d.unshared())));
            assertEquals(context, want.get("activities"), a);
        }
        if (want.has("contacts"))
            assertEquals(context, want.get("contacts").getAsInt(), p.dialogueContacts().size());
        if (want.has("information")) {
            JsonArray a = new JsonArray();
            p.dialogueInformation().forEach(n -> a.add(row(n.id(), n.givenTo(), n.mustShare(), n.sharedOn())));
            assertEquals(context, want.get("information"), a);
        }
        if (want.has("pairs")) {
            JsonArray a = new JsonArray();
            p.dialoguePairs().forEach(r -> a.add(row(r.activity(), r.authority(), r.smes(), r.knowledgeInstitutions())));
            assertEquals(context, want.get("pairs"), a);
        }
    }

    /* "partners", "caps", "warnings" and "dialogue" of a checkpoint or expectation. */
    static void checkContract(Partnership p, JsonObject keys, String context) {
        if (keys.has("dialogue"))
            checkDialogue(p, keys.getAsJsonObject("dialogue"), context);
        if (keys.has("partners"))
            for (Map.Entry<String, JsonElement> e : keys.getAsJsonObject("partners").entrySet()) {
                PartnerStatus s = p.partner(e.getKey());
                for (Map.Entry<String, JsonElement> k : e.getValue().getAsJsonObject().entrySet())
                    assertEquals(context + " " + e.getKey() + "." + k.getKey(),
                        k.getValue().getAsString(), PARTNER_KEYS.get(k.getKey()).apply(s));
            }
        if (keys.has("caps"))
            for (JsonElement el : keys.getAsJsonArray("caps")) {
                JsonObject want = el.getAsJsonObject();
                String partner = want.has("partner") ? Cases.str(want, "partner") : "";
                CapStatus row = p.caps().stream()
                    .filter(c -> c.cap().equals(Cases.str(want, "cap")) && c.partner().orElse("").equals(partner))
                    .findFirst().orElseThrow();
                if (want.has("committed"))
                    assertEquals(context, Cases.str(want, "committed"), row.committed().toString());
                if (want.has("paid"))
                    assertEquals(context, Cases.str(want, "paid"), row.paid().toString());
                if (want.has("headroom"))
                    assertEquals(context, Cases.str(want, "headroom"), row.headroom().toString());
            }
        if (keys.has("authority_budgets")) {
            JsonArray want = keys.getAsJsonArray("authority_budgets");
            List<AuthorityBudget> got = p.authorityBudgets();
            assertEquals(context, want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                JsonObject w = want.get(i).getAsJsonObject();
                AuthorityBudget b = got.get(i);
                assertEquals(context, Cases.str(w, "authority"), b.authority());
                assertEquals(context, b, p.authorityBudget(b.authority()));
                Map<String, String> values = Map.of("share", Long.toString(b.share()),
                    "risk_share", Long.toString(b.riskShare()), "committed", b.committed().toString(),
                    "option_committed", b.optionCommitted().toString(), "paid", b.paid().toString(),
                    "cap", b.cap().toString(), "headroom", b.headroom().toString());
                for (Map.Entry<String, JsonElement> k : w.entrySet())
                    if (!k.getKey().equals("authority"))
                        assertEquals(context + " " + b.authority() + "." + k.getKey(),
                            k.getValue().getAsString(), values.get(k.getKey()));
            }
        }
        if (keys.has("funding")) {
            JsonArray want = keys.getAsJsonArray("funding");
            List<FundingSource> got = p.funding();
            assertEquals(context, want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                JsonObject w = want.get(i).getAsJsonObject();
                FundingSource f = got.get(i);
                assertEquals(context, Cases.str(w, "source"), f.source());
                assertEquals(context, f, p.fundingSource(f.source()));
                Map<String, String> values = new java.util.HashMap<>(Map.of("funder", f.funder(),
                    "funder_org_no", f.funderOrgNo().orElse(""), "granted_to", f.grantedTo().orElse(""),
                    "pays_for", String.join(" ", f.paysFor()), "amount", f.amount().toString(),
                    "drawn", f.drawn().toString(), "remaining", f.remaining().toString()));
                values.put("valid_until", f.validUntil().map(LocalDate::toString).orElse(null));
                for (Map.Entry<String, JsonElement> k : w.entrySet())
                    if (!k.getKey().equals("source"))
                        assertEquals(context + " " + f.source() + "." + k.getKey(),
                            k.getValue().isJsonNull() ? null : k.getValue().getAsString(),
                            values.get(k.getKey()));
            }
        }
        if (keys.has("warnings")) {
            JsonArray want = keys.getAsJsonArray("warnings");
            List<RuleWarning> got = p.warnings();
            assertEquals(context, want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                JsonObject w = want.get(i).getAsJsonObject();
                assertEquals(context, w.get("event").getAsLong(), got.get(i).event());
                assertEquals(context, Cases.str(w, "rule"), got.get(i).rule());
                assertNotEquals(context + " has no Norwegian", got.get(i).message(),
                                got.get(i).messageNb());
            }
        }
        if (keys.has("statuses"))
            for (Map.Entry<String, JsonElement> e : keys.getAsJsonObject("statuses").entrySet())
                assertEquals(context + " " + e.getKey(), e.getValue().getAsString(),
                             p.party(e.getKey()).status());
        if (keys.has("kinds"))
            for (Map.Entry<String, JsonElement> e : keys.getAsJsonObject("kinds").entrySet()) {
                JsonObject want = e.getValue().getAsJsonObject();
                Party got = p.party(e.getKey());
                assertEquals(context + " " + e.getKey(), Cases.str(want, "kind"), got.kind());
                assertEquals(context + " " + e.getKey(), Cases.str(want, "parent"), got.parent());
            }
        if (keys.has("actions"))
            for (JsonElement el : keys.getAsJsonArray("actions")) {
                JsonObject want = el.getAsJsonObject();
                String what = context + " " + Cases.str(want, "party") + " " + Cases.str(want, "type");
                Action got = p.actions(Cases.str(want, "party")).stream()
                    .filter(a -> a.type().equals(Cases.str(want, "type"))).findFirst().orElseThrow();
                assertEquals(what + ": " + got.reason(), want.get("allowed").getAsBoolean(), got.allowed());
                if (want.has("code"))
                    assertEquals(what, Cases.str(want, "code"), got.code().orElse(""));
                assertEquals(what, want.has("rule") ? Cases.str(want, "rule") : "", got.rule().orElse(""));
                assertEquals(what, got.allowed(), got.reasonNb().isEmpty());
                if (!got.allowed())
                    assertNotEquals(what + " has no Norwegian", got.reason(), got.reasonNb());
            }
    }

    @Test
    public void validProcedures() {
        for (String name : VALID) {
            JsonObject kase = Cases.load("procedure/" + name).getAsJsonObject();
            JsonObject d = kase.getAsJsonObject("document");
            try (Partnership p = new Partnership(Cases.str(d, "profile"))) {
                JsonArray events = d.getAsJsonArray("events");
                for (int i = 0; i < events.size(); i++) {
                    p.apply(events.get(i).toString());
                    for (JsonElement cpe : kase.getAsJsonArray("checkpoints")) {
                        JsonObject cp = cpe.getAsJsonObject();
                        if (cp.get("after").getAsInt() != i + 1)
                            continue;
                        checkContract(p, cp, name + " after " + (i + 1));
                        if (cp.has("stage"))
                            assertEquals(name + " after " + (i + 1), Cases.str(cp, "stage"), p.stage().jsonName());
                        if (cp.has("party_count"))
                            assertEquals(cp.get("party_count").getAsInt(), p.parties().size());
                        if (cp.has("next_due")) {
                            Optional<Due> due = p.nextDue();
                            if (cp.get("next_due").isJsonNull()) {
                                assertFalse(due.isPresent());
                            } else {
                                JsonObject want = cp.getAsJsonObject("next_due");
                                assertEquals(Cases.str(want, "kind"), due.get().kind());
                                assertEquals(Cases.str(want, "date"), due.get().date().toString());
                            }
                        }
                    }
                }
                JsonObject expect = kase.getAsJsonObject("expect");
                checkContract(p, expect, name);
                if (expect.has("stage"))
                    assertEquals(Cases.str(expect, "stage"), p.stage().jsonName());
                if (expect.has("event_count"))
                    assertEquals(expect.get("event_count").getAsInt(), p.eventCount());
                if (expect.has("awarded_sum"))
                    assertEquals(Cases.str(expect, "awarded_sum"), p.awardedSum().toString());
                if (expect.has("estimated_value")) {
                    ThresholdVerdict v = p.threshold();
                    assertEquals(Cases.str(expect, "estimated_value"), v.estimatedValue().toString());
                    assertEquals(Cases.str(expect, "threshold"), v.threshold().toString());
                    assertEquals(expect.get("above_threshold").getAsBoolean(), v.above());
                }
                if (expect.has("ranking")) {
                    List<Ranked> got = p.ranking().orElseThrow();
                    JsonArray want = expect.getAsJsonArray("ranking");
                    assertEquals(want.size(), got.size());
                    for (int i = 0; i < want.size(); i++) {
                        JsonObject w = want.get(i).getAsJsonObject();
                        Ranked g = got.get(i);
                        assertEquals(Cases.str(w, "tenderer"), g.tenderer());
                        assertEquals(w.get("rank").getAsInt(), g.rank());
                        if (w.has("total"))
                            assertEquals(new BigDecimal(Cases.str(w, "total")), g.points());
                    }
                }
                String saved = p.dumps();
                try (Partnership loaded = Partnership.loads(saved);
                     Partnership original = Partnership.loads(d.toString())) {
                    assertEquals(saved, loaded.dumps());
                    assertEquals(saved, original.dumps());
                }
            }
        }
    }

    @Test
    public void everyRejectionNamesItsRuleAndChangesNothing() {
        int checked = 0;
        for (JsonElement el : Cases.load("procedure/rejections.json").getAsJsonArray()) {
            JsonObject k = el.getAsJsonObject();
            String name = Cases.str(k, "name");
            try (Partnership p = replay(Cases.str(k, "base"), k.get("prefix").getAsInt())) {
                String before = p.dumps();
                int count = p.eventCount();
                Stage stage = p.stage();
                String event = k.has("event_text") ? Cases.str(k, "event_text") : k.get("event").toString();
                IpartException e = assertThrows(name, IpartException.class, () -> p.apply(event));
                assertEquals(name, Cases.str(k, "code"), e.name());
                assertTrue(name, Cases.exceptionFor(Cases.str(k, "code")).isInstance(e));
                if (Cases.has(k, "rule"))
                    assertEquals(name + ": " + e.getMessage(), Cases.str(k, "rule"), e.rule());
                if (Cases.has(k, "path"))
                    assertEquals(name, Cases.str(k, "path"), e.path());
                if (k.has("message_contains"))
                    for (JsonElement figure : k.getAsJsonArray("message_contains"))
                        assertTrue(name + ": " + figure.getAsString() + " not in " + e.getMessage(),
                                   e.getMessage().contains(figure.getAsString()));
                // Each golden refusal reads in Norwegian; other languages get English.
                assertNotEquals(name + ": no Norwegian text for " + e.key(), e.getMessage(),
                                e.messageIn("nb"));
                assertEquals(name, e.getMessage(), e.messageIn("en"));
                assertEquals(name, e.getMessage(), e.messageIn("sv"));
                assertEquals(name, before, p.dumps());
                assertEquals(count, p.eventCount());
                assertEquals(stage, p.stage());
            }
            checked++;
        }
        assertTrue(checked > 80);
    }

    @Test
    public void aRefusalReadsInNorwegianOrEnglishWithOneKeyAndRule() {
        // R6: a request deadline 2017-10-13 is too early for the notice of stavanger.json.
        try (Partnership p = replay("stavanger.json", 9)) {
            JsonObject notice = doc("stavanger.json").getAsJsonArray("events").get(9).getAsJsonObject();
            notice.addProperty("request_deadline", "2017-10-13");
            RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> p.apply(notice.toString()));
            assertEquals("R6", e.rule());
            assertEquals("notice.deadline.short", e.key());
            assertEquals("the request deadline 2017-10-13 is too early: at least 30 days from the day "
                         + "after dispatch gives 2017-10-16 (R6)", e.messageIn("en"));
            assertEquals("fristen for forespørsel om deltakelse 2017-10-13 er for tidlig: minst 30 "
                         + "dager fra dagen etter utsendelse gir 2017-10-16 (R6)", e.messageIn("nb"));
            assertEquals(e.getMessage(), e.messageIn("en"));
            assertEquals("a language without a catalogue reads English", e.getMessage(), e.messageIn("sv"));
            assertEquals(e.getMessage(), e.messageIn(null));
            // Captured when thrown: a later failure on this thread does not change it.
            String nb = e.messageIn("nb");
            assertThrows(ParseException.class, () -> Dates.parse("2017-2-1"));
            assertEquals(nb, e.messageIn("nb"));
        }
    }

    @Test
    public void invalidDocuments() {
        for (JsonElement el : Cases.load("documents/invalid.json").getAsJsonArray()) {
            JsonObject k = el.getAsJsonObject();
            IpartException e = assertThrows(Cases.str(k, "name"), IpartException.class,
                () -> Partnership.loads(Cases.str(k, "text")));
            assertEquals(Cases.str(k, "name"), Cases.str(k, "code"), e.name());
            if (Cases.has(k, "path"))
                assertEquals(Cases.str(k, "name"), Cases.str(k, "path"), e.path());
        }
    }

    @Test
    public void copyIsIndependent() {
        JsonArray events = doc("stavanger.json").getAsJsonArray("events");
        try (Partnership p = replay("stavanger.json", 30); Partnership q = p.clone()) {
            assertEquals(p.dumps(), q.dumps());
            q.apply(events.get(30).toString());
            assertEquals(p.eventCount() + 1, q.eventCount());
            assertNotEquals(p.dumps(), q.dumps());
        }
    }

    @Test
    public void queries() {
        try (Partnership p = replay("stavanger.json", 92)) {
            assertEquals("NO", p.profile());
            assertEquals("NOK", p.currency());
            assertEquals(Stage.DEVELOPMENT, p.stage());
            Party authority = p.parties().get(0);
            assertEquals(Role.AUTHORITY, authority.role());
            assertEquals("authority", authority.role().jsonName());
            assertEquals("operator", Role.OPERATOR.jsonName());
            assertEquals("sub_central", authority.kind());
            assertEquals(3, p.parties().stream().filter(x -> x.role() == Role.FOLLOWER).count());
            List<Tenderer> tenderers = p.tenderers();
            assertEquals(22, tenderers.size());
            assertEquals(3, tenderers.stream().filter(t -> t.status().equals("partner")).count());
            assertEquals(Money.parse("12000000.00", "NOK"), p.budgetCap());
            assertTrue(p.awardedSum().compareTo(p.budgetCap()) <= 0);
            assertFalse(p.nextDue().isPresent());
            assertEquals(p.eventCount(), p.events().size());
            assertTrue(p.event(0).startsWith("{\"type\":\"partnership_created\""));
            assertThrows(NotFoundException.class, () -> p.event(10000));
            List<Action> actions = p.actions(authority.id());
            long types = IpartCapi.ipart_partnership_action_count(null);
            assertEquals("one entry per event type of the library", types, actions.size());
            assertEquals("each event type once", types,
                         actions.stream().map(Action::type).distinct().count());
            Action negotiation = actions.stream().filter(a -> a.type().equals("negotiation_held"))
                .findFirst().orElseThrow();
            assertFalse(negotiation.allowed());
            assertTrue(negotiation.code().isPresent() && negotiation.reason().isPresent());
        }
    }

    @Test
    public void negotiationIsClosedByR14AfterTheCallForFinalTenders() {
        JsonArray events = doc("stavanger.json").getAsJsonArray("events");
        int upto = 0;
        while (!events.get(upto).getAsJsonObject().get("type").getAsString().equals("final_tenders_called"))
            upto++;
        try (Partnership p = replay("stavanger.json", upto + 1)) {
            Action negotiation = p.actions("stavanger").stream()
                .filter(a -> a.type().equals("negotiation_held")).findFirst().orElseThrow();
            assertFalse(negotiation.allowed());
            assertEquals(Optional.of("R14"), negotiation.rule());
            assertEquals("final_tender_deadline", p.nextDue().get().kind());
        }
    }

    @Test
    public void anExpiredOptionIsRefusedInTheActionsWithItsDate() {
        try (Partnership p = replay("stavanger.json", 123)) {
            p.apply("{\"type\": \"note_recorded\", \"date\": \"2022-01-03\", \"actor\": \"stavanger\", "
                    + "\"text\": \"Opsjonen er utløpt.\"}");
            Action option = p.actions("kristiansand").stream()
                .filter(a -> a.type().equals("option_exercised")).findFirst().orElseThrow();
            assertFalse(option.allowed());
            assertEquals(Optional.of("R28"), option.rule());
            assertTrue(option.reason().orElse(""), option.reason().orElse("").contains("2021-12-31"));
            // the same refusal in Norwegian: the same rule and date, another text (issue #15)
            String nb = option.reasonNb().orElse("");
            assertTrue(nb, nb.contains("2021-12-31") && nb.contains("(R28)"));
            assertNotEquals(option.reason(), option.reasonNb());
            assertEquals(option.reasonNb(), option.reasonIn("nb"));
            assertEquals(option.reason(), option.reasonIn("en"));
            assertEquals(option.reason(), option.reasonIn("sv"));
            assertEquals(option.reason(), option.reasonIn(null));
            Action allowed = p.actions("stavanger").stream().filter(Action::allowed).findFirst()
                .orElseThrow();
            assertEquals(Optional.empty(), allowed.reasonNb());
            assertEquals(Optional.empty(), allowed.reasonIn("nb"));
        }
    }

    @Test
    public void closedPartnershipRefusesUseAndCloseIsIdempotent() {
        Partnership p = new Partnership("NO");
        p.close();
        p.close();
        assertThrows(IllegalStateException.class, p::eventCount);
        assertEquals("Partnership[closed]", p.toString());
        assertThrows(InvalidArgumentException.class, () -> new Partnership("XX"));
        try (Partnership q = new Partnership("NO")) {
            assertThrows(ParseException.class, () -> q.apply("{not json"));
            assertThrows(MisuseException.class, () -> q.apply(null));
            assertEquals(0, q.eventCount());
        }
    }

    /* The document of a threshold case (tests/cases/rules/thresholds.json). */
    private static String thresholdDocument(JsonArray template, JsonObject kase) {
        JsonArray events = template.deepCopy();
        for (JsonElement ev : events)
            ev.getAsJsonObject().addProperty("date", Cases.str(kase, "date"));
        JsonObject created = events.get(0).getAsJsonObject();
        created.addProperty("currency", Cases.str(kase, "currency"));
        created.getAsJsonObject("authority").addProperty("kind", Cases.str(kase, "authority_kind"));
        events.get(1).getAsJsonObject().addProperty("contract_type", Cases.str(kase, "contract_type"));
        JsonObject doc = new JsonObject();
        doc.addProperty("format", "ipart-document");
        doc.addProperty("version", 1);
        doc.addProperty("profile", Cases.str(kase, "profile"));
        doc.add("events", events);
        return doc.toString();
    }

    @Test
    public void thresholdAtEachBoundaryDate() {
        JsonObject file = Cases.load("rules/thresholds.json").getAsJsonObject();
        JsonArray template = file.getAsJsonArray("template");
        int checked = 0;
        for (JsonElement el : file.getAsJsonArray("cases")) {
            JsonObject kase = el.getAsJsonObject();
            try (Partnership p = Partnership.loads(thresholdDocument(template, kase))) {
                if (kase.has("error")) {
                    Cases.expectError(kase, p::threshold);
                } else {
                    ThresholdVerdict v = p.threshold();
                    assertEquals(kase.toString(), Cases.str(kase, "threshold"), v.threshold().toString());
                    assertEquals(kase.toString(), Cases.str(kase, "currency"), v.threshold().currency());
                    assertEquals(kase.toString(), Cases.date(kase, "valid_from"), v.validFrom());
                }
            }
            checked++;
        }
        assertTrue(checked > 100);
    }

    @Test
    public void dialogueReportSaysWhoTookPartAndWhatWasShared() {
        try (Partnership before = replay("troms_finnmark_dialogue.json", 12)) {
            JsonObject report = JsonParser.parseString(before.dialogueJson()).getAsJsonObject();
            assertEquals(1, report.get("unshared").getAsInt());
        }
        try (Partnership p = replay("troms_finnmark_dialogue.json", -1)) {
            JsonObject report = JsonParser.parseString(p.dialogueJson()).getAsJsonObject();
            assertEquals(0, report.get("unshared").getAsInt());
            assertEquals("troms", report.getAsJsonObject("authority").get("id").getAsString());
            DialogueInformation budget = p.dialogueInformation().stream()
                .filter(n -> n.id().equals("d3-budget")).findFirst().orElseThrow();
            assertEquals(Optional.of("arctic"), budget.givenTo());
            assertTrue(budget.mustShare());
            assertEquals(Optional.of(java.time.LocalDate.of(2021, 2, 24)), budget.sharedOn());
            DialogueActivity webinar = p.dialogueActivities().get(0);
            assertEquals("webinar", webinar.kind());
            assertEquals(64, webinar.attendance().getAsLong());
            DialogueContact uit = p.dialogueContacts().stream()
                .filter(c -> c.activity().equals("d6") && c.id().equals("uit")).findFirst().orElseThrow();
            assertEquals("participant", uit.role());
            assertEquals(Optional.of("knowledge_institution"), uit.kind());
            assertEquals(Optional.empty(), uit.sme());
            assertEquals(Optional.of("lup"), p.dialoguePairs().get(0).matchedBy());
            assertEquals(java.util.Set.of("arctic", "bigco", "nordlys"), p.dialogueContacts().stream()
                .filter(DialogueContact::applied).map(DialogueContact::id).collect(java.util.stream.Collectors.toSet()));
            assertEquals(Role.PARTICIPANT, p.party("uit").role());
        }
        try (Partnership empty = new Partnership("NO")) {
            assertThrows(StateException.class, empty::dialogueJson);
        }
        try (Partnership dk = replay("dk_need_mapping.json", -1)) {
            assertTrue(dk.needFacets().stream().allMatch(f -> f.described() && f.consulted() == 4));
            assertEquals(5, dk.needFacets().stream().map(NeedFacet::facet).distinct().count());
        }
    }

    /* ---- batches (applyAll, ipart_partnership_apply_all) ---- */

    @Test
    public void aBatchAppliesLikeALoad() {
        JsonObject d = doc("stavanger.json");
        try (Partnership p = new Partnership(Cases.str(d, "profile"));
             Partnership loaded = Partnership.loads(d.toString())) {
            p.applyAll(d.getAsJsonArray("events").toString());
            assertEquals(loaded.dumps(), p.dumps());
        }
    }

    @Test
    public void aBatchStopsAtTheFirstRefusedEventAndKeepsThoseBefore() {
        JsonObject d = doc("stavanger.json");
        JsonArray events = d.getAsJsonArray("events").deepCopy();
        events.get(11).getAsJsonObject().addProperty("date", "2017-01-01");
        try (Partnership p = new Partnership(Cases.str(d, "profile"));
             Partnership prefix = replay("stavanger.json", 11)) {
            StateException e = assertThrows(StateException.class, () -> p.applyAll(events.toString()));
            assertEquals("$[11]", e.path());
            assertEquals(11, p.eventCount());
            assertEquals(prefix.dumps(), p.dumps());
            String before = p.dumps();
            assertThrows(ParseException.class, () -> p.applyAll("[{},"));
            assertThrows(InvalidArgumentException.class, () -> p.applyAll("{}"));
            assertEquals(before, p.dumps());
        }
    }
}
