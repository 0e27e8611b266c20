"""Live views of a partnership's parties and events, in the style of
pygit2's collections: ``p.parties["op05"]`` (by id), ``p.parties[0]``,
``p.events[3]``, ``p.events[-1]``, slices, ``len``, iteration and ``in``.
A view reads the partnership when it is used, so it follows later events."""
import collections.abc
from typing import Any, Dict, Iterator, List

from . import capi
from ._errors import NotFoundError


class _LiveSequence(collections.abc.Sequence[Any]):
    """A sequence read from the partnership on each use; slices are lists."""

    def __init__(self, partnership: Any) -> None:
        self._p = partnership

    def _at(self, index: int) -> Any:
        raise NotImplementedError

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(f"{type(self).__name__.lower()} index out of range")
        return self._at(key)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, collections.abc.Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Parties(_LiveSequence):
    """The parties of a partnership, the authority first, in the order they
    joined; indexed by position (int, slice) or by id (str, KeyError when
    there is none). ``"op05" in p.parties`` tests an id, ``party in
    p.parties`` a Party record."""

    def __len__(self) -> int:
        return capi.ipart_partnership_party_count(self._p._handle())

    def _at(self, index: int) -> Any:
        return self._p._party_at(index)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return self._p.party(key)
            except NotFoundError:
                raise KeyError(key) from None
        return super().__getitem__(key)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.get(item) is not None
        party_id = getattr(item, "id", None)
        return party_id is not None and self.get(party_id) == item

    def get(self, party_id: str, default: Any = None) -> Any:
        """The party with an id, or ``default``."""
        try:
            return self[party_id]
        except KeyError:
            return default

    def keys(self) -> List[str]:
        """The parties' ids, in order."""
        return [party.id for party in self]

    def __repr__(self) -> str:
        return f"<Parties {self.keys()}>"


class Events(_LiveSequence):
    """The event log of a partnership as canonical dicts, indexed by
    position (int, negative from the end, slice). ``header(i)`` gives an
    event's type, date and sender without parsing its payload."""

    def __len__(self) -> int:
        return len(self._p)

    def _at(self, index: int) -> Any:
        return self._p.event(index)

    def __iter__(self) -> Iterator[Dict[str, Any]]:
        return iter(self._p)

    def header(self, index: int) -> Any:
        """The type, date and sender of the index-th event (EventHeader)."""
        return self._p.event_header(index)

    def __repr__(self) -> str:
        return f"<Events {len(self)}>"

