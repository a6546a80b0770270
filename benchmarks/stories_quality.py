"""Quality of `newsum stories` the way held-out pools score it: B-cubed and pairwise F1.

Data: ../shared/data (or $NEWSUM_DATA), every dev set: duc2002 m100 (m200 holds the same
clusters), duc2003 tasks 2 and 3, TAC 2011 MultiLing (newswire events, many articles each)
and multinews validation (web news, 1-9 pages an event). Articles are pooled (a document
listed by two clusters once, and their clusters one true story), shuffled, given opaque ids,
and grouped in one stream. Printed:

1. leave one set out: the join model trained (benchmarks/stories_train.py's way) on the
   other sets, scored on the pool of the set left out; then the newswire pool (the four
   newswire sets) and the web pool (multinews) scored by models that did not see them;
2. the shipped model (trained on every set, so these figures are tuned on) on the full
   pool, the newswire pool, the web pool, and the newswire pool with its dates removed;
3. for each pool its ceiling: every true story whole, identical texts together.

Run: python benchmarks/stories_quality.py [--seeds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from newsum.grouping.evaluation import Pooled, Result, ceiling, evaluate, load_pool
from newsum.grouping.metrics import Scores
from newsum.grouping.model import JoinModel
from newsum.grouping.train import DEV_FILES, train_on_files

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSUM_DATA", ROOT.parent / "shared" / "data"))
WEB = ("multinews_val/validation250.jsonl.gz",)
NEWSWIRE = tuple(f for f in DEV_FILES if f not in WEB)

HEADER = (
    f"  {'pool':<34}{'docs':>6}{'true':>6}{'found':>6}{'P':>7}{'R':>7}{'F1':>7}"
    f"{'pairF1':>8}{'ceiling':>9}   F1 range"
)


def row(name: str, r: Result, best: Scores) -> str:
    s = r.scores
    return (
        f"  {name:<34}{s.items:>6}{s.true_groups:>6}{s.predicted_groups:>6}"
        f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.pair_f1:>8.3f}{best.f1:>9.3f}"
        f"   {r.f1_min:.3f}-{r.f1_max:.3f}"
    )


def undated(pool: list[Pooled]) -> list[Pooled]:
    return [replace(p, article=replace(p.article, date=None)) for p in pool]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--part", choices=("all", "held-out", "shipped"), default="all")
    args = parser.parse_args()
    paths = {f: args.data / f for f in DEV_FILES}
    if not all(p.exists() for p in paths.values()):
        print(f"dev data missing under {args.data}", file=sys.stderr)
        return 1
    seeds = range(args.seeds)
    started = time.perf_counter()
    pools = {f: load_pool([paths[f]]) for f in DEV_FILES}
    newswire = [p for f in NEWSWIRE for p in pools[f]]
    web = [p for f in WEB for p in pools[f]]
    everything = newswire + web
    print(f"{len(everything)} distinct articles; B-cubed and pairwise, mean of {args.seeds} "
          "shuffles; no window\n")  # fmt: skip

    if args.part != "shipped":
        held_out(pools, paths, newswire, web, seeds)
    if args.part != "held-out":
        shipped(everything, newswire, web, seeds)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


def held_out(
    pools: dict[str, list[Pooled]],
    paths: dict[str, Path],
    newswire: list[Pooled],
    web: list[Pooled],
    seeds: range,
) -> None:
    print("1. leave one set out: trained on the other sets, scored on the one left out")
    print(HEADER)
    models: dict[str, JoinModel] = {}
    for held in DEV_FILES:
        trained = [paths[f] for f in DEV_FILES if f != held]
        models[held] = JoinModel.from_dict(train_on_files(trained))
        result = evaluate(pools[held], seeds=seeds, model=models[held])["all"]
        print(row(f"{held.split('.')[0]}", result, ceiling(pools[held])["all"]), flush=True)
    web_model = models[WEB[0]]
    print(row("web pool (model without multinews)", evaluate(web, seeds=seeds, model=web_model)["all"],
              ceiling(web)["all"]))  # fmt: skip
    wire_model = JoinModel.from_dict(train_on_files([paths[f] for f in WEB]))
    print(row("newswire pool (model: multinews only)",
              evaluate(newswire, seeds=seeds, model=wire_model)["all"], ceiling(newswire)["all"]))  # fmt: skip
    print()


def shipped(
    everything: list[Pooled], newswire: list[Pooled], web: list[Pooled], seeds: range
) -> None:
    print("2. the shipped model (trained on every set: tuned-on figures)")
    print(HEADER)
    for name, pool in (("full pool", everything), ("newswire pool", newswire), ("web pool", web),
                       ("newswire pool, dates removed", undated(newswire))):  # fmt: skip
        results = evaluate(pool, seeds=seeds)
        best = ceiling(pool)
        print(row(name, results["all"], best["all"]))
        if name == "full pool":
            for part, r in results.items():
                if part != "all":
                    print(row(f"  {part}", r, best[part]))


if __name__ == "__main__":
    sys.exit(main())
