// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_stage;

/** Procedure stages; {@link #jsonName()} gives the document's name. */
public enum Stage {
    NEED_IDENTIFICATION, MARKET_DIALOGUE, NOTICE_PUBLISHED, PREQUALIFICATION, NEGOTIATION,
    FINAL_TENDERS, AWARD_STANDSTILL, DEVELOPMENT, PURCHASE, COMPLETED, CANCELLED, TERMINATED;

    static Stage fromC(ipart_stage s) { return valueOf(s.name().substring("IPART_STAGE_".length())); }

    /** "need_identification", ... */
    public String jsonName() {
        return IpartCapi.ipart_stage_name(ipart_stage.valueOf("IPART_STAGE_" + name()));
    }
}
