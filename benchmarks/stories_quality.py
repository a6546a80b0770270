"""Quality of `newsum stories` the way held-out pools score it: B-cubed and pairwise F1.

Data: ../shared/data (or $NEWSUM_DATA), every dev set: duc2002 m100 (m200 holds the same
clusters), duc2003 tasks 2 and 3, TAC 2011 MultiLing (newswire events, many articles each)
and multinews validation (web news, 1-9 pages an event), split by SHA-1 of the cluster id
into an even half (trained and tuned on) and an odd half (only reported). Articles are
pooled (a document listed by two clusters once, and their clusters one true story),
shuffled, given opaque ids, and grouped in one stream. Printed:

1. cross-set: the join model trained on one set alone (A), B-cubed F1 on each other set (B);
2. held out: each newswire set scored by a model trained on the other newswire sets and the
   web even half; the web odd half by a model trained on all newswire and the web even half
   (the kinds the shipped model sees); then strict leave-one-kind-out: the web odd half by
   a model that saw no web news;
3. the shipped model (trained on the newswire sets and the web even half) on the full pool
   (newswire + web odd half), the newswire pool (trained on), the web odd half (not trained
   on), and the newswire pool with its dates removed;
4. for each pool its ceiling: every true story whole, identical texts together; and
   (``c.notice``) the ceiling of a grouping that keeps notices out, as this one does: each
   article the grouping reads as a notice alone;
5. (``--part select``, what changes are chosen on; never the odd half) each newswire set
   held out as in 2, and the web even half held out from a model trained on newswire alone,
   with the mean F1 of these five folds.

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
WEB = "multinews_val/validation250.jsonl.gz#even"
WEB_REPORT = "multinews_val/validation250.jsonl.gz#odd"
NEWSWIRE = tuple(f for f in DEV_FILES if f != WEB)
SETS = (*NEWSWIRE, WEB, WEB_REPORT)

HEADER = (
    f"  {'pool':<34}{'docs':>6}{'true':>6}{'found':>6}{'P':>7}{'R':>7}{'F1':>7}"
    f"{'pairF1':>8}{'ceiling':>9}{'c.notice':>9}   F1 range"
)


def short(name: str) -> str:
    return name.replace(".jsonl.gz", "").replace("multinews_val/validation250", "multinews")


def row(name: str, r: Result, best: Scores, apart: Scores) -> str:
    s = r.scores
    return (
        f"  {name:<34}{s.items:>6}{s.true_groups:>6}{s.predicted_groups:>6}"
        f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.pair_f1:>8.3f}{best.f1:>9.3f}"
        f"{apart.f1:>9.3f}   {r.f1_min:.3f}-{r.f1_max:.3f}"
    )


def undated(pool: list[Pooled]) -> list[Pooled]:
    return [replace(p, article=replace(p.article, date=None)) for p in pool]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--part", choices=("all", "cross", "held-out", "shipped", "select"), default="all"
    )
    args = parser.parse_args()
    paths = {
        f: f"{args.data / f.partition('#')[0]}#{f.partition('#')[2]}".rstrip("#") for f in SETS
    }
    if not all(Path(p.partition("#")[0]).exists() for p in paths.values()):
        print(f"dev data missing under {args.data}", file=sys.stderr)
        return 1
    seeds = range(args.seeds)
    started = time.perf_counter()
    pools = {f: load_pool([paths[f]]) for f in SETS}
    print(f"{sum(len(pools[f]) for f in SETS)} distinct articles; B-cubed and pairwise, mean "
          f"of {args.seeds} shuffles; no window\n")  # fmt: skip
    if args.part in ("all", "cross"):
        cross(pools, paths, seeds)
    if args.part in ("all", "held-out"):
        held_out(pools, paths, seeds)
    if args.part == "select":
        select(pools, paths, seeds)
    if args.part in ("all", "shipped"):
        newswire = [p for f in NEWSWIRE for p in pools[f]]
        shipped(newswire, pools[WEB_REPORT], seeds)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


def cross(pools: dict[str, list[Pooled]], paths: dict[str, str], seeds: range) -> None:
    print("1. cross-set B-cubed F1: trained on A alone (rows), scored on B (columns)")
    tested = (*NEWSWIRE, WEB_REPORT)
    print(f"  {'trained on':<22}" + "".join(f"{short(b)[:16]:>17}" for b in tested))
    for a in (*NEWSWIRE, WEB):
        model = JoinModel.from_dict(train_on_files([paths[a]]))
        cells = []
        for b in tested:
            same = b == a
            f1 = evaluate(pools[b], seeds=seeds, model=model)["all"].scores.f1
            cells.append(f"{f1:>16.3f}{'*' if same else ' '}")
        print(f"  {short(a):<22}" + "".join(cells), flush=True)
    print("  (* trained on the set it is scored on)\n")


def held_out(pools: dict[str, list[Pooled]], paths: dict[str, str], seeds: range) -> None:
    print("2. held out: scored on a set the model was not trained on")
    print(HEADER)
    folds = [(held, [f for f in DEV_FILES if f != held]) for held in NEWSWIRE]
    folds.append((WEB_REPORT, list(DEV_FILES)))
    folds.append((WEB_REPORT, list(NEWSWIRE)))
    for n, (held, trained) in enumerate(folds):
        model = JoinModel.from_dict(train_on_files([paths[f] for f in trained]))
        result = evaluate(pools[held], seeds=seeds, model=model)["all"]
        name = short(held) + (" (no web trained)" if n == len(folds) - 1 else "")
        best, apart = ceiling(pools[held]), ceiling(pools[held], notices_alone=True)
        print(row(name, result, best["all"], apart["all"]), flush=True)
    print()


def select(pools: dict[str, list[Pooled]], paths: dict[str, str], seeds: range) -> None:
    print("5. selection folds (what changes are chosen on; the odd half is never read)")
    print(HEADER)
    folds = [(held, [f for f in DEV_FILES if f != held]) for held in NEWSWIRE]
    folds.append((WEB, list(NEWSWIRE)))
    f1s = []
    for held, trained in folds:
        model = JoinModel.from_dict(train_on_files([paths[f] for f in trained]))
        result = evaluate(pools[held], seeds=seeds, model=model)["all"]
        best, apart = ceiling(pools[held]), ceiling(pools[held], notices_alone=True)
        print(row(short(held), result, best["all"], apart["all"]), flush=True)
        f1s.append(result.scores.f1)
    print(f"  mean F1 of the {len(f1s)} folds: {sum(f1s) / len(f1s):.3f}\n")


def shipped(newswire: list[Pooled], web: list[Pooled], seeds: range) -> None:
    print("3. the shipped model (trained on the newswire sets and the web even half)")
    print(HEADER)
    for name, pool in (("full pool (web: odd half)", newswire + web),
                       ("newswire pool (trained on)", newswire),
                       ("web odd half (not trained on)", web),
                       ("newswire pool, dates removed", undated(newswire))):  # fmt: skip
        results = evaluate(pool, seeds=seeds)
        best, apart = ceiling(pool), ceiling(pool, notices_alone=True)
        print(row(name, results["all"], best["all"], apart["all"]))
        if name.startswith("full pool"):
            for part, r in results.items():
                if part != "all":
                    print(row(f"  {short(part)}", r, best[part], apart[part]))


if __name__ == "__main__":
    sys.exit(main())
