// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * Base of every exception libipart throws. There is one subclass per status
 * code ({@link ParseException}, {@link RuleViolationException}, ...), made
 * by the JNI layer from the thread's ipart_error_last() right after the
 * failing call. Unchecked, like the failures of the JDK's own parsers.
 * The message is English; {@link #messageIn(String)} gives it in Norwegian
 * bokmål, and {@link #key()} is stable for translations.
 */
public class IpartException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The status code. */
    private final int code;
    /** The status name. */
    private final String codeName;
    /** The rule id, or "". */
    private final String rule;
    /** The rule's legal source, or "". */
    private final String source;
    /** The JSON path or field, or "". */
    private final String path;
    /** The message key, or "". */
    private final String key;
    /** The message in Norwegian bokmål (the English one when there is none). */
    private final String messageNb;

    /**
     * Made by the JNI layer; see ipart/errors.h for the fields. A null
     * string is kept as "".
     *
     * @param code the status code (negative)
     * @param codeName the status name, e.g. "IPART_ERULE"
     * @param rule the rule id of RULES.md, e.g. "R13", or ""
     * @param source the rule's legal source, or ""
     * @param path the JSON path or field concerned, or ""
     * @param key the stable message key, e.g. "money.parse.syntax", or ""
     * @param message the English message
     */
    public IpartException(int code, String codeName, String rule, String source, String path,
                          String key, String message) {
        this(code, codeName, rule, source, path, key, message, message);
    }

    /**
     * Made by the JNI layer with the message in both languages (ipart/errors.h:
     * ipart_error_message_in()), read right after the call that failed.
     *
     * @param code the status code (negative)
     * @param codeName the status name, e.g. "IPART_ERULE"
     * @param rule the rule id of RULES.md, e.g. "R13", or ""
     * @param source the rule's legal source, or ""
     * @param path the JSON path or field concerned, or ""
     * @param key the stable message key, e.g. "money.parse.syntax", or ""
     * @param message the English message
     * @param messageNb the Norwegian bokmål message (null: the English one)
     */
    public IpartException(int code, String codeName, String rule, String source, String path,
                          String key, String message, String messageNb) {
        super(message);
        this.code = code;
        this.codeName = orEmpty(codeName);
        this.rule = orEmpty(rule);
        this.source = orEmpty(source);
        this.path = orEmpty(path);
        this.key = orEmpty(key);
        this.messageNb = messageNb == null ? orEmpty(message) : messageNb;
    }

    /**
     * The message in a language: Norwegian bokmål for "nb", English for "en"
     * and for every other language (the fallback of {@link Messages#language(String)}).
     * Both texts were captured when the exception was thrown.
     *
     * @param lang "nb", "en", or another language (answered in English)
     * @return the message, never null
     */
    public String messageIn(String lang) {
        return "nb".equals(Messages.language(lang)) ? messageNb : orEmpty(getMessage());
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    /**
     * The status code.
     *
     * @return the negative code of the failed call, as in ipart/errors.h
     */
    public int code() { return code; }

    /**
     * Old name of {@link #code()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #code()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public int getCode() { return code(); }

    /**
     * The status as an enum.
     *
     * @return the {@link Status} of {@link #code()}
     * @throws IllegalArgumentException if the code is newer than this binding
     */
    public Status status() { return Status.fromValue(code); }

    /**
     * Old name of {@link #status()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #status()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public Status getStatus() { return status(); }

    /**
     * The status name.
     *
     * @return e.g. "IPART_ERULE"
     */
    public String name() { return codeName; }

    /**
     * Old name of {@link #name()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #name()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getCodeName() { return name(); }

    /**
     * The rule of RULES.md that decided.
     *
     * @return e.g. "R13", or "" if no rule is involved
     */
    public String rule() { return rule; }

    /**
     * Old name of {@link #rule()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #rule()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getRule() { return rule(); }

    /**
     * The legal source of the rule.
     *
     * @return e.g. "Dir. 2014/24/EU Art. 65(2)", or ""
     */
    public String source() { return source; }

    /**
     * Old name of {@link #source()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #source()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getSource() { return source(); }

    /**
     * The JSON path or field concerned.
     *
     * @return e.g. "$.events[3].date", or ""
     */
    public String path() { return path; }

    /**
     * Old name of {@link #path()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #path()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getPath() { return path(); }

    /**
     * A stable message key, for rendering the message in another language.
     *
     * @return e.g. "money.parse.syntax", or ""
     */
    public String key() { return key; }

    /**
     * Old name of {@link #key()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #key()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getKey() { return key(); }
}
