"""Tender evaluation: price models, ranking, stability and weight sweeps.

The arithmetic is the C library's (include/ipart/evaluation.h): weights in
basis points summing to 10000, totals in integer millionths of a point, so
Python, C and Java give identical totals. Ties are reported, never broken.
See doc/evaluation.md for the formulas.
"""
import array
import collections
import dataclasses
import decimal
import enum
import itertools
import json
import warnings
from typing import TYPE_CHECKING, Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _arrays, capi
from ._errors import NotFoundError
from ._money import Money

if TYPE_CHECKING:
    from ._partnership import Partnership

#: A bulk winner when several tenders share the best total.
TIED = capi.IPART_EVAL_TIED
#: The sum every weight vector must have (100 % in basis points).
WEIGHT_TOTAL = capi.IPART_EVAL_WEIGHT_TOTAL

_MILLION = decimal.Decimal(1000000)


class PriceModel(enum.IntEnum):
    """How a price or cost criterion turns prices into points (ipart_price_model)."""
    RELATIVE = capi.IPART_PRICE_RELATIVE
    LINEAR = capi.IPART_PRICE_LINEAR
    PROPORTIONAL_DEVIATION = capi.IPART_PRICE_PROPORTIONAL_DEVIATION

    def __str__(self) -> str:
        return capi.ipart_price_model_name(int(self))

    @classmethod
    def parse(cls, name: Union[str, "PriceModel"]) -> "PriceModel":
        """The model with a terms' name ("relative", "linear", "proportional_deviation")."""
        if isinstance(name, PriceModel):
            return name
        return cls(capi.ipart_price_model_parse(name))  # InvalidArgumentError otherwise


class Kind(enum.IntEnum):
    """Criterion kinds."""
    PRICE = capi.IPART_CRITERION_PRICE
    QUALITY = capi.IPART_CRITERION_QUALITY


def points(millionths: int) -> decimal.Decimal:
    """A total or a criterion's points as a Decimal number of points ("88.641975")."""
    return (decimal.Decimal(millionths) / _MILLION).quantize(decimal.Decimal("0.000001"))


def _kind(k: Union[str, int]) -> int:
    if isinstance(k, str):
        # "cost" is scored like a price (doc/events.md).
        return Kind.QUALITY if k == "quality" else Kind.PRICE if k in ("price", "cost") else -1
    return int(k)


def _flat(values: Any) -> Any:
    """A buffer (array.array('q'), numpy int64 - any shape, C order) as it
    is; rows of ints as one flat list, built by C-level iteration."""
    try:
        memoryview(values)
        return values
    except TypeError:
        pass
    values = list(values)
    if values and not isinstance(values[0], int):
        values = list(itertools.chain.from_iterable(values))
    return values


def _value(v: Union[Money, int]) -> int:
    return v.minor if isinstance(v, Money) else v


_ZERO = array.array("q", [0])


def _out(n: int) -> "array.array[int]":
    return _ZERO * n  # one allocation, no temporary bytes


class Score(NamedTuple):
    """One tender's place under one weight vector."""
    tender: str
    rank: int       # 1 = best; tied tenders share it
    total: int      # millionths of a point
    tied: bool

    @property
    def points(self) -> decimal.Decimal:
        """The total as a Decimal number of points ("88.641975")."""
        return points(self.total)


class Sweep(NamedTuple):
    """The result of Evaluation.bulk: per weight vector the winner's index
    (TIED when the best total is shared) and, if asked for, every total
    (array.array('q') of vectors x tenders, row-major; numpy.frombuffer
    reads it without copying)."""
    winners: "array.array[int]"
    totals: "Optional[array.array[int]]"
    tenders: List[str]

    def wins(self) -> Dict[str, int]:
        """How many weight vectors each tender wins; ties under "(tied)"."""
        counts = collections.Counter(self.winners)
        return {("(tied)" if i == TIED else self.tenders[i]): n
                for i, n in sorted(counts.items(), key=lambda kv: -kv[1])}


class WeightShift(NamedTuple):
    """A transfer of ``basis_points`` of weight from one criterion to another
    (the others unchanged, the sum still 10000). Criteria by name."""
    from_criterion: str
    to_criterion: str
    basis_points: int


class StabilityTender(NamedTuple):
    """One tender under the weights of a stability analysis."""
    tender: str
    points: decimal.Decimal  #: its total, points out of 100
    rank: int                #: 1 = best; tied tenders share it
    tied_at_top: bool        #: it shares the best total with another tender


class Pair(NamedTuple):
    """Two tenders, the better total first; ``swap`` is the smallest single
    weight transfer after which ``behind`` is strictly ahead (None: none is)."""
    ahead: str
    behind: str
    margin: decimal.Decimal  #: points of ahead minus points of behind
    swap: Optional[WeightShift]


class WinnerChange(NamedTuple):
    """The smallest weight transfer that makes ``challenger`` the winner."""
    challenger: str
    shift: WeightShift


class Removal(NamedTuple):
    """The others re-evaluated without ``removed``: ``reversal`` when two of
    them compare differently (``pair`` the first such pair, ``changed_pairs``
    how many); ``winner_after`` the sole best of them (None when tied)."""
    removed: str
    reversal: bool
    changed_pairs: int
    pair: Optional[Tuple[str, str]]
    winner_after: Optional[str]


@dataclasses.dataclass(frozen=True)
class Stability:
    """How robust the ranking under one weight vector is
    (ipart_evaluation_stability; doc/evaluation.md). Tenders and criteria are
    named as in the Evaluation; points are Decimal."""
    tenders: List[StabilityTender]   #: in tender order
    winner: Optional[str]            #: None when the best total is tied
    tied_at_top: List[str]
    pairs: List[Pair]                #: every pair once: (0,1), (0,2)... (1,2)...
    winner_change: Optional[WinnerChange]  #: None if none or the top is tied
    removals: List[Removal]          #: one per tender, in tender order


def _stability(s: Any, tenders: Sequence[str], criteria: Sequence[str]) -> Stability:
    rows = []
    for t in range(capi.ipart_stability_tender_count(s)):
        r = capi.ipart_stability_tender()
        capi.ipart_stability_tender_at(r, s, t)
        rows.append(StabilityTender(tenders[t], points(r.total), r.rank, bool(r.tied_at_top)))
    pairs = []
    for i in range(capi.ipart_stability_pair_count(s)):
        p = capi.ipart_stability_pair()
        capi.ipart_stability_pair_at(p, s, i)
        swap = (WeightShift(criteria[p.swap_from], criteria[p.swap_to], p.swap_basis_points)
                if p.has_swap else None)
        pairs.append(Pair(tenders[p.ahead], tenders[p.behind], points(p.margin), swap))
    change = None
    c = capi.ipart_winner_change()
    if capi.ipart_stability_winner(s) != TIED:
        try:
            capi.ipart_stability_winner_change(c, s)
            change = WinnerChange(tenders[c.challenger],
                                  WeightShift(criteria[c.from_criterion],
                                              criteria[c.to_criterion], c.basis_points))
        except NotFoundError:
            change = None
    removals = []
    for r in range(len(rows)):
        m = capi.ipart_stability_removal()
        capi.ipart_stability_removal_at(m, s, r)
        removals.append(Removal(tenders[m.removed], bool(m.reversal), m.changed_pairs,
                                (tenders[m.pair_first], tenders[m.pair_second])
                                if m.has_pair else None,
                                tenders[m.winner_after] if m.winner_after != TIED else None))
    winner = capi.ipart_stability_winner(s)
    return Stability(rows, tenders[winner] if winner != TIED else None,
                     [r.tender for r in rows if r.tied_at_top], pairs, change, removals)


class Evaluation:
    """Tenders scored on criteria under one price model (immutable).

    ``kinds``: per criterion "price" (or "cost") or "quality" (or Kind).
    ``values``: per tender a row with a price in minor units (or Money) for
    a price criterion and a score 0..quality_scale for a quality criterion;
    or a flat int64 buffer (array.array('q'), numpy int64) of tenders x
    criteria; or a NumPy integer array of shape (tenders, criteria); or a
    pandas DataFrame with one row per tender and one column per criterion,
    whose index and columns name the tenders and criteria unless given.
    ``reference_price`` (linear model only): the price that gets 0 points,
    minor units or Money; None = the highest tender price.

    Weights, wherever taken, are basis points summing to 10000: a sequence,
    an int64 buffer, a NumPy integer array, or a pandas Series (indexed by
    criterion name, or 0..K-1) / one-row DataFrame (columns likewise).
    Floats and anything of another shape are refused with the shape expected.
    """

    def __init__(self, kinds: Sequence[Union[str, int]], values: Any, *,
                 model: Union[str, PriceModel] = "relative",
                 reference_price: Union[int, Money, None] = None, quality_scale: int = 10,
                 tenders: Optional[Sequence[str]] = None,
                 criteria: Optional[Sequence[str]] = None,
                 weights: Optional[Sequence[int]] = None):
        self.model = PriceModel.parse(model)
        codes = [_kind(k) for k in kinds]
        framed = _arrays.table(values, tenders, criteria)
        if framed is not None:
            values, tenders, criteria = framed
        flat = _flat(values)
        if isinstance(flat, list) and any(isinstance(v, Money) for v in flat):
            flat = [_value(v) for v in flat]
        reference = 0 if reference_price is None else _value(reference_price)
        self._e = capi.ipart_swig_evaluation_new(int(self.model), reference, quality_scale,
                                                 codes, flat)
        self._inputs = (codes, flat, quality_scale)
        self._reference = reference  # minor units, 0 = none (ipart.sweep.Case)
        n = capi.ipart_evaluation_tenders(self._e)
        k = capi.ipart_evaluation_criteria(self._e)
        self.kinds = [Kind(k) for k in codes]
        self.tenders = list(tenders) if tenders is not None else [str(i) for i in range(n)]
        self.criteria = (list(criteria) if criteria is not None
                         else [f"c{j}" for j in range(k)])
        if len(self.tenders) != n or len(self.criteria) != k:
            raise ValueError(f"{len(self.tenders)} tender names and {len(self.criteria)} "
                             f"criterion names for {n} tenders and {k} criteria")
        #: The published weights (from_partnership), the default of score() etc.
        self.weights = list(weights) if weights is not None else None

    @classmethod
    def from_partnership(cls, partnership: "Partnership") -> "Evaluation":
        """The tenders of a partnership's last evaluation under its terms:
        the price model, weights and quality scale of the last terms_set,
        each ranked tenderer's tender price and its quality scores. Uses the
        public API only; score(weights) reproduces partnership.ranking."""
        ranking = partnership.ranking
        if ranking is None:
            raise ValueError("the tenders have not been evaluated")
        terms: Optional[Dict[str, Any]] = None
        scores: Optional[List[Dict[str, Any]]] = None
        for event in partnership:
            if event["type"] == "terms_set":
                terms = event
            elif event["type"] == "tenders_evaluated":
                scores = event["scores"]
        if terms is None or scores is None:
            raise ValueError("the tenders have not been evaluated")
        criteria = terms["award_criteria"]
        pm = terms.get("price_model") or {"model": "relative"}
        reference = pm.get("reference_price")
        currency = partnership.currency
        tender_of = {t.id: t.tender for t in partnership.tenderers if t.tender is not None}
        score_of = {(s["tenderer"], s["criterion"]): s["score"] for s in scores}
        ranked = {r.tenderer for r in ranking}
        ids = [t for t in tender_of if t in ranked]  # order of application
        rows = [[tender_of[t].price.minor if c["kind"] != "quality"
                 else score_of[(t, c["id"])] for c in criteria] for t in ids]
        return cls([c["kind"] for c in criteria], rows, model=pm["model"],
                   reference_price=Money(reference, currency) if reference else None,
                   quality_scale=terms.get("quality_scale", 10), tenders=ids,
                   criteria=[c["id"] for c in criteria],
                   weights=[c["weight"] for c in criteria])

    def with_model(self, model: Union[str, PriceModel],
                   reference_price: Union[int, Money, None] = None) -> "Evaluation":
        """The same tenders, criteria and weights under another price model."""
        kinds, values, scale = self._inputs
        return Evaluation(kinds, values, model=model, reference_price=reference_price,
                          quality_scale=scale, tenders=self.tenders, criteria=self.criteria,
                          weights=self.weights)

    def _weights(self, weights: Any) -> Any:
        if weights is None:
            if self.weights is None:
                raise ValueError("no weights given and none published")
            return self.weights
        framed = _arrays.weights(weights, self.criteria, single=True)
        return framed if framed is not None else _flat(weights)

    def points(self, tender: int, criterion: int, weight: int) -> int:
        """Millionths of a point tender gets on criterion under weight basis points."""
        return capi.ipart_evaluation_points(self._e, tender, criterion, weight)

    def score(self, weights: Optional[Sequence[int]] = None) -> List[Score]:
        """The ranking under one weight vector (basis points, sum 10000), best
        first; equal totals share a rank and are flagged tied."""
        n = len(self.tenders)
        totals, ranks = _out(n), _out(n)
        capi.ipart_evaluation_score(totals, ranks, self._e, self._weights(weights))
        count = collections.Counter(ranks)
        out = [Score(self.tenders[t], ranks[t], totals[t], count[ranks[t]] > 1) for t in range(n)]
        return sorted(out, key=lambda s: (s.rank, self.tenders.index(s.tender)))

    def totals(self, weights: Optional[Sequence[int]] = None) -> List[int]:
        """Totals in millionths, in tender order."""
        totals, ranks = _out(len(self.tenders)), _out(len(self.tenders))
        capi.ipart_evaluation_score(totals, ranks, self._e, self._weights(weights))
        return totals.tolist()

    def bulk(self, weights: Any, *, totals: bool = False) -> Sweep:
        """Score every tender under many weight vectors in one call.

        ``weights``: an int64 buffer of vectors x criteria (array.array('q'),
        numpy int64 of shape (M, K)), read in place; a sequence of rows; or
        a pandas DataFrame with one row per vector and one column per
        criterion (named as .criteria, or numbered 0..K-1).
        """
        framed = _arrays.weights(weights, self.criteria, single=False)
        flat = framed if framed is not None else _flat(weights)
        k = len(self.criteria)
        count = len(flat) if isinstance(flat, list) else memoryview(flat).nbytes // 8
        m = count // k if k else 0
        winners = _out(m)
        all_totals = _out(m * len(self.tenders)) if totals else None
        capi.ipart_evaluation_bulk(winners, all_totals, self._e, flat)
        return Sweep(winners, all_totals, self.tenders)

    def stability(self, weights: Optional[Sequence[int]] = None) -> Stability:
        """How robust the ranking is (see :class:`Stability`): each tender's
        points and rank, the winner, every pair with the smallest weight
        transfer that swaps it, the smallest change of the winner, and the
        removals (rank reversal when a tender is left out). Tenders and
        criteria are named by .tenders and .criteria."""
        s = capi.ipart_swig_evaluation_stability(self._e, self._weights(weights))
        return _stability(s, self.tenders, self.criteria)

    def stability_json(self, weights: Optional[Sequence[int]] = None) -> Dict[str, Any]:
        """Deprecated: the JSON export of :meth:`stability` as a dict, with
        tenders and criteria as indices; use :meth:`stability`."""
        warnings.warn("stability_json() is deprecated: use stability()", DeprecationWarning,
                      stacklevel=2)
        return json.loads(capi.ipart_evaluation_stability_json(self._e, self._weights(weights)))

    def __len__(self) -> int:
        return len(self.tenders)

    def __repr__(self) -> str:
        return (f"<Evaluation {self.model} tenders={len(self.tenders)} "
                f"criteria={len(self.criteria)}>")
