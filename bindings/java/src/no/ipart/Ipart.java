// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;

/** Library-wide facts: versions and status descriptions. Thread-safe. */
public final class Ipart {
    private Ipart() {}

    /**
     * The loaded library's version number.
     *
     * @return major * 10000 + minor * 100 + patch, e.g. 100 for 0.1.0
     */
    public static int version() { return IpartCapi.ipart_version(); }

    /**
     * The loaded library's version as text.
     *
     * @return "major.minor.patch"
     */
    public static String versionString() { return IpartCapi.ipart_version_string(); }

    /**
     * The version number the JNI library was compiled against; loading
     * the binding checks that it equals {@link #version()}.
     *
     * @return major * 10000 + minor * 100 + patch
     */
    public static int compiledVersion() { return no.ipart.swig.IpartCapiConstants.COMPILED_VERSION_NUMBER; }

    /**
     * English description of a status code.
     *
     * @param code a status code, e.g. {@code Status.EINVAL.value()}
     * @return e.g. "invalid argument"; "unknown status" for an unknown code
     */
    public static String strerror(int code) { return IpartCapi.ipart_strerror(code); }

    /**
     * Name of a status code.
     *
     * @param code a status code
     * @return e.g. "IPART_EINVAL"; "IPART_UNKNOWN" for an unknown code
     */
    public static String errorName(int code) { return IpartCapi.ipart_error_name(code); }
}
