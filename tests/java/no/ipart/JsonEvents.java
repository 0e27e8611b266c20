// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * A JSON event of the golden cases as a typed {@link Event}, each value through the
 * setter its field's kind calls for (doc/typed-apply.md). Used by EventTest and by
 * tests/bench/BenchApply.java.
 */
final class JsonEvents {
    private JsonEvents() {}

    /** Set a JSON value at a field path; amounts take the partnership's currency. */
    static void set(Event e, Partnership p, String path, JsonElement value) {
        if (value.isJsonObject()) {
            JsonObject o = value.getAsJsonObject();
            if (o.size() == 0)
                e.setEmpty(path);
            for (Map.Entry<String, JsonElement> m : o.entrySet())
                if (!(path.isEmpty() && m.getKey().equals("type")))
                    set(e, p, path.isEmpty() ? m.getKey() : path + "." + m.getKey(), m.getValue());
        } else if (value.isJsonArray()) {
            JsonArray a = value.getAsJsonArray();
            if (a.size() == 0)
                e.setEmpty(path);
            for (int i = 0; i < a.size(); i++)
                set(e, p, path + "[" + i + "]", a.get(i));
        } else if (value.isJsonNull()) {
            e.setNull(path);
        } else {
            JsonPrimitive v = value.getAsJsonPrimitive();
            if (v.isBoolean())
                e.set(path, v.getAsBoolean());
            else if (v.isNumber())
                e.set(path, v.getAsLong());
            else if (e.kind(path) == Event.FieldKind.DATE)
                e.set(path, Dates.parse(v.getAsString()));
            else if (e.kind(path) == Event.FieldKind.MONEY)
                e.set(path, Money.parse(v.getAsString(), p.currency()));
            else
                e.set(path, v.getAsString());
        }
    }

    /** A new event built from a JSON event object (the caller closes it). */
    static Event build(Partnership p, JsonObject json) {
        Event e = new Event(json.get("type").getAsString());
        set(e, p, "", json);
        return e;
    }
}
