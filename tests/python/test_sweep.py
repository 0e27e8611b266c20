"""ipart.sweep: a sweep cut into partitions gives the same winners and
stability figures in one thread, on a thread pool and on a Dask
LocalCluster of two worker processes; the bulk evaluation releases the GIL;
examples/python/sweep_cluster.py runs."""
import array
import concurrent.futures
import os
import pathlib
import random
import subprocess
import sys
import threading
import time

import pytest
from distributed import Client, LocalCluster, get_task_stream

import ipart
import ipart.sweep as sweep
from conftest import load_case

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHUNK = 997  # a prime: the last partition of every case is short


def tradeoff_case(rng):
    """Six tenders trading price against two quality scores; two identical
    ones, so some vectors end in a tie at the top."""
    rows = []
    for t in range(5):
        rows.append([1_000_000_00 + t * 150_000_00 + rng.randint(0, 9_999_99),
                     min(10, 3 + t + rng.randint(0, 2)), rng.randint(2, 10)])
    rows.append(list(rows[2]))
    weights = array.array("q")
    for _ in range(6000):
        a, b = sorted(rng.randint(0, 10000) for _ in range(2))
        weights.extend([a, b - a, 10000 - b])
    weights.extend([3334, 3333, 3333])
    e = ipart.Evaluation(["price", "quality", "quality"], rows, quality_scale=10,
                         tenders=[f"t{t}" for t in range(6)], criteria=["price", "q1", "q2"],
                         weights=[4000, 3000, 3000])
    return sweep.Case.from_evaluation("tradeoff", e, weights)


def unpublished_case(rng):
    """Linear model with a reference price, and no published weights."""
    rows = [[rng.randint(500_00, 900_00), rng.randint(0, 5)] for _ in range(4)]
    e = ipart.Evaluation(["price", "quality"], rows, quality_scale=5, reference_price=1000_00)
    return sweep.Case.from_evaluation("unpublished", e, [w for x in range(0, 10001, 25)
                                                         for w in (x, 10000 - x)])


@pytest.fixture(scope="module")
def stavanger():
    return ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"])


@pytest.fixture(scope="module")
def cases(stavanger):
    rng = random.Random(19)
    return [sweep.Case.from_partnership("stavanger", stavanger,
                                        sweep.vectors_around(
                                            ipart.Evaluation.from_partnership(stavanger).weights,
                                            800, 20)),
            tradeoff_case(rng), unpublished_case(rng)]


@pytest.fixture(scope="module")
def one_process(cases):
    return sweep.run(cases, chunk=CHUNK)


def test_partitions_cover_every_vector_once(cases):
    parts = sweep.partitions(cases, list(ipart.PriceModel), CHUNK)
    for c, case in enumerate(cases):
        for model in ipart.PriceModel:
            mine = [(p.start, p.stop) for p in parts if p.case == c and p.model == model]
            covered = [i for start, stop in mine for i in range(start, stop)]
            assert covered == list(range(case.vectors))
            assert all(0 < stop - start <= CHUNK for start, stop in mine)
    with pytest.raises(ValueError):
        sweep.partitions(cases, [ipart.PriceModel.RELATIVE], 0)


def test_one_process_equals_one_bulk_call_per_case_and_model(cases, one_process):
    assert [(r.case, r.model) for r in one_process] == \
        [(c.name, m) for c in cases for m in ipart.PriceModel]
    for r in one_process:
        case = next(c for c in cases if c.name == r.case)
        e = case.evaluation(r.model)
        assert r.winners == e.bulk(case.weights).winners
        assert sum(r.wins.values()) == case.vectors
        assert r.wins == {**{t: r.winners.count(i) for i, t in enumerate(case.tenders)},
                          "(tied)": r.winners.count(ipart.TIED)}
        if case.published is None:
            assert (r.stability, r.published_winner, r.published_share) == (None, None, None)
            continue
        assert r.stability == e.stability(case.published)
        top = e.score(case.published)[0]
        assert r.published_winner == ("(tied)" if top.tied else top.tender)
        assert r.published_share == r.wins[r.published_winner] / case.vectors


def test_the_sweep_has_variety(one_process):
    """Otherwise the comparisons below would prove little."""
    tradeoff = [r for r in one_process if r.case == "tradeoff"]
    assert all(len([n for n in r.wins.values() if n]) >= 3 for r in tradeoff)
    assert any(r.wins["(tied)"] for r in tradeoff)
    assert any(0 < r.published_share < 1 for r in one_process if r.published_share is not None)


def test_stavanger_published_winner_is_the_partnerships(stavanger, one_process):
    model = ipart.Evaluation.from_partnership(stavanger).model
    r = next(r for r in one_process if r.case == "stavanger" and r.model == model)
    assert r.published_winner == stavanger.ranking[0].tenderer


def test_thread_pool_gives_the_same_results(cases, one_process):
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        assert sweep.run(cases, executor=pool, chunk=CHUNK) == one_process


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two single-threaded worker processes."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as c:
        yield c


def test_dask_local_cluster_of_two_workers_gives_the_same_results(cluster, cases, one_process):
    with Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        with get_task_stream(client) as tasks:
            assert sweep.run(cases, executor=client, chunk=CHUNK) == one_process
        assert len({task["worker"] for task in tasks.data}) == 2, "one worker did everything"


def test_bulk_releases_the_gil():
    """While one thread is inside a long bulk call, this thread keeps
    running: the largest pause it sees is a small part of the call."""
    rng = random.Random(7)
    kinds, k = ["price"] + ["quality"] * 3, 4
    rows = [[rng.randint(9_000_000_00, 13_000_000_00)] + [rng.randint(0, 10) for _ in range(3)]
            for _ in range(8)]
    e = ipart.Evaluation(kinds, rows)
    weights = array.array("q", [2500] * k) * 1_500_000
    spent = []

    def work():
        start = time.perf_counter()
        e.bulk(weights)
        spent.append(time.perf_counter() - start)

    worker = threading.Thread(target=work)
    last, longest = time.perf_counter(), 0.0
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert spent and spent[0] > 0.02, "the call is too short to tell"
    assert longest < spent[0] / 2, f"paused {longest:.3f} s of a {spent[0]:.3f} s call"


def test_example_runs_on_a_scheduler_given_by_address(cluster, stavanger):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run([sys.executable, str(ROOT / "examples/python/sweep_cluster.py"),
                          "--scheduler", cluster.scheduler_address,
                          "--spread", "500", "--step", "50", "--chunk", "100"],
                         capture_output=True, text=True, env=env, timeout=240, check=True).stdout
    assert f"cluster: 2 workers at {cluster.scheduler_address}" in out
    winner = stavanger.ranking[0].tenderer
    model = ipart.Evaluation.from_partnership(stavanger).model
    assert f"stavanger-procedure / {model}: 441 weight vectors" in out
    assert f"published winner {winner}: wins" in out

