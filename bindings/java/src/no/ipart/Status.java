// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_error_code;

/**
 * The status codes of libipart. The values come from the C table
 * (IPART_ERROR_MAP in ipart/errors.h) through the generated constants;
 * none is typed here.
 */
public enum Status {
    /** Success. */
    OK(ipart_error_code.IPART_OK),
    /** Invalid argument: {@link InvalidArgumentException}. */
    EINVAL(ipart_error_code.IPART_EINVAL),
    /** Malformed input: {@link ParseException}. */
    EPARSE(ipart_error_code.IPART_EPARSE),
    /** Value outside the supported range: {@link OutOfRangeException}. */
    ERANGE(ipart_error_code.IPART_ERANGE),
    /** Arithmetic overflow: {@link ArithmeticOverflowException}. */
    EOVERFLOW(ipart_error_code.IPART_EOVERFLOW),
    /** Unknown or mismatched currency: {@link CurrencyException}. */
    ECURRENCY(ipart_error_code.IPART_ECURRENCY),
    /** Not allowed in the current stage: {@link StateException}. */
    ESTATE(ipart_error_code.IPART_ESTATE),
    /** Actor not permitted: {@link PermissionDeniedException}. */
    EPERM(ipart_error_code.IPART_EPERM),
    /** A rule of the procedure forbids this: {@link RuleViolationException}. */
    ERULE(ipart_error_code.IPART_ERULE),
    /** Not found: {@link NotFoundException}. */
    ENOTFOUND(ipart_error_code.IPART_ENOTFOUND),
    /** Already exists: {@link AlreadyExistsException}. */
    EEXISTS(ipart_error_code.IPART_EEXISTS),
    /** Unsupported version: {@link VersionException}. */
    EVERSION(ipart_error_code.IPART_EVERSION),
    /** Out of memory: {@link OutOfMemoryException}. */
    ENOMEM(ipart_error_code.IPART_ENOMEM),
    /** Library used incorrectly (e.g. a null argument): {@link MisuseException}. */
    EMISUSE(ipart_error_code.IPART_EMISUSE),
    /** Internal error: {@link InternalException}. */
    EINTERNAL(ipart_error_code.IPART_EINTERNAL);

    private final int value;

    Status(ipart_error_code c) { this.value = c.swigValue(); }

    /**
     * The numeric code.
     *
     * @return 0 for OK, negative for a failure
     */
    public int value() { return value; }

    /**
     * Old name of {@link #value()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #value()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public int getValue() { return value(); }

    /**
     * The status with a numeric code.
     *
     * @param value a code of ipart/errors.h
     * @return its status
     * @throws IllegalArgumentException if no status has that code
     */
    public static Status fromValue(int value) {
        for (Status s : values())
            if (s.value == value)
                return s;
        throw new IllegalArgumentException("unknown libipart status " + value);
    }

    /**
     * The name C gives the code.
     *
     * @return e.g. "IPART_EINVAL"
     */
    public String codeName() { return IpartCapi.ipart_error_name(value); }

    /**
     * The fully qualified name of the exception class thrown for this
     * status, from the C table (for OK, which is never thrown, the name
     * the table gives all the same).
     *
     * @return e.g. "no.ipart.InvalidArgumentException"
     */
    public String exceptionClassName() {
        return "no.ipart." + IpartCapi.ipart_error_class(value) + "Exception";
    }
}
