// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_due;
import no.ipart.swig.ipart_money;
import no.ipart.swig.ipart_partnership;
import no.ipart.swig.ipart_party;
import no.ipart.swig.ipart_threshold_verdict;

/**
 * A partnership: an append-only log of events, each checked by the rules.
 * {@link #apply(String)} either applies an event or throws, changing nothing.
 * Owns native memory: use try-with-resources (close() is idempotent).
 * Not thread-safe; distinct partnerships are independent.
 */
public final class Partnership implements AutoCloseable {
    private ipart_partnership handle;

    private Partnership(ipart_partnership handle) { this.handle = handle; }

    /** A new, empty partnership under a profile ("NO", "SE", "DK", "EU"). */
    public Partnership(String profile) { this(IpartCapi.ipart_swig_partnership_new(profile)); }

    /** Load a document, replaying every event through the guards. */
    public static Partnership load(String documentJson) {
        return new Partnership(IpartCapi.ipart_swig_partnership_load(documentJson));
    }

    /** An independent copy, for what-if scenarios. */
    public Partnership copy() { return new Partnership(IpartCapi.ipart_swig_partnership_clone(h())); }

    /** Apply one event given as JSON text. */
    public void apply(String eventJson) { IpartCapi.ipart_partnership_apply(h(), eventJson); }

    /** The canonical document: load(save()).save() gives the same text. */
    public String save() {
        String[] out = new String[1];
        IpartCapi.ipart_partnership_save(out, h());
        return out[0];
    }

    public String getProfile() { return IpartCapi.ipart_partnership_profile(h()); }

    public String getCurrency() { return IpartCapi.ipart_partnership_currency(h()); }

    public Stage getStage() { return Stage.fromC(IpartCapi.ipart_partnership_stage(h())); }

    public int eventCount() { return Math.toIntExact(IpartCapi.ipart_partnership_event_count(h())); }

    /** The canonical JSON of the index-th event (NotFoundException past the end). */
    public String event(int index) {
        String[] out = new String[1];
        IpartCapi.ipart_partnership_event_at(out, h(), index);
        return out[0];
    }

    /** Every event's canonical JSON, in order. */
    public List<String> events() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < eventCount(); i++)
            out.add(event(i));
        return out;
    }

    private static Party party(ipart_party p) {
        // Copy the borrowed C strings now: they live only until the next change.
        try {
            return new Party(p.getId(), p.getName(), Role.fromC(p.getRole()), p.getKind(), p.getStatus());
        } finally {
            p.delete();
        }
    }

    public List<Party> parties() {
        List<Party> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_party_count(h());
        for (long i = 0; i < n; i++) {
            ipart_party p = new ipart_party();
            IpartCapi.ipart_partnership_party_at(p, h(), i);
            out.add(party(p));
        }
        return out;
    }

    /** The party with an id (NotFoundException otherwise). */
    public Party party(String id) {
        ipart_party p = new ipart_party();
        try {
            IpartCapi.ipart_partnership_party_get(p, h(), id);
        } catch (RuntimeException e) {
            p.delete();
            throw e;
        }
        return party(p);
    }

    private interface JsonQuery {
        void apply(String[] out, ipart_partnership p);
    }

    private String json(JsonQuery q) {
        String[] out = new String[1];
        q.apply(out, h());
        return out[0];
    }

    /** Candidates and tenders as a JSON array (see ipart_partnership_tenderers_json). */
    public String tenderersJson() { return json(IpartCapi::ipart_partnership_tenderers_json); }

    /** The last evaluation's ranking as JSON, best first (NotFoundException before one). */
    public String rankingJson() { return json(IpartCapi::ipart_partnership_ranking_json); }

    /** Every event type with whether {@code actor} may send it now, as JSON. */
    public String actionsJson(String actor) {
        return json((out, p) -> IpartCapi.ipart_partnership_actions_json(out, p, actor));
    }

    /** The earliest date-driven step, if any. */
    public Optional<Due> nextDue() {
        ipart_due d = new ipart_due();
        try {
            IpartCapi.ipart_partnership_next_due(d, h());
            return Optional.of(new Due(java.time.LocalDate.of(d.getDate().getYear(),
                d.getDate().getMonth(), d.getDate().getDay()), d.getKind(), d.getEvent_type()));
        } catch (NotFoundException e) {
            return Optional.empty();
        } finally {
            d.delete();
        }
    }

    private static Money money(ipart_money m) { return Money.ofMinor(m.getMinor(), m.getCurrency()); }

    /** Estimated value (R30) and the EEA threshold verdict (R3). */
    public ThresholdVerdict threshold() {
        ipart_threshold_verdict v = new ipart_threshold_verdict();
        try {
            IpartCapi.ipart_partnership_threshold(v, h());
            return new ThresholdVerdict(money(v.getEstimated_value()), money(v.getThreshold()),
                v.getAbove() != 0, java.time.LocalDate.of(v.getValid_from().getYear(),
                    v.getValid_from().getMonth(), v.getValid_from().getDay()));
        } finally {
            v.delete();
        }
    }

    private interface MoneyQuery {
        void apply(ipart_money out, ipart_partnership p);
    }

    private Money money(MoneyQuery q) {
        ipart_money out = new ipart_money();
        try {
            q.apply(out, h());
            return money(out);
        } finally {
            out.delete();
        }
    }

    /** The development budget cap of the terms (R33). */
    public Money budgetCap() { return money(IpartCapi::ipart_partnership_budget_cap); }

    /** The development prices awarded so far. */
    public Money awardedSum() { return money(IpartCapi::ipart_partnership_awarded_sum); }

    private ipart_partnership h() {
        if (handle == null)
            throw new IllegalStateException("the partnership is closed");
        return handle;
    }

    /** Release the native object (idempotent). */
    @Override
    public void close() {
        if (handle != null) {
            handle.delete();
            handle = null;
        }
    }

    @Override
    public String toString() {
        return handle == null ? "Partnership[closed]"
            : "Partnership[" + getProfile() + " " + getStage().jsonName() + " events=" + eventCount() + "]";
    }
}
