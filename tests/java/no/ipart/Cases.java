// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.function.ThrowingRunnable;

/** The golden cases of tests/cases, shared with the C and Python tests. */
final class Cases {
    private Cases() {}

    static JsonElement load(String relative) {
        String dir = System.getProperty("ipart.cases");
        if (dir == null)
            throw new AssertionError("run with -Dipart.cases=<tests/cases>");
        Path path = Path.of(dir, relative);
        try {
            return JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read golden case " + path, e);
        }
    }

    /** The document of a golden procedure ("stavanger.json"). */
    static JsonObject document(String procedure) {
        return load("procedure/" + procedure).getAsJsonObject().getAsJsonObject("document");
    }

    /** events[from..to), cut at the end. */
    static List<JsonElement> slice(JsonArray events, int from, int to) {
        List<JsonElement> out = new ArrayList<>();
        for (int i = from; i < Math.min(to, events.size()); i++)
            out.add(events.get(i));
        return out;
    }

    /** The exception class a status name ("IPART_EPARSE") is thrown as. */
    static Class<? extends IpartException> exceptionFor(String statusName) {
        Status s = Status.valueOf(statusName.substring("IPART_".length()));
        try {
            return Class.forName(s.exceptionClassName()).asSubclass(IpartException.class);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no exception class for " + statusName, e);
        }
    }

    /**
     * Run r, which must throw exactly the class of statusName, with that
     * code and name and a message.
     */
    static IpartException expectError(String context, String statusName, ThrowingRunnable r) {
        Class<? extends IpartException> cls = exceptionFor(statusName);
        IpartException e = assertThrows(context, cls, r);
        assertSame(context, cls, e.getClass());
        assertEquals(context, statusName, e.name());
        assertEquals(context, Status.valueOf(statusName.substring(6)).value(), e.code());
        assertFalse(context, e.getMessage().isEmpty());
        return e;
    }

    /** expectError for a case {..., "error": "IPART_..."}. */
    static IpartException expectError(JsonObject kase, ThrowingRunnable r) {
        return expectError(kase.toString(), str(kase, "error"), r);
    }

    static String str(JsonObject o, String key) {
        assertTrue("case without \"" + key + "\": " + o, o.has(key));
        return o.get(key).getAsString();
    }

    static long minor(JsonObject o) { return Long.parseLong(str(o, "minor")); }

    static LocalDate date(JsonObject o, String key) { return LocalDate.parse(str(o, key)); }

    static boolean has(JsonObject o, String key) { return o.has(key) && !o.get(key).isJsonNull(); }

    /** The array under key, which must not be empty (a renamed key would test nothing). */
    static JsonArray list(JsonObject o, String key) {
        assertTrue("golden cases without \"" + key + "\"", o.has(key));
        JsonArray a = o.getAsJsonArray(key);
        assertTrue("no cases in \"" + key + "\"", a.size() > 0);
        return a;
    }
}
