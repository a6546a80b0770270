"""How cost grows with cluster size, where the time goes, and a 1,000-cluster batch.

    python benchmarks/scale.py            # writes the Scale section of BENCHMARKS.md

Clusters of 10, 30, 100 and 300 documents are pooled at random from all dev sets in
../shared/data (the grouping does not matter for speed). At each size three systems run back
to back, each in a fresh process (so its memory is its own and a slow one can be stopped):
newsum's default method as ``newsum batch`` and ``newsum evaluate`` run it (``trust=False``:
sources by TF-IDF), newsum's default as the ``newsum FILES`` command runs it (full trust
analysis: support by units, name variants, disagreements, per-outlet table), and sumy's
LexRank on newsum's cleaned, split text. One still running after ``--limit`` seconds is
stopped and reported as "> N s". The largest cluster is then profiled with pyinstrument.
The batch run resamples whole dev clusters (with replacement) into a 1,000-line file in a
temporary folder and times ``newsum batch FILE -o OUT --words 100 --jobs 2``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing as mp
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import SCALE_HEADING, machine

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
STORIES_HEADING = "## Stories"  # written by hand from stories_quality.py and stories_scale.py
FILES = ["duc2003/task2.jsonl.gz", "duc2003/task3.jsonl.gz", "tac2011_multiling_en/test.jsonl.gz"]
SYSTEMS = {
    "newsum": "newsum default, bulk (`batch`, `evaluate`)",
    "newsum-full": "newsum default, `newsum FILES` (full trust analysis)",
    "sumy-lexrank": "sumy LexRank",
}


def dev_clusters() -> list[dict[str, Any]]:
    records = []
    for name in FILES:
        with gzip.open(DATA / name, "rt", encoding="utf-8") as stream:
            records.extend(json.loads(line) for line in stream if line.strip())
    return records


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _make(system: str) -> Any:
    if system == "sumy-lexrank":
        from peers import sumy_system

        return sumy_system("sumy-lexrank", 100)
    from newsum.pipeline import Components, summarize

    components = Components()
    trust = system == "newsum-full"

    def run(cluster: Any) -> list[str]:
        summary = summarize(cluster.articles, words=100, components=components, trust=trust)
        return [s.text for s in summary.sentences]

    return run


def _child(system: str, records: list[dict[str, Any]], queue: Any) -> None:
    from newsum.pipeline import Components, prepare
    from newsum.read import Cluster, cluster_from_record

    cluster = cluster_from_record({"id": "pool", "documents": records}, "pool")
    run = _make(system)
    run(Cluster("warm", cluster.articles[:3]))
    before = _rss_mb()
    start = time.perf_counter()
    summary = run(cluster)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sentences = len(prepare(list(cluster.articles), Components()).sentences)
    words = sum(len(s.split()) for s in summary)
    queue.put({"seconds": seconds, "peak": peak, "growth": max(peak - before, 0.0),
               "sentences": sentences, "words": words})  # fmt: skip


def measure(system: str, records: list[dict[str, Any]], limit: float) -> dict[str, Any]:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(system, records, queue))
    process.start()
    process.join(limit)
    if process.is_alive():
        process.kill()
        process.join()
        return {"seconds": None, "limit": limit}
    return queue.get()  # type: ignore[no-any-return]


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(seconds) on log(sentences): 1 is linear, 2 quadratic."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _profile_child(system: str, records: list[dict[str, Any]], queue: Any) -> None:
    from pyinstrument import Profiler

    from newsum.read import Cluster, cluster_from_record

    cluster = cluster_from_record({"id": "pool", "documents": records}, "pool")
    run = _make(system)
    run(Cluster("warm", cluster.articles[:3]))
    profiler = Profiler(interval=0.005)
    profiler.start()
    run(cluster)
    profiler.stop()
    root = profiler.last_session.root_frame() if profiler.last_session else None
    lines: list[str] = []

    def walk(frame: Any, depth: int, total: float) -> None:
        for child in sorted(frame.children, key=lambda f: -f.time):
            if child.time < 0.05 * total or depth > 4:
                continue
            where = f"{child.file_path_short}:{child.line_no}"
            if child.function != "[self]":
                lines.append(f"{'  ' * depth}- {child.time:.2f} s `{child.function}` ({where})")
                walk(child, depth + 1, total)

    if root is not None:
        top = root
        while top.function != "run" and top.children:  # start at our run()
            top = max(top.children, key=lambda f: f.time)
        lines.append(f"- {top.time:.2f} s in all")
        walk(top, 1, top.time)
    queue.put("\n".join(lines))


def profile(system: str, records: list[dict[str, Any]]) -> str:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_profile_child, args=(system, records, queue))
    process.start()
    text = queue.get()
    process.join()
    return str(text)


def batch_run(clusters: list[dict[str, Any]], count: int) -> dict[str, float]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "clusters.jsonl.gz"
        docs = 0
        with gzip.open(source, "wt", encoding="utf-8") as out:
            for i in range(count):
                record = rng.choice(clusters)
                docs += len(record["documents"])
                out.write(json.dumps({"id": f"c{i}", "documents": record["documents"]}) + "\n")
        target = Path(folder) / "out.jsonl"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "newsum.cli", "batch", str(source), "-o", str(target),
             "--words", "100", "--jobs", "2"],
            check=True, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        seconds = time.perf_counter() - start
        lines = [json.loads(line) for line in target.open(encoding="utf-8")]
    failed = sum("error" in r for r in lines)
    return {"seconds": seconds, "clusters": len(lines), "failed": failed, "docs": docs / count}


def _cell(result: dict[str, Any]) -> tuple[str, str]:
    if result["seconds"] is None:
        return f"> {result['limit']:.0f}", "—"
    return f"{result['seconds']:.2f}", f"{result['peak']:.0f} (+{result['growth']:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[10, 30, 100, 300])
    parser.add_argument("--limit", type=float, default=300.0, help="seconds per run at most")
    parser.add_argument("--batch", type=int, default=1000, help="clusters (0: no batch run)")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    clusters = dev_clusters()
    pool = [d for c in clusters for d in c["documents"]]
    rng = random.Random(13)
    samples = {size: rng.sample(pool, min(size, len(pool))) for size in args.sizes}
    head = "| documents | sentences |" + "".join(f" {label} s | MB |" for label in SYSTEMS.values())
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    results: dict[str, list[tuple[int, dict[str, Any]]]] = {s: [] for s in SYSTEMS}
    for size, records in samples.items():
        cells = []
        sentences = 0
        for system in SYSTEMS:
            result = measure(system, records, args.limit)
            results[system].append((size, result))
            sentences = result.get("sentences", sentences)
            cells.extend(_cell(result))
            print(f"{size:4d} docs {system:13s} {cells[-2]} s {cells[-1]} MB", file=sys.stderr)
        rows.append(f"| {size} | {sentences} | " + " | ".join(cells) + " |")
    growth = []
    for system, label in SYSTEMS.items():
        points = [(r["sentences"], r["seconds"]) for size, r in results[system]
                  if size >= 30 and r["seconds"] is not None]  # fmt: skip
        slope = exponent(points)
        if slope is not None:
            growth.append(f"{label}: {slope:.2f}")
    largest = max(samples)
    profiles = {s: profile(s, samples[largest]) for s in ("newsum", "newsum-full")}
    batch = batch_run(clusters, args.batch) if args.batch else None
    section = [
        SCALE_HEADING,
        "",
        f"Generated by `python benchmarks/scale.py` on {time.strftime('%Y-%m-%d')}; machine: "
        f"{machine()}. Clusters of {', '.join(map(str, args.sizes))} documents pooled at "
        "random from the three dev sets. Each system runs in a fresh process after a "
        "3-document warm-up, back to back with the others at each size. newsum's default "
        "method is measured twice: as `newsum batch` and `newsum evaluate` run it (sources by "
        "TF-IDF, `trust=False`) and as the `newsum FILES` command runs it (full trust "
        "analysis: support, name variants, disagreements, per-outlet table). sumy LexRank "
        "gets newsum's cleaned, split text. MB: peak resident memory of the process, with "
        f"the growth during the run in brackets. A run over {args.limit:.0f} s is stopped.",
        "",
        *rows,
        "",
        "Growth exponent of time against sentences (least squares over the sizes from 30 "
        "documents; 1 is linear, 2 quadratic): " + "; ".join(growth) + ".",
        "",
        f"Where the time goes at {largest} documents (pyinstrument; frames of 5% or more):",
        "",
        "`newsum batch` / `evaluate` path:",
        "",
        profiles["newsum"],
        "",
        "`newsum FILES` path:",
        "",
        profiles["newsum-full"],
    ]
    if batch:
        section += [
            "",
            f"`newsum batch FILE -o OUT --words 100 --jobs 2` on {batch['clusters']:.0f} "
            f"clusters (whole dev clusters resampled with replacement into a file in a "
            f"temporary folder, {batch['docs']:.1f} documents per cluster on average): "
            f"{batch['seconds']:.1f} s in all, {batch['clusters'] / batch['seconds']:.1f} "
            f"clusters/s ({batch['seconds'] / batch['clusters']:.3f} s per cluster, process "
            f"start included), {batch['failed']:.0f} failed.",
        ]
    text = "\n".join(section) + "\n"
    print(text)
    output = Path(args.output)
    old = output.read_text(encoding="utf-8") if output.exists() else "# Benchmarks\n"
    head_part = old[: old.index(SCALE_HEADING)] if SCALE_HEADING in old else old + "\n"
    after = STORIES_HEADING in old and old[old.index(STORIES_HEADING) :]  # kept as it is
    tail = "\n" + after if after else ""
    output.write_text(head_part.rstrip("\n") + "\n\n" + text + tail, encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
