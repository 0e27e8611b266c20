// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_error_code;

/** Library-wide facts: versions and status descriptions. */
public final class Ipart {
    private Ipart() {}

    /** The loaded library's version number (major * 10000 + minor * 100 + patch). */
    public static int version() { return IpartCapi.ipart_version(); }

    /** The loaded library's version, "major.minor.patch". */
    public static String versionString() { return IpartCapi.ipart_version_string(); }

    /** The version number the binding was generated for. */
    public static int compiledVersion() { return no.ipart.swig.IpartCapiConstants.COMPILED_VERSION_NUMBER; }

    /** English description of a status code. */
    public static String strerror(int code) {
        return IpartCapi.ipart_strerror(ipart_error_code.swigToEnum(code));
    }

    /** Name of a status code, e.g. "IPART_EINVAL". */
    public static String errorName(int code) {
        return IpartCapi.ipart_error_name(ipart_error_code.swigToEnum(code));
    }
}
