"""Tender evaluation from Python: the golden cases of tests/cases/evaluation
(shared with C and Java), the buffer protocol, and properties."""
import array
import copy
import dataclasses
import decimal
import json
import pathlib
import random

import pytest

import ipart
from ipart import capi
from conftest import load_case, status_class

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"

SCORING = load_case("evaluation/scoring.json")
PRICE_MODELS = load_case("evaluation/price_models.json")


def inputs(case):
    src = SCORING["sets"][case["set"]] if "set" in case else case
    values = [int(v) for row in src["values"] for v in row]
    ref = case.get("reference_price")
    return dict(kinds=src["kinds"], values=values, quality_scale=src["quality_scale"],
                model=case["model"], reference_price=int(ref) if ref else None)


def evaluation(case):
    i = inputs(case)
    return ipart.Evaluation(i["kinds"], i["values"], model=i["model"],
                            reference_price=i["reference_price"],
                            quality_scale=i["quality_scale"])


def flat(rows):
    return [v for row in rows for v in row]


@pytest.mark.parametrize("case", SCORING["scoring"], ids=lambda c: c["name"])
def test_golden_scoring(case):
    e = evaluation(case)
    assert e.totals(case["weights"]) == case["totals"]
    by_tender = {int(s.tender): s for s in e.score(case["weights"])}
    assert [by_tender[t].rank for t in range(len(e))] == case["ranks"]
    tied = [case["ranks"].count(r) > 1 for r in case["ranks"]]
    assert [by_tender[t].tied for t in range(len(e))] == tied
    assert list(e.bulk([case["weights"]]).winners) == [case["winner"]]


@pytest.mark.parametrize("case", SCORING["bulk"], ids=lambda c: c["name"])
def test_golden_bulk(case):
    e = evaluation(case)
    sweep = e.bulk(case["weights"], totals=True)
    assert list(sweep.winners) == case["winners"]
    assert list(sweep.totals) == flat(case["totals"])
    # The same from an int64 buffer, read in place.
    buffered = e.bulk(array.array("q", flat(case["weights"])))
    assert list(buffered.winners) == case["winners"] and buffered.totals is None


def as_export(s, e):
    """The typed Stability in the shape of its JSON export (indices, millionths)."""
    t, c = e.tenders.index, e.criteria.index
    micro = lambda d: int(d * 1000000)  # noqa: E731
    index = lambda name: None if name is None else t(name)  # noqa: E731
    shift = lambda w: {"from": c(w.from_criterion), "to": c(w.to_criterion),  # noqa: E731
                       "basis_points": w.basis_points}
    change = s.winner_change
    return {
        "totals": [micro(r.points) for r in s.tenders], "ranks": [r.rank for r in s.tenders],
        "winner": index(s.winner), "tied_at_top": [t(x) for x in s.tied_at_top],
        "pairs": [{"ahead": t(p.ahead), "behind": t(p.behind), "margin": micro(p.margin),
                   "swap": shift(p.swap) if p.swap else None} for p in s.pairs],
        "winner_change": None if change is None else
        dict(challenger=t(change.challenger), **shift(change.shift)),
        "removals": [{"removed": t(r.removed), "reversal": r.reversal,
                      "changed_pairs": r.changed_pairs,
                      "pair": [t(x) for x in r.pair] if r.pair else None,
                      "winner_after": index(r.winner_after)} for r in s.removals],
    }


@pytest.mark.parametrize("case", SCORING["stability"], ids=lambda c: c["name"])
def test_golden_stability(case):
    e = evaluation(case)
    typed = e.stability(case["weights"])
    assert isinstance(typed, ipart.Stability)
    assert all(isinstance(r.points, decimal.Decimal) for r in typed.tenders)
    got = as_export(typed, e)
    # The typed result is the JSON export, field for field.
    assert got == json.loads(capi.ipart_evaluation_stability_json(e._e, case["weights"]))
    with pytest.warns(DeprecationWarning):
        assert e.stability_json(case["weights"]) == got
    assert got["winner"] == case["winner"]
    assert got["winner_change"] == case["winner_change"]
    if "removals" in case:
        assert got["removals"] == case["removals"]
    if "pairs" in case:
        key = lambda p: (p["ahead"], p["behind"])  # noqa: E731
        assert sorted(got["pairs"], key=key) == sorted(case["pairs"], key=key)


@pytest.mark.parametrize("case", SCORING["errors"], ids=lambda c: c["name"])
def test_golden_errors(case):
    cls = status_class(case["error"])
    i = inputs(case)
    sentinel = [0x5A5A] * 64
    out1, out2 = array.array("q", sentinel), array.array("q", sentinel)
    with pytest.raises(cls) as info:
        if case["call"] == "new":
            ipart.Evaluation(i["kinds"], i["values"], model=i["model"],
                             reference_price=i["reference_price"],
                             quality_scale=i["quality_scale"])
        else:
            e = evaluation(case)
            n = len(e)
            if case["call"] == "score":
                capi.ipart_evaluation_score(out1[:n], out2[:n], e._e, case["weights"])
            elif case["call"] == "bulk":
                m = len(case["weights"])
                w, t = array.array("q", sentinel[:m]), array.array("q", sentinel[:m * n])
                try:
                    capi.ipart_evaluation_bulk(w, t, e._e, flat(case["weights"]))
                finally:
                    assert list(w) == sentinel[:m] and list(t) == sentinel[:m * n]
            else:
                e.stability(case["weights"])
    assert type(info.value) is cls
    assert info.value.code == ipart.Status[case["error"][len("IPART_"):]]
    assert info.value.path == case["path"]
    assert info.value.rule == ""
    assert list(out1) == sentinel and list(out2) == sentinel


def test_weights_must_sum_to_100_percent():
    e = ipart.Evaluation(["price", "quality"], [[100, 5], [120, 9]])
    for bad in ([5000, 4999], [5000, 5001], [0, 0], [10000, 1]):
        with pytest.raises(ipart.InvalidArgumentError) as info:
            e.score(bad)
        assert "must sum to 10000 (100 %)" in str(info.value)
        assert f"sum to {sum(bad)} basis points" in str(info.value)
    with pytest.raises(ipart.InvalidArgumentError) as info:
        e.bulk([[5000, 5000], [2500, 2500]])
    assert info.value.path == "weights[1]"


# ---- the terms choose the model -------------------------------------------------------

def variant_document(variant):
    doc = copy.deepcopy(load_case("procedure/" + PRICE_MODELS["base"])["document"])
    doc["events"] = doc["events"][:PRICE_MODELS["prefix"]]
    if variant["price_model"] is not None:
        for ev in doc["events"]:
            if ev["type"] == "terms_set":
                ev["price_model"] = variant["price_model"]
    return doc


@pytest.mark.parametrize("variant", PRICE_MODELS["variants"], ids=lambda v: v["name"])
def test_terms_choose_the_price_model(variant):
    doc = variant_document(variant)
    if "error" in variant:
        with pytest.raises(status_class(variant["error"])) as info:
            ipart.Partnership.loads(doc)
        assert info.value.path == variant["path"]
        return
    p = ipart.Partnership.loads(doc)
    got = [{"tenderer": r.tenderer, "rank": r.rank, "total": str(r.points)} for r in p.ranking]
    assert got == variant["ranking"]
    # The evaluation API, fed from the document, agrees to the millionth.
    e = ipart.Evaluation.from_partnership(p)
    assert [(s.tender, s.rank, str(s.points)) for s in e.score()] == \
        [(r["tenderer"], r["rank"], r["total"]) for r in variant["ranking"]]
    assert ipart.Partnership.loads(p.dumps()).dumps() == p.dumps()


def test_relative_and_linear_pick_different_winners_in_stavanger():
    winners = {}
    for v in PRICE_MODELS["variants"]:
        if "ranking" in v:
            winners[v["name"]] = v["ranking"][0]["tenderer"]
    assert winners["relative"] != winners["linear_to_highest"]


# ---- properties ----------------------------------------------------------------------------

def random_case(rng, model):
    n, k = rng.randint(2, 8), rng.randint(2, 4)
    kinds = ["price"] + [rng.choice(["quality", "quality", "price"]) for _ in range(k - 1)]
    rows = [[rng.randint(10**5, 10**7) if kind == "price" else rng.randint(0, 10)
             for kind in kinds] for _ in range(n)]
    cuts = sorted(rng.randint(0, 10000) for _ in range(k - 1))
    weights = [b - a for a, b in zip([0] + cuts, cuts + [10000])]
    return kinds, rows, weights


def test_scaling_prices_keeps_the_relative_ranking():
    rng = random.Random(6)
    for _ in range(200):
        kinds, rows, weights = random_case(rng, "relative")
        factor = rng.randint(2, 10**4)
        scaled = [[v * factor if kind == "price" else v for v, kind in zip(row, kinds)]
                  for row in rows]
        a = ipart.Evaluation(kinds, rows).totals(weights)
        b = ipart.Evaluation(kinds, scaled).totals(weights)
        assert a == b


def test_bulk_equals_pure_python_arithmetic():
    """The documented formula, written out in Python, gives the same integers."""
    from fractions import Fraction

    def fraction(model, p, lowest, highest):
        if model == "relative":
            return Fraction(lowest, p)
        if model == "linear":
            if highest <= lowest:
                return Fraction(int(p == lowest))
            return Fraction(highest - p, highest - lowest)
        return Fraction(max(0, lowest - (p - lowest)), lowest)

    rng = random.Random(7)
    for model in ("relative", "linear", "proportional_deviation"):
        kinds, rows, _ = random_case(rng, model)
        vectors = []
        for _ in range(30):
            cuts = sorted(rng.randint(0, 10000) for _ in range(len(kinds) - 1))
            vectors.append([b - a for a, b in zip([0] + cuts, cuts + [10000])])
        sweep = ipart.Evaluation(kinds, rows, model=model).bulk(vectors, totals=True)
        n = len(rows)
        for m, w in enumerate(vectors):
            expect = []
            for row in rows:
                total = 0
                for c, kind in enumerate(kinds):
                    col = [r[c] for r in rows]
                    f = (Fraction(row[c], 10) if kind == "quality"
                         else fraction(model, row[c], min(col), max(col)))
                    x = w[c] * 10000 * f
                    total += (2 * x.numerator + x.denominator) // (2 * x.denominator)
                expect.append(total)
            assert list(sweep.totals[m * n:(m + 1) * n]) == expect
            best = max(expect)
            assert sweep.winners[m] == (expect.index(best) if expect.count(best) == 1
                                        else ipart.TIED)


# ---- the buffer protocol and sequences -----------------------------------------------------

def three():
    return ipart.Evaluation(["price", "quality"], array.array("q", [1000000, 6, 1200000, 8,
                                                                    1300000, 9]))


def test_buffers_and_sequences_agree():
    e = three()
    want = [80000000, 81666667, 83461538]
    assert e.totals([5000, 5000]) == want
    assert e.totals((5000, 5000)) == want
    assert e.totals(array.array("q", [5000, 5000])) == want
    assert e.totals(memoryview(array.array("q", [5000, 5000]))) == want
    if array.array("l").itemsize == 8:
        assert e.totals(array.array("l", [5000, 5000])) == want


def test_numpy_arrays_are_read_in_place():
    np = pytest.importorskip("numpy")
    e = three()
    w = np.array([[5000, 5000], [3000, 7000]], dtype=np.int64)
    assert list(e.bulk(w).winners) == [2, 2]


@pytest.mark.parametrize("bad", [
    array.array("d", [5000.0, 5000.0]),      # float items
    array.array("i", [5000, 5000]),          # 4-byte items
    bytearray(16),                           # bytes
    memoryview(array.array("q", [5000, 0, 5000, 0]))[::2],  # not contiguous
    memoryview(bytes(17))[1:].cast("q"),     # unaligned
])
def test_wrong_buffers_are_type_errors(bad):
    with pytest.raises(TypeError) as info:
        three().totals(bad)
    assert "weights" in str(info.value)


@pytest.mark.parametrize("bad, exc", [
    ([5000.0, 5000.0], TypeError),
    ([True, 9999], TypeError),
    (["5000", "5000"], TypeError),
    ([2**63, 0], OverflowError),
    (5000, TypeError),
])
def test_wrong_sequences(bad, exc):
    with pytest.raises(exc):
        three().totals(bad)


def test_outputs_must_be_writable_int64():
    e = three()
    with pytest.raises(TypeError):
        capi.ipart_evaluation_score(bytes(24), array.array("q", bytes(24)), e._e, [5000, 5000])
    with pytest.raises(ipart.InvalidArgumentError) as info:
        capi.ipart_evaluation_score(array.array("q", bytes(16)), array.array("q", bytes(24)),
                                    e._e, [5000, 5000])
    assert info.value.path == "totals_out"


def test_names_models_and_points():
    assert [str(m) for m in ipart.PriceModel] == ["relative", "linear", "proportional_deviation"]
    assert ipart.PriceModel.parse("linear") is ipart.PriceModel.LINEAR
    with pytest.raises(ipart.InvalidArgumentError) as info:
        ipart.PriceModel.parse("cheapest")
    assert "cheapest" in info.value.message
    assert str(ipart.points(88641975)) == "88.641975"
    e = three()
    assert e.points(1, 0, 5000) == 41666667
    with pytest.raises(ipart.NotFoundError):
        e.points(3, 0, 5000)
    with pytest.raises(ValueError):
        ipart.Evaluation(["price"], [[1], [2]], tenders=["only one name"])


def test_stavanger_stability_and_sweep():
    with open(EXAMPLES / "stavanger-procedure.json") as f:
        p = ipart.Partnership.load(f)
    e = ipart.Evaluation.from_partnership(p)
    s = e.stability()
    assert s.winner == p.ranking[0].tenderer
    change = s.winner_change
    assert change is not None and change.shift.basis_points > 0
    # Applying the reported change does change the winner; one basis point less does not.
    def moved(d):
        w = list(e.weights)
        w[e.criteria.index(change.shift.from_criterion)] -= d
        w[e.criteria.index(change.shift.to_criterion)] += d
        return w
    assert e.score(moved(change.shift.basis_points))[0].tender == change.challenger
    assert e.score(moved(change.shift.basis_points - 1))[0].tender == s.winner
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.winner = "op11"


@pytest.mark.parametrize("variant", PRICE_MODELS["variants"], ids=lambda v: v["name"])
def test_price_model_variants_agree_with_the_schema(variant):
    jsonschema = pytest.importorskip("jsonschema")
    with open(EXAMPLES.parent / "doc" / "schema" / "ipart-document.schema.json") as f:
        schema = json.load(f)
    valid = jsonschema.Draft202012Validator(schema).is_valid(variant_document(variant))
    assert valid == ("error" not in variant)


def test_with_model_keeps_tenders_and_weights():
    with open(EXAMPLES / "stavanger-procedure.json") as f:
        e = ipart.Evaluation.from_partnership(ipart.Partnership.load(f))
    linear = e.with_model("linear")
    assert linear.model is ipart.PriceModel.LINEAR and linear.weights == e.weights
    assert [s.tender for s in linear.score()][:2] == ["op08", "op05"]
    assert [s.tender for s in e.score()][:2] == ["op05", "op11"]
    reference = linear.with_model("linear", ipart.Money("15000000.00", "NOK"))
    assert str(reference.score()[1].points) == "85.147059"
