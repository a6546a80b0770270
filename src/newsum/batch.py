"""Batch mode: many clusters (one JSON object per line) in, one summary per line out.

Every non-blank input line gets exactly one output line, in input order, carrying its
``line`` number (and its ``file`` when there are several inputs); blank lines are skipped. A
bad cluster yields an ``error`` line and never costs the good ones; neither does a worker
that dies (see ``newsum.backend``), nor a file cut short: what was read before the cut is
written, then the cut is reported.
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsum.backend import Backend, InProcess, Lost
from newsum.errors import InputError, NewsumError
from newsum.read import Cluster, read_clusters


@dataclass(frozen=True)
class BatchSettings:
    words: int | None = 100
    sentences: int | None = None
    method: str = "concepts"


@dataclass(frozen=True)
class BadLine:
    """A line that could not be read as a cluster (what ``read_clusters`` yielded for it)."""

    message: str
    cluster_id: str | None = None


Item = Cluster | BadLine


@dataclass(frozen=True)
class Numbered:
    """An input item with where it came from (``file`` only when there are several)."""

    item: Item
    line: int | None
    file: str | None = None


def summarize_cluster(
    cluster: Cluster, settings: BatchSettings, components: Any = None
) -> dict[str, Any]:
    """One output record: the summary, or the error that stopped it (never raises)."""
    from newsum.pipeline import summarize
    from newsum.render import to_dict

    try:
        summary = summarize(
            cluster.articles,
            words=settings.words,
            sentences=settings.sentences,
            method=settings.method,
            components=components,
            trust=False,  # batch output carries sources only; skip the costlier analysis
        )
        full = to_dict(summary)
    except NewsumError as exc:
        return _error_record(cluster.id, str(exc))
    except Exception as exc:  # a bug on one cluster must not cost the others
        return _error_record(cluster.id, f"internal error: {type(exc).__name__}: {exc}")
    keep = ("text", "document", "document_id", "sentence_index", "span", "sources")
    return {
        "id": cluster.id,
        "summary": full["summary"],
        "words": full["words"],
        "method": full["method"],
        "sentences": [{k: s[k] for k in keep} for s in full["sentences"]],
        "warnings": full["warnings"],
    }


@dataclass(frozen=True)
class BatchJob:
    """What a worker does with one input item: its output record (never raises)."""

    settings: BatchSettings

    def __call__(self, numbered: Numbered, components: Any) -> dict[str, Any]:
        item = numbered.item
        if isinstance(item, Cluster):
            record = summarize_cluster(item, self.settings, components)
        else:
            record = _error_record(item.cluster_id, item.message)
        return _placed(record, numbered)

    def weight(self, numbered: Numbered) -> int:
        """How much work an item is (``Dask`` fills its tasks by it)."""
        return numbered.item.size if isinstance(numbered.item, Cluster) else 0


def _placed(record: dict[str, Any], numbered: Numbered) -> dict[str, Any]:
    where: dict[str, Any] = {"line": numbered.line}
    if numbered.file is not None:
        where["file"] = numbered.file
    return {**record, **where}


def _error_record(cluster_id: str | None, message: str) -> dict[str, Any]:
    return {"id": cluster_id, "summary": "", "error": message}


def numbered_items(sources: Iterable[str | Path], files: bool | None = None) -> Iterator[Numbered]:
    """Every non-blank line of every cluster file, in order, with its line number.

    ``files`` adds each item's file name (default: when there is more than one source).
    A file that cannot be read, or is cut short, does not stop the next one; once every
    file is done, InputError names the files that broke off.
    """
    paths = [Path(s) for s in sources]
    name = len(paths) > 1 if files is None else files
    broken: list[str] = []
    for path in paths:
        try:
            for item in read_clusters(path):
                file = str(path) if name else None
                if isinstance(item, Cluster):
                    yield Numbered(item, item.line, file)
                else:
                    bad = BadLine(str(item), getattr(item, "cluster_id", None))
                    yield Numbered(bad, getattr(item, "line", None), file)
        except InputError as exc:
            broken.append(str(exc))
    if broken:
        more = f" (and {len(broken) - 1} more file(s))" if len(broken) > 1 else ""
        raise InputError(f"{broken[0]}{more}")


class Truncated(InputError):
    """An input broke off (a cut gzip, a read error) after some of its lines were written."""

    def __init__(self, message: str, written: int, failed: int) -> None:
        super().__init__(message)
        self.written = written
        self.failed = failed


class _Stopped:
    """Items up to the first read error; the error is kept for after the last result."""

    def __init__(self, items: Iterable[Numbered]) -> None:
        self._items = items
        self.error: InputError | None = None

    def __iter__(self) -> Iterator[Numbered]:
        try:
            yield from self._items
        except InputError as exc:
            self.error = exc


def run_batch(
    source: str | Path | Iterable[Numbered],
    out: IO[str],
    settings: BatchSettings,
    backend: Backend | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[int, int]:
    """Summarize every cluster of ``source`` into ``out``; returns (written, failed).

    ``source`` is a cluster file, or the items ``numbered_items`` yields. The records are
    written as they come, in input order. If the input breaks off (a truncated gzip, a
    read error), every record before the break is written, then ``Truncated`` is raised.
    """
    items = _Stopped(numbered_items([source]) if isinstance(source, str | Path) else source)
    written = failed = 0
    job = BatchJob(settings)
    backend = backend or InProcess()
    held: deque[Numbered] = deque()

    def remember(items: Iterable[Numbered]) -> Iterator[Numbered]:
        for numbered in items:  # the items in flight, for a Lost result
            held.append(numbered)
            yield numbered

    for result in backend.map(job, remember(items)):
        numbered = held.popleft()
        if isinstance(result, Lost):
            name = numbered.item.id if isinstance(numbered.item, Cluster) else None
            result = _placed(_error_record(name, result.reason), numbered)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        if "error" in result:
            failed += 1
        else:
            written += 1
        if on_record:
            on_record(result)
    out.flush()
    if items.error is not None:
        raise Truncated(
            f"{items.error}; the {written + failed} line(s) before it were written",
            written,
            failed,
        )
    return written, failed


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
