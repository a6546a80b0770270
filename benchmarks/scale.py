"""Scale: cost per cluster against peers and the floor, growth with size, and throughput.

    python benchmarks/scale.py            # writes the Scale section of BENCHMARKS.md

Everything below is measured in one run, so the ratios compare like with like on a machine
shared with other work:

1. Per cluster, on DUC 2003 task 2 (30 DUC-style clusters of about 10 articles): the
   unavoidable work (parse each JSON line, split every document with nupunkt, tokenize and
   Porter-stem every word), newsum's batch path in process, sumy LexRank (on newsum's cleaned
   text), and ``newsum batch FILE -o OUT --jobs 1`` end to end (process start included), all
   in CPU seconds; plus the CPU of ``newsum --help`` and ``newsum summarize examples/raqqa``
   (plain text, and ``--format markdown`` with the trust analysis).
2. Growth: clusters of 10 to 1,000 documents pooled at random from all dev sets; each
   system runs in a fresh process (so its memory is its own and a slow one can be stopped):
   newsum's default as ``newsum batch`` runs it (``trust=False``), as ``newsum summarize
   --format markdown`` runs it
   (full trust analysis), and sumy's LexRank (up to 100 documents). One still running after
   ``--limit`` seconds is stopped and reported as "> N s". The largest cluster is profiled.
3. Throughput: whole dev clusters resampled into a ``--batch``-line file, summarized with
   ``newsum batch --jobs 2`` and with ``--scheduler`` against a ``dask scheduler`` and two
   ``dask worker`` processes started separately on 127.0.0.1; the outputs are compared byte
   for byte. Then one Dask worker is SIGKILLed mid-run and the output is compared again.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing as mp
import os
import random
import resource
import signal
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
HISTORY_HEADING = "### Earlier rounds"  # hand-written notes closing the Scale section, kept
FILES = ["duc2003/task2.jsonl.gz", "duc2003/task3.jsonl.gz", "tac2011_multiling_en/test.jsonl.gz"]
SYSTEMS = {
    "newsum": "newsum default, bulk (`batch`, `evaluate`)",
    "newsum-full": "newsum default, `summarize --format markdown` (full trust analysis)",
    "sumy-lexrank": "sumy LexRank",
}


POOL_EXTRA = ["multinews_val/validation250.jsonl.gz"]  # scraped news: the pool passes 1,000


def dev_clusters(files: list[str] = FILES) -> list[dict[str, Any]]:
    records = []
    for name in files:
        with gzip.open(DATA / name, "rt", encoding="utf-8") as stream:
            records.extend(json.loads(line) for line in stream if line.strip())
    return records


def _rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (``VmRSS``) or its peak (``VmHWM``), in MB. The peak of
    the process image, not ``ru_maxrss``: that keeps the parent's peak across the spawn's exec
    (the parent holds every dev set: 193 MB, which hid the small clusters' own peaks)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
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
    start = time.process_time()  # CPU: the machine is shared, so wall time moves with load
    summary = run(cluster)
    seconds = time.process_time() - start
    peak = _rss_mb("VmHWM")
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsum.cli", *args]


def child_cpu(command: list[str], repeat: int = 3) -> float:
    """The least CPU seconds (user + system) a command took over ``repeat`` runs, with the
    bytecode cache a normal install has (``PYTHONDONTWRITEBYTECODE`` left out of the child's
    environment: with it set, every start compiles newsum's sources again, about 0.1 s)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = math.inf
    for _ in range(repeat):
        before = _children_cpu()
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        best = min(best, _children_cpu() - before)
    return best


def unavoidable(lines: list[str]) -> float:
    """CPU seconds to parse each line, split each document with nupunkt, stem every word."""
    import nupunkt
    import Stemmer

    from newsum.represent import tokenize

    splitter = nupunkt.PunktSentenceTokenizer()
    stemmer = Stemmer.Stemmer("porter")
    splitter.tokenize("Warm up. Twice.")
    start = time.process_time()
    for line in lines:
        for document in json.loads(line)["documents"]:
            for sentence in splitter.tokenize(document["text"]):
                stemmer.stemWords(tokenize(sentence))
    return time.process_time() - start


def _module(path: str) -> str:
    """A profiled function's home: ``newsum/clean.py``, a package's name, or ``Python``."""
    if "/newsum/" in path:
        return "newsum/" + path.rsplit("/newsum/", 1)[1]
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    return "Python (standard library)"


def module_shares(clusters: list[Any], top: int = 12) -> list[tuple[str, float]]:
    """Share of the batch path's CPU per module (cProfile; a built-in function's time goes
    to the module that called it), largest first."""
    import cProfile
    import pstats

    from newsum.batch import BatchSettings, summarize_cluster
    from newsum.pipeline import Components

    components = Components()
    settings = BatchSettings(words=100)
    summarize_cluster(clusters[0], settings, components)
    profiler = cProfile.Profile()
    profiler.enable()
    for cluster in clusters:
        summarize_cluster(cluster, settings, components)
    profiler.disable()
    shares: dict[str, float] = {}
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    for (file, _, _), (_, _, own, _, callers) in stats.items():
        if file != "~":
            shares[_module(file)] = shares.get(_module(file), 0.0) + own
            continue
        for (caller_file, _, _), caller in callers.items():  # a built-in: to its callers
            home = _module(caller_file) if caller_file != "~" else "built-ins"
            shares[home] = shares.get(home, 0.0) + caller[2]
    total = sum(shares.values()) or 1.0
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])
    return [(name, seconds / total) for name, seconds in ranked[:top]]


def per_cluster(path: Path) -> dict[str, float]:
    """CPU seconds per cluster of each system on one dev set, measured back to back."""
    import newsum
    from newsum.batch import BatchSettings, summarize_cluster
    from newsum.pipeline import Components
    from newsum.read import Cluster, read_clusters
    from peers import sumy_system

    # the processes below start as a user's do, with newsum's bytecode already written
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(newsum.__file__).parent)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip()]
    clusters = [c for c in read_clusters(path) if isinstance(c, Cluster)]
    n = len(clusters)
    result = {"clusters": float(n), "floor": unavoidable(lines) / n}
    components = Components()
    settings = BatchSettings(words=100)
    summarize_cluster(clusters[0], settings, components)  # warm-up
    start = time.process_time()
    for cluster in clusters:
        summarize_cluster(cluster, settings, components)
    result["newsum"] = (time.process_time() - start) / n
    lexrank = sumy_system("sumy-lexrank", 100)
    lexrank(clusters[0])
    start = time.process_time()
    for cluster in clusters:
        lexrank(cluster)
    result["lexrank"] = (time.process_time() - start) / n
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "out.jsonl")
        command = _cli("batch", str(path), "-o", out, "--words", "100", "--jobs", "1")
        result["batch"] = child_cpu(command, repeat=1) / n
    result["shares"] = module_shares(clusters)  # type: ignore[assignment]
    result["help"] = child_cpu(_cli("--help"))
    result["raqqa"] = child_cpu(_cli("summarize", str(ROOT / "examples" / "raqqa")))
    result["raqqa_markdown"] = child_cpu(
        _cli("summarize", str(ROOT / "examples" / "raqqa"), "--format", "markdown")
    )
    result.update(process_start(lines[0]))
    return result


BATCH_MODULES = "newsum.batch, newsum.pipeline, newsum.methods.concepts, newsum.render, newsum.trust.lexical, newsum.trust.outlets"  # fmt: skip
"""What ``newsum batch`` imports to summarize (numpy with them; scipy no longer)."""


def process_start(line: str) -> dict[str, float]:
    """CPU seconds (least of 3) of ``newsum batch`` on one cluster, and of the imports that
    make up its start: Python itself, numpy, the batch path's modules (numpy included), and
    typer's pydantic adapters (typer 0.29 builds one per option of the command it runs; newsum's
    commands skip them, ``cli._PlainValues``)."""
    python = [sys.executable, "-c"]
    with tempfile.TemporaryDirectory() as folder:
        one = Path(folder) / "one.jsonl"
        one.write_text(line, encoding="utf-8")
        batch = child_cpu(_cli("batch", str(one), "-o", str(Path(folder) / "out.jsonl"),
                               "--jobs", "1"))  # fmt: skip
        pooled = child_cpu(_cli("batch", str(one), "-o", str(Path(folder) / "out.jsonl")))
    return {
        "start_batch": batch,
        "start_pool": pooled,
        "start_python": child_cpu([*python, "pass"]),
        "start_numpy": child_cpu([*python, "import numpy"]),
        "start_modules": child_cpu([*python, f"import {BATCH_MODULES}"]),
        "start_typer": child_cpu([*python, "import typer"]),
        "start_pydantic": child_cpu([*python, "import typer, typer._adapters"]),
    }


SMALL_DOCS = 3
"""Documents per cluster of the throughput run: a feed's clusters are mostly small (the median
Multi-News cluster has 2 articles), and 10,000 of them stay a few minutes on 2 cores."""


def _resampled(
    clusters: list[dict[str, Any]], count: int, path: Path, docs: int = SMALL_DOCS
) -> float:
    """``count`` clusters of at most ``docs`` documents, each drawn (with replacement) from one
    dev cluster, written to ``path``; returns the mean number of documents per cluster."""
    rng = random.Random(7)
    total = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(count):
            documents = rng.choice(clusters)["documents"]
            picked = rng.sample(documents, min(docs, len(documents)))
            total += len(picked)
            out.write(json.dumps({"id": f"c{i}", "documents": picked}) + "\n")
    return total / max(count, 1)


def _head(source: Path, target: Path, count: int) -> None:
    """The first ``count`` lines of a gzipped file, gzipped."""
    with gzip.open(source, "rt", encoding="utf-8") as lines, gzip.open(target, "wt") as out:
        for _, line in zip(range(count), lines, strict=False):
            out.write(line)


def _timed_batch(
    source: Path, target: Path, *options: str, dask: DaskOnLoopback | None = None
) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one ``newsum batch`` run: the CPU of the command with
    its worker processes, plus that of the Dask scheduler and workers when they serve it."""
    cpu = _children_cpu() + (dask.cpu() if dask else 0.0)
    start = time.perf_counter()
    subprocess.run(
        _cli("batch", str(source), "-o", str(target), "--words", "100", *options),
        check=True, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - start
    return wall, _children_cpu() + (dask.cpu() if dask else 0.0) - cpu


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DaskOnLoopback:
    """A ``dask scheduler`` and two single-threaded ``dask worker`` processes on 127.0.0.1."""

    def __enter__(self) -> DaskOnLoopback:
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        dask = str(Path(sys.executable).with_name("dask"))
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.processes = [subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            **quiet)]  # fmt: skip
        for _ in range(2):
            self.processes.append(subprocess.Popen(
                [dask, "worker", self.address, "--host", "127.0.0.1", "--nworkers", "1",
                 "--nthreads", "1", "--no-dashboard"], **quiet))  # fmt: skip
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        return self

    def cpu(self) -> float:
        """CPU seconds used so far by the scheduler and the workers (nannies included)."""
        import psutil  # a dependency of distributed

        total = 0.0
        for process in self.processes:
            try:
                tree = psutil.Process(process.pid)
                for member in [tree, *tree.children(recursive=True)]:
                    times = member.cpu_times()
                    total += times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return total

    def worker_pids(self) -> list[int]:
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            return list(client.run(os.getpid).values())

    def __exit__(self, *_: object) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


KILL_CLUSTERS = 2000  # the SIGKILL run: the first clusters of the same file are enough


def throughput(clusters: list[dict[str, Any]], count: int) -> dict[str, Any]:
    """--jobs 2 against --scheduler (two separate workers), then a worker killed mid-run."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "clusters.jsonl.gz"
        docs = _resampled(clusters, count, source)
        head = Path(folder) / "head.jsonl.gz"
        kill_count = min(KILL_CLUSTERS, count)
        _head(source, head, kill_count)
        pooled, dasked, killed = (Path(folder) / f"{n}.jsonl" for n in ("jobs", "dask", "kill"))
        result: dict[str, Any] = {"clusters": count, "docs": docs, "kill_clusters": kill_count}
        with DaskOnLoopback() as dask:
            first, first_cpu = _timed_batch(source, pooled, "--jobs", "2")
            result["dask"], result["dask_cpu"] = _timed_batch(
                source, dasked, "--scheduler", dask.address, dask=dask
            )
            second, second_cpu = _timed_batch(source, pooled, "--jobs", "2")  # the load drifts
            result["jobs"] = (first + second) / 2
            result["jobs_cpu"] = (first_cpu + second_cpu) / 2
            result["jobs_runs"] = (first, second)
            result["identical"] = pooled.read_bytes() == dasked.read_bytes()
            run = subprocess.Popen(
                _cli("batch", str(head), "-o", str(killed), "--words", "100",
                     "--scheduler", dask.address),
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(result["dask"] * kill_count / count / 3)
            victim = dask.worker_pids()[0]
            result["killed_mid_run"] = run.poll() is None
            os.kill(victim, signal.SIGKILL)
            result["kill_exit"] = run.wait()
        expected = b"".join(pooled.read_bytes().splitlines(keepends=True)[:kill_count])
        result["kill_identical"] = killed.read_bytes() == expected
        lines = [json.loads(line) for line in pooled.open(encoding="utf-8")]
        result["failed"] = sum("error" in r for r in lines)
        result["kill_lines"] = len(killed.read_bytes().splitlines())
    return result


def _cell(result: dict[str, Any]) -> tuple[str, str]:
    if result["seconds"] is None:
        return f"> {result['limit']:.0f}", "—"
    return f"{result['seconds']:.2f}", f"{result['peak']:.0f} (+{result['growth']:.0f})"


def throughput_lines(batch: dict[str, Any]) -> list[str]:
    jobs_rate = batch["clusters"] / batch["jobs"]
    dask_rate = batch["clusters"] / batch["dask"]
    same = "byte-identical" if batch["identical"] else "**different**"
    kill_same = "byte-identical to" if batch["kill_identical"] else "**different from**"
    return [
        f"### Throughput — {batch['clusters']} clusters",
        "",
        f"Small clusters (up to {SMALL_DOCS} documents of one dev cluster, drawn with "
        f"replacement; {batch['docs']:.1f} documents per cluster on average) in a `.jsonl.gz` "
        "in a temporary folder, "
        "`--words 100`, wall time, process start included; `--jobs 2` ran before and "
        f"after Dask ({batch['jobs_runs'][0]:.1f} s and {batch['jobs_runs'][1]:.1f} s), "
        "the mean is shown:",
        "",
        "| run | wall s | clusters/s | CPU s (all processes) | clusters per CPU s |",
        "|---|---|---|---|---|",
        f"| `newsum batch FILE -o OUT --jobs 2` | {batch['jobs']:.1f} | {jobs_rate:.1f} "
        f"| {batch['jobs_cpu']:.1f} | {batch['clusters'] / batch['jobs_cpu']:.1f} |",
        f"| `newsum batch FILE -o OUT --scheduler tcp://127.0.0.1:PORT` (a `dask "
        f"scheduler` and 2 `dask worker --nworkers 1 --nthreads 1` processes) "
        f"| {batch['dask']:.1f} | {dask_rate:.1f} | {batch['dask_cpu']:.1f} "
        f"| {batch['clusters'] / batch['dask_cpu']:.1f} |",
        "",
        "Wall time on a machine shared with other work moves with their load, so the CPU "
        "seconds of every process involved are given too: the client with its pool workers, "
        "and for Dask also the scheduler and the workers with their nannies.",
        "",
        f"Dask / process pool: **{dask_rate / jobs_rate:.2f}** of the wall-time throughput, "
        f"**{batch['jobs_cpu'] / batch['dask_cpu']:.2f}** of the throughput per CPU second; the "
        f"outputs are {same}; {batch['failed']} error lines. One Dask worker process "
        f"SIGKILLed {'mid-run' if batch['killed_mid_run'] else 'after the run (too late)'} "
        f"of `--scheduler` on the first {batch['kill_clusters']} clusters: exit "
        f"{batch['kill_exit']}, {batch['kill_lines']} lines, {kill_same} the first "
        f"{batch['kill_clusters']} lines of the `--jobs 2` output.",
    ]


SUMY_UP_TO = 100  # documents: LexRank is quadratic (220 s at 300 documents here)


def _part_end(old: str, start: int) -> int:
    """Where the Scale section's part opening at ``start`` ends: at the hand-written
    history, the next section, or the end of the file."""
    ends = [
        i for i in (old.find("\n" + HISTORY_HEADING, start), old.find("\n## ", start)) if i >= 0
    ]
    return min(ends) + 1 if ends else len(old)


def _kept_history(old: str) -> str:
    """The Scale section's hand-written history of an earlier BENCHMARKS.md ('' if none)."""
    if SCALE_HEADING not in old:
        return ""
    section = old.index(SCALE_HEADING)
    end = old.find("\n## ", section)
    start = old.find(HISTORY_HEADING, section, None if end < 0 else end)
    if start < 0:
        return ""
    return (old[start:] if end < 0 else old[start:end]).rstrip("\n")


def _kept_throughput(old: str) -> str | None:
    """The Scale section's throughput part of an earlier BENCHMARKS.md, if it has one."""
    if SCALE_HEADING not in old or "### Throughput" not in old:
        return None
    start = old.index("### Throughput", old.index(SCALE_HEADING))
    return old[start : _part_end(old, start)].rstrip("\n")


def main() -> None:
    global DATA
    from newsum.batch import default_jobs

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[10, 30, 100, 300, 1000])
    parser.add_argument("--limit", type=float, default=300.0, help="seconds per run at most")
    parser.add_argument("--batch", type=int, default=10000, help="clusters (0: no batch run)")
    parser.add_argument("--per-cluster", default="duc2003/task2.jsonl.gz")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument("--data", default=str(DATA), help="the dev sets (../shared/data)")
    parser.add_argument(
        "--throughput-only", action="store_true", help="rerun only the throughput table"
    )
    args = parser.parse_args()
    DATA = Path(args.data)
    clusters = dev_clusters()
    if args.throughput_only:
        output = Path(args.output)
        old = output.read_text(encoding="utf-8")
        start = old.index("### Throughput", old.index(SCALE_HEADING))
        end = _part_end(old, start)
        lines = throughput_lines(throughput(clusters, args.batch))
        output.write_text(old[:start] + "\n".join(lines) + "\n\n" + old[end:], encoding="utf-8")
        print("\n".join(lines))
        return
    cost = per_cluster(DATA / args.per_cluster)
    print(cost, file=sys.stderr)
    pool = [d for c in dev_clusters(FILES + POOL_EXTRA) for d in c["documents"]]
    rng = random.Random(13)
    samples = {size: rng.sample(pool, min(size, len(pool))) for size in args.sizes}
    head = "| documents | sentences |" + "".join(
        f" {label} CPU s | MB |" for label in SYSTEMS.values()
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    results: dict[str, list[tuple[int, dict[str, Any]]]] = {s: [] for s in SYSTEMS}
    for size, records in samples.items():
        cells = []
        sentences = 0
        for system in SYSTEMS:
            if system.startswith("sumy") and size > SUMY_UP_TO:
                cells.extend(["—", "—"])
                continue
            result = measure(system, records, args.limit)
            results[system].append((size, result))
            sentences = result.get("sentences", sentences)
            cells.extend(_cell(result))
            print(f"{size:4d} docs {system:13s} {cells[-2]} s {cells[-1]} MB", file=sys.stderr)
        rows.append(f"| {len(records)} | {sentences} | " + " | ".join(cells) + " |")
    growth = []
    for system, label in SYSTEMS.items():
        points = [(r["sentences"], r["seconds"]) for size, r in results[system]
                  if size >= 30 and r["seconds"] is not None]  # fmt: skip
        slope = exponent(points)
        if slope is not None:
            growth.append(f"{label}: {slope:.2f}")
        top = [(r["sentences"], r["seconds"]) for size, r in results[system]
               if size >= 300 and r["seconds"] is not None]  # fmt: skip
        slope = exponent(top)
        if slope is not None:
            growth[-1] += f" ({slope:.2f} from 300 documents up)"
    largest = max(samples)
    profiles = {s: profile(s, samples[largest]) for s in ("newsum", "newsum-full")}
    batch = throughput(clusters, args.batch) if args.batch else None
    if batch:
        print(batch, file=sys.stderr)
    n = int(cost["clusters"])
    section = [
        SCALE_HEADING,
        "",
        f"Generated by `python benchmarks/scale.py` on {time.strftime('%Y-%m-%d')}; machine: "
        f"{machine()}. Every figure below comes from the same run, so compare ratios; "
        "absolute times move with the load.",
        "",
        f"### Per cluster — `{args.per_cluster}`, {n} clusters, CPU seconds",
        "",
        "| work | s/cluster | vs the floor |",
        "|---|---|---|",
        f"| the floor: parse the line, split with nupunkt, tokenize and stem every word "
        f"| {cost['floor']:.4f} | 1.0x |",
        f"| newsum batch path in process (`trust=False`, record built) | {cost['newsum']:.4f} "
        f"| {cost['newsum'] / cost['floor']:.1f}x |",
        f"| `newsum batch FILE -o OUT --jobs 1`, end to end (process start included) "
        f"| {cost['batch']:.4f} | {cost['batch'] / cost['floor']:.1f}x |",
        f"| sumy LexRank in process (on newsum's cleaned text) | {cost['lexrank']:.4f} "
        f"| {cost['lexrank'] / cost['floor']:.1f}x |",
        "",
        f"sumy LexRank / `newsum batch` end to end: **{cost['lexrank'] / cost['batch']:.1f}x**; "
        f"in process: {cost['lexrank'] / cost['newsum']:.1f}x. A process start: "
        f"`newsum --help` {cost['help']:.2f} s CPU; `newsum summarize examples/raqqa` "
        f"{cost['raqqa']:.2f} s CPU in all (plain text, the summary alone), "
        f"{cost['raqqa_markdown']:.2f} s with `--format markdown` (and its trust analysis); "
        "least of 3 runs each.",
        "",
        "What `newsum batch` costs before its work, CPU seconds (least of 3 runs; each line a "
        f"fresh process): the whole command on one cluster {cost['start_batch']:.2f} "
        f"(`--jobs 1`; {cost['start_pool']:.2f} with the default pool of {default_jobs()} "
        f"workers, all processes); Python "
        f"alone {cost['start_python']:.2f}; `import numpy` {cost['start_numpy']:.2f}; the "
        f"batch path's modules (numpy with them) {cost['start_modules']:.2f}; `import typer` "
        f"{cost['start_typer']:.2f}, and {cost['start_pydantic']:.2f} with the pydantic "
        "adapters typer 0.29 builds for every option of the command it runs (newsum's "
        "commands skip them for values that need no conversion, `cli._PlainValues`: "
        "`summarize` and `batch` import no pydantic). The pool's "
        "workers are forked after the parent has imported the method; each imports the rest "
        "of the pipeline and compiles its patterns itself (about 0.035 s a worker). A warm-up "
        "cluster summarized in the parent before the fork was tried (stop 22): it saves each "
        "worker that much and costs the parent as much once, so with 2 workers it broke even "
        "and it was not kept.",
        "",
        "Where the batch path's CPU goes, per module (cProfile over the same clusters; a "
        "built-in function's time counted in the module that calls it): "
        + "; ".join(f"`{name}` {share:.0%}" for name, share in cost["shares"])  # type: ignore[attr-defined]
        + ".",
        "",
        "### Growth with cluster size",
        "",
        f"Clusters of {', '.join(map(str, args.sizes))} documents pooled at random from the "
        "three DUC/TAC dev sets and MultiNews (the pool holds "
        f"{len(pool)}). Each system runs in a fresh process after a 3-document warm-up, back "
        "to back with the others at each size: newsum's default as `newsum batch` and "
        "`newsum evaluate` run it (sources by TF-IDF, `trust=False`), as `newsum summarize "
        "--format markdown` (or `json`) runs it (full trust analysis; its scaling is reported "
        "by the trust work), "
        f"and sumy LexRank up to {SUMY_UP_TO} documents. MB: peak resident memory of the "
        f"process, with the growth during the run in brackets; time is the CPU seconds of the run. "
        f"A run over {args.limit:.0f} s (wall) "
        "is stopped.",
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
        "`newsum summarize --format markdown` path:",
        "",
        profiles["newsum-full"],
    ]
    output = Path(args.output)
    old = output.read_text(encoding="utf-8") if output.exists() else "# Benchmarks\n"
    if batch:
        section += ["", *throughput_lines(batch)]
    elif (kept := _kept_throughput(old)) is not None:
        section += [
            "",
            "The throughput table below was not rerun by this run (`--batch 0`): it is kept "
            "from an earlier run of `--throughput-only`, on the code of its day.",
            "",
            kept,
        ]
    if history := _kept_history(old):
        section += ["", history]
    text = "\n".join(section) + "\n"
    print(text)
    head_part = old[: old.index(SCALE_HEADING)] if SCALE_HEADING in old else old + "\n"
    after = STORIES_HEADING in old and old[old.index(STORIES_HEADING) :]  # kept as it is
    tail = "\n" + after if after else ""
    output.write_text(head_part.rstrip("\n") + "\n\n" + text + tail, encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
