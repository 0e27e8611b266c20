"""Joint contracting authorities (include/ipart/joint.h, RULES.md R51): each
authority's budget view. Money is :class:`Money`."""
from typing import Any, List, NamedTuple

from . import capi
from ._money import Money


class AuthorityBudget(NamedTuple):
    """One joint authority's budget view (ipart_authority_budget): its
    cost-share and risk-share keys in basis points, its development
    commitments, the option purchases it bears, what it paid, its cap (its
    own, or its cost share of the development cap) and the headroom."""
    authority: str
    lead: bool
    share: int
    risk_share: int
    committed: Money
    option_committed: Money
    paid: Money
    cap: Money
    own_cap: bool
    headroom: Money


def _view(b: Any) -> AuthorityBudget:
    w = Money._wrap
    return AuthorityBudget(b.authority, bool(b.lead), int(b.share), int(b.risk_share),
                           w(b.committed), w(b.option_committed), w(b.paid), w(b.cap),
                           bool(b.own_cap), w(b.headroom))


def authority_budgets(handle: Any) -> List[AuthorityBudget]:
    rows = []
    for i in range(capi.ipart_partnership_joint_count(handle)):
        b = capi.ipart_authority_budget()
        capi.ipart_partnership_authority_budget_at(b, handle, i)
        rows.append(_view(b))
    return rows


def authority_budget(handle: Any, authority: str) -> AuthorityBudget:
    b = capi.ipart_authority_budget()
    capi.ipart_partnership_authority_budget(b, handle, authority)
    return _view(b)
