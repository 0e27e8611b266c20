"""Joint contracting authorities (include/ipart/joint.h, RULES.md R51): each
authority's budget view; and the external funding reported beside it
(doc/funding.md). Money is :class:`Money`."""
import datetime
from typing import Any, List, NamedTuple, Optional, Tuple

from . import capi
from ._dates import _py_date
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


class FundingSource(NamedTuple):
    """An external funding source (ipart_funding_source, funding_granted):
    the funder, what it may pay for (empty: every payment), the authority it
    was granted to (None: the buyer as a whole), its validity, the amount
    granted, what the payments naming it drew and what remains. Reported
    beside the caps, never part of them."""
    source: str
    funder: str
    funder_org_no: Optional[str]
    granted_to: Optional[str]
    pays_for: Tuple[str, ...]
    granted: datetime.date
    valid_until: Optional[datetime.date]
    amount: Money
    drawn: Money
    remaining: Money


def _source(f: Any) -> FundingSource:
    w = Money._wrap
    return FundingSource(f.source, f.funder, f.funder_org_no or None, f.granted_to or None,
                         tuple(f.pays_for.split()), _py_date(f.granted),
                         _py_date(f.valid_until) if f.has_valid_until else None,
                         w(f.amount), w(f.drawn), w(f.remaining))


def funding(handle: Any) -> List[FundingSource]:
    rows = []
    for i in range(capi.ipart_partnership_funding_count(handle)):
        f = capi.ipart_funding_source()
        capi.ipart_partnership_funding_at(f, handle, i)
        rows.append(_source(f))
    return rows


def funding_source(handle: Any, source: str) -> FundingSource:
    f = capi.ipart_funding_source()
    capi.ipart_partnership_funding(f, handle, source)
    return _source(f)
