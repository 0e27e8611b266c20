// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_price_model;

/** How a price or cost criterion turns prices into points (doc/evaluation.md). */
public enum PriceModel {
    /** Lowest price / price: the lowest gets full points, others in proportion. */
    RELATIVE,
    /** (reference - price) / (reference - lowest), at least 0; reference defaults to the highest price. */
    LINEAR,
    /** Each per cent above the lowest costs one per cent of the points; none at twice the lowest. */
    PROPORTIONAL_DEVIATION;

    ipart_price_model toC() { return ipart_price_model.valueOf("IPART_PRICE_" + name()); }

    /**
     * The terms' name of the model ("relative", "linear", "proportional_deviation").
     *
     * @return the name used in documents
     */
    public String jsonName() { return IpartCapi.ipart_price_model_name(toC()); }

    /**
     * The model with a terms' name.
     *
     * @param name "relative", "linear" or "proportional_deviation"
     * @return the model
     * @throws InvalidArgumentException for another name
     */
    public static PriceModel parse(String name) {
        int[] out = new int[1];
        no.ipart.swig.IpartCapi.ipart_price_model_parse(out, name);
        for (PriceModel m : values())
            if (m.toC().swigValue() == out[0])
                return m;
        throw new IllegalStateException("the library knows a price model this binding does not: " + out[0]);
    }
}
