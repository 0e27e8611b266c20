// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.ipart_error_code;

/** Status codes of libipart; values come from the C table (ipart/errors.h). */
public enum Status {
    OK(ipart_error_code.IPART_OK),
    EINVAL(ipart_error_code.IPART_EINVAL),
    EPARSE(ipart_error_code.IPART_EPARSE),
    ERANGE(ipart_error_code.IPART_ERANGE),
    EOVERFLOW(ipart_error_code.IPART_EOVERFLOW),
    ECURRENCY(ipart_error_code.IPART_ECURRENCY),
    ESTATE(ipart_error_code.IPART_ESTATE),
    EPERM(ipart_error_code.IPART_EPERM),
    ERULE(ipart_error_code.IPART_ERULE),
    ENOTFOUND(ipart_error_code.IPART_ENOTFOUND),
    EEXISTS(ipart_error_code.IPART_EEXISTS),
    EVERSION(ipart_error_code.IPART_EVERSION),
    ENOMEM(ipart_error_code.IPART_ENOMEM),
    EMISUSE(ipart_error_code.IPART_EMISUSE),
    EINTERNAL(ipart_error_code.IPART_EINTERNAL);

    private final int value;

    Status(ipart_error_code c) { this.value = c.swigValue(); }

    /** The numeric code (0 or negative). */
    public int getValue() { return value; }

    /** The status with a numeric code; IllegalArgumentException if unknown. */
    public static Status fromValue(int value) {
        for (Status s : values())
            if (s.value == value)
                return s;
        throw new IllegalArgumentException("unknown libipart status " + value);
    }

    /** The exception class thrown for this status (none for OK). */
    public String exceptionClassName() {
        return "no.ipart." + no.ipart.swig.IpartCapi.ipart_error_class(ipart_error_code.swigToEnum(value))
            + "Exception";
    }
}
