// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/** Thrown for IPART_EEXISTS (already exists). */
public class AlreadyExistsException extends IpartException {
    private static final long serialVersionUID = 1L;

    /** Made by the JNI layer from ipart_error_last(). */
    public AlreadyExistsException(int code, String name, String rule, String source, String path,
                          String key, String message) {
        super(code, name, rule, source, path, key, message);
    }
}
