// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the canonical JSON that libipart itself writes (one event of
 * {@link Partnership#event(int)}): objects become Map, arrays List, numbers
 * BigDecimal, strings String, true/false Boolean, null null. Package-private;
 * not a general JSON library (the library already validated the text).
 */
final class Json {
    private final String s;
    private int i;

    private Json(String s) { this.s = s; }

    static Object parse(String text) {
        Json j = new Json(text);
        Object v = j.value();
        j.space();
        if (j.i != text.length())
            throw j.error("trailing text");
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v) { return (Map<String, Object>) v; }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object v) { return (List<Object>) v; }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON from libipart: " + what + " at offset " + i);
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0)
            i++;
    }

    private boolean take(char c) {
        space();
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!take(c))
            throw error("expected '" + c + "'");
    }

    private Object value() {
        space();
        if (i >= s.length())
            throw error("unexpected end");
        char c = s.charAt(i);
        if (c == '{')
            return members();
        if (c == '[')
            return elements();
        if (c == '"')
            return string();
        for (String word : new String[] {"true", "false", "null"})
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0)
            i++;
        if (start == i)
            throw error("unexpected '" + c + "'");
        return new BigDecimal(s.substring(start, i));
    }

    private Map<String, Object> members() {
        expect('{');
        Map<String, Object> out = new LinkedHashMap<>();
        if (take('}'))
            return out;
        do {
            space();
            String key = string();
            expect(':');
            out.put(key, value());
        } while (take(','));
        expect('}');
        return out;
    }

    private List<Object> elements() {
        expect('[');
        List<Object> out = new ArrayList<>();
        if (take(']'))
            return out;
        do {
            out.add(value());
        } while (take(','));
        expect(']');
        return out;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        expect('"');
        return b.toString();
    }
}
