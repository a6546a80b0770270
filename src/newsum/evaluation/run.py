"""Summarize every cluster of a reference set and score it, with the extractive oracle beside.

This is what ``newsum evaluate`` prints; the benchmarks reuse it for newsum's own methods.
Summaries made elsewhere (``newsum batch`` output) can be scored the same way.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsum.backend import Backend, InProcess, Lost, default_components
from newsum.errors import InputError
from newsum.evaluation.oracle import oracle_summary
from newsum.evaluation.rouge import RougeResult, score
from newsum.read import Cluster, decode, open_bytes, read_clusters


@dataclass(frozen=True)
class SystemRun:
    """One system's summaries of a set, how long they took, and their scores."""

    name: str
    summaries: tuple[str, ...]
    seconds: float | None  # None: made elsewhere, not timed here
    rouge: RougeResult

    @property
    def seconds_per_cluster(self) -> float | None:
        return None if self.seconds is None else self.seconds / max(len(self.summaries), 1)


@dataclass(frozen=True)
class Evaluation:
    """A method and (optionally) the oracle, scored on one set."""

    data: str
    protocol: str
    words: int
    clusters: int
    skipped: tuple[str, ...]
    runs: tuple[SystemRun, ...] = field(default=())


def load_reference_clusters(path: str | Path) -> tuple[list[Cluster], list[str]]:
    """Clusters that have references; the others are named in the second list."""
    clusters: list[Cluster] = []
    skipped: list[str] = []
    for item in read_clusters(path):
        if isinstance(item, Cluster) and item.references:
            clusters.append(item)
        else:
            skipped.append(
                str(item) if not isinstance(item, Cluster) else f"{item.id}: no references"
            )
    if not clusters:
        raise InputError(f"{path}: no cluster with references to score against")
    return clusters, skipped


def as_lines(sentences: Sequence[str]) -> str:
    """One sentence per line, as ROUGE-1.5.5 and rougeLsum expect."""
    return "\n".join(sentences)


def run_system(
    name: str,
    summarize_cluster: Callable[[Cluster], Sequence[str]],
    clusters: Sequence[Cluster],
    protocol: str,
    words: int,
) -> SystemRun:
    """Time ``summarize_cluster`` over every cluster, then score its output."""
    start = time.perf_counter()
    summaries = tuple(as_lines(summarize_cluster(c)) for c in clusters)
    seconds = time.perf_counter() - start
    rouge = score(protocol, list(summaries), [list(c.references) for c in clusters], words)
    return SystemRun(name, summaries, seconds, rouge)


def run_job(
    name: str,
    job: Callable[[Cluster, Any], Sequence[str]],
    clusters: Sequence[Cluster],
    protocol: str,
    words: int,
    backend: Backend,
) -> SystemRun:
    """Time ``job`` over every cluster on ``backend``, then score its output.

    A cluster whose worker died twice is scored as an empty summary, with a note.
    """
    start = time.perf_counter()
    summaries: list[str] = []
    notes: list[str] = []
    for cluster, result in zip(clusters, backend.map(job, clusters), strict=True):
        if isinstance(result, Lost):
            notes.append(f"{cluster.id}: scored as empty ({result.reason})")
            result = []
        summaries.append(as_lines(result))
    seconds = time.perf_counter() - start
    rouge = score(protocol, summaries, [list(c.references) for c in clusters], words)
    if notes:
        rouge = replace(rouge, notes=[*rouge.notes, *notes])
    return SystemRun(name, tuple(summaries), seconds, rouge)


@dataclass(frozen=True)
class NewsumJob:
    """newsum end to end (read objects -> clean -> ... -> select) on one cluster."""

    method: str
    words: int

    def __call__(self, cluster: Cluster, components: Any) -> list[str]:
        from newsum.pipeline import summarize

        summary = summarize(
            cluster.articles,
            words=self.words,
            method=self.method,
            components=components,
            trust=False,
        )
        return [s.text for s in summary.sentences]

    def weight(self, cluster: Cluster) -> int:
        """How much work a cluster is (``Dask`` fills its tasks by it)."""
        return cluster.size


@dataclass(frozen=True)
class OracleJob:
    """The best extract by bigram recall against the references: the ceiling for selection."""

    words: int

    def __call__(self, cluster: Cluster, components: Any) -> list[str]:
        from newsum.pipeline import prepare

        view = prepare(list(cluster.articles), components)
        sentences = [s.text for s in view.sentences]
        return oracle_summary(sentences, list(cluster.references), self.words)

    def weight(self, cluster: Cluster) -> int:
        """How much work a cluster is (``Dask`` fills its tasks by it)."""
        return cluster.size


def newsum_system(method: str, words: int) -> Callable[[Cluster], list[str]]:
    """``NewsumJob`` in this process, with one shared set of components."""
    components = default_components()
    return functools.partial(NewsumJob(method, words), components=components)


def oracle_system(words: int) -> Callable[[Cluster], list[str]]:
    """``OracleJob`` in this process, with one shared set of components."""
    components = default_components()
    return functools.partial(OracleJob(words), components=components)


def load_summaries(path: str | Path) -> tuple[dict[str, list[str]], list[str]]:
    """Summary sentences by cluster id from a JSONL file, and notes on what was odd.

    Reads ``newsum batch`` output (``sentences[].text``) or any lines with ``id`` and
    ``summary`` (one sentence per line there). A batch error line counts as an empty summary:
    scoring it as missing would flatter the system.
    """
    text = decode(open_bytes(Path(path)), str(path))
    found: dict[str, list[str]] = {}
    notes: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}, line {number}: invalid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(f"{path}, line {number}: expected an object with an id")
        sentences = record.get("sentences")
        if isinstance(sentences, list) and all(
            isinstance(s, dict) and isinstance(s.get("text"), str) for s in sentences
        ):
            lines = [s["text"] for s in sentences]
        elif isinstance(record.get("summary"), str):
            lines = record["summary"].splitlines()
        else:
            raise InputError(f"{path}, line {number}: no summary or sentences[].text")
        if "error" in record:
            notes.append(f"{record['id']}: scored as empty ({record['error']})")
        found[str(record["id"])] = lines
    if not found:
        raise InputError(f"{path}: no summaries")
    return found, notes


def evaluate_clusters(
    path: str | Path,
    method: str = "concepts",
    words: int = 100,
    protocol: str = "duc",
    oracle: bool = True,
    summaries: str | Path | None = None,
    backend: Backend | None = None,
) -> Evaluation:
    """Summarize and score every cluster of ``path``; the oracle too unless ``oracle=False``.

    With ``summaries`` (a JSONL file such as ``newsum batch`` writes), those are scored
    instead of running ``method``; every cluster must have one. ``backend`` runs the
    clusters (default: in this process).
    """
    clusters, skipped = load_reference_clusters(path)
    backend = backend or InProcess()
    if summaries is None:
        runs = [run_job(method, NewsumJob(method, words), clusters, protocol, words, backend)]
    else:
        found, notes = load_summaries(summaries)
        missing = [c.id for c in clusters if c.id not in found]
        if missing:
            raise InputError(
                f"{summaries}: no summary for {len(missing)} of {len(clusters)} clusters "
                f"(first: {missing[0]})"
            )
        texts = tuple(as_lines(found[c.id]) for c in clusters)
        rouge = score(protocol, list(texts), [list(c.references) for c in clusters], words)
        rouge = replace(rouge, notes=[*rouge.notes, *notes])
        runs = [SystemRun(Path(summaries).name, texts, None, rouge)]
    if oracle:
        runs.append(run_job("oracle", OracleJob(words), clusters, protocol, words, backend))
    return Evaluation(str(path), protocol, words, len(clusters), tuple(skipped), tuple(runs))
