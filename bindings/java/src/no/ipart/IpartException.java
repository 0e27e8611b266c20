// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * Base of every exception libipart throws. Subclasses are one per status
 * code ({@link ParseException}, {@link RuleViolationException}, ...), made
 * by the JNI layer from the thread's ipart_error_last() right after the
 * failing call. Unchecked, like the failures of the JDK's own parsers.
 */
public class IpartException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String codeName, rule, source, path, key;

    /** Made by the JNI layer; see ipart/errors.h for the fields. */
    public IpartException(int code, String codeName, String rule, String source, String path,
                          String key, String message) {
        super(message);
        this.code = code;
        this.codeName = codeName;
        this.rule = rule;
        this.source = source;
        this.path = path;
        this.key = key;
    }

    /** The status code (negative). */
    public int getCode() { return code; }

    /** The status as an enum. */
    public Status getStatus() { return Status.fromValue(code); }

    /** The status name, e.g. "IPART_ERULE". */
    public String getCodeName() { return codeName; }

    /** The rule of RULES.md that decided, e.g. "R13", or "". */
    public String getRule() { return rule; }

    /** The rule's legal source, or "". */
    public String getSource() { return source; }

    /** The JSON path or field concerned, e.g. "$.events[3].date", or "". */
    public String getPath() { return path; }

    /** A stable message key for translations, e.g. "money.parse.syntax". */
    public String getKey() { return key; }
}
