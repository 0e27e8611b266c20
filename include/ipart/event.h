/** @file
 * libipart - the typed event builder: events built in memory, field by
 * field, and applied without JSON (doc/typed-apply.md).
 *
 * A host that holds its events as typed values (a platform's own records, a
 * generator, a simulation) builds each one in an ipart_event and applies it
 * with ipart_partnership_apply_event(). The result is the one
 * ipart_partnership_apply() gives for the same event as JSON text: the same
 * guards, the same canonical log entry (so the saved document is byte for
 * byte the same) and the same errors.
 *
 * Fields are named by their path in the event's JSON (doc/events.md):
 * "candidate", "tender.price", "scores[1].criterion", "candidates[0]",
 * "development.phases[0].targets[0].id". An array grows in order: index n
 * of an array of n elements appends one; a larger index is refused. Each
 * setter checks, before it changes anything, that the field exists in the
 * event type, takes a value of the setter's type and that the value is one
 * the JSON reader would accept (ids, UTF-8, lengths, integer ranges, enum
 * names, calendar dates, known currencies); a refused set leaves the event
 * as it was. What needs the partnership (required fields present, array
 * sizes, repeated ids, the case's currency, then every guard) is checked by
 * ipart_partnership_apply_event(), in the order the JSON path checks it.
 * Errors name the JSON path the field has in an event applied as text
 * ("$.tender.price").
 *
 * Reuse: ipart_event_reset() empties an event for the next one and keeps
 * its memory, so a loop that resets, sets and applies allocates nothing in
 * the builder once its buffers have grown.
 *
 * Memory: any setter may fail with IPART_ENOMEM (the first set of a new
 * event allocates what the setters keep; a path that adds an element grows
 * its array); the event is then as it was.
 *
 * Order: any order of sets gives the same event, but a path that starts
 * with the previous set's object ("scores[1]." after "scores[1].tenderer")
 * is found from that object, not from the event's root; setting an
 * object's fields one after the other is the cheapest order.
 *
 * Threading: an event may be used by one thread at a time; applying reads
 * it only, and distinct events are independent. Ownership: an event from
 * ipart_event_new() is the caller's (ipart_event_free()); strings passed to
 * setters are copied.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_EVENT_H
#define IPART_EVENT_H

#include "common.h"
#include "date.h"
#include "errors.h"
#include "money.h"
#include "partnership.h"

IPART_BEGIN_DECL

/** An event being built (one event type, its fields). Opaque. */
typedef struct ipart_event ipart_event;

/**
 * What a field holds, which says its setter. Values never change once
 * released.
 */
typedef enum ipart_field_kind {
    IPART_FIELD_ID = 0,       /**< an id (1-64 of A-Z a-z 0-9 . _ -): ipart_event_set_string() */
    IPART_FIELD_STRING = 1,   /**< UTF-8 text: ipart_event_set_string() */
    IPART_FIELD_DATE = 2,     /**< a calendar date: ipart_event_set_date() */
    IPART_FIELD_MONEY = 3,    /**< an amount in the case's currency: ipart_event_set_money() */
    IPART_FIELD_CURRENCY = 4, /**< an ISO 4217 code: ipart_event_set_string() */
    IPART_FIELD_BOOL = 5,     /**< true or false: ipart_event_set_bool() */
    IPART_FIELD_INT = 6,      /**< an integer in the field's range: ipart_event_set_int() */
    IPART_FIELD_ENUM = 7,     /**< one of the field's names: ipart_event_set_string() */
    IPART_FIELD_OBJECT = 8,   /**< fields of its own ("a.b"); ipart_event_set_empty() */
    IPART_FIELD_ARRAY = 9,    /**< objects ("a[0].b"); ipart_event_set_empty() */
    IPART_FIELD_ID_ARRAY = 10, /**< ids ("a[0]", ipart_event_set_string()); ipart_event_set_empty() */
    IPART_FIELD_ITEM = 11     /**< consent's item: an object ("item.event", "item.field") or a
                                   string (a blanket consent, refused by R19) */
} ipart_field_kind;

/**
 * A new, empty event of `type` (a JSON event type, "candidate_assessed").
 * *out is owned by the caller (ipart_event_free()).
 * @return IPART_OK; IPART_EINVAL (key "event.type.unknown") for an unknown
 *         type; IPART_ENOMEM; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_new(ipart_event **out, const char *type);

/**
 * Empty `event` and make it an event of `type`, keeping its memory for the
 * next fields. On failure the event is unchanged.
 * @return IPART_OK; IPART_EINVAL for an unknown type; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_reset(ipart_event *event, const char *type);

/** Free an event and everything it holds. NULL is a no-op. */
IPART_API void ipart_event_free(ipart_event *event);

/** The event's type ("candidate_assessed"), borrowed; "" for NULL. */
IPART_API const char *ipart_event_type(const ipart_event *event);

/**
 * What the field at `field` holds (see ipart_field_kind); "date" is a date
 * and "actor" an id in every event. An array element's index may be any
 * (the schema is asked, not the elements set so far).
 * @return IPART_OK; IPART_EINVAL (key "document.field.unknown", path
 *         "$.<field>") for a field the event type does not have or a
 *         malformed path; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_field_kind(ipart_field_kind *out, const ipart_event *event,
                                              const char *field);

/**
 * Set a string field: an id, text, a currency code, an enum name, an id
 * array's element or a blanket consent item (copied).
 * @return IPART_OK; IPART_EINVAL with the JSON reader's key and message for
 *         a value it would refuse ("document.id.syntax",
 *         "document.string.utf8", "document.enum.unknown", ...), for an
 *         unknown field or for a field that is not a string
 *         ("document.field.type"); IPART_ECURRENCY for an unknown currency;
 *         IPART_ENOMEM; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_set_string(ipart_event *event, const char *field,
                                              const char *value);

/**
 * Set a date field ("date" is the event's own date).
 * @return IPART_OK; IPART_EINVAL for a day that does not exist (the key
 *         and message of the JSON reader), an unknown field or a field that
 *         is not a date; IPART_ENOMEM; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_set_date(ipart_event *event, const char *field,
                                            ipart_date value);

/**
 * Set an amount. Its currency must be the case's: that is checked when the
 * event is applied (IPART_ECURRENCY there).
 * @return IPART_OK; IPART_EINVAL for an unknown field or a field that is
 *         not money; IPART_ECURRENCY for an unknown currency; IPART_ENOMEM;
 *         IPART_EMISUSE.
 */
IPART_API ipart_status ipart_event_set_money(ipart_event *event, const char *field,
                                             ipart_money value);

/**
 * Set an integer field (weights and shares in basis points, scores,
 * quantities, a consent's "item.event").
 * @return IPART_OK; IPART_EINVAL (key "document.integer.range") outside the
 *         field's range, for an unknown field or one that is not an
 *         integer; IPART_ENOMEM; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_set_int(ipart_event *event, const char *field,
                                           int64_t value);

/**
 * Set a true-or-false field (any non-zero `value` is true).
 * @return IPART_OK; IPART_EINVAL for an unknown field or one that is not
 *         true or false; IPART_ENOMEM; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_set_bool(ipart_event *event, const char *field, int value);

/**
 * Set a field that may be null to null (written as null, as JSON's
 * "instalment": null).
 * @return IPART_OK; IPART_EINVAL (the JSON reader's "expected ..., got
 *         null") for a field that may not be null; IPART_ENOMEM;
 *         IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_set_null(ipart_event *event, const char *field);

/**
 * Make an array empty or an object present with no fields yet (JSON's []
 * and {}). An array may need elements all the same: its minimum is
 * checked when the event is applied ("document.array.empty").
 * @return IPART_OK; IPART_EINVAL for a field that is not an array or
 *         object; IPART_ENOMEM; IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_event_set_empty(ipart_event *event, const char *field);

/**
 * Apply a built event, exactly as ipart_partnership_apply() applies the
 * same event as JSON text: the same guards in the same order, the same
 * canonical log entry, the same error (code, key, rule, path, message) for
 * a refused event, whose paths are those of the JSON ("$.tender.price").
 * `event` is only read: it may be applied again, reset or freed after.
 * @return IPART_OK, or what ipart_partnership_apply() returns for the event;
 *         IPART_EMISUSE for NULL.
 */
IPART_API ipart_status ipart_partnership_apply_event(ipart_partnership *partnership,
                                                     const ipart_event *event);

/**
 * Apply a batch of built events in order, as ipart_partnership_apply_event()
 * would one by one, in one call (bindings: one crossing for the batch; Python
 * Partnership.apply_events, Java Partnership.applyEvents).
 *
 * Atomicity is per event, not per batch, as in ipart_partnership_apply_all():
 * each event is all-or-nothing; the first refused event stops the batch with
 * the error ipart_partnership_apply_event() gives for it, whose path names it
 * ("$[3].tender.price", "$[3]" for a NULL element), and the events before it
 * stay applied. For all-or-nothing over the batch, apply it to an
 * ipart_partnership_clone() and keep the clone on success.
 *
 * `events` (`count` of them; NULL when `count` is 0) are only read and stay
 * the caller's. *applied, unless `applied` is NULL, is set to how many
 * events were applied: `count` on success, the refused event's index on
 * failure (0 for a NULL partnership). Threading: the partnership is written,
 * so one thread at a time; the events may be read by other threads meanwhile
 * but not changed.
 * @return IPART_OK (also for an empty batch); what
 *         ipart_partnership_apply_event() returns for the first refused
 *         event; IPART_EMISUSE for a NULL partnership, NULL `events` with a
 *         non-zero `count` or a NULL element (path "$[i]").
 */
IPART_API ipart_status ipart_partnership_apply_events(ipart_partnership *partnership,
                                                      const ipart_event *const *events,
                                                      size_t count, size_t *applied);

IPART_END_DECL

#endif /* IPART_EVENT_H */
