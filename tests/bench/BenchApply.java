// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.IpartCapiJNI;

/**
 * Apply from Java (doc/performance.md, issue #18): one JNI call per event
 * ({@code apply(String)}), one call per batch ({@code applyAll} of a JSON array) and
 * typed events built beforehand, one call per event ({@code applyEvent}) and one per
 * batch ({@code applyEvents} of {@link Event}s: one JNI crossing), and the events as
 * Gson's maps ({@code applyAll} of a {@code List<Map>}, Long or Double numbers; and, for
 * comparison, of the text Gson writes of them, what a user without it would do), the sides
 * alternating in one process, on the Stavanger events (from a fresh partnership) and
 * on generated ones (participation requests and qualifications of fresh operators,
 * as tests/bench/bench_generate.c writes them, from a clone of the prepared case).
 *
 * <pre>
 * java -Djava.library.path=DIR -cp bench-apply.jar:ipart.jar:gson.jar no.ipart.BenchApply \
 *     [--quick] [--side=TEXT] [rounds] [generated events] examples/stavanger-procedure.json
 * </pre>
 *
 * Every side's saved document is checked to be the others' (and, for Stavanger, a
 * load of the case's) before any figure is printed; a refused event stops the run
 * with the library's error and exit status 1. Defaults: 300 rounds of Stavanger's
 * events, a tenth as many of 10 000 generated ones. {@code --quick}: one round,
 * 1 000 generated events (CTest's bench.java_apply_quick). {@code --side=TEXT} times
 * only the sides whose name holds TEXT ({@code --side=applyAll}), so that the others
 * do not evict its data between its runs; every side is still checked. Not a unit test.
 */
public final class BenchApply {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Gson as a Jackson-like user has it: Long for integers. */
    private static final Gson GSON =
        new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    /** A workload: the partnership each run starts from, and its events four ways
     * (texts, one array text, built events, maps). */
    private record Workload(String name, Supplier<Partnership> start, List<String> texts,
                            String array, List<Event> built, List<Map<String, ?>> maps) {}

    private BenchApply() {}

    private static Map<String, Consumer<Partnership>> sides(Workload w) {
        Map<String, Consumer<Partnership>> sides = new LinkedHashMap<>();
        sides.put("apply(String), one call per event", p -> w.texts().forEach(p::apply));
        sides.put("applyAll(String), one call", p -> p.applyAll(w.array()));
        sides.put("applyEvent(Event), one call per event", p -> w.built().forEach(p::applyEvent));
        sides.put("applyEvents(prebuilt Events), one call", p -> p.applyEvents(w.built()));
        sides.put("applyAll(List<Map>), one call", p -> p.applyAll(w.maps()));
        sides.put("applyAll(Gson's toJson of the maps)", p -> p.applyAll(GSON.toJson(w.maps())));
        return sides;
    }

    /** The events of a case as JSON texts and built events, each applied to check it. */
    private static Workload workload(String name, Supplier<Partnership> start, List<String> texts) {
        List<Event> built = new ArrayList<>();
        try (Partnership p = start.get()) {
            for (String text : texts) {
                built.add(JsonEvents.build(p, JsonParser.parseString(text).getAsJsonObject()));
                p.apply(text);
            }
        }
        String array = "[" + String.join(",", texts) + "]";
        return new Workload(name, start, texts, array, built, maps(array));
    }

    /** The events as such a user holds them: Gson's maps. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> maps(String array) {
        return GSON.fromJson(array, List.class);
    }

    private static Workload stavanger(Partnership kase) {
        return workload("Stavanger", () -> new Partnership(kase.profile()), kase.events());
    }

    /** The case's preparation: its events before the first participation request. */
    private static Partnership prepared(Partnership kase) {
        Partnership p = new Partnership(kase.profile());
        for (String text : kase.events()) {
            if (JsonParser.parseString(text).getAsJsonObject().get("type").getAsString()
                    .equals("participation_requested"))
                break;
            p.apply(text);
        }
        return p;
    }

    /** bench_generate.c's events: requests of fresh operators, then their qualification. */
    private static Workload generated(Partnership prepared, int events) {
        String authority = prepared.parties().get(0).id();
        List<String> texts = new ArrayList<>();
        int requests = (events + 1) / 2;
        for (int i = 0; i < requests; i++)
            texts.add("{\"type\":\"participation_requested\",\"date\":\"2017-09-20\",\"actor\":\"g" + i
                      + "\",\"operator\":{\"id\":\"g" + i + "\",\"name\":\"Leverandør " + i + " AS\"}}");
        for (int i = 0; i < events - requests; i++)
            texts.add("{\"type\":\"candidate_assessed\",\"date\":\"2017-10-20\",\"actor\":\"" + authority
                      + "\",\"candidate\":\"g" + i + "\",\"qualified\":true,\"reason\":\"Oppfyller alle "
                      + "utvelgelseskriterier; FoU-kapasitet er dokumentert.\"}");
        return workload("generated " + events, prepared::clone, texts);
    }

    /** Every side saves the same document (the expected one, if given), or exit 1. */
    private static void check(Workload w, String expected) {
        for (Map.Entry<String, Consumer<Partnership>> side : sides(w).entrySet()) {
            try (Partnership p = w.start().get()) {
                side.getValue().accept(p);
                String saved = p.dumps();
                if (expected == null)
                    expected = saved;
                if (!saved.equals(expected))
                    fail(w.name() + ", " + side.getKey() + ": the saved document differs");
            }
        }
    }

    private static void measure(Workload w, int rounds, String only) {
        Map<String, Consumer<Partnership>> sides = new LinkedHashMap<>(sides(w));
        sides.keySet().removeIf(name -> !name.contains(only));
        Map<String, long[]> spent = new LinkedHashMap<>(); /* wall, CPU ns */
        sides.keySet().forEach(name -> spent.put(name, new long[2]));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Consumer<Partnership>> side : sides.entrySet()) {
                try (Partnership p = w.start().get()) {
                    long wall = System.nanoTime(), cpu = CPU.getCurrentThreadCpuTime();
                    side.getValue().accept(p);
                    long[] s = spent.get(side.getKey());
                    s[0] += System.nanoTime() - wall;
                    s[1] += CPU.getCurrentThreadCpuTime() - cpu;
                }
            }
        }
        long events = (long) w.texts().size() * rounds;
        long[] base = spent.getOrDefault("apply(String), one call per event", new long[2]);
        System.out.printf("%s events x %d rounds (events/s: wall clock, CPU time of this thread)%n",
                          w.name(), rounds);
        spent.forEach((name, s) -> System.out.printf("  %-34s %,10.0f wall %,10.0f CPU  (%s)%n",
            name, events * 1e9 / s[0], events * 1e9 / s[1],
            base[1] == 0 ? "alone" : String.format("%.2fx apply(String) CPU", (double) base[1] / s[1])));
    }

    /** The text crossing alone: ipart_error_message_in() takes a string and only compares
     * it with "nb" and "en", so a call with an event's text costs the JNI call and the
     * wrapper's copy of the text into UTF-8 (and the small message it returns); the call
     * with "" is subtracted. An event's text goes through the facade's check for U+0000
     * in Java, as apply's does; the array straight to the JNI method, as applyAll's does
     * (its wrapper finds a U+0000 while copying). */
    private static void crossing(Workload w, int rounds) {
        long chars = 0, sink = 0, cpu = CPU.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++)
            for (String text : w.texts()) {
                sink += IpartCapi.ipart_error_message_in(text).length();
                chars += text.length();
            }
        long texts = CPU.getCurrentThreadCpuTime() - cpu;
        cpu = CPU.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < w.texts().size(); i++)
                sink += IpartCapi.ipart_error_message_in("").length();
        long empty = CPU.getCurrentThreadCpuTime() - cpu;
        cpu = CPU.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++)
            sink += IpartCapiJNI.ipart_error_message_in(w.array()).length();
        long array = CPU.getCurrentThreadCpuTime() - cpu;
        long events = (long) w.texts().size() * rounds;
        System.out.printf("  %-34s %,10.0f ns per event over an empty string (%.2f ns per character); "
                          + "the array %.2f ns per character%s%n", "text crossing alone, CPU",
                          (double) (texts - empty) / events, (double) (texts - empty) / chars,
                          (double) array / ((long) w.array().length() * rounds), sink < 0 ? "!" : "");
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<String> rest = new ArrayList<>(List.of(args));
        rest.remove("--quick");
        String only = rest.stream().filter(a -> a.startsWith("--side=")).findFirst().orElse("--side=")
                          .substring("--side=".length());
        rest.removeIf(a -> a.startsWith("--side="));
        if (rest.isEmpty())
            fail("usage: BenchApply [--quick] [--side=TEXT] [rounds] [generated events] CASE.json");
        String caseText = Files.readString(Path.of(rest.remove(rest.size() - 1)), StandardCharsets.UTF_8);
        int rounds = quick ? 1 : rest.isEmpty() ? 300 : Integer.parseInt(rest.get(0));
        int generatedEvents = quick ? 1000 : rest.size() < 2 ? 10000 : Integer.parseInt(rest.get(1));
        try (Partnership kase = Partnership.loads(caseText); Partnership prepared = prepared(kase)) {
            Workload stavanger = stavanger(kase);
            Workload generated = generated(prepared, generatedEvents);
            check(stavanger, kase.dumps());
            check(generated, null);
            System.out.println("every side saved the same document");
            measure(stavanger, rounds, only);
            crossing(stavanger, rounds);
            measure(generated, Math.max(1, rounds / 10), only);
            crossing(generated, Math.max(1, rounds / 10));
        } catch (IpartException e) {
            fail("refused: " + e.name() + " (" + e.rule() + ") at " + e.path() + ": " + e.getMessage());
        }
    }
}
