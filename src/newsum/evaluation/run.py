"""Summarize every cluster of a reference set and score it, with the extractive oracle beside.

This is what ``newsum evaluate`` prints; the benchmarks reuse it for newsum's own methods.
Summaries made elsewhere (``newsum batch`` output) can be scored the same way.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

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


def newsum_system(method: str, words: int) -> Callable[[Cluster], list[str]]:
    """newsum end to end (read objects -> clean -> ... -> select), one shared set of models."""
    from newsum.pipeline import Components, summarize

    components = Components()

    def run(cluster: Cluster) -> list[str]:
        summary = summarize(
            cluster.articles, words=words, method=method, components=components, trust=False
        )
        return [s.text for s in summary.sentences]

    return run


def oracle_system(words: int) -> Callable[[Cluster], list[str]]:
    """The best extract by bigram recall against the references: the ceiling for selection."""
    from newsum.pipeline import Components, prepare

    components = Components()

    def run(cluster: Cluster) -> list[str]:
        view = prepare(list(cluster.articles), components)
        sentences = [s.text for s in view.sentences]
        return oracle_summary(sentences, list(cluster.references), words)

    return run


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
) -> Evaluation:
    """Summarize and score every cluster of ``path``; the oracle too unless ``oracle=False``.

    With ``summaries`` (a JSONL file such as ``newsum batch`` writes), those are scored
    instead of running ``method``; every cluster must have one.
    """
    clusters, skipped = load_reference_clusters(path)
    if summaries is None:
        runs = [run_system(method, newsum_system(method, words), clusters, protocol, words)]
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
        runs.append(run_system("oracle", oracle_system(words), clusters, protocol, words))
    return Evaluation(str(path), protocol, words, len(clusters), tuple(skipped), tuple(runs))
