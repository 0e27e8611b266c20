// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_stage;

/** Procedure stages; {@link #jsonName()} gives the document's name. */
public enum Stage {
    /** JSON "need_identification". */
    NEED_IDENTIFICATION,
    /** JSON "market_dialogue". */
    MARKET_DIALOGUE,
    /** JSON "notice_published". */
    NOTICE_PUBLISHED,
    /** JSON "prequalification". */
    PREQUALIFICATION,
    /** JSON "negotiation". */
    NEGOTIATION,
    /** JSON "final_tenders". */
    FINAL_TENDERS,
    /** JSON "award_standstill". */
    AWARD_STANDSTILL,
    /** JSON "development". */
    DEVELOPMENT,
    /** JSON "purchase". */
    PURCHASE,
    /** JSON "completed". */
    COMPLETED,
    /** JSON "cancelled". */
    CANCELLED,
    /** JSON "terminated". */
    TERMINATED;

    static Stage fromC(ipart_stage s) { return valueOf(s.name().substring("IPART_STAGE_".length())); }

    /**
     * The stage's name in documents.
     *
     * @return e.g. "need_identification"
     */
    public String jsonName() {
        return IpartCapi.ipart_stage_name(ipart_stage.valueOf("IPART_STAGE_" + name()));
    }
}
