// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.ipart_rounding;

/** How a result between two minor units is rounded. */
public enum Rounding {
    HALF_UP(ipart_rounding.IPART_ROUND_HALF_UP),
    HALF_EVEN(ipart_rounding.IPART_ROUND_HALF_EVEN),
    DOWN(ipart_rounding.IPART_ROUND_DOWN),
    UP(ipart_rounding.IPART_ROUND_UP),
    FLOOR(ipart_rounding.IPART_ROUND_FLOOR),
    CEILING(ipart_rounding.IPART_ROUND_CEILING);

    final ipart_rounding c;

    Rounding(ipart_rounding c) { this.c = c; }
}
