"""Weight sweeps over many cases and price models, in one thread, on a
thread pool, on a process pool or on a Dask cluster (doc/sweeps.md).

A sweep is weight vectors x price models x cases. :func:`run` cuts it into
partitions (one case, one price model, a slice of its weight vectors),
evaluates each with one call of the bulk evaluation
(:meth:`ipart.Evaluation.bulk`, which releases the GIL) and gathers, per
case and model, every vector's winner, the wins per tender and the
stability of the ranking at the published weights. The result does not
depend on where the partitions ran::

    import ipart.sweep as sweep
    cases = [sweep.Case.from_partnership("stavanger", p, sweep.vectors_around(weights))]
    results = sweep.run(cases)                         # this thread
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = sweep.run(cases, executor=pool)      # two threads
    with distributed.Client("tcp://scheduler:8786") as client:
        results = sweep.run(cases, executor=client)    # a Dask cluster

The executor is anything with ``submit(fn, *args)`` returning a future
with ``result()``: a :mod:`concurrent.futures` executor or a
``dask.distributed.Client``. An executor with ``scatter`` (a Dask client)
gets each case once, not once per partition. This module does not import
Dask.
"""
import array
import collections
import dataclasses
import itertools
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from ._evaluation import TIED, WEIGHT_TOTAL, Evaluation, PriceModel, Stability
from ._partnership import Partnership

#: Weight vectors per partition unless run() is told otherwise: a few
#: milliseconds of bulk evaluation, large enough to dwarf a task's overhead.
DEFAULT_CHUNK = 200_000


@dataclasses.dataclass(frozen=True, eq=False)
class Case:
    """One evaluation to sweep, as plain data (it travels to other
    processes and machines by pickle; an Evaluation does not).

    ``kinds``, ``values``, ``quality_scale`` and ``reference_price`` are
    Evaluation's arguments (``values`` flat, tenders x criteria, minor
    units for prices); ``weights`` the vectors of the sweep, a flat int64
    array of vectors x criteria; ``published`` the weights of the terms
    (None: no stability figures).
    """
    name: str
    kinds: Tuple[int, ...]
    values: Tuple[int, ...]
    tenders: Tuple[str, ...]
    criteria: Tuple[str, ...]
    weights: "array.array[int]"
    published: Optional[Tuple[int, ...]] = None
    quality_scale: int = 10
    reference_price: int = 0

    @classmethod
    def from_evaluation(cls, name: str, evaluation: Evaluation,
                        weights: Iterable[int]) -> "Case":
        """The tenders and criteria of ``evaluation`` with the sweep ``weights``."""
        kinds, values, scale = evaluation._inputs
        if not isinstance(values, list):  # a buffer: numpy or array.array
            values = memoryview(values).cast("B").cast("q").tolist()
        published = tuple(evaluation.weights) if evaluation.weights is not None else None
        return cls(name, tuple(kinds), tuple(values), tuple(evaluation.tenders),
                   tuple(evaluation.criteria), array.array("q", weights), published,
                   scale, evaluation._reference)

    @classmethod
    def from_partnership(cls, name: str, partnership: Partnership,
                         weights: Optional[Iterable[int]] = None) -> "Case":
        """The last evaluation of a partnership (Evaluation.from_partnership);
        ``weights`` defaults to :func:`vectors_around` the published weights."""
        evaluation = Evaluation.from_partnership(partnership)
        if weights is None:
            weights = vectors_around(evaluation.weights or [])
        return cls.from_evaluation(name, evaluation, weights)

    @property
    def vectors(self) -> int:
        """How many weight vectors the sweep has."""
        return len(self.weights) // len(self.criteria)

    def evaluation(self, model: PriceModel) -> Evaluation:
        """The case's tenders under ``model``."""
        return Evaluation(self.kinds, list(self.values), model=model,
                          reference_price=self.reference_price or None,
                          quality_scale=self.quality_scale, tenders=self.tenders,
                          criteria=self.criteria, weights=self.published)


class Partition(NamedTuple):
    """Weight vectors start..stop-1 of cases[case] under one price model."""
    case: int
    model: PriceModel
    start: int
    stop: int


class CaseResult(NamedTuple):
    """A case under one price model, gathered from its partitions.

    ``winners``: per weight vector the index of the winning tender, TIED
    when the best total is shared. ``wins``: vectors won per tender name
    ("(tied)" for ties), every tender listed. ``stability``: the ranking's
    stability at the published weights (Evaluation.stability), None without
    them. ``published_winner``: the winner at the published weights (name,
    "(tied)", or None without them), and ``published_share`` the fraction
    of the sweep's vectors it wins.
    """
    case: str
    model: PriceModel
    winners: "array.array[int]"
    wins: Dict[str, int]
    stability: Optional[Stability]
    published_winner: Optional[str]
    published_share: Optional[float]


def vectors_around(published: Sequence[int], spread: int = 1000,
                   step: int = 10) -> "array.array[int]":
    """Every weight vector within +-``spread`` basis points of ``published``
    in steps of ``step`` (all but the last criterion vary, the last takes
    the rest of 10000), as a flat int64 array; vectors with a weight
    outside 0..10000 are left out."""
    out = array.array("q")
    ranges = [range(max(0, w - spread), min(WEIGHT_TOTAL, w + spread) + 1, step)
              for w in published[:-1]]
    for head in itertools.product(*ranges):
        rest = WEIGHT_TOTAL - sum(head)
        if 0 <= rest <= WEIGHT_TOTAL:
            out.extend(head)
            out.append(rest)
    return out


def partitions(cases: Sequence[Case], models: Sequence[PriceModel],
               chunk: int = DEFAULT_CHUNK) -> List[Partition]:
    """The sweep cut into slices of at most ``chunk`` weight vectors, case by
    case, model by model, in order."""
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    return [Partition(c, PriceModel.parse(model), start, min(start + chunk, case.vectors))
            for c, case in enumerate(cases) for model in models
            for start in range(0, case.vectors, chunk)]


def evaluate(case: Case, model: PriceModel, start: int, stop: int) -> "array.array[int]":
    """The winners of weight vectors start..stop-1 of ``case`` under
    ``model``: one bulk evaluation (the task each partition runs)."""
    k = len(case.criteria)
    view = memoryview(case.weights)[start * k:stop * k]
    return case.evaluation(model).bulk(view).winners


def stability(case: Case, model: PriceModel) -> Optional[Stability]:
    """The stability of ``case``'s ranking at its published weights under
    ``model``; None when it has none."""
    if case.published is None:
        return None
    return case.evaluation(model).stability()


def run(cases: Sequence[Case], models: Optional[Sequence[PriceModel]] = None, *,
        executor: Any = None, chunk: int = DEFAULT_CHUNK) -> List[CaseResult]:
    """Sweep every case under every model (default: every price model),
    partition by partition on ``executor`` (None: here, in turn), and
    gather one CaseResult per case and model, cases first, in order."""
    models = [PriceModel.parse(m) for m in (models if models is not None else list(PriceModel))]
    parts = partitions(cases, models, chunk)
    if executor is None:
        winners = [evaluate(cases[p.case], *p[1:]) for p in parts]
        stable = {(c, m): stability(case, m) for c, case in enumerate(cases) for m in models}
    else:
        shipped = executor.scatter(list(cases)) if hasattr(executor, "scatter") else cases
        winner_futures = [executor.submit(evaluate, shipped[p.case], *p[1:]) for p in parts]
        stable_futures = {(c, m): executor.submit(stability, shipped[c], m)
                          for c in range(len(cases)) for m in models}
        winners = [f.result() for f in winner_futures]
        stable = {key: f.result() for key, f in stable_futures.items()}
    by_key = collections.defaultdict(list)
    for p, w in zip(parts, winners):
        by_key[p.case, p.model].append(w)
    return [_gather(case, m, by_key[c, m], stable[c, m])
            for c, case in enumerate(cases) for m in models]


def _gather(case: Case, model: PriceModel, parts: List["array.array[int]"],
            stable: Optional[Stability]) -> CaseResult:
    """One case and model: its partitions' winners, in order, and the figures."""
    winners = array.array("q")
    for w in parts:
        winners.extend(w)
    counts = collections.Counter(winners)
    wins = {name: counts[t] for t, name in enumerate(case.tenders)}
    wins["(tied)"] = counts[TIED]
    if stable is None:
        return CaseResult(case.name, model, winners, wins, None, None, None)
    name = "(tied)" if stable.winner is None else stable.winner
    share = wins[name] / len(winners) if winners else 0.0
    return CaseResult(case.name, model, winners, wins, stable, name, share)
