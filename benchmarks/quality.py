"""Quality and speed of every newsum method, the extractive oracle and the peers people use.

    python benchmarks/quality.py                 # all dev sets, writes BENCHMARKS.md
    python benchmarks/quality.py --skip sumy-kl  # leave out a slow peer

All systems run in this one process, back to back on the same clusters, so that they share
the machine's load (other work on a shared machine slows them alike). Each is warmed up on
the set's first cluster, timed over the whole set, and timed a second time when the first pass
took under ``--repeat-under`` seconds; the faster pass counts. Peak memory is a separate pass
under tracemalloc over the set's three largest clusters (Python and NumPy allocations made
while summarizing, models already loaded). Summaries are scored as ``newsum evaluate`` scores
them: ROUGE-1.5.5 recall/F1 at the set's word limit, plus LongBench ROUGE-L for 250 words.
Requires ``pip install -e '.[bench]'`` and the dev sets in ../shared/data. The Scale
section of BENCHMARKS.md (written by scale.py) is kept.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsum.evaluation import score
from newsum.evaluation.run import load_reference_clusters, newsum_system, oracle_system
from newsum.grouping.evaluation import half_of
from newsum.methods import DEFAULT_METHOD, available_methods
from newsum.read import Cluster
from peers import SUMY, lexrank_system, sumy_system

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SETS = [
    ("DUC 2003 task 2", "duc2003/task2.jsonl.gz", 100),
    ("DUC 2003 task 3", "duc2003/task3.jsonl.gz", 100),
    ("TAC 2011 MultiLing (en)", "tac2011_multiling_en/test.jsonl.gz", 250),
    # web news: the half of Multi-News that selection was not tuned on (sha1 of the id odd)
    ("Multi-News validation, odd half (web news)", "multinews_val/validation250.jsonl.gz#odd", 250),
]
SCALE_HEADING = "## Scale"

System = Callable[[Cluster], Sequence[str]]


def make_system(name: str, words: int) -> System:
    if name == "oracle":
        return oracle_system(words)
    if name in SUMY:
        return sumy_system(name, words)
    if name == "lexrank-pypi":
        return lexrank_system(words)
    return newsum_system(name, words)


def timed_pass(system: System, clusters: Sequence[Cluster]) -> tuple[list[str], float]:
    gc.collect()
    start = time.perf_counter()
    summaries = ["\n".join(system(c)) for c in clusters]
    return summaries, time.perf_counter() - start


def peak_memory_mb(system: System, clusters: Sequence[Cluster]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        for cluster in clusters:
            system(cluster)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def run_set(
    names: Sequence[str], clusters: Sequence[Cluster], words: int, repeat_under: float
) -> list[dict[str, Any]]:
    systems = {name: make_system(name, words) for name in names}
    for system in systems.values():
        system(clusters[0])  # load models, fill caches: not part of the timing
    first = {name: timed_pass(system, clusters) for name, system in systems.items()}
    rows = []
    for name, (summaries, seconds) in first.items():
        passes = [seconds]
        if seconds < repeat_under:
            passes.append(timed_pass(systems[name], clusters)[1])
        rows.append({"system": name, "summaries": summaries, "passes": passes})
    largest = sorted(clusters, key=lambda c: -sum(len(a.text) for a in c.articles))[:3]
    refs = [list(c.references) for c in clusters]
    for row in rows:
        row["peak"] = peak_memory_mb(systems[row["system"]], largest)
        row["seconds"] = min(row["passes"]) / len(clusters)
        duc = score("duc", row["summaries"], refs, words)
        row |= duc.scores
        row["backend"] = duc.backend
        if words > 150:
            row["lb"] = score("longbench", row["summaries"], refs, words).scores["rouge-l-f"]
        shown = "/".join(f"{p / len(clusters):.3f}" for p in row["passes"])
        print(f"  {row['system']:14s} R1 {row['rouge-1-r']:.2f} R2 {row['rouge-2-r']:.2f} "
              f"s/cluster {shown} peak {row['peak']:.1f} MB", file=sys.stderr, flush=True)  # fmt: skip
    return rows


def table(title: str, relative: str, words: int, n: int, rows: list[dict[str, Any]]) -> str:
    base = next(r["seconds"] for r in rows if r["system"] == DEFAULT_METHOD)
    long = words > 150
    head = "| system | R1 rec | R2 rec | R1 F1 | R2 F1 |" + (" LongBench RL |" if long else "")
    head += " s/cluster | x newsum time | peak MB |"
    lines = [
        f"### {title} — `{relative}`, {n} clusters, {words} words ({rows[0]['backend']})",
        "",
        head,
        "|" + "---|" * (head.count("|") - 1),
    ]
    for r in rows:
        timing = f"{r['seconds']:.3f}" + ("" if len(r["passes"]) > 1 else " (1 pass)")
        cells = [
            f"**{r['system']}**" if r["system"] == DEFAULT_METHOD else r["system"],
            f"{r['rouge-1-r']:.2f}",
            f"{r['rouge-2-r']:.2f}",
            f"{r['rouge-1-f']:.2f}",
            f"{r['rouge-2-f']:.2f}",
            *([f"{r['lb']:.2f}"] if long else []),
            timing,
            f"{r['seconds'] / base:.1f}",
            f"{r['peak']:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, no GPU; shared with other work while it ran"
    )


def write_report(path: Path, sections: list[str], command: str) -> None:
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if SCALE_HEADING in old:
            kept = "\n" + old[old.index(SCALE_HEADING) :]
    text = f"""# Benchmarks

Generated by `{command}` on {time.strftime("%Y-%m-%d")}; machine: {machine()}.
Data: the development sets in `../shared/data` (not in this repository). Scores: the
official ROUGE-1.5.5 with `-n 2 -m -l <words> -c 95 -r 1000 -f A -p 0.5 -a` (recall is the
headline figure; stemming with the WordNet 2.0 exception lists, then Porter, as the original
release), against all references; for the 250-word set also LongBench v1's multi-news ROUGE-L
F1. `newsum evaluate DATA --method M --words N` gives the same figures for one method.

How the systems are run: every system sees the same input, newsum's cleaned text split into
sentences by the same splitter (nupunkt); the peers get it already split (sumy: the articles
concatenated into one document, as its maintainers advise for several documents, with a
regex word tokenizer so that no NLTK data is needed; the `lexrank` package: the cluster's
articles as its background corpus and its English stopwords, threshold 0.1 as in its README).
Every system obeys the same hard word limit: sentences best first, a sentence that does not
fit is skipped, never cut. All systems run in one process, back to back on the same
clusters, after one warm-up cluster each; seconds per cluster is the faster of two passes
(one pass where marked: a slow peer), and include cleaning and splitting for every system
(done by newsum's code before a peer runs). `x newsum time` is each system's time divided by
newsum's default (`{DEFAULT_METHOD}`). Peak MB is the tracemalloc peak (Python and NumPy
allocations) while summarizing the set's three largest clusters, models already loaded.
`oracle` is the greedy extractive upper bound (bigram recall against the references, same
word limit; its time is not meaningful).

"""
    path.write_text(text + "\n\n".join(sections) + "\n" + kept, encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip", nargs="*", default=[], help="systems to leave out")
    parser.add_argument("--repeat-under", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    names = [*available_methods(), "oracle", *SUMY, "lexrank-pypi"]
    names = [s for s in names if s not in args.skip]
    sections = []
    for title, spec, words in SETS:
        relative, _, half = spec.partition("#")
        path = DATA / relative
        if not path.exists():
            print(f"skipping {title}: {path} not found", file=sys.stderr)
            continue
        print(title, file=sys.stderr, flush=True)
        clusters, _ = load_reference_clusters(path)
        if half:
            clusters = [c for c in clusters if half_of(c.id) == half]
        rows = run_set(names, clusters, words, args.repeat_under)
        sections.append(table(title, spec, words, len(clusters), rows))
    command = "python benchmarks/quality.py" + (
        " --skip " + " ".join(args.skip) if args.skip else ""
    )
    write_report(Path(args.output), sections, command)


if __name__ == "__main__":
    main()
