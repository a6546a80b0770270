"""Speed of the clean stage (``clean_articles``: normalise, paragraphs, noise, duplicates).

    python benchmarks/clean_speed.py                 # DUC 2003 task 2 and a 1,000-article pool
    python benchmarks/clean_speed.py --profile       # plus a pyinstrument profile of the pool

Prints milliseconds of CPU per cluster for cleaning each DUC 2003 task 2 cluster (best of
``--repeat`` passes), and for one cluster of 1,000 articles pooled at random (seed 13) from
all dev sets in ../shared/data (or $NEWSUM_DATA), with the share of ``mark_duplicates`` in it.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from newsum.clean import clean_article, clean_articles, mark_duplicates
from newsum.read import Cluster, read_clusters
from newsum.types import Article

DATA = Path(os.environ.get("NEWSUM_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
POOL_FILES = (
    "duc2002/m100.jsonl.gz",
    "duc2003/task2.jsonl.gz",
    "duc2003/task3.jsonl.gz",
    "tac2011_multiling_en/test.jsonl.gz",
    "multinews_val/validation250.jsonl.gz",
)


def clusters(name: str) -> list[Cluster]:
    return [c for c in read_clusters(DATA / name) if isinstance(c, Cluster)]


def best_of(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pool", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    task2 = clusters("duc2003/task2.jsonl.gz")
    seconds = best_of(args.repeat, lambda: [clean_articles(c.articles) for c in task2])
    print(f"clean, DUC 2003 task 2: {1000 * seconds / len(task2):.1f} ms/cluster ({len(task2)})")
    articles = [a for name in POOL_FILES for c in clusters(name) for a in c.articles]
    pool: list[Article] = random.Random(13).sample(articles, min(args.pool, len(articles)))
    seconds = best_of(args.repeat, lambda: clean_articles(pool))
    documents = [clean_article(a, i) for i, a in enumerate(pool)]
    duplicates = best_of(args.repeat, lambda: mark_duplicates(documents))
    print(
        f"clean, {len(pool)}-article pool: {1000 * seconds:.0f} ms/cluster "
        f"(mark_duplicates {1000 * duplicates:.0f} ms, {duplicates / seconds:.0%})"
    )
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for c in task2:
            clean_articles(c.articles)
        clean_articles(pool)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
