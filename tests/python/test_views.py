"""pygit2-style views of a partnership's parties and events: by id and by
position, negative indices, slices, ``in``, ``get``, and a view that follows
the partnership as events are applied."""
import pytest

import ipart
from conftest import load_case

DOC = load_case("procedure/stavanger.json")["document"]


@pytest.fixture(scope="module")
def stavanger():
    return ipart.Partnership.loads(DOC)


def test_parties_by_id_and_by_position(stavanger):
    parties = stavanger.parties
    assert isinstance(parties, ipart.Parties)
    assert parties["op05"] == stavanger.party("op05") and parties["op05"].status == "partner"
    assert parties[0].role is ipart.Role.AUTHORITY and parties[0].id == "stavanger"
    assert parties[-1] == parties[len(parties) - 1]
    assert [p.id for p in parties[1:4]] == parties.keys()[1:4]
    assert parties[::-1][0] == parties[-1]
    assert "op05" in parties and "nobody" not in parties
    assert parties["op05"] in parties
    assert parties["op05"]._replace(status="other") not in parties
    assert parties.get("nobody") is None and parties.get("nobody", 0) == 0
    with pytest.raises(KeyError):
        parties["nobody"]
    with pytest.raises(IndexError):
        parties[len(parties)]
    assert parties == list(parties) and len(parties) == len(list(parties))


def test_events_by_position_and_slices(stavanger):
    events = stavanger.events
    assert isinstance(events, ipart.Events) and len(events) == len(DOC["events"]) == 123
    assert events[0]["type"] == "partnership_created"
    assert events[-1] == stavanger.event(len(stavanger) - 1)
    assert [e["type"] for e in events[3:6]] == [e["type"] for e in DOC["events"][3:6]]
    assert events[3] in events and {"type": "none"} not in events
    assert events.header(-1).type == events[-1]["type"]
    with pytest.raises(IndexError):
        events[123]
    with pytest.raises(IndexError):
        events[-124]


def test_views_follow_the_partnership():
    p = ipart.Partnership("NO")
    parties, events = p.parties, p.events
    assert len(parties) == 0 and len(events) == 0 and "stavanger" not in parties
    p.apply(DOC["events"][0])
    assert "stavanger" in parties and len(events) == 1
    assert events[0]["type"] == "partnership_created"
    p.close()
    with pytest.raises(ValueError):
        len(parties)
