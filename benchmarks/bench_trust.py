"""Figures for the trust features: paraphrase matching, speed, disagreements found.

    python benchmarks/bench_trust.py [--embed] [--sets duc2003/task2,...]

Prints (1) how the sentence matcher does on the hand-labelled dev-set pairs in
paraphrase_pairs.tsv, next to plain TF-IDF cosine; (2) seconds per cluster for the whole
``summarize`` call and for the attribute step alone; (3) the disagreements reported per
dev set, for checking by hand. Needs ../shared/data (the dev sets).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from newsum.methods import Budget, get_method
from newsum.pipeline import Components, prepare, summarize
from newsum.read import read_paths
from newsum.represent import ClusterView
from newsum.trust import analyse as attribute
from newsum.trust.checks import Context, run_checks
from newsum.trust.figures import mentions
from newsum.trust.matching import SUPPORT_THRESHOLD, Embedder, build_matcher
from newsum.trust.outlets import Outlets
from newsum.types import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
PAIRS = Path(__file__).with_name("paraphrase_pairs.tsv")


def load_pairs(path: Path = PAIRS) -> list[tuple[str, str, int, str, int, str, bool]]:
    """(set, cluster, doc_a, start_a, doc_b, start_b, same) for each labelled pair."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            dev, cluster, da, sa, db, sb, label = line.split("\t")
            pairs.append((dev, cluster, int(da), sa, int(db), sb, label.strip() == "1"))
    return pairs


def cluster_articles(dev: str, cluster: str) -> list[Article]:
    with gzip.open(DATA / f"{dev}.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] == cluster:
                return [
                    Article(
                        d["text"], id=f"{cluster}/{i}", source=d.get("source"), date=d.get("date")
                    )
                    for i, d in enumerate(record["documents"])
                ]
    raise KeyError(cluster)


def find_sentence(view: ClusterView, doc: int, start: str) -> int:
    matches = [k for k, s in enumerate(view.sentences) if s.doc == doc and s.text.startswith(start)]
    if len(matches) != 1:
        raise LookupError(f"document {doc}: {len(matches)} sentences start with {start!r}")
    return matches[0]


def pair_scores(embedder: Embedder | None) -> list[tuple[bool, float, float]]:
    """(label, matcher score, TF-IDF cosine) per labelled pair."""
    components = Components()
    views: dict[tuple[str, str], Any] = {}
    rows = []
    for dev, cluster, da, sa, db, sb, same in load_pairs():
        if (dev, cluster) not in views:
            view = prepare(cluster_articles(dev, cluster), components)
            views[(dev, cluster)] = (view, build_matcher(view, embedder=embedder))
        view, matcher = views[(dev, cluster)]
        a, b = find_sentence(view, da, sa), find_sentence(view, db, sb)
        cosine = float((view.tfidf[a] @ view.tfidf[b].T).toarray()[0, 0])
        rows.append((same, float(matcher.scores([a])[0, b]), cosine))
    return rows


def report_pairs(embedder: Embedder | None) -> None:
    rows = pair_scores(embedder)
    positives = sum(1 for r in rows if r[0])
    negatives = len(rows) - positives
    name = "units+embeddings" if embedder else "units"
    print(f"\n== paraphrase pairs ({positives} same, {negatives} not; hand-labelled)")
    for label, column in ((name, 1), ("tf-idf cosine", 2)):
        for threshold in (0.2, 0.25, 0.3, 0.35):
            tp = sum(1 for r in rows if r[0] and r[column] >= threshold)
            fp = sum(1 for r in rows if not r[0] and r[column] >= threshold)
            mark = "  <- default" if column == 1 and threshold == SUPPORT_THRESHOLD else ""
            print(
                f"{label:18s} t={threshold:.2f}: found {tp}/{positives} paraphrases, "
                f"{fp}/{negatives} false matches{mark}"
            )


def dev_clusters(dev: str) -> list[tuple[str, list[Article]]]:
    with gzip.open(DATA / f"{dev}.jsonl.gz", "rt", encoding="utf-8") as lines:
        out = []
        for line in lines:
            record = json.loads(line)
            articles = [
                Article(
                    d["text"], id=f"{record['id']}/{i}", source=d.get("source"), date=d.get("date")
                )
                for i, d in enumerate(record["documents"])
            ]
            out.append((record["id"], articles))
        return out


def report_speed(sets: list[str], embedder: Embedder | None, repeat: int = 1) -> None:
    print(
        f"\n== seconds per cluster ({'with' if embedder else 'without'} embeddings; "
        f"best of {repeat} runs each, to damp noise from other processes)"
    )
    components = Components()
    method = get_method("concepts")
    for dev in sets:
        words = 250 if "tac" in dev else 100
        whole: list[float] = []
        step: list[float] = []
        for _, articles in dev_clusters(dev):
            view = prepare(articles, components)
            picked = method.select(view, Budget(words=words))
            indices = [view.candidates[i].sentence for i in picked]
            runs, steps = [], []
            for _ in range(repeat):
                if embedder is None:  # the whole call, on its default path
                    start = time.perf_counter()
                    summarize(articles, words=words, components=components)
                    runs.append(time.perf_counter() - start)
                start = time.perf_counter()
                attribute(view, indices, embedder=embedder)
                steps.append(time.perf_counter() - start)
            if runs:
                whole.append(min(runs))
            step.append(min(steps))
        overall = (
            f"summarize: median {statistics.median(whole):.3f}  p90 "
            f"{np.percentile(whole, 90):.3f}  max {max(whole):.3f} | "
            if whole
            else ""
        )
        print(
            f"{dev:28s} {overall}attribute step: median {statistics.median(step):.3f}  "
            f"p90 {np.percentile(step, 90):.3f}  max {max(step):.3f}  ({len(step)} clusters)"
        )


def report_disagreements(sets: list[str]) -> None:
    components = Components()
    examples = [("examples/raqqa", read_paths([ROOT / "examples" / "raqqa"]))]
    print("\n== disagreements reported (default confidence), to check by hand")
    for name, articles in examples + [(f"{d}:{c}", a) for d in sets for c, a in dev_clusters(d)]:
        view = prepare(articles, components)
        matcher = build_matcher(view)
        context = Context(matcher, Outlets.of(view.documents), tuple(mentions(matcher)))
        for item in run_checks(context):
            print(f"- {name} [{item.kind}, {item.level} {item.confidence:.2f}] {item.topic}")
            for side in item.sides:
                print(
                    f"    {side.claim} ({', '.join(side.sources)}): {side.sentences[0].text[:160]}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embed", action="store_true", help="also measure with embeddings")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per cluster")
    parser.add_argument("--only", choices=["pairs", "speed", "disagreements"])
    parser.add_argument("--sets", default="duc2003/task2,duc2003/task3,tac2011_multiling_en/test")
    args = parser.parse_args()
    sets = args.sets.split(",")
    embedders: list[Embedder | None] = [None]
    if args.embed:
        from newsum.embed import load_embedder

        embedders.append(load_embedder())
    for embedder in embedders:
        if args.only in (None, "pairs"):
            report_pairs(embedder)
        if args.only in (None, "speed"):
            report_speed(sets, embedder, args.repeat)
    if args.only in (None, "disagreements"):
        report_disagreements(sets)


if __name__ == "__main__":
    main()
