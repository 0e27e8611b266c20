// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * Thrown for IPART_EVERSION (unsupported version). The JNI layer picks this class by the
 * name ipart_error_class() gives for the status, from the table
 * IPART_ERROR_MAP of ipart/errors.h.
 */
public class VersionException extends IpartException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by the JNI layer from ipart_error_last(), right after the call
     * that failed, on the same thread.
     *
     * @param code the status code, -11 ({@link Status#EVERSION})
     * @param name the status name, "IPART_EVERSION"
     * @param rule the rule id of RULES.md, or ""
     * @param source the rule's legal source, or ""
     * @param path the JSON path or field concerned, or ""
     * @param key the stable message key, or ""
     * @param message the English message
     */
    public VersionException(int code, String name, String rule, String source, String path,
            String key, String message) {
        super(code, name, rule, source, path, key, message);
    }
}
