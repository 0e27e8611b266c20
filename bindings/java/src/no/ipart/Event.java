// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_date;
import no.ipart.swig.ipart_event;
import no.ipart.swig.ipart_money;

/**
 * An event built from typed values, applied without JSON by {@link
 * Partnership#applyEvent(Event)} with the same log entry and the same
 * errors as {@link Partnership#apply(String)} of the same event as JSON
 * (C: {@code include/ipart/event.h}, doc/typed-apply.md).
 *
 * <pre>{@code
 * try (Event e = new Event("candidate_assessed")) {
 *     p.applyEvent(e.set("date", LocalDate.of(2017, 10, 20)).set("actor", "stavanger")
 *         .set("candidate", "op01").set("qualified", true).set("reason", "Qualified."));
 * }
 * }</pre>
 *
 * <p>Fields are named by their path in the event's JSON ({@code "tender.price"},
 * {@code "scores[1].criterion"}, {@code "candidates[0]"}); arrays grow in order.
 * Each value is checked when it is set ({@link InvalidArgumentException} with the
 * JSON path, {@code "$.tender.price"}), and nothing changes when it is refused;
 * what needs the partnership (required fields, the case's currency, the rules) is
 * checked when the event is applied. {@link #reset(String)} empties the event for
 * the next one and keeps its native memory. Owns native memory: close it
 * (try-with-resources; {@link #close()} is idempotent). One thread at a time.
 */
public final class Event implements AutoCloseable {
    private ipart_event handle;

    /**
     * An empty event of a type.
     *
     * @param type the JSON event type ("candidate_assessed")
     * @throws InvalidArgumentException for an unknown type
     */
    public Event(String type) {
        ipart_event[] out = new ipart_event[1];
        IpartCapi.ipart_event_new(out, type);
        handle = out[0];
    }

    /**
     * Empty the event and make it an event of another type.
     *
     * @param type the JSON event type
     * @return this event
     * @throws InvalidArgumentException for an unknown type (the event is unchanged)
     * @throws IllegalStateException if closed
     */
    public Event reset(String type) {
        IpartCapi.ipart_event_reset(h(), type);
        return this;
    }

    /**
     * The event's type.
     *
     * @return the JSON event type ("candidate_assessed")
     * @throws IllegalStateException if closed
     */
    public String type() { return IpartCapi.ipart_event_type(h()); }

    /**
     * Set an id, text, currency code, enum name, an id array's element or a blanket
     * consent item.
     *
     * @param field the field's path ("candidate", "operator.name", "candidates[0]")
     * @param value the text
     * @return this event
     * @throws InvalidArgumentException for a value the JSON reader would refuse, an
     *     unknown field or a field that is not a string
     * @throws IllegalStateException if closed
     */
    public Event set(String field, String value) {
        IpartCapi.ipart_event_set_string(h(), field, value);
        return this;
    }

    /**
     * Set a date field ("date" is the event's own).
     *
     * @param field the field's path
     * @param value the date
     * @return this event
     * @throws InvalidArgumentException for an unknown field or one that is not a date
     * @throws IllegalStateException if closed
     */
    public Event set(String field, LocalDate value) {
        try (ipart_date d = Dates.toC(value)) {
            IpartCapi.ipart_event_set_date(h(), field, d);
        }
        return this;
    }

    /**
     * Set an amount; its currency must be the case's (checked when applied).
     *
     * @param field the field's path
     * @param value the amount
     * @return this event
     * @throws InvalidArgumentException for an unknown field or one that is not money
     * @throws IllegalStateException if closed
     */
    public Event set(String field, Money value) {
        try (ipart_money m = value.toC()) {
            IpartCapi.ipart_event_set_money(h(), field, m);
        }
        return this;
    }

    /**
     * Set an integer field (basis points, scores, quantities, "item.event").
     *
     * @param field the field's path
     * @param value the integer
     * @return this event
     * @throws InvalidArgumentException outside the field's range, for an unknown
     *     field or one that is not an integer
     * @throws IllegalStateException if closed
     */
    public Event set(String field, long value) {
        IpartCapi.ipart_event_set_int(h(), field, value);
        return this;
    }

    /**
     * Set a true-or-false field.
     *
     * @param field the field's path
     * @param value the truth value
     * @return this event
     * @throws InvalidArgumentException for an unknown field or one that is not a
     *     boolean
     * @throws IllegalStateException if closed
     */
    public Event set(String field, boolean value) {
        IpartCapi.ipart_event_set_bool(h(), field, value ? 1 : 0);
        return this;
    }

    /**
     * Set a field that may be null to null.
     *
     * @param field the field's path
     * @return this event
     * @throws InvalidArgumentException for a field that may not be null
     * @throws IllegalStateException if closed
     */
    public Event setNull(String field) {
        IpartCapi.ipart_event_set_null(h(), field);
        return this;
    }

    /**
     * Make an array empty or an object present without fields (JSON's [] and {}).
     *
     * @param field the field's path
     * @return this event
     * @throws InvalidArgumentException for a field that is not an array or object
     * @throws IllegalStateException if closed
     */
    public Event setEmpty(String field) {
        IpartCapi.ipart_event_set_empty(h(), field);
        return this;
    }

    /**
     * What a field holds, which says its setter.
     *
     * @param field the field's path
     * @return its kind
     * @throws InvalidArgumentException if the event type has no such field
     * @throws IllegalStateException if closed
     */
    public FieldKind kind(String field) {
        int[] out = new int[1];
        IpartCapi.ipart_event_field_kind(out, h(), field);
        return FieldKind.values()[out[0]];
    }

    /** What a field of an event holds (C: {@code ipart_field_kind}, in its order). */
    public enum FieldKind {
        /** an id */
        ID,
        /** UTF-8 text */
        STRING,
        /** a date */
        DATE,
        /** an amount in the case's currency */
        MONEY,
        /** an ISO 4217 code */
        CURRENCY,
        /** true or false */
        BOOL,
        /** an integer */
        INT,
        /** one of the field's names */
        ENUM,
        /** an object */
        OBJECT,
        /** an array of objects */
        ARRAY,
        /** an array of ids */
        ID_ARRAY,
        /** the consent's item: an object or a (blanket) string */
        ITEM
    }

    boolean isClosed() { return handle == null; }

    ipart_event h() {
        if (handle == null)
            throw new IllegalStateException("the event is closed");
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
     * @return e.g. "Event[candidate_assessed]"
     */
    @Override
    public String toString() { return handle == null ? "Event[closed]" : "Event[" + type() + "]"; }
}
