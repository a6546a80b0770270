"""Growth of the trust path from 10 to 1,000 articles per cluster: CPU time and peak memory.

    python benchmarks/trust_scale.py [--sizes 10 30 100 300 1000] [--embed]

Each size is a cluster pooled at random (seed 13) from the documents of the DUC 2002,
DUC 2003 and TAC 2011 sets (benchmarks/scale.py pools three of them, too few for 1,000), summarized in a fresh process (after a 3-article warm-up)
by ``summarize(..., trust=True)``, as ``newsum FILES`` runs it; the trust stage alone
(``newsum.trust.analyse``) is timed too, and the same cluster without the trust analysis
(``trust=False``, as ``newsum batch``) in another fresh process. Prints a Markdown table and the fitted growth
exponent of CPU time against sentences (least squares from 30 articles; 1 is linear).
With ``--embed`` the trust path matches with word vectors (``newsum --embed``, the ``embed``
extra); the embedder is loaded before the clock starts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing as mp
import random
import resource
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")
FILES = [
    "duc2003/task2.jsonl.gz",
    "duc2003/task3.jsonl.gz",
    "tac2011_multiling_en/test.jsonl.gz",
    "duc2002/m100.jsonl.gz",
    "duc2002/m200.jsonl.gz",
]


def pool() -> list[dict[str, Any]]:
    documents = []
    for name in FILES:
        with gzip.open(DATA / name, "rt", encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    documents.extend(json.loads(line)["documents"])
    return documents


def _bulk_child(records: list[dict[str, Any]], queue: Any) -> None:
    from newsum.pipeline import Components, summarize
    from newsum.read import cluster_from_record

    cluster = cluster_from_record({"id": "pool", "documents": records}, "pool")
    components = Components()
    summarize(cluster.articles[:3], components=components, trust=False)
    start = time.process_time()
    summarize(cluster.articles, words=100, components=components, trust=False)
    cpu = time.process_time() - start
    queue.put({"cpu": cpu, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _child(records: list[dict[str, Any]], queue: Any, embed: bool = False) -> None:
    import newsum.trust as trust
    from newsum.pipeline import Components, summarize
    from newsum.read import cluster_from_record

    spent: list[float] = []
    analyse = trust.analyse

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        result = analyse(*args, **kwargs)
        spent.append(time.process_time() - start)
        return result

    import newsum.pipeline as pipeline

    pipeline.analyse = timed
    cluster = cluster_from_record({"id": "pool", "documents": records}, "pool")
    if embed:
        from newsum.embed import load_embedder

        components = Components(embedder=load_embedder())
    else:
        components = Components()
    summarize(cluster.articles[:3], components=components)
    spent.clear()
    start = time.process_time()
    summary = summarize(cluster.articles, words=100, components=components)
    cpu = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert summary.trust is not None
    sentences = sum(r.sentences for r in summary.trust.source_table)
    queue.put(
        {"cpu": cpu, "trust": spent[-1], "peak": peak, "sentences": sentences,
         "disagreements": len(summary.trust.disagreements)}
    )  # fmt: skip


def measure(
    records: list[dict[str, Any]], bulk: bool = False, embed: bool = False
) -> dict[str, Any]:
    context = mp.get_context("spawn")
    queue = context.Queue()
    target, args = (_bulk_child, (records, queue)) if bulk else (_child, (records, queue, embed))
    process = context.Process(target=target, args=args)
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    return result


def exponent(points: list[tuple[float, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[10, 30, 100, 300, 1000])
    parser.add_argument("--embed", action="store_true", help="match with word vectors")
    args = parser.parse_args()
    documents = pool()
    rng = random.Random(13)
    print(
        "| articles | sentences (non-copy) | summarize CPU s | trust stage CPU s | peak MB "
        "| same, trust=False: CPU s | peak MB |"
    )
    print("|---|---|---|---|---|---|---|")
    points: list[tuple[float, float]] = []
    trust_points: list[tuple[float, float]] = []
    for size in args.sizes:
        records = rng.sample(documents, min(size, len(documents)))
        r = measure(records, embed=args.embed)
        bulk = measure(records, bulk=True)
        print(
            f"| {size} | {r['sentences']} | {r['cpu']:.2f} | {r['trust']:.2f} | {r['peak']:.0f} "
            f"| {bulk['cpu']:.2f} | {bulk['peak']:.0f} |"
        )
        if size >= 30:
            points.append((r["sentences"], r["cpu"]))
            trust_points.append((r["sentences"], r["trust"]))
    if len(points) >= 2:
        print(
            f"\nGrowth exponent (CPU against sentences, from 30 articles): summarize "
            f"{exponent(points):.2f}, trust stage {exponent(trust_points):.2f}"
        )


if __name__ == "__main__":
    main()
