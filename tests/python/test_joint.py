"""Joint contracting authorities through the Python facade (RULES.md R51,
doc/joint.md): the budget views of joint_klimagrunn.json and the query's
errors. The golden case itself and the r51_* rejections run in
test_partnership.py."""
import pytest

import ipart
from conftest import load_case
from test_partnership import replay


def test_the_members_parts_add_up_to_the_contracts():
    with replay("joint_klimagrunn.json") as p:
        views = p.authority_budgets
        assert [v.authority for v in views] == ["vegvesen", "statsbygg", "nye-veier"]
        assert [v.lead for v in views] == [True, False, False]
        assert sum(v.share for v in views) == sum(v.risk_share for v in views) == 10000
        committed = sum((v.committed for v in views), ipart.Money("0.00", "NOK"))
        values = sum((p.partner(o).value for o in ("op05", "op08", "op11")),
                     ipart.Money("0.00", "NOK"))
        assert committed == values
        paid = sum((v.paid for v in views), ipart.Money("0.00", "NOK"))
        assert paid == sum((p.partner(o).paid for o in ("op05", "op08", "op11")),
                           ipart.Money("0.00", "NOK"))
        nye = p.authority_budget("nye-veier")
        assert nye.own_cap and nye.cap == ipart.Money("2350000.00", "NOK")
        assert nye.headroom == nye.cap - nye.committed


def test_a_member_pays_only_its_share():
    case = load_case("procedure/joint_klimagrunn.json")
    events = case["document"]["events"]
    with replay("joint_klimagrunn.json", 102) as p:
        before = p.dumps()
        with pytest.raises(ipart.RuleViolationError) as e:
            p.apply(dict(events[103], amount="237000.01"))
        assert e.value.rule == "R51" and e.value.path == "$.amount"
        assert p.dumps() == before
        p.apply(events[103])  # Statsbygg's 237 000.00 is its exact share
        assert p.authority_budget("statsbygg").paid == ipart.Money("237000.00", "NOK")


def test_the_budget_query_names_what_it_cannot_answer():
    with replay("joint_klimagrunn.json") as p:
        with pytest.raises(ipart.NotFoundError):
            p.authority_budget("baerum")  # a follower is not a member of the buyer
    with replay("stavanger.json") as p:
        assert p.authority_budgets == []
        with pytest.raises(ipart.NotFoundError):
            p.authority_budget("stavanger")
