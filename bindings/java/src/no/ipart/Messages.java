// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.ArrayList;
import java.util.List;
import no.ipart.swig.IpartCapi;

/**
 * The message catalogue: report labels in Norwegian bokm&aring;l ("nb") and
 * English ("en"), keyed by message key. Any other language gets English
 * ({@link #language(String)} says which). Thread-safe.
 */
public final class Messages {
    private Messages() {}

    /**
     * The text of a key.
     *
     * @param key a message key ("record.title")
     * @param lang "nb" or "en"; others fall back to English
     * @return the text, or null for an unknown key
     */
    public static String text(String key, String lang) { return IpartCapi.ipart_message(key, lang); }

    /**
     * The language a request for {@code lang} is answered in.
     *
     * @param lang any language tag, or null
     * @return "nb" or "en"
     */
    public static String language(String lang) { return IpartCapi.ipart_message_language(lang); }

    /**
     * Whether the entry has its own text in a language (no fallback).
     *
     * @param key a message key
     * @param lang "nb" or "en"
     * @return true when it has
     */
    public static boolean has(String key, String lang) { return IpartCapi.ipart_message_has(key, lang) != 0; }

    /**
     * Every key of the catalogue, in its sorted order.
     *
     * @return the keys
     */
    public static List<String> keys() {
        long n = IpartCapi.ipart_message_count();
        List<String> keys = new ArrayList<>();
        for (long i = 0; i < n; i++)
            keys.add(IpartCapi.ipart_message_key_at(i));
        return keys;
    }
}
