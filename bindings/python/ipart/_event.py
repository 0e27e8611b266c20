"""Typed events: an event built field by field from Python values and
applied without JSON (C: include/ipart/event.h, doc/typed-apply.md)."""
import enum
from typing import Any, Mapping, Optional

from . import capi
from ._money import Money


class FieldKind(enum.IntEnum):
    """What a field of an event holds (C: ipart_field_kind)."""
    ID = capi.IPART_FIELD_ID
    STRING = capi.IPART_FIELD_STRING
    DATE = capi.IPART_FIELD_DATE
    MONEY = capi.IPART_FIELD_MONEY
    CURRENCY = capi.IPART_FIELD_CURRENCY
    BOOL = capi.IPART_FIELD_BOOL
    INT = capi.IPART_FIELD_INT
    ENUM = capi.IPART_FIELD_ENUM
    OBJECT = capi.IPART_FIELD_OBJECT
    ARRAY = capi.IPART_FIELD_ARRAY
    ID_ARRAY = capi.IPART_FIELD_ID_ARRAY
    ITEM = capi.IPART_FIELD_ITEM


class Event:
    """An event of one type, built from typed values and applied with
    :meth:`Partnership.apply_event`, which gives the same log entry and the
    same errors as :meth:`Partnership.apply` of the same event as JSON.

    ``Event("candidate_assessed", date=datetime.date(2017, 10, 20),
    actor="stavanger", candidate="op01", qualified=True, reason="...")``.
    Values: ``str`` (ids, text, currency codes, enum names), ``bool``,
    ``int``, :class:`datetime.date`, :class:`Money`, ``None`` (a field that
    may be null), a ``dict`` (an object) and a ``list`` or ``tuple`` (an
    array). Each value is checked when it is set (InvalidArgumentError with
    the JSON path, "$.tender.price"); what needs the partnership (required
    fields, the case's currency, the rules) when it is applied.
    :meth:`reset` empties the event for the next one and keeps its memory.
    """

    __slots__ = ("_e",)

    def __init__(self, type: str, fields: Optional[Mapping[str, Any]] = None, **_more: Any):
        self._e = capi.ipart_event_new(type)
        self.update(fields, **_more)

    @property
    def type(self) -> str:
        """The event type ("candidate_assessed")."""
        return capi.ipart_event_type(self._e)

    def reset(self, type: str, fields: Optional[Mapping[str, Any]] = None,
              **_more: Any) -> "Event":
        """Empty the event, make it a ``type`` event and set ``fields``."""
        capi.ipart_event_reset(self._e, type)
        return self.update(fields, **_more)

    def update(self, fields: Optional[Mapping[str, Any]] = None, **_more: Any) -> "Event":
        """Set every field of ``fields`` and the keyword arguments."""
        for source in (fields or {}, _more):
            for name, value in source.items():
                self.set(name, value)
        return self

    def set(self, field: str, value: Any) -> "Event":
        """Set one field by its path ("tender.price", "scores[0].criterion");
        a dict or a list sets its members or elements by their paths ({} and
        [] make an empty object or array). Converted in the extension, as
        :meth:`Partnership.apply_events` converts its dicts."""
        capi.ipart_py_event_set(self._e, field, value, Money)
        return self

    def kind(self, field: str) -> FieldKind:
        """What the field at ``field`` holds (InvalidArgumentError if the
        event type has no such field)."""
        return FieldKind(capi.ipart_event_field_kind(self._e, field))

    def __repr__(self) -> str:
        return f"<Event {self.type}>"
