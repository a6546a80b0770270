"""Grouping quality against known clusters: pool their articles, shuffle, group, score.

A pooled article is one document, however many clusters list it (DUC 2003 task 2 lists
9 documents in two clusters each). A grouping is a partition, so clusters that share a
document count as one true story (``merge``), or the shared documents are left out
(``drop``); both are reported.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsum.errors import InputError
from newsum.grouping.group import UNASSIGNED, group
from newsum.grouping.metrics import Scores, score
from newsum.grouping.model import JoinModel
from newsum.read import Cluster, read_clusters
from newsum.types import Article


@dataclass(frozen=True)
class Pooled:
    """One distinct document of a pool and every cluster that lists it."""

    article: Article
    clusters: tuple[str, ...]
    dataset: str


HALVES = ("even", "odd")
"""``FILE#even`` and ``FILE#odd`` name the clusters of a file whose id's SHA-1 is even or odd:
a fixed split of one data set into a half to train or tune on and a half to report on."""


def half_of(cluster_id: str) -> str:
    return HALVES[int(hashlib.sha1(cluster_id.encode()).hexdigest(), 16) % 2]


def load_pool(paths: Iterable[str | Path]) -> list[Pooled]:
    """Distinct documents of the cluster files (identity: ``meta.doc_ids``, else the article
    id); ``FILE#even`` or ``FILE#odd`` reads one half of a file's clusters (``half_of``)."""
    found: dict[str, tuple[Article, list[str], str]] = {}
    for spec in paths:
        path, _, half = str(spec).partition("#")
        if half and half not in HALVES:
            raise InputError(f"{spec}: a half is #even or #odd")
        dataset = _dataset_name(Path(path)) + (f"#{half}" if half else "")
        for item in read_clusters(path):
            if not isinstance(item, Cluster):
                raise InputError(str(item))
            if half and half_of(item.id) != half:
                continue
            ids = item.meta.get("doc_ids")
            if not isinstance(ids, list) or len(ids) != len(item.articles):
                ids = [a.id for a in item.articles]
            for doc_id, article in zip(ids, item.articles, strict=True):
                key = f"{dataset}:{doc_id}"
                if key not in found:
                    found[key] = (_with_id(article, str(doc_id)), [], dataset)
                if item.id not in found[key][1]:
                    found[key][1].append(item.id)
    if not found:
        raise InputError("no clusters to evaluate")
    return [Pooled(a, tuple(c), d) for a, c, d in found.values()]


def _dataset_name(path: Path) -> str:
    stem = path.name.removesuffix(".gz").removesuffix(".jsonl")
    return f"{path.parent.name}/{stem}"


def _with_id(article: Article, new_id: str) -> Article:
    return Article(article.text, new_id, article.title, article.source, article.url,
                   article.date, article.meta)  # fmt: skip


def truth_labels(pool: Sequence[Pooled], shared: str = "merge") -> list[str | None]:
    """One true story per document: clusters sharing a document are merged (union-find),
    or, with ``shared="drop"``, such documents get None (left out of scoring)."""
    if shared == "drop":
        return [p.clusters[0] if len(p.clusters) == 1 else None for p in pool]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pool:
        for other in p.clusters[1:]:
            parent[find(other)] = find(p.clusters[0])
    return [find(p.clusters[0]) for p in pool]


@dataclass(frozen=True)
class Result:
    name: str
    scores: Scores
    seeds: int
    f1_min: float
    f1_max: float


def evaluate(
    pool: Sequence[Pooled],
    window: float | None = None,
    seeds: Sequence[int] = (0,),
    shared: str = "merge",
    model: JoinModel | None = None,
) -> dict[str, Result]:
    """Group the shuffled pool once per seed; score all of it and each data set apart.

    Each data set is scored on its own articles within the pooled grouping; stories that
    mix data sets show in the ``all`` row.
    """
    truth = truth_labels(pool, shared)
    names = ["all", *sorted({p.dataset for p in pool})]
    runs: dict[str, list[Scores]] = {n: [] for n in names}
    for seed in seeds:
        order = list(range(len(pool)))
        random.Random(seed).shuffle(order)
        shuffled = [_with_id(pool[i].article, f"a{n}") for n, i in enumerate(order)]  # opaque
        labels = group(shuffled, window, model)
        predicted = [0] * len(pool)
        for position, i in enumerate(order):  # an unassigned article is a story of its own
            predicted[i] = labels[position] if labels[position] != UNASSIGNED else -1 - position
        for name in names:
            keep = [
                i for i, p in enumerate(pool)
                if truth[i] is not None and name in ("all", p.dataset)
            ]  # fmt: skip
            runs[name].append(score([truth[i] for i in keep], [predicted[i] for i in keep]))
    return {name: _average(name, scores) for name, scores in runs.items()}


def _average(name: str, runs: list[Scores]) -> Result:
    n = len(runs)

    def mean(field: str) -> float:
        return sum(getattr(s, field) for s in runs) / n

    scores = Scores(
        mean("precision"),
        mean("recall"),
        mean("f1"),
        mean("ari"),
        runs[0].items,
        runs[0].true_groups,
        round(mean("predicted_groups")),
        mean("pair_precision"),
        mean("pair_recall"),
        mean("pair_f1"),
    )
    f1s = [s.f1 for s in runs]
    return Result(name, scores, n, min(f1s), max(f1s))


def ceiling(
    pool: Sequence[Pooled], shared: str = "merge", notices_alone: bool = False
) -> dict[str, Scores]:
    """The best a grouping can do: every true story whole, and identical texts (which any
    grouping puts together, as copies or as one boilerplate) together. ``notices_alone``:
    the best a grouping that keeps notices out of stories can do (each article the grouping
    reads as a notice alone, and nothing joined through it)."""
    truth = truth_labels(pool, shared)
    alone: set[int] = set()
    if notices_alone:
        from newsum.grouping.features import Featurizer

        featurizer = Featurizer()
        alone = {i for i, p in enumerate(pool) if featurizer.read(p.article).notice is not None}
    parent = {label: label for label in truth if label is not None}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_text: dict[str, str] = {}
    for i, (p, label) in enumerate(zip(pool, truth, strict=True)):
        if label is None or i in alone:
            continue
        text = " ".join(p.article.text.casefold().split())
        if text in by_text:
            parent[find(label)] = find(by_text[text])
        else:
            by_text[text] = label
    best = [
        f"alone {i}" if i in alone else find(label) if label is not None else None
        for i, label in enumerate(truth)
    ]
    result = {}
    for name in ["all", *sorted({p.dataset for p in pool})]:
        keep = [
            i for i, p in enumerate(pool) if truth[i] is not None and name in ("all", p.dataset)
        ]
        result[name] = score([truth[i] for i in keep], [best[i] for i in keep])
    return result
