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
import no.ipart.swig.ipart_rights;
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

    /**
     * A new, empty partnership under a profile. Its first event must be
     * {@code partnership_created}.
     *
     * @param profile "NO", "SE", "DK" or "EU"
     * @throws InvalidArgumentException for an unknown profile
     * @throws MisuseException if profile is null
     */
    public Partnership(String profile) { this(IpartCapi.ipart_swig_partnership_new(profile)); }

    /**
     * Load a document, replaying every event through the guards of
     * {@link #apply(String)}.
     *
     * @param documentJson an ipart-document, version 1
     * @return the partnership; close it
     * @throws IpartException the subclass of the first rejected event,
     *         its path naming it; {@link VersionException} for another
     *         format version
     * @throws MisuseException if documentJson is null
     */
    public static Partnership load(String documentJson) {
        return new Partnership(IpartCapi.ipart_swig_partnership_load(documentJson));
    }

    /**
     * An independent copy, for what-if scenarios.
     *
     * @return a deep copy; close it
     * @throws IllegalStateException if closed
     */
    public Partnership copy() { return new Partnership(IpartCapi.ipart_swig_partnership_clone(h())); }

    /**
     * Apply one event, or change nothing and throw.
     *
     * @param eventJson one event as a JSON object
     * @throws ParseException if it is not JSON
     * @throws InvalidArgumentException for a bad shape (the path names the field)
     * @throws PermissionDeniedException for a wrong sender
     * @throws StateException in a wrong stage
     * @throws RuleViolationException if a rule forbids it (named in getRule())
     * @throws IllegalStateException if closed
     */
    public void apply(String eventJson) { IpartCapi.ipart_partnership_apply(h(), eventJson); }

    /**
     * The canonical document: {@code load(save()).save()} gives the same text.
     *
     * @return the document as JSON
     * @throws IllegalStateException if closed
     */
    public String save() {
        String[] out = new String[1];
        IpartCapi.ipart_partnership_save(out, h());
        return out[0];
    }

    /**
     * The jurisdiction profile.
     *
     * @return "NO", "SE", "DK" or "EU"
     * @throws IllegalStateException if closed
     */
    public String getProfile() { return IpartCapi.ipart_partnership_profile(h()); }

    /**
     * The currency of the partnership.
     *
     * @return an ISO 4217 code, or "" before partnership_created
     * @throws IllegalStateException if closed
     */
    public String getCurrency() { return IpartCapi.ipart_partnership_currency(h()); }

    /**
     * The current stage.
     *
     * @return the stage after the last applied event
     * @throws IllegalStateException if closed
     */
    public Stage getStage() { return Stage.fromC(IpartCapi.ipart_partnership_stage(h())); }

    /**
     * The number of applied events.
     *
     * @return 0 for a new partnership
     * @throws IllegalStateException if closed
     */
    public int eventCount() { return Math.toIntExact(IpartCapi.ipart_partnership_event_count(h())); }

    /**
     * One event in canonical form.
     *
     * @param index 0..eventCount()-1
     * @return the event as JSON
     * @throws NotFoundException past the end
     * @throws IllegalStateException if closed
     */
    public String event(int index) {
        String[] out = new String[1];
        IpartCapi.ipart_partnership_event_at(out, h(), index);
        return out[0];
    }

    /**
     * Every event in canonical form.
     *
     * @return the events as JSON, in order
     * @throws IllegalStateException if closed
     */
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

    /**
     * Every party, the authority first.
     *
     * @return the parties, in the order they joined
     * @throws IllegalStateException if closed
     */
    public List<Party> parties() {
        List<Party> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_party_count(h());
        for (long i = 0; i < n; i++) {
            ipart_party p = new ipart_party();
            try {
                IpartCapi.ipart_partnership_party_at(p, h(), i);
            } catch (RuntimeException e) {
                p.delete();
                throw e;
            }
            out.add(party(p));
        }
        return out;
    }

    /**
     * The party with an id.
     *
     * @param id the party's id
     * @return the party
     * @throws NotFoundException if there is none
     * @throws IllegalStateException if closed
     */
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

    /**
     * Candidates and tenders (see ipart_partnership_tenderers_json).
     *
     * @return a JSON array
     * @throws IllegalStateException if closed
     */
    public String tenderersJson() { return json(IpartCapi::ipart_partnership_tenderers_json); }

    /**
     * The last evaluation's ranking.
     *
     * @return a JSON array, best first
     * @throws NotFoundException before an evaluation
     * @throws IllegalStateException if closed
     */
    public String rankingJson() { return json(IpartCapi::ipart_partnership_ranking_json); }

    /**
     * What an actor may do now.
     *
     * @param actor a party id
     * @return every event type with whether {@code actor} may send it now, as JSON
     * @throws IllegalStateException if closed
     */
    public String actionsJson(String actor) {
        return json((out, p) -> IpartCapi.ipart_partnership_actions_json(out, p, actor));
    }

    /**
     * The earliest date-driven step.
     *
     * @return the step, or empty if none is due
     * @throws IllegalStateException if closed
     */
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

    /**
     * The estimated value (R30) against the EEA threshold (R3).
     *
     * @return the verdict
     * @throws IpartException if the profile has no threshold for the case
     * @throws IllegalStateException if closed
     */
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

    /**
     * The development budget cap of the terms (R33).
     *
     * @return the cap
     * @throws StateException before terms_set
     * @throws IllegalStateException if closed
     */
    public Money budgetCap() { return money(IpartCapi::ipart_partnership_budget_cap); }

    /**
     * The development prices awarded so far.
     *
     * @return their sum, 0 before the award
     * @throws StateException before partnership_created
     * @throws IllegalStateException if closed
     */
    public Money awardedSum() { return money(IpartCapi::ipart_partnership_awarded_sum); }

    /**
     * The rights of a party to a partner's asset now.
     *
     * @param party an authority, follower or operator id
     * @param asset "&lt;partner&gt;.foreground" (its results) or "&lt;partner&gt;.background"
     * @return the five answers
     * @throws NotFoundException for an unknown party, asset or partner
     * @throws StateException (R36) while the terms hold no complete IP arrangement
     * @throws IllegalStateException if closed
     */
    public Rights rights(String party, String asset) { return rightsAt(eventCount(), party, asset); }

    /**
     * The rights after the first {@code eventCount} events of the log.
     *
     * @param eventCount 0..eventCount()
     * @param party an authority, follower or operator id
     * @param asset "&lt;partner&gt;.foreground" or "&lt;partner&gt;.background"
     * @return the five answers
     * @throws OutOfRangeException past the end of the log
     * @throws IllegalArgumentException for a negative count
     * @throws IllegalStateException if closed
     */
    public Rights rightsAt(int eventCount, String party, String asset) {
        if (eventCount < 0)
            throw new IllegalArgumentException("eventCount must not be negative");
        ipart_rights r = new ipart_rights();
        try {
            IpartCapi.ipart_partnership_rights_at(r, h(), eventCount, party, asset);
            return new Rights(party, asset, eventCount, r.getOwns() != 0, r.getUse() != 0,
                r.getModify() != 0, r.getSublicense() != 0, r.getCommercialise() != 0);
        } finally {
            r.delete();
        }
    }

    /**
     * The rights with the clause, rule and reason of each answer.
     *
     * @param eventCount 0..eventCount()
     * @param party an authority, follower or operator id
     * @param asset "&lt;partner&gt;.foreground" or "&lt;partner&gt;.background"
     * @return JSON, see ipart_partnership_rights_json
     * @throws IpartException as {@link #rightsAt(int, String, String)}
     */
    public String rightsJson(int eventCount, String party, String asset) {
        if (eventCount < 0)
            throw new IllegalArgumentException("eventCount must not be negative");
        return json((out, p) -> IpartCapi.ipart_partnership_rights_json(out, p, eventCount, party, asset));
    }

    /**
     * The party-scoped view of the document (R19, R37): what the party may see.
     *
     * @param party a party id
     * @return JSON, see ipart_partnership_view_json
     * @throws NotFoundException for an unknown party
     * @throws IllegalStateException if closed
     */
    public String viewJson(String party) {
        return json((out, p) -> IpartCapi.ipart_partnership_view_json(out, p, party));
    }

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

    /**
     * For debugging.
     *
     * @return e.g. "Partnership[NO development events=12]"
     */
    @Override
    public String toString() {
        return handle == null ? "Partnership[closed]"
            : "Partnership[" + getProfile() + " " + getStage().jsonName() + " events=" + eventCount() + "]";
    }
}
