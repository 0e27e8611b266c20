// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/**
 * The records of the list-shaped queries against the JSON exports and the
 * golden cases: at every step of every golden procedure the typed tenderers,
 * ranking, actions, partner phases and forecast, and every rights answer,
 * carry exactly what the C library's JSON export says (rendered here from the
 * records, apart from the library's writers); rank stability likewise over
 * tests/cases/evaluation.
 */
@SuppressWarnings("deprecation") // the JSON exports are what the records are checked against
public class TypedTest {
    static final String[] PROCEDURES = {"stavanger.json", "no_without_reduction.json",
        "no_authority_owns.json", "se_initial_award.json", "se_negotiated.json", "dk_procedure.json",
        "works_at_threshold.json", "works_below_threshold.json"};

    private static JsonElement text(Optional<?> o) {
        return o.isPresent() ? new JsonPrimitive(o.get().toString()) : JsonNull.INSTANCE;
    }

    private static JsonPrimitive money(Money m) { return new JsonPrimitive(m.toString()); }

    private static JsonPrimitive day(LocalDate d) { return new JsonPrimitive(d.toString()); }

    private static JsonPrimitive points(BigDecimal d) {
        assertEquals(6, d.scale());
        return new JsonPrimitive(d.toPlainString());
    }

    private static JsonElement parse(String json) { return JsonParser.parseString(json); }

    static JsonObject tenderer(Tenderer t) {
        JsonObject o = new JsonObject();
        o.addProperty("id", t.id());
        o.addProperty("name", t.name());
        o.addProperty("status", t.status());
        o.addProperty("qualified", t.qualified());
        o.addProperty("invited", t.invited());
        o.addProperty("eliminated", t.eliminated());
        if (t.tender().isEmpty()) {
            o.add("tender", JsonNull.INSTANCE);
            return o;
        }
        Tenderer.Tender x = t.tender().get();
        JsonObject tender = new JsonObject();
        tender.addProperty("kind", x.kind());
        tender.addProperty("version", x.version());
        tender.add("price", money(x.price()));
        tender.add("development_price", money(x.developmentPrice()));
        tender.add("date", day(x.date()));
        o.add("tender", tender);
        return o;
    }

    static JsonObject ranked(Ranked r) {
        JsonObject o = new JsonObject();
        o.addProperty("tenderer", r.tenderer());
        o.addProperty("rank", r.rank());
        o.add("total", points(r.points()));
        o.addProperty("tied", r.tied());
        JsonObject scores = new JsonObject();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : r.scores().entrySet()) {
            scores.add(e.getKey(), points(e.getValue()));
            sum = sum.add(e.getValue());
        }
        assertEquals(r.points(), sum);
        o.add("scores", scores);
        return o;
    }

    static JsonObject action(Action a) {
        JsonObject o = new JsonObject();
        o.addProperty("type", a.type());
        o.addProperty("allowed", a.allowed());
        o.add("code", text(a.code()));
        o.add("rule", text(a.rule()));
        o.add("reason", text(a.reason()));
        o.add("reason_nb", text(a.reasonNb()));
        assertEquals(a.allowed(), a.code().isEmpty());
        return o;
    }

    static JsonObject phase(PartnerPhase ph) {
        JsonObject o = new JsonObject();
        o.addProperty("id", ph.id());
        o.addProperty("kind", ph.kind());
        o.add("due", day(ph.due()));
        o.add("price", money(ph.price()));
        o.addProperty("state", ph.state());
        JsonArray targets = new JsonArray();
        for (PartnerPhase.Target t : ph.targets()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", t.id());
            x.addProperty("status", t.status());
            targets.add(x);
        }
        o.add("targets", targets);
        JsonArray instalments = new JsonArray();
        for (PartnerPhase.Instalment in : ph.instalments()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", in.id());
            x.addProperty("target", in.target());
            x.add("amount", money(in.amount()));
            x.add("paid", money(in.paid()));
            x.addProperty("payable", in.payable());
            instalments.add(x);
        }
        o.add("instalments", instalments);
        return o;
    }

    static JsonObject forecast(Forecast f) {
        JsonObject o = new JsonObject();
        JsonArray rows = new JsonArray();
        for (Forecast.Payment p : f.payments()) {
            JsonObject x = new JsonObject();
            x.addProperty("partner", p.partner());
            x.add("phase", text(p.phase()));
            x.add("instalment", text(p.instalment()));
            x.add("due", text(p.due()));
            x.add("amount", money(p.amount()));
            x.addProperty("payable", p.payable());
            rows.add(x);
        }
        o.add("payments", rows);
        o.add("total", money(f.total()));
        return o;
    }

    static JsonObject rights(Rights r) {
        JsonObject o = new JsonObject();
        o.addProperty("party", r.party());
        o.addProperty("asset", r.asset());
        o.addProperty("event_count", r.eventCount());
        boolean[] answers = {r.owns(), r.use(), r.modify(), r.sublicense(), r.commercialise()};
        int k = 0;
        for (Map.Entry<String, Rights.Right> e : r.explanations().entrySet()) {
            Rights.Right why = e.getValue();
            assertEquals(answers[k++], why.answer());
            JsonObject x = new JsonObject();
            x.addProperty("answer", why.answer());
            x.addProperty("clause", why.clause());
            x.addProperty("rule", why.rule());
            x.addProperty("reason", why.reason());
            x.addProperty("reason_nb", why.reasonNb());
            o.add(e.getKey(), x);
        }
        assertEquals(5, k);
        return o;
    }

    private static <T> JsonArray array(List<T> rows, java.util.function.Function<T, JsonObject> f) {
        JsonArray out = new JsonArray();
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }

    private static void checkStep(Partnership p, String where) {
        assertEquals(where, parse(p.tenderersJson()), array(p.tenderers(), TypedTest::tenderer));
        Optional<List<Ranked>> ranking = p.ranking();
        if (ranking.isPresent())
            assertEquals(where, parse(p.rankingJson()), array(ranking.get(), TypedTest::ranked));
        else
            assertThrows(NotFoundException.class, p::rankingJson);
        for (Party party : p.parties())
            assertEquals(where, parse(p.actionsJson(party.id())),
                         array(p.actions(party.id()), TypedTest::action));
        for (Tenderer t : p.tenderers()) {
            if (!t.status().equals("partner") && !t.status().equals("terminated")
                && !t.status().equals("awarded"))
                continue;
            JsonObject export = parse(p.partnerJson(t.id())).getAsJsonObject();
            assertEquals(where, export.get("phases"), array(p.partnerPhases(t.id()), TypedTest::phase));
        }
        assertEquals(where, parse(p.forecastJson()), forecast(p.forecast()));
    }

    @Test
    public void recordsAreTheExportsAtEveryStepOfEveryGoldenProcedure() {
        for (String name : PROCEDURES) {
            JsonObject doc = PartnershipTest.doc(name);
            try (Partnership p = new Partnership(Cases.str(doc, "profile"))) {
                int i = 0;
                for (JsonElement ev : doc.getAsJsonArray("events")) {
                    p.apply(ev.toString());
                    checkStep(p, name + " after " + ++i + " events");
                }
            }
        }
    }

    @Test
    public void rightsRecordsAreTheExports() {
        for (String name : PROCEDURES) {
            try (Partnership p = PartnershipTest.replay(name, -1)) {
                int n = p.eventCount(), checked = 0;
                for (int at : new int[] {n, n - 3})
                    for (Party party : p.parties())
                        for (Tenderer t : p.tenderers())
                            for (String kind : new String[] {"foreground", "background"}) {
                                String asset = t.id() + "." + kind;
                                String export;
                                try {
                                    export = p.rightsJson(at, party.id(), asset);
                                } catch (IpartException e) {
                                    assertThrows(e.getClass(), () -> p.rights(party.id(), asset, at));
                                    continue;
                                }
                                assertEquals(parse(export), rights(p.rights(party.id(), asset, at)));
                                checked++;
                            }
                assertTrue(name, checked > 0);
            }
        }
    }

    @Test
    public void eventHeadersAndWithheldCountsAreTheJson() {
        for (String name : PROCEDURES) {
            try (Partnership p = PartnershipTest.replay(name, -1)) {
                for (int i = 0; i < p.eventCount(); i++) {
                    JsonObject ev = parse(p.event(i)).getAsJsonObject();
                    EventHeader h = p.eventHeader(i);
                    assertEquals(Cases.str(ev, "type"), h.type());
                    assertEquals(LocalDate.parse(Cases.str(ev, "date")), h.date());
                    assertEquals(Cases.str(ev, "actor"), h.actor());
                }
                assertThrows(NotFoundException.class, () -> p.eventHeader(p.eventCount()));
                for (Party party : p.parties())
                    assertEquals(parse(p.viewJson(party.id())).getAsJsonObject().get("withheld").getAsInt(),
                                 p.viewWithheld(party.id()));
                assertThrows(NotFoundException.class, () -> p.viewWithheld("nobody"));
            }
        }
    }

    /** The typed stability in the shape of its JSON export (indices, millionths). */
    static JsonObject asExport(Stability s, Evaluation e) {
        List<String> t = e.tenderNames(), c = e.criterionNames();
        JsonObject o = new JsonObject();
        JsonArray totals = new JsonArray(), ranks = new JsonArray(), top = new JsonArray();
        for (Stability.Tender r : s.tenders()) {
            totals.add(r.points().movePointRight(6).longValueExact());
            ranks.add(r.rank());
        }
        s.tiedAtTop().forEach(x -> top.add(t.indexOf(x)));
        o.add("totals", totals);
        o.add("ranks", ranks);
        o.add("winner", s.winner().isPresent() ? new JsonPrimitive(t.indexOf(s.winner().get()))
                                               : JsonNull.INSTANCE);
        o.add("tied_at_top", top);
        JsonArray pairs = new JsonArray();
        for (Stability.Pair p : s.pairs()) {
            JsonObject x = new JsonObject();
            x.addProperty("ahead", t.indexOf(p.ahead()));
            x.addProperty("behind", t.indexOf(p.behind()));
            x.addProperty("margin", p.margin().movePointRight(6).longValueExact());
            x.add("swap", p.swap().isPresent() ? shift(p.swap().get(), c) : JsonNull.INSTANCE);
            pairs.add(x);
        }
        o.add("pairs", pairs);
        if (s.winnerChange().isPresent()) {
            JsonObject w = new JsonObject();
            w.addProperty("challenger", t.indexOf(s.winnerChange().get().challenger()));
            shift(s.winnerChange().get().shift(), c).entrySet().forEach(x -> w.add(x.getKey(), x.getValue()));
            o.add("winner_change", w);
        } else {
            o.add("winner_change", JsonNull.INSTANCE);
        }
        JsonArray removals = new JsonArray();
        for (Stability.Removal r : s.removals()) {
            JsonObject x = new JsonObject();
            x.addProperty("removed", t.indexOf(r.removed()));
            x.addProperty("reversal", r.reversal());
            x.addProperty("changed_pairs", r.changedPairs());
            if (r.pair().isPresent()) {
                JsonArray pair = new JsonArray();
                r.pair().get().forEach(n -> pair.add(t.indexOf(n)));
                x.add("pair", pair);
            } else {
                x.add("pair", JsonNull.INSTANCE);
            }
            x.add("winner_after", r.winnerAfter().isPresent()
                ? new JsonPrimitive(t.indexOf(r.winnerAfter().get())) : JsonNull.INSTANCE);
            removals.add(x);
        }
        o.add("removals", removals);
        return o;
    }

    private static JsonObject shift(Stability.WeightShift w, List<String> criteria) {
        JsonObject x = new JsonObject();
        x.addProperty("from", criteria.indexOf(w.fromCriterion()));
        x.addProperty("to", criteria.indexOf(w.toCriterion()));
        x.addProperty("basis_points", w.basisPoints());
        return x;
    }

    @Test
    public void stabilityRecordsAreTheExportAndTheGoldenAnswers() {
        JsonObject file = Cases.load("evaluation/scoring.json").getAsJsonObject();
        for (JsonElement el : Cases.list(file, "stability")) {
            JsonObject kase = el.getAsJsonObject();
            String name = Cases.str(kase, "name");
            try (Evaluation e = EvaluationTest.evaluation(kase)) {
                long[] w = EvaluationTest.longs(kase.getAsJsonArray("weights"));
                JsonObject typed = asExport(e.stability(w), e);
                assertEquals(name, parse(e.stabilityJson(w)), typed);
                assertEquals(name, kase.get("winner"), typed.get("winner"));
                assertEquals(name, kase.get("winner_change"), typed.get("winner_change"));
            }
        }
    }

    @Test
    public void namedEvaluationsNameTheirTenders() {
        long[] kinds = {Evaluation.PRICE, Evaluation.QUALITY};
        long[] values = {100, 8, 120, 9};
        try (Evaluation e = new Evaluation(PriceModel.RELATIVE, 0, 10, kinds, values,
                                           List.of("op01", "op02"), List.of("price", "quality"))) {
            Stability s = e.stability(new long[] {5000, 5000});
            assertEquals(List.of("op01", "op02"), e.tenderNames());
            assertEquals("op01", s.tenders().get(0).tender());
            assertTrue(s.winner().isPresent());
            assertEquals(1, s.pairs().size());
        }
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(PriceModel.RELATIVE, 0, 10,
            kinds, values, List.of("only one"), null));
    }
}
