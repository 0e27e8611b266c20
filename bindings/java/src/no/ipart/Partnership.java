// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_authority_budget;
import no.ipart.swig.ipart_cap_status;
import no.ipart.swig.ipart_dialogue_activity;
import no.ipart.swig.ipart_dialogue_contact;
import no.ipart.swig.ipart_dialogue_information;
import no.ipart.swig.ipart_dialogue_member;
import no.ipart.swig.ipart_dialogue_pair;
import no.ipart.swig.ipart_funding_source;
import no.ipart.swig.ipart_need_facet;
import no.ipart.swig.ipart_due;
import no.ipart.swig.ipart_event;
import no.ipart.swig.ipart_money;
import no.ipart.swig.ipart_partnership;
import no.ipart.swig.ipart_partner_status;
import no.ipart.swig.ipart_party;
import no.ipart.swig.ipart_proportionality;
import no.ipart.swig.ipart_threshold_verdict;
import no.ipart.swig.ipart_warning;

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
    public Partnership(String profile) {
        ipart_partnership[] out = new ipart_partnership[1];
        IpartCapi.ipart_partnership_new(out, profile);
        this.handle = out[0];
    }

    /**
     * Load a document, replaying every event through the guards of
     * {@link #apply(String)}.
     *
     * @param document an ipart-document, version 1
     * @return the partnership; close it
     * @throws IpartException the subclass of the first rejected event,
     *         its path naming it; {@link VersionException} for another
     *         format version
     * @throws MisuseException if document is null
     */
    public static Partnership loads(String document) {
        ipart_partnership[] out = new ipart_partnership[1];
        IpartCapi.ipart_partnership_load(out, document);
        return new Partnership(out[0]);
    }

    /**
     * Old name of {@link #loads(String)}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @param document as for the new name
     * @return the same
     * @deprecated use {@link #loads(String)}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public static Partnership load(String document) { return loads(document); }

    /**
     * An independent copy, for what-if scenarios.
     *
     * @return a deep copy; close it
     * @throws IllegalStateException if closed
     */
    public Partnership clone() {
        ipart_partnership[] out = new ipart_partnership[1];
        IpartCapi.ipart_partnership_clone(out, h());
        return new Partnership(out[0]);
    }

    /**
     * Old name of {@link #clone()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #clone()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public Partnership copy() { return clone(); }

    /**
     * A read-only copy whose every query answers what {@code party} may see
     * (R19, R37): its own items, the public ones and what other operators
     * consented to show it. The library authorizes, the host authenticates:
     * serve a party only from its scoped copy. A partnership that is not
     * scoped is the contracting authority's, with full access.
     *
     * @param party an authority, follower or operator id
     * @return the scoped copy; close it. Queries about another operator's
     *         items, and {@link #apply(String)}, throw
     *         {@link PermissionDeniedException} (rule R19)
     * @throws NotFoundException for an unknown party
     * @throws PermissionDeniedException to widen a scoped copy to another party
     * @throws IllegalStateException if closed
     */
    public Partnership asParty(String party) {
        ipart_partnership[] out = new ipart_partnership[1];
        IpartCapi.ipart_partnership_as_party(out, h(), party);
        return new Partnership(out[0]);
    }

    /**
     * The party a scoped copy answers for.
     *
     * @return its id; "" for the contracting authority's full access
     * @throws IllegalStateException if closed
     */
    public String audience() { return IpartCapi.ipart_partnership_audience(h()); }

    /**
     * Apply one event, or change nothing and throw.
     *
     * @param event one event as a JSON object
     * @throws ParseException if it is not JSON
     * @throws InvalidArgumentException for a bad shape (the path names the field)
     * @throws PermissionDeniedException for a wrong sender
     * @throws StateException in a wrong stage
     * @throws RuleViolationException if a rule forbids it (named in rule())
     * @throws IllegalStateException if closed
     */
    public void apply(String event) { IpartCapi.ipart_partnership_apply(h(), event); }

    /**
     * Apply a batch of events in one call into the library, as {@link #apply(String)}
     * would one by one. Atomic per event, not per batch: the first refused event
     * throws (its {@code path()} names it, {@code "$[3].date"}) and the events before
     * it stay applied ({@link #eventCount()} tells how many). Text that is not a JSON
     * array applies nothing. For all-or-nothing, apply to {@link #clone()} and keep the
     * copy.
     *
     * @param eventsJsonArray the events as one JSON array of event objects
     * @throws ParseException if it is not JSON
     * @throws InvalidArgumentException if it is not an array, or for an event's shape
     * @throws PermissionDeniedException for a wrong sender
     * @throws StateException in a wrong stage
     * @throws RuleViolationException if a rule forbids an event (named in rule())
     * @throws IllegalStateException if closed
     */
    public void applyAll(String eventsJsonArray) {
        IpartCapi.ipart_partnership_apply_all(h(), eventsJsonArray);
    }

    /**
     * Apply a batch of events held as maps (Jackson's or Gson's {@code Map<String,
     * Object>}, your own) in one call into the library, without writing them as JSON:
     * the outcome is that of {@link #applyAll(String)} on the JSON text of the same
     * values (the same events applied, the same exception, path, rule and message, the
     * same saved bytes). Atomic per event, as applyAll(String): the first refused event
     * throws ({@code path()} {@code "$[3].date"}) and those before it stay applied. A
     * value the library cannot read applies nothing, even in a later event.
     *
     * <p>What each value is read as:
     * <ul>
     *   <li>{@code String}: its characters (a lone surrogate as U+FFFD, as applyAll(String)
     *       reads it; U+0000 as the JSON text's escape of it, which the library refuses);
     *   <li>{@code Boolean}: true or false; {@code null}: null;
     *   <li>{@code Integer}, {@code Long}, {@code Short}, {@code Byte}: the integer,
     *       exact within 2<sup>53</sup>; beyond, the double its digits read as in JSON
     *       text (every integer field's range ends far below, so it is refused there);
     *       {@code Double}, {@code Float}, {@code BigInteger}, {@code BigDecimal}:
     *       {@code doubleValue()} (NaN and infinities have no JSON text:
     *       {@link InvalidArgumentException} at their path);
     *   <li>{@code Map}: a JSON object, its members in the map's iteration order; a key
     *       must be a {@code String};
     *   <li>{@code List} or {@code Object[]}: a JSON array, in order.
     * </ul>
     * Anything else (a {@code java.util.Date}, a {@code Set}, a {@code Character}, a map
     * key that is not a String) applies nothing and throws {@link
     * InvalidArgumentException} naming its path ({@code "$[2].date"}, a key by its
     * {@code String.valueOf}). Values nested deeper than the library's limit (32 levels,
     * the list being the first) are refused as in JSON text, unread, so a map that
     * holds itself ends there. The values are read before the library is called, so
     * an exception a map or list throws while read (a {@code
     * ConcurrentModificationException}) is thrown as it is, nothing applied.
     *
     * <p>Beside {@code applyAll(String)}, a bare {@code applyAll(null)} does not compile
     * (ambiguous); a null list is a NullPointerException.
     *
     * @param events the events, each a map of an event object
     * @throws InvalidArgumentException for a value the library cannot read (nothing
     *     applied), or for an event's shape
     * @throws PermissionDeniedException for a wrong sender
     * @throws StateException in a wrong stage
     * @throws RuleViolationException if a rule forbids an event (named in rule())
     * @throws NullPointerException if events is null
     * @throws IllegalStateException if closed
     */
    public void applyAll(List<? extends Map<String, ?>> events) {
        ipart_partnership p = h();
        EventTree t = EventTree.of(java.util.Objects.requireNonNull(events, "events"));
        IpartCapi.ipart_java_apply_tree(p, t.nodes, t.nodeInts, t.numbers, t.numberCount, t.chars,
                                        t.charCount);
    }

    /**
     * Apply a typed event without JSON: the same guards, log entry and errors as
     * {@link #apply(String)} of the same event as JSON. The event is only read: it may
     * be reset and applied again.
     *
     * @param event the built event
     * @throws InvalidArgumentException for a missing field or bad shape (the path
     *     names the field as in JSON)
     * @throws CurrencyException for an amount in another currency than the case's
     * @throws PermissionDeniedException for a wrong sender
     * @throws StateException in a wrong stage
     * @throws RuleViolationException if a rule forbids it (named in rule())
     * @throws IllegalStateException if the partnership or the event is closed
     */
    public void applyEvent(Event event) { IpartCapi.ipart_partnership_apply_event(h(), event.h()); }

    /**
     * Apply a batch of typed events in one call into the library (one JNI crossing),
     * as {@link #applyEvent(Event)} would one by one. Atomic per event, not per batch:
     * the first refused event throws, its {@code path()} naming it ({@code
     * "$[3].tender.price"}), and those before it stay applied ({@link #eventCount()}
     * tells how many). A null or closed event is thrown for after the events before it
     * are applied, as a one-by-one loop would.
     *
     * @param events the built events
     * @return how many were applied
     * @throws IpartException for the first refused event, as applyEvent
     * @throws NullPointerException for a null event
     * @throws IllegalStateException if the partnership or an event is closed
     */
    public int applyEvents(Iterable<Event> events) {
        ipart_partnership p = h();
        List<ipart_event> handles = new ArrayList<>();
        RuntimeException stop = null;
        for (Event event : events) {
            if (event == null) {
                stop = new NullPointerException("events[" + handles.size() + "] is null");
                break;
            }
            if (event.isClosed()) {
                stop = new IllegalStateException("events[" + handles.size() + "]: the event is closed");
                break;
            }
            handles.add(event.h());
        }
        long[] applied = new long[1];
        IpartCapi.ipart_partnership_apply_events(p, handles.toArray(new ipart_event[0]), applied);
        if (stop != null)
            throw stop;
        return handles.size();
    }

    /**
     * The canonical document: {@code loads(dumps()).dumps()} gives the same text.
     *
     * @return the document as JSON
     * @throws IllegalStateException if closed
     */
    public String dumps() {
        String[] out = new String[1];
        IpartCapi.ipart_partnership_save(out, h());
        return out[0];
    }

    /**
     * Old name of {@link #dumps()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #dumps()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String save() { return dumps(); }

    /**
     * The jurisdiction profile.
     *
     * @return "NO", "SE", "DK" or "EU"
     * @throws IllegalStateException if closed
     */
    public String profile() { return IpartCapi.ipart_partnership_profile(h()); }

    /**
     * Old name of {@link #profile()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #profile()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getProfile() { return profile(); }

    /**
     * The currency of the partnership.
     *
     * @return an ISO 4217 code, or "" before partnership_created
     * @throws IllegalStateException if closed
     */
    public String currency() { return IpartCapi.ipart_partnership_currency(h()); }

    /**
     * Old name of {@link #currency()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #currency()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getCurrency() { return currency(); }

    /**
     * The current stage.
     *
     * @return the stage after the last applied event
     * @throws IllegalStateException if closed
     */
    public Stage stage() { return Stage.fromC(IpartCapi.ipart_partnership_stage(h())); }

    /**
     * Old name of {@link #stage()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #stage()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public Stage getStage() { return stage(); }

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
            return new Party(p.getId(), p.getName(), Role.fromC(p.getRole()), p.getKind(), p.getStatus(),
                             p.getParent());
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
     * The type, date and sender of an event, without its payload.
     *
     * @param index 0..eventCount()-1
     * @return the header
     * @throws NotFoundException past the end
     * @throws IllegalStateException if closed
     */
    public EventHeader eventHeader(int index) { return Queries.eventHeader(h(), index); }

    /**
     * How many events the party-scoped view of a party withholds (R19, R37).
     *
     * @param party a party id
     * @return the {@code withheld} count of {@link #viewJson(String)}
     * @throws NotFoundException for an unknown party
     * @throws IllegalStateException if closed
     */
    public int viewWithheld(String party) { return viewWithheld(party, eventCount()); }

    /**
     * How many of the first {@code at} events the view of a party at that
     * point withholds (Python's {@code view_withheld(party, at)}).
     *
     * @param party a party id
     * @param at 0..eventCount()
     * @return the {@code withheld} count of {@link #viewJson(String, int)}
     * @throws NotFoundException for a party that was no party after {@code at} events
     * @throws OutOfRangeException past the end of the log
     * @throws IllegalArgumentException for a negative count
     * @throws IllegalStateException if closed
     */
    public int viewWithheld(String party, int at) {
        long[] out = new long[1];
        IpartCapi.ipart_partnership_view_withheld_at(out, h(), point(at), party);
        return Math.toIntExact(out[0]);
    }

    /* A point of the log given by a binding's caller: 0..eventCount(). */
    private static int point(int at) {
        if (at < 0)
            throw new IllegalArgumentException("at must not be negative");
        return at;
    }

    /**
     * Every economic operator with its latest tender, in order of application.
     *
     * @return the rows (unmodifiable)
     * @throws IllegalStateException if closed
     */
    public List<Tenderer> tenderers() { return Queries.tenderers(h()); }

    /**
     * The last evaluation's ranking, best first.
     *
     * @return the ranked tenderers (unmodifiable), or empty before an evaluation
     * @throws IllegalStateException if closed
     */
    public Optional<List<Ranked>> ranking() { return Queries.ranking(h()); }

    /**
     * What an actor may do now: every event type with whether {@code actor}
     * may send it, and if not the code and rule that block it.
     *
     * @param actor a party id
     * @return one row per event type (unmodifiable)
     * @throws IllegalStateException if closed
     */
    public List<Action> actions(String actor) { return Queries.actions(h(), actor); }

    /**
     * Candidates and tenders as the JSON export (see ipart_partnership_tenderers_json).
     *
     * @return a JSON array
     * @throws IllegalStateException if closed
     * @deprecated use {@link #tenderers()}
     */
    @Deprecated
    public String tenderersJson() { return json(IpartCapi::ipart_partnership_tenderers_json); }

    /**
     * The last evaluation's ranking as the JSON export.
     *
     * @return a JSON array, best first
     * @throws NotFoundException before an evaluation
     * @throws IllegalStateException if closed
     * @deprecated use {@link #ranking()}
     */
    @Deprecated
    public String rankingJson() { return json(IpartCapi::ipart_partnership_ranking_json); }

    /**
     * What an actor may do now, as the JSON export.
     *
     * @param actor a party id
     * @return every event type with whether {@code actor} may send it now, as JSON
     * @throws IllegalStateException if closed
     * @deprecated use {@link #actions(String)}
     */
    @Deprecated
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
     * A partner's contract (see include/ipart/contract.h).
     *
     * @param partner an awarded operator's id
     * @return its state, phase and money
     * @throws NotFoundException if {@code partner} was not awarded
     * @throws IllegalStateException if closed
     */
    public PartnerStatus partner(String partner) {
        ipart_partner_status s = new ipart_partner_status();
        try {
            IpartCapi.ipart_partnership_partner_status(s, h(), partner);
            return new PartnerStatus(s.getPartner(), s.getState(),
                s.getPhase_index() < 0 ? Optional.empty() : Optional.of(s.getPhase()),
                money(s.getOriginal()), money(s.getChanges()), money(s.getChange_limit()),
                money(s.getValue()), money(s.getPaid()), money(s.getPayable()),
                money(s.getOwed_on_termination()), s.getOption_quantity(),
                money(s.getOption_value()));
        } finally {
            s.delete();
        }
    }

    /**
     * The rights of a party to a partner's asset now.
     *
     * @param party an authority, follower or operator id
     * @param asset "&lt;partner&gt;.foreground" (its results) or "&lt;partner&gt;.background"
     * @return the five answers, each with what decides it
     * @throws NotFoundException for an unknown party, asset or partner
     * @throws StateException (R36) while the terms hold no complete IP arrangement
     * @throws IllegalStateException if closed
     */
    public Rights rights(String party, String asset) { return rights(party, asset, eventCount()); }

    /**
     * The rights after the first {@code at} events of the log (Python's
     * {@code rights(party, asset, at)}).
     *
     * @param party an authority, follower or operator id
     * @param asset "&lt;partner&gt;.foreground" or "&lt;partner&gt;.background"
     * @param at 0..eventCount()
     * @return the five answers, each with what decides it
     * @throws OutOfRangeException past the end of the log
     * @throws IllegalArgumentException for a negative count
     * @throws IllegalStateException if closed
     */
    public Rights rights(String party, String asset, int at) {
        return Queries.rights(h(), point(at), party, asset);
    }

    /**
     * Old name of {@link #rights(String, String, int)}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @param eventCount as for the new name
     * @param party as for the new name
     * @param asset as for the new name
     * @return the same
     * @deprecated use {@link #rights(String, String, int)}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public Rights rightsAt(int eventCount, String party, String asset) { return rights(party, asset, eventCount); }

    /**
     * The phases of a partner's contract with their targets and instalments
     * (empty until it is signed).
     *
     * @param partner an awarded operator's id
     * @return the phases in the order of the plan (unmodifiable)
     * @throws NotFoundException if {@code partner} was not awarded
     * @throws IllegalStateException if closed
     */
    public List<PartnerPhase> partnerPhases(String partner) {
        partner(partner); // NotFoundException for an operator without a contract
        return Queries.partnerPhases(h(), partner);
    }

    /**
     * A partner's contract in detail as the JSON export.
     *
     * @param partner an awarded operator's id
     * @return a JSON object (see ipart_partnership_partner_json)
     * @throws NotFoundException if {@code partner} was not awarded
     * @throws IllegalStateException if closed
     * @deprecated use {@link #partner(String)} and {@link #partnerPhases(String)}
     */
    @Deprecated
    public String partnerJson(String partner) {
        return json((out, p) -> IpartCapi.ipart_partnership_partner_json(out, p, partner));
    }

    /**
     * Every budget cap row (R33): a "partner" cap has a row per partner.
     *
     * @return the rows, the budget's development cap first
     * @throws IllegalStateException if closed
     */
    public List<CapStatus> caps() {
        List<CapStatus> rows = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_cap_count(h());
        for (long i = 0; i < n; i++) {
            ipart_cap_status c = new ipart_cap_status();
            try {
                IpartCapi.ipart_partnership_cap_at(c, h(), i);
                rows.add(new CapStatus(c.getCap(), c.getScope(), optional(c.getPhase()),
                    optional(c.getPartner()), c.getBites(), c.getPolicy(), money(c.getAmount()),
                    money(c.getCommitted()), money(c.getPaid()), money(c.getHeadroom())));
            } finally {
                c.delete();
            }
        }
        return rows;
    }

    /** Each joint authority's budget view, in the order of the terms' joint block (R51).
     *  @return the views; empty when the partnership is not joint */
    public List<AuthorityBudget> authorityBudgets() {
        List<AuthorityBudget> rows = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_joint_count(h());
        for (long i = 0; i < n; i++) {
            ipart_authority_budget b = new ipart_authority_budget();
            try {
                IpartCapi.ipart_partnership_authority_budget_at(b, h(), i);
                rows.add(budget(b));
            } finally {
                b.delete();
            }
        }
        return rows;
    }

    /** One joint authority's budget view.
     *  @param authority the authority's id
     *  @return its view
     *  @throws NotFoundException when it is not a member of the terms' joint block */
    public AuthorityBudget authorityBudget(String authority) {
        ipart_authority_budget b = new ipart_authority_budget();
        try {
            IpartCapi.ipart_partnership_authority_budget(b, h(), authority);
            return budget(b);
        } finally {
            b.delete();
        }
    }

    /** The external funding sources (grants, co-funding) in the order they were granted
     *  (funding_granted), with what the payments naming them drew; beside the caps, never
     *  part of them (doc/funding.md).
     *  @return the sources; empty when none was granted */
    public List<FundingSource> funding() {
        List<FundingSource> rows = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_funding_count(h());
        for (long i = 0; i < n; i++) {
            ipart_funding_source f = new ipart_funding_source();
            try {
                IpartCapi.ipart_partnership_funding_at(f, h(), i);
                rows.add(source(f));
            } finally {
                f.delete();
            }
        }
        return rows;
    }

    /** One funding source by id.
     *  @param source the source's id
     *  @return its view
     *  @throws NotFoundException when no source with that id was granted */
    public FundingSource fundingSource(String source) {
        ipart_funding_source f = new ipart_funding_source();
        try {
            IpartCapi.ipart_partnership_funding(f, h(), source);
            return source(f);
        } finally {
            f.delete();
        }
    }

    private static FundingSource source(ipart_funding_source f) {
        String words = f.getPays_for();
        return new FundingSource(f.getSource(), f.getFunder(), optional(f.getFunder_org_no()),
            optional(f.getGranted_to()), words.isEmpty() ? List.of() : List.of(words.split(" ")),
            date(f.getGranted()), f.getHas_valid_until() != 0 ? Optional.of(date(f.getValid_until()))
                                                             : Optional.empty(),
            money(f.getAmount()), money(f.getDrawn()), money(f.getRemaining()));
    }

    private static AuthorityBudget budget(ipart_authority_budget b) {
        return new AuthorityBudget(b.getAuthority(), b.getLead() != 0, b.getShare(),
            b.getRisk_share(), money(b.getCommitted()), money(b.getOption_committed()),
            money(b.getPaid()), money(b.getCap()), b.getOwn_cap() != 0, money(b.getHeadroom()));
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * Would {@code amount} more fit under a cap, on the measure where it bites?
     *
     * @param cap the cap's id
     * @param amount in the case's currency
     * @param partner the row of a "partner" cap, else null
     * @return whether it fits
     * @throws NotFoundException for an unknown cap or partner
     * @throws InvalidArgumentException for a "partner" cap without a partner
     * @throws CurrencyException for another currency
     * @throws IllegalStateException if closed
     */
    public boolean capFits(String cap, Money amount, String partner) {
        int[] out = new int[1];
        try (ipart_money m = amount.toC()) {
            IpartCapi.ipart_partnership_cap_fits(out, h(), cap, partner, m);
        }
        return out[0] != 0;
    }

    /**
     * Would {@code amount} more fit under a cap that is not per partner?
     *
     * @param cap the cap's id
     * @param amount in the case's currency
     * @return whether it fits
     * @throws NotFoundException for an unknown cap
     * @throws InvalidArgumentException for a "partner" cap
     * @throws CurrencyException for another currency
     * @throws IllegalStateException if closed
     */
    public boolean capFits(String cap, Money amount) { return capFits(cap, amount, null); }

    /**
     * Old name of {@link #capFits(String, Money, String)}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @param cap as for the new name
     * @param partner as for the new name
     * @param amount as for the new name
     * @return the same
     * @deprecated use {@link #capFits(String, Money, String)}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public boolean capFits(String cap, String partner, Money amount) { return capFits(cap, amount, partner); }

    /**
     * The warnings the log raised (R17, R23, R25, caps with policy "warn").
     *
     * @return in log order
     * @throws IllegalStateException if closed
     */
    public List<RuleWarning> warnings() {
        List<RuleWarning> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_warning_count(h());
        for (long i = 0; i < n; i++) {
            ipart_warning w = new ipart_warning();
            try {
                IpartCapi.ipart_partnership_warning_at(w, h(), i);
                out.add(new RuleWarning(w.getEvent(), w.getRule(), w.getKey(), w.getMessage(),
                                        w.getMessage_nb()));
            } finally {
                w.delete();
            }
        }
        return out;
    }

    /**
     * The purchase against the development investment (R23, R25).
     *
     * @return the ratio, its band and the overrun check
     * @throws StateException before terms_set
     * @throws IllegalStateException if closed
     */
    public Proportionality proportionality() {
        ipart_proportionality v = new ipart_proportionality();
        try {
            IpartCapi.ipart_partnership_proportionality(v, h());
            return new Proportionality(money(v.getDevelopment_value()), money(v.getPurchase_value()),
                money(v.getCommitted()), v.getRatio() < 0 ? OptionalLong.empty()
                    : OptionalLong.of(v.getRatio()), v.getMin_ratio(), v.getMax_ratio(),
                v.getOverrun_margin(), v.getOutside_band() != 0, v.getOverrun() != 0);
        } finally {
            v.delete();
        }
    }

    /**
     * The payments still to come and their total.
     *
     * @return the forecast
     * @throws IllegalStateException if closed
     */
    public Forecast forecast() { return Queries.forecast(h()); }

    /**
     * The payments still to come as the JSON export (see ipart_partnership_forecast_json).
     *
     * @return a JSON object {"payments": [...], "total": "..."}
     * @throws IllegalStateException if closed
     * @deprecated use {@link #forecast()}
     */
    @Deprecated
    public String forecastJson() { return json(IpartCapi::ipart_partnership_forecast_json); }

    /**
     * What if: apply events to a clone and report where they lead (stage,
     * next deadline, caps, partners, payments forecast, warnings; the first
     * refused event and why). This partnership is not touched.
     *
     * @param eventsJson a JSON array of events
     * @return the report, a JSON object (see ipart_partnership_what_if_json)
     * @throws ParseException if eventsJson is not JSON
     * @throws InvalidArgumentException if it is not an array
     * @throws IllegalStateException if closed
     */
    public String whatIfJson(String eventsJson) {
        return json((out, p) -> IpartCapi.ipart_partnership_what_if_json(out, p, eventsJson));
    }

    /**
     * The rights with the clause, rule and reason of each answer.
     *
     * @param eventCount 0..eventCount()
     * @param party an authority, follower or operator id
     * @param asset "&lt;partner&gt;.foreground" or "&lt;partner&gt;.background"
     * @return JSON, see ipart_partnership_rights_json
     * @throws IpartException as {@link #rightsAt(int, String, String)}
     * @deprecated use {@link #rightsAt(int, String, String)}, whose answers carry their explanations
     */
    @Deprecated
    public String rightsJson(int eventCount, String party, String asset) {
        if (eventCount < 0)
            throw new IllegalArgumentException("eventCount must not be negative");
        return json((out, p) -> IpartCapi.ipart_partnership_rights_json(out, p, eventCount, party, asset));
    }

    private static java.time.LocalDate date(no.ipart.swig.ipart_date d) {
        return java.time.LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    /**
     * The facets of every need mapping (R1).
     *
     * @return in log order
     * @throws IllegalStateException if closed
     */
    public List<NeedFacet> needFacets() {
        List<NeedFacet> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_need_facet_count(h());
        for (long i = 0; i < n; i++) {
            ipart_need_facet f = new ipart_need_facet();
            try {
                IpartCapi.ipart_partnership_need_facet_at(f, h(), i);
                out.add(new NeedFacet(f.getMapping(), date(f.getDate()), f.getFacet(),
                    f.getFinding(), f.getEvidence(), f.getConsulted(), f.getDescribed() != 0));
            } finally {
                f.delete();
            }
        }
        return out;
    }

    /**
     * The activities of the market dialogue (R50).
     *
     * @return in log order
     * @throws IllegalStateException if closed
     */
    public List<DialogueActivity> dialogueActivities() {
        List<DialogueActivity> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_dialogue_count(h());
        for (long i = 0; i < n; i++) {
            ipart_dialogue_activity a = new ipart_dialogue_activity();
            try {
                IpartCapi.ipart_partnership_dialogue_at(a, h(), i);
                out.add(new DialogueActivity(a.getEvent(), a.getActivity(), a.getKind(),
                    date(a.getDate()), optional(a.getTitle()), a.getSummary(),
                    optional(a.getSupplier()),
                    a.getAttendance() < 0 ? java.util.OptionalLong.empty()
                                          : java.util.OptionalLong.of(a.getAttendance()),
                    a.getInformation(), a.getUnshared()));
            } finally {
                a.delete();
            }
        }
        return out;
    }

    /**
     * Who took part in each dialogue activity: suppliers and parties.
     *
     * @return in log order, per activity
     * @throws IllegalStateException if closed
     */
    public List<DialogueContact> dialogueContacts() {
        List<DialogueContact> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_dialogue_contact_count(h());
        for (long i = 0; i < n; i++) {
            ipart_dialogue_contact c = new ipart_dialogue_contact();
            try {
                IpartCapi.ipart_partnership_dialogue_contact_at(c, h(), i);
                out.add(new DialogueContact(c.getActivity(), c.getId(), c.getName(), c.getRole(),
                    optional(c.getKind()),
                    c.getSme() < 0 ? Optional.empty() : Optional.of(c.getSme() != 0),
                    c.getApplied() != 0));
            } finally {
                c.delete();
            }
        }
        return out;
    }

    /**
     * What the authority told in the dialogue, to whom, and when it was shared with all (R50).
     *
     * @return in log order
     * @throws IllegalStateException if closed
     */
    public List<DialogueInformation> dialogueInformation() {
        List<DialogueInformation> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_dialogue_information_count(h());
        for (long i = 0; i < n; i++) {
            ipart_dialogue_information d = new ipart_dialogue_information();
            try {
                IpartCapi.ipart_partnership_dialogue_information_at(d, h(), i);
                out.add(new DialogueInformation(d.getId(), d.getActivity(), d.getText(),
                    optional(d.getGiven_to()), d.getMust_share() != 0,
                    d.getShared() != 0 ? Optional.of(date(d.getShared_on())) : Optional.empty(),
                    optional(d.getChannel())));
            } finally {
                d.delete();
            }
        }
        return out;
    }

    private List<String> pairMembers(long pair, int which, long count) {
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            ipart_dialogue_member m = new ipart_dialogue_member();
            try {
                IpartCapi.ipart_partnership_dialogue_pair_member(m, h(), pair, which, i);
                ids.add(m.getId());
            } finally {
                m.delete();
            }
        }
        return ids;
    }

    /**
     * The pairings of the matchmakings: buyer, SMEs, knowledge institutions, purpose.
     *
     * @return in log order
     * @throws IllegalStateException if closed
     */
    public List<DialoguePair> dialoguePairs() {
        List<DialoguePair> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_dialogue_pair_count(h());
        for (long i = 0; i < n; i++) {
            ipart_dialogue_pair r = new ipart_dialogue_pair();
            try {
                IpartCapi.ipart_partnership_dialogue_pair_at(r, h(), i);
                out.add(new DialoguePair(r.getActivity(), r.getAuthority(), r.getPurpose(),
                    optional(r.getMatched_by()), pairMembers(i, 0, r.getSmes()),
                    pairMembers(i, 1, r.getKnowledge_institutions())));
            } finally {
                r.delete();
            }
        }
        return out;
    }

    /**
     * The need mapping and dialogue report as JSON, for the pre-market consultation
     * notice (eForms E1).
     *
     * @return JSON, see ipart_partnership_dialogue_json
     * @throws StateException before partnership_created
     * @throws IllegalStateException if closed
     */
    public String dialogueJson() {
        return json(IpartCapi::ipart_partnership_dialogue_json);
    }

    /**
     * The party-scoped view of the document (R19, R37): what the party may see.
     *
     * @param party a party id
     * @return JSON, see ipart_partnership_view_json
     * @throws NotFoundException for an unknown party
     * @throws IllegalStateException if closed
     */
    public String viewJson(String party) { return viewJson(party, eventCount()); }

    /**
     * The party-scoped view after the first {@code at} events of the log,
     * as the party saw it then, without replaying them (Python's
     * {@code view(party, at)}; ipart_partnership_view_at_json).
     *
     * @param party a party id
     * @param at 0..eventCount()
     * @return JSON, see ipart_partnership_view_at_json
     * @throws NotFoundException for a party that was no party after {@code at} events
     * @throws OutOfRangeException past the end of the log
     * @throws PermissionDeniedException from a scoped handle, for another party's view
     * @throws IllegalArgumentException for a negative count
     * @throws IllegalStateException if closed
     */
    public String viewJson(String party, int at) {
        int k = point(at);
        return json((out, p) -> IpartCapi.ipart_partnership_view_at_json(out, p, k, party));
    }

    /**
     * The procurement record (R41: Art. 84(1), FOA &sect; 25-5) as the party may see it.
     *
     * @param party a party id
     * @param lang "nb" or "en" (any other language falls back to English)
     * @return JSON, see ipart_partnership_record_json
     * @throws NotFoundException for an unknown party
     * @throws IllegalStateException if closed
     */
    public String recordJson(String party, String lang) {
        return json((out, p) -> IpartCapi.ipart_partnership_record_json(out, p, party, lang));
    }

    /**
     * The procurement record as readable text.
     *
     * @param party a party id
     * @param lang "nb" or "en" (any other language falls back to English)
     * @return UTF-8 text, see ipart_partnership_record_text
     * @throws NotFoundException for an unknown party
     * @throws IllegalStateException if closed
     */
    public String recordText(String party, String lang) {
        return json((out, p) -> IpartCapi.ipart_partnership_record_text(out, p, party, lang));
    }

    /**
     * The OCDS 1.1.5 record package as the party may see it: one ocid, a
     * release per significant event and the compiled release.
     *
     * @param ocid the open contracting id of the partnership
     * @param party a party id
     * @param lang "nb" or "en" (any other language falls back to English)
     * @return JSON, see ipart_partnership_ocds_json
     * @throws NotFoundException for an unknown party
     * @throws InvalidArgumentException for an empty ocid
     * @throws IllegalStateException if closed
     */
    public String ocdsJson(String ocid, String party, String lang) {
        return json((out, p) -> IpartCapi.ipart_partnership_ocds_json(out, p, ocid, party, lang));
    }

    /**
     * An eForms notice (SDK 1.15, UBL XML) as the party may see it.
     *
     * @param subtype "16" (contract notice), "29" (contract award notice), "38" (modification notice)
     *                or "E1" (pre-market consultation notice, from the need mapping and the market dialogue)
     * @param party a party id
     * @param settingsJson what the log does not hold, see ipart_partnership_eforms_xml
     * @return the XML text
     * @throws InvalidArgumentException for an unsupported subtype or bad settings
     * @throws StateException when the log has not reached the notice's stage
     * @throws NotFoundException for an unknown party
     * @throws IllegalStateException if closed
     */
    public String eformsXml(String subtype, String party, String settingsJson) {
        return json((out, p) -> IpartCapi.ipart_partnership_eforms_xml(out, p, subtype, party, settingsJson));
    }

    /**
     * The values of the same notice keyed by eForms field id ("BT-105-Procedure").
     *
     * @param subtype as {@link #eformsXml(String, String, String)}
     * @param party a party id
     * @param settingsJson as {@link #eformsXml(String, String, String)}
     * @return JSON: {field id: [values]}
     * @throws IpartException as {@link #eformsXml(String, String, String)}
     */
    public String eformsMapJson(String subtype, String party, String settingsJson) {
        return json((out, p) -> IpartCapi.ipart_partnership_eforms_map_json(out, p, subtype, party, settingsJson));
    }

    /**
     * The timeline as a standalone SVG document: one lane per partner (phases,
     * targets met or not, gates, terminations, phase dues, its payments against
     * its caps), the procedure's deadlines and standstill above, the
     * development budget below.
     *
     * @param lang "nb" or "en"
     * @return the SVG text, see ipart_partnership_timeline_svg
     * @throws InvalidArgumentException for another language
     * @throws IllegalStateException if closed
     */
    public String timelineSvg(String lang) {
        return json((out, p) -> IpartCapi.ipart_partnership_timeline_svg(out, p, lang));
    }

    /** The native handle (package-private: the tests call the generated layer with it). */
    ipart_partnership h() {
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
            : "Partnership[" + profile() + " " + stage().jsonName() + " events=" + eventCount() + "]";
    }
}
