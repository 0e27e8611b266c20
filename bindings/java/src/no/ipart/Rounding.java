// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.ipart_rounding;

/** How a result between two minor units is rounded (ipart_rounding of ipart/money.h). */
public enum Rounding {
    /** To nearest; ties away from zero (commercial rounding). */
    HALF_UP(ipart_rounding.IPART_ROUND_HALF_UP),
    /** To nearest; ties to the even unit (banker's rounding). */
    HALF_EVEN(ipart_rounding.IPART_ROUND_HALF_EVEN),
    /** Toward zero (truncate). */
    DOWN(ipart_rounding.IPART_ROUND_DOWN),
    /** Away from zero. */
    UP(ipart_rounding.IPART_ROUND_UP),
    /** Toward negative infinity. */
    FLOOR(ipart_rounding.IPART_ROUND_FLOOR),
    /** Toward positive infinity. */
    CEILING(ipart_rounding.IPART_ROUND_CEILING);

    final ipart_rounding c;

    Rounding(ipart_rounding c) { this.c = c; }

    /**
     * The C value.
     *
     * @return the value of the matching IPART_ROUND_* constant
     */
    public int value() { return c.swigValue(); }

    /**
     * Old name of {@link #value()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #value()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public int getValue() { return value(); }
}
