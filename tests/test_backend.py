"""Backends: in order, bounded, and a worker that dies costs at most the item it held."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import RAQQA
from newsum.backend import InProcess, Lost, ProcessPool
from newsum.batch import BatchSettings, run_batch

STORIES = sorted(RAQQA.glob("*.txt"))


def die_on_poison(item: str, components: Any) -> str:
    """A job whose worker is killed (as by the OOM killer) whenever it meets 'poison'."""
    if item == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return item.upper()


def die_once(item: tuple[str, str], components: Any) -> str:
    """A job that kills its worker the first time it meets an item with a marker path."""
    text, marker = item
    if marker and not Path(marker).exists():
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return text.upper()


def test_a_worker_that_dies_twice_on_an_item_loses_only_that_item() -> None:
    items = ["a", "b", "poison", "c", "d", "e", "f"]
    with ProcessPool(2, factory=dict) as pool:
        results = list(pool.map(die_on_poison, items))
    assert results[:2] == ["A", "B"] and results[3:] == ["C", "D", "E", "F"]
    assert isinstance(results[2], Lost) and "died twice" in results[2].reason


def test_a_worker_that_dies_once_is_retried(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    items = [("a", ""), ("b", marker), ("c", ""), ("d", "")]
    with ProcessPool(2, factory=dict) as pool:
        assert list(pool.map(die_once, items)) == ["A", "B", "C", "D"]
    assert Path(marker).exists()  # the worker did die


def slow_start() -> dict[str, str]:
    """Components that take a while to build, so a worker can be killed while it starts."""
    time.sleep(1.5)
    return {}


def test_a_worker_killed_before_it_takes_an_item_costs_nothing() -> None:
    # pebble breaks the whole pool when a worker dies holding no acknowledged task
    psutil = pytest.importorskip("psutil")
    items = [str(i) for i in range(12)]
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with ProcessPool(2, factory=slow_start) as pool:
        results = pool.map(die_on_poison, items)
        first = next(results)  # the pool has started (its workers build their components)
        started = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
        workers = [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        for worker in workers:  # killed while they start their next components or wait
            os.kill(worker.pid, signal.SIGKILL)
        rest = list(results)
    assert [first, *rest] == [s.upper() for s in items]


def test_in_process_keeps_order_and_uses_the_components_given() -> None:
    seen: list[Any] = []
    components = object()

    def job(item: int, given: Any) -> int:
        seen.append(given)
        return item * 2

    assert list(InProcess(components).map(job, range(5))) == [0, 2, 4, 6, 8]
    assert all(c is components for c in seen)


# --- Dask ----------------------------------------------------------------------------------


def cluster_line(cluster_id: str, *files: Path) -> str:
    documents = [{"text": f.read_text(encoding="utf-8"), "source": f.stem} for f in files]
    return json.dumps({"id": cluster_id, "documents": documents})


@pytest.fixture(scope="module")
def dask_backend() -> Any:
    pytest.importorskip("distributed")
    from newsum.backend import Dask

    backend = Dask("local", workers=2, chunk=2)
    yield backend
    backend.close()


@pytest.fixture
def mixed_file(tmp_path: Path) -> Path:
    lines = [cluster_line(f"c{i}", STORIES[i % 5], STORIES[(i + 2) % 5]) for i in range(12)]
    lines[4] = '{"id": "broken", "documents": ['
    lines[7] = json.dumps({"id": "empty", "documents": [{"text": "MOST VIEWED\n"}]})
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dask_gives_the_process_pools_output_in_order_with_bad_clusters_as_error_lines(
    dask_backend: Any, mixed_file: Path
) -> None:
    settings = BatchSettings(words=40)
    pooled, dasked = io.StringIO(), io.StringIO()
    with ProcessPool(2) as pool:
        assert run_batch(mixed_file, pooled, settings, pool) == (10, 2)
    assert run_batch(mixed_file, dasked, settings, dask_backend) == (10, 2)
    assert dasked.getvalue() == pooled.getvalue()
    records = [json.loads(line) for line in dasked.getvalue().splitlines()]
    assert [r["line"] for r in records] == list(range(1, 13))
    assert "invalid JSON" in records[4]["error"] and "no usable sentence" in records[7]["error"]


def test_a_killed_dask_worker_loses_no_cluster(dask_backend: Any, mixed_file: Path) -> None:
    settings = BatchSettings(words=40)
    expected = io.StringIO()
    run_batch(mixed_file, expected, settings, InProcess())
    pids = list(dask_backend._client.run(os.getpid).values())
    killed: list[int] = []

    def kill(record: dict[str, Any]) -> None:
        if not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    out = io.StringIO()
    assert run_batch(mixed_file, out, settings, dask_backend, on_record=kill) == (10, 2)
    assert killed
    assert out.getvalue() == expected.getvalue()


def test_evaluate_on_dask_scores_the_same_summaries(dask_backend: Any, tmp_path: Path) -> None:
    from newsum.evaluation.run import evaluate_clusters

    reference = "Syrian Democratic Forces captured Raqqa from the Islamic State group."
    lines = [
        json.dumps(
            {**json.loads(cluster_line(f"r{i}", *STORIES[i : i + 3])), "references": [reference]}
        )
        for i in range(3)
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    here = evaluate_clusters(path, words=40, protocol="rouge-score")
    there = evaluate_clusters(path, words=40, protocol="rouge-score", backend=dask_backend)
    assert [r.summaries for r in there.runs] == [r.summaries for r in here.runs]
    assert [r.rouge.scores for r in there.runs] == [r.rouge.scores for r in here.runs]
    assert all(s for s in here.runs[0].summaries)


def test_a_cluster_that_kills_every_dask_worker_it_meets_is_lost_alone(dask_backend: Any) -> None:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests
    try:
        results = list(dask_backend.map(die_on_poison, ["a", "b", "poison", "c", "d"]))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert results[:2] == ["A", "B"] and results[3:] == ["C", "D"]
    assert isinstance(results[2], Lost) and "died twice" in results[2].reason


def test_dask_tasks_are_filled_by_the_weight_of_their_items(tmp_path: Path) -> None:
    from newsum.backend import UNWEIGHED_CHUNK, _chunks
    from newsum.batch import BatchJob, numbered_items

    sizes = [5, 5, 5, 20, 1, 1, 1, 1, 1]
    chunks = list(_chunks(sizes, 4, weigh=lambda n: n, chars=10))
    assert chunks == [[5, 5], [5, 20], [1, 1, 1, 1], [1]]  # 10 weighs enough; 4 at most
    assert [len(c) for c in _chunks(range(40), 64)] == [UNWEIGHED_CHUNK, UNWEIGHED_CHUNK, 8]
    job = BatchJob(BatchSettings())
    path = tmp_path / "c.jsonl"
    path.write_text(cluster_line("c", *STORIES[:2]) + "\n{broken\n", encoding="utf-8")
    good, bad = numbered_items([path])
    assert job.weight(good) == sum(len(p.read_text(encoding="utf-8")) for p in STORIES[:2])
    assert job.weight(bad) == 0  # a bad line is an error record: no work


def raise_timeout(item: str, components: Any) -> str:
    """A job whose own error is a TimeoutError (a socket's read timing out)."""
    if item == "slow":
        raise TimeoutError("socket read timed out")
    return item.upper()


def test_a_jobs_own_timeout_error_comes_back_as_any_error_does() -> None:
    # the pool's wait polls with a timeout of its own: the job's TimeoutError must not be
    # taken for that poll and waited on again for ever
    import threading

    outcome: list[BaseException | list[str]] = []

    def run() -> None:
        with ProcessPool(1, factory=dict) as pool:
            try:
                outcome.append(list(pool.map(raise_timeout, ["a", "slow", "b"])))
            except TimeoutError as exc:
                outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(120)  # a hang guard, not a speed test
    assert not worker.is_alive(), "the pool waited on a finished item for ever"
    assert len(outcome) == 1 and isinstance(outcome[0], TimeoutError)
