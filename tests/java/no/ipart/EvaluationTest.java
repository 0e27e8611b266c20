// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Tender evaluation: the golden cases of tests/cases/evaluation, as in C and Python. */
public class EvaluationTest {
    private static final JsonObject FILE = Cases.load("evaluation/scoring.json").getAsJsonObject();

    static long[] longs(JsonArray a) {
        return java.util.stream.StreamSupport.stream(a.spliterator(), false)
            .flatMapToLong(e -> e.isJsonArray() ? Arrays.stream(longs(e.getAsJsonArray()))
                                                : java.util.stream.LongStream.of(e.getAsLong()))
            .toArray();
    }

    static Evaluation evaluation(JsonObject kase) {
        JsonObject src = kase.has("set") ? FILE.getAsJsonObject("sets").getAsJsonObject(Cases.str(kase, "set")) : kase;
        JsonArray kindNames = src.getAsJsonArray("kinds");
        long[] kinds = new long[kindNames.size()];
        for (int i = 0; i < kinds.length; i++)
            kinds[i] = kindNames.get(i).getAsString().equals("price") ? Evaluation.PRICE : Evaluation.QUALITY;
        long[] values = java.util.stream.StreamSupport.stream(src.getAsJsonArray("values").spliterator(), false)
            .flatMap(row -> java.util.stream.StreamSupport.stream(row.getAsJsonArray().spliterator(), false))
            .mapToLong(v -> Long.parseLong(v.getAsString())).toArray();
        long reference = Cases.has(kase, "reference_price") ? Long.parseLong(Cases.str(kase, "reference_price")) : 0;
        return new Evaluation(PriceModel.parse(Cases.str(kase, "model")), reference,
                              src.get("quality_scale").getAsLong(), kinds, values);
    }

    @Test
    public void goldenScoring() {
        for (JsonElement el : Cases.list(FILE, "scoring")) {
            JsonObject kase = el.getAsJsonObject();
            String name = Cases.str(kase, "name");
            try (Evaluation e = evaluation(kase)) {
                long[] w = longs(kase.getAsJsonArray("weights"));
                Evaluation.Scores s = e.score(w);
                assertArrayEquals(name, longs(kase.getAsJsonArray("totals")), s.totals());
                assertArrayEquals(name, longs(kase.getAsJsonArray("ranks")), s.ranks());
                assertEquals(name, kase.get("winner").getAsLong(), s.winner());
                assertEquals(name, kase.get("winner").getAsLong(), e.bulk(w, null)[0]);
            }
        }
    }

    @Test
    public void goldenBulk() {
        for (JsonElement el : Cases.list(FILE, "bulk")) {
            JsonObject kase = el.getAsJsonObject();
            try (Evaluation e = evaluation(kase)) {
                long[] want = longs(kase.getAsJsonArray("totals"));
                long[] totals = new long[want.length];
                long[] winners = e.bulk(longs(kase.getAsJsonArray("weights")), totals);
                assertArrayEquals(Cases.str(kase, "name"), longs(kase.getAsJsonArray("winners")), winners);
                assertArrayEquals(Cases.str(kase, "name"), want, totals);
            }
        }
    }

    @Test
    public void goldenStability() {
        for (JsonElement el : Cases.list(FILE, "stability")) {
            JsonObject kase = el.getAsJsonObject();
            String name = Cases.str(kase, "name");
            try (Evaluation e = evaluation(kase)) {
                JsonObject got = TypedTest.asExport(e.stability(longs(kase.getAsJsonArray("weights"))), e);
                assertEquals(name, kase.get("winner"), got.get("winner"));
                assertEquals(name, kase.get("winner_change"), got.get("winner_change"));
                if (kase.has("removals"))
                    assertEquals(name, kase.get("removals"), got.get("removals"));
                if (kase.has("pairs")) {
                    Map<String, JsonElement> byPair = new HashMap<>();
                    for (JsonElement p : got.getAsJsonArray("pairs"))
                        byPair.put(p.getAsJsonObject().get("ahead") + "/" + p.getAsJsonObject().get("behind"), p);
                    assertEquals(name, kase.getAsJsonArray("pairs").size(), byPair.size());
                    for (JsonElement p : kase.getAsJsonArray("pairs"))
                        assertEquals(name, p, byPair.get(p.getAsJsonObject().get("ahead") + "/"
                                                         + p.getAsJsonObject().get("behind")));
                }
            }
        }
    }

    @Test
    public void goldenErrors() {
        for (JsonElement el : Cases.list(FILE, "errors")) {
            JsonObject kase = el.getAsJsonObject();
            String call = Cases.str(kase, "call");
            long[] sentinel = new long[64];
            Arrays.fill(sentinel, 0x5a5aL);
            long[] totals = sentinel.clone();
            IpartException x = Cases.expectError(kase, () -> {
                try (Evaluation e = evaluation(kase)) {
                    long[] w = longs(kase.getAsJsonArray("weights"));
                    if (call.equals("score"))
                        e.score(w);
                    else if (call.equals("bulk"))
                        e.bulk(w, totals.length >= e.tenders() * (w.length / e.criteria())
                                      ? Arrays.copyOf(totals, e.tenders() * (w.length / e.criteria())) : null);
                    else
                        e.stability(w);
                }
            });
            assertEquals(Cases.str(kase, "name"), Cases.str(kase, "path"), x.getPath());
            assertEquals("", x.getRule());
        }
    }

    @Test
    public void failedBulkWritesNothing() {
        long[] kinds = {Evaluation.PRICE, Evaluation.QUALITY};
        try (Evaluation e = new Evaluation(PriceModel.RELATIVE, 0, 10, kinds, new long[] {100, 5, 120, 9})) {
            long[] totals = new long[4];
            Arrays.fill(totals, 7);
            assertThrows(InvalidArgumentException.class, () -> e.bulk(new long[] {5000, 5000, 5000, 4999}, totals));
            assertArrayEquals(new long[] {7, 7, 7, 7}, totals);
            assertThrows(NullPointerException.class, () -> e.score(null));
        }
    }

    @Test
    public void namesAndPoints() {
        for (PriceModel m : PriceModel.values())
            assertEquals(m, PriceModel.parse(m.jsonName()));
        assertEquals("proportional_deviation", PriceModel.PROPORTIONAL_DEVIATION.jsonName());
        assertThrows(InvalidArgumentException.class, () -> PriceModel.parse("cheapest"));
        long[] kinds = {Evaluation.PRICE, Evaluation.QUALITY};
        Evaluation e = new Evaluation(PriceModel.RELATIVE, 0, 10, kinds, new long[] {1000000, 6, 1200000, 8});
        assertEquals(41666667L, e.points(1, 0, 5000));
        assertThrows(NotFoundException.class, () -> e.points(2, 0, 5000));
        e.close();
        e.close();
        assertThrows(IllegalStateException.class, () -> e.score(new long[] {5000, 5000}));
    }

    @Test
    public void termsChooseThePriceModel() {
        JsonObject file = Cases.load("evaluation/price_models.json").getAsJsonObject();
        int prefix = file.get("prefix").getAsInt();
        for (JsonElement el : Cases.list(file, "variants")) {
            JsonObject variant = el.getAsJsonObject();
            JsonObject doc = Cases.load("procedure/" + Cases.str(file, "base")).getAsJsonObject()
                .getAsJsonObject("document");
            JsonArray events = doc.getAsJsonArray("events");
            while (events.size() > prefix)
                events.remove(prefix);
            for (JsonElement ev : events)
                if (ev.getAsJsonObject().get("type").getAsString().equals("terms_set")
                    && !variant.get("price_model").isJsonNull())
                    ev.getAsJsonObject().add("price_model", variant.get("price_model"));
            if (variant.has("error")) {
                IpartException x = Cases.expectError(variant.toString(), Cases.str(variant, "error"),
                                                     () -> Partnership.load(doc.toString()).close());
                assertEquals(Cases.str(variant, "path"), x.getPath());
                continue;
            }
            try (Partnership p = Partnership.load(doc.toString())) {
                List<Ranked> got = p.ranking().orElseThrow();
                JsonArray want = variant.getAsJsonArray("ranking");
                assertEquals(want.size(), got.size());
                for (int i = 0; i < want.size(); i++) {
                    JsonObject w = want.get(i).getAsJsonObject();
                    String name = Cases.str(variant, "name");
                    assertEquals(name, Cases.str(w, "tenderer"), got.get(i).tenderer());
                    assertEquals(name, w.get("rank").getAsInt(), got.get(i).rank());
                    assertEquals(name, Cases.str(w, "total"), got.get(i).points().toPlainString());
                }
                assertTrue(p.save().contains("price_model") == !variant.get("price_model").isJsonNull());
            }
        }
    }
}
