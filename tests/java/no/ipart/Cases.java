// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The golden cases of tests/cases, shared with the C and Python tests. */
final class Cases {
    private Cases() {}

    static JsonElement load(String relative) {
        Path path = Path.of(System.getProperty("ipart.cases"), relative);
        try {
            return JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read golden case " + path, e);
        }
    }

    /** The exception class a status name ("IPART_EPARSE") is thrown as. */
    static Class<?> exceptionFor(String statusName) {
        Status s = Status.valueOf(statusName.substring("IPART_".length()));
        try {
            return Class.forName(s.exceptionClassName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no exception class for " + statusName, e);
        }
    }

    static String str(JsonObject o, String key) { return o.get(key).getAsString(); }

    static boolean has(JsonObject o, String key) { return o.has(key) && !o.get(key).isJsonNull(); }
}
