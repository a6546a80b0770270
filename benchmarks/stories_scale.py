"""Scale of `newsum stories`: articles per second and memory on a long synthetic feed.

The feed is made from the dev clusters (../shared/data: DUC 2003 tasks 2 and 3, TAC 2011;
715 distinct articles in 68 stories). They are pooled and repeated in rounds until the
feed holds --articles articles. Each round is a copy of every cluster with small random
edits to each article (about 4% of its words dropped, repeated or swapped for another
word of the same article) and new dates: each copy is squeezed into 2 days at a random
start within the round's first 5 days, and rounds are 12 days apart, so copies of one
cluster never fall within a 3-day window of each other. Truth for the B-cubed figure is
(cluster, round).

Modes:
- stream: ``Grouper.add`` one article at a time (term frequencies online, no second pass);
- state:  ``newsum.grouping.update`` on a state folder, --chunk articles per run (SQLite,
          one transaction per article), as a feed polled every few minutes would do;
- batch:  ``newsum.grouping.stories`` on the whole feed at once (holds it all in memory).

Run: python benchmarks/stories_scale.py --articles 100000 --window 3d --mode stream
(the script runs on an older checkout too, with PYTHONPATH at its src: compare the two in
one run on a shared machine, as a ratio).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import random
import resource
import sys
import tempfile
import time
from array import array
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from newsum.grouping.evaluation import Pooled, load_pool, truth_labels
from newsum.grouping.features import Cleaned, Featurizer
from newsum.grouping.group import day_of
from newsum.types import Article

DATA = Path(os.environ.get("NEWSUM_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
FILES = ("duc2003/task2.jsonl.gz", "duc2003/task3.jsonl.gz", "tac2011_multiling_en/test.jsonl.gz")
ROUND_DAYS = 12
START = datetime(2001, 1, 1)


def rss_mb() -> float:
    """Resident memory now (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def edit(text: str, rng: random.Random, rate: float = 0.04) -> str:
    """Drop, repeat or replace about ``rate`` of the words (by another word of the text)."""
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        roll = rng.random()
        if roll < rate / 3:
            continue
        if roll < 2 * rate / 3:
            out += [word, word]
        elif roll < rate:
            out.append(rng.choice(words))
        else:
            out.append(word)
    return " ".join(out)


def feed(
    pool: list[Pooled], truth: Sequence[str | None], total: int, seed: int
) -> Iterator[tuple[Article, int]]:
    """(article, true story: a number for each cluster and round) pairs in date order, made
    lazily round by round."""
    rng = random.Random(seed)
    clusters: dict[str | None, list[int]] = {}
    for i, label in enumerate(truth):
        clusters.setdefault(label, []).append(i)
    made = 0
    round_number = 0
    while made < total:
        base = START + timedelta(days=ROUND_DAYS * round_number)
        batch: list[tuple[datetime, Article, int]] = []
        for number, members in enumerate(clusters.values()):
            start = base + timedelta(days=rng.uniform(0, 5))
            days = [day_of(pool[i].article.date) for i in members]
            known = [d for d in days if d is not None]
            low, span = (min(known), max(known) - min(known)) if known else (0.0, 0.0)
            for i, day in zip(members, days, strict=True):
                offset = (day - low) / span * 2 if day is not None and span else rng.uniform(0, 2)
                when = start + timedelta(days=offset, minutes=rng.uniform(0, 60))
                a = pool[i].article
                copy = Article(
                    text=edit(a.text, rng), id=f"r{round_number}/{a.id}", title=a.title,
                    source=a.source, date=when.strftime("%Y-%m-%d %H:%M:%S"),
                )  # fmt: skip
                batch.append((when, copy, round_number * len(clusters) + number))
        batch.sort(key=lambda item: item[0])
        for _, article, story in batch:
            if made >= total:
                return
            yield article, story
            made += 1
        round_number += 1


class TimedFeaturizer(Featurizer):
    """The grouping's featurizer, timing the cleaner apart (it belongs to the clean stage;
    counting the terms, if ``counted`` is ever called here, is the grouping's)."""

    cleaning = 0.0  # CPU seconds
    counting = 0.0

    def clean(self, article: Article) -> Cleaned:
        started, counting = time.process_time(), self.counting
        try:
            return super().clean(article)
        finally:
            self.cleaning += time.process_time() - started - (self.counting - counting)

    def counted(self, cleaned: Cleaned) -> Cleaned:
        started = time.process_time()
        try:
            return super().counted(cleaned)
        finally:
            self.counting += time.process_time() - started


def run_stream(items: Iterator[tuple[Article, int]], window: float | None, report_every: int):
    from newsum.grouping.cluster import StoryIndex
    from newsum.grouping.group import Grouper

    featurizer = TimedFeaturizer()
    grouper = Grouper(featurizer=featurizer, index=StoryIndex(window=window))
    truth = array("i")  # 4 bytes an article: the only thing kept per article, for scoring
    labels = array("i")
    elapsed = segment = cpu = 0.0  # CPU: of the add calls only (not of making the feed)
    final: dict[int, int] = {}  # story merged away -> the story it went into
    for n, (article, label) in enumerate(items, start=1):
        started, cpu_started = time.perf_counter(), time.process_time()
        assignment = grouper.add(article)
        took = time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        labels.append(assignment.story)
        for away, into in getattr(assignment, "merges", ()):
            final[away] = into
        elapsed += took
        segment += took
        truth.append(label)
        if n % report_every == 0:
            print(f"  {n:>7} articles  {report_every / segment:7.0f}/s  "
                  f"open stories {len(grouper.index):>5}  rss {rss_mb():6.0f} MB", flush=True)  # fmt: skip
            segment = 0.0
    return _finish(labels, truth, final, elapsed, cpu, featurizer.cleaning)


def run_ahead(
    items: Iterator[tuple[Article, int]], window: float | None, report_every: int, workers: int
):
    """The stream with ``workers`` processes cleaning ahead (``grouping.ahead``): wall time
    of the grouping loop, less the time spent making the feed; CPU of this process (less
    the feed's) and of the workers."""
    from newsum.grouping.ahead import cleaned_ahead
    from newsum.grouping.cluster import StoryIndex
    from newsum.grouping.group import Grouper

    grouper = Grouper(index=StoryIndex(window=window))
    truth = array("i")
    labels = array("i")
    final: dict[int, int] = {}
    making = [0.0, 0.0]  # wall and CPU seconds spent making the feed

    def articles() -> Iterator[Article]:
        while True:
            wall, cpu_started = time.perf_counter(), time.process_time()
            item = next(items, None)
            making[0] += time.perf_counter() - wall
            making[1] += time.process_time() - cpu_started
            if item is None:
                return
            truth.append(item[1])
            yield item[0]

    started, cpu_started = time.perf_counter(), time.process_time()
    mark, mark_making = started, 0.0
    for n, (article, cleaned) in enumerate(cleaned_ahead(articles(), workers), start=1):
        assignment = grouper.add(article, cleaned=cleaned)
        labels.append(assignment.story)
        for away, into in assignment.merges:
            final[away] = into
        if n % report_every == 0:
            now = time.perf_counter()
            segment = now - mark - (making[0] - mark_making)
            print(f"  {n:>7} articles  {report_every / segment:7.0f}/s  "
                  f"open stories {len(grouper.index):>5}  rss {rss_mb():6.0f} MB", flush=True)  # fmt: skip
            mark, mark_making = now, making[0]
    elapsed = time.perf_counter() - started - making[0]
    cpu = time.process_time() - cpu_started - making[1]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, now ended
    cleaning = children.ru_utime + children.ru_stime
    print(f"  wall {elapsed:.1f} s with {workers} cleaning worker(s): {len(labels) / elapsed:.0f} "
          f"articles per second; CPU: this process {cpu:.1f} s, workers {cleaning:.1f} s; "
          f"peak rss of a worker {children.ru_maxrss / 1024:.0f} MB")  # fmt: skip
    return _finish(labels, truth, final, elapsed, cpu + cleaning, cleaning)


def _finish(labels, truth, final, elapsed, cpu, cleaning):
    n = len(labels)
    own = cpu - cleaning
    print(f"  CPU {cpu:.1f} s: cleaning (newsum.clean) {cleaning:.1f} s, grouping's own "
          f"part {own:.1f} s = {n / cpu:.0f} articles per CPU second in all, "
          f"{n / max(own, 1e-9):.0f} for grouping alone")  # fmt: skip
    for i, label in enumerate(labels):  # an article follows its story's merges
        while label in final:
            label = final[label]
        labels[i] = label
    return elapsed, truth, labels


def run_state(items: Iterator[tuple[Article, int]], window: str, chunk: int, report_every: int):
    from newsum.grouping import update
    from newsum.grouping.state import StoryState

    first_label: dict[str, int] = {}  # dev article id -> its true story number in round 0
    folder = Path(tempfile.mkdtemp(prefix="newsum-stories-"))
    elapsed = segment = 0.0
    done = 0
    pending: list[Article] = []

    def flush() -> None:
        nonlocal done, elapsed, segment
        started = time.perf_counter()
        update(pending, folder, window=window, summarize=False)
        took = time.perf_counter() - started
        elapsed += took
        segment += took
        done += len(pending)
        pending.clear()
        if done % report_every < chunk:
            print(f"  {done:>7} articles  {report_every / segment:7.0f}/s  "
                  f"rss {rss_mb():6.0f} MB", flush=True)  # fmt: skip
            segment = 0.0

    stories_per_round = 0
    for article, label in items:
        round_number, dev_id = article.id.split("/", 1)
        if round_number == "r0":
            first_label[dev_id] = label
            stories_per_round = max(stories_per_round, label + 1)
        pending.append(article)
        if len(pending) == chunk:
            flush()
    if pending:
        flush()
    with StoryState(folder) as state:
        rows = state.db.execute("SELECT id, story FROM articles").fetchall()
    size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
    print(f"  state folder {folder}: {size:.0f} MB on disk")
    ids = [r[0] for r in rows]
    truth = [
        int(i.split("/", 1)[0][1:]) * stories_per_round + first_label[i.split("/", 1)[1]]
        for i in ids
    ]  # from the id alone, so that scoring keeps nothing per article during the run
    return elapsed, truth, [r[1] for r in rows]


def run_batch(items: Iterator[tuple[Article, int]], window: str):
    from newsum.grouping import stories

    pairs = list(items)
    started = time.perf_counter()
    found = stories([a for a, _ in pairs], window=window, summarize=False)
    elapsed = time.perf_counter() - started
    label_of = {a.id: s.id for s in found for a in s.articles}
    return elapsed, [t for _, t in pairs], [label_of[a.id] for a, _ in pairs]


def canonical(labels: Sequence[int]) -> list[int]:
    """Story numbers renamed in order of first appearance: two runs that group alike give
    the same list (what the printed digest is of), whatever numbers their stories got."""
    names: dict[int, int] = {}
    return [names.setdefault(label, len(names)) for label in labels]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", default="3d")
    parser.add_argument("--mode", choices=("stream", "state", "batch"), default="stream")
    parser.add_argument("--chunk", type=int, default=1000, help="articles per run (state)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--workers", type=int, default=0, help="processes cleaning ahead (stream mode)"
    )
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not (args.data / FILES[0]).exists():
        print(f"no dev data in {args.data}", file=sys.stderr)
        return 1
    from newsum.grouping.group import parse_window

    pool = load_pool([args.data / f for f in FILES])
    truth = truth_labels(pool)
    gc.collect()
    print(f"{args.mode}: {args.articles} articles from {len(pool)} dev articles "
          f"({len(set(truth))} stories) in rounds of {ROUND_DAYS} days, window {args.window}; "
          f"rss before {rss_mb():.0f} MB", flush=True)  # fmt: skip
    items = feed(pool, truth, args.articles, args.seed)
    every = max(args.articles // 10, 1)
    if args.mode == "stream" and args.workers:
        elapsed, true, labels = run_ahead(items, parse_window(args.window), every, args.workers)
    elif args.mode == "stream":
        elapsed, true, labels = run_stream(items, parse_window(args.window), every)
    elif args.mode == "state":
        elapsed, true, labels = run_state(items, args.window, args.chunk, every)
    else:
        elapsed, true, labels = run_batch(items, args.window)
    from newsum.grouping.metrics import bcubed

    precision, recall, f1 = bcubed(list(true), list(labels))
    digest = hashlib.sha1(array("q", canonical(labels)).tobytes()).hexdigest()[:12]
    print(f"{args.mode}: {len(labels)} articles in {elapsed:.1f} s = {len(labels) / elapsed:.0f} "
          f"articles/s; peak rss {peak_mb():.0f} MB; {len(set(labels))} stories "
          f"({len(set(true))} true); B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; grouping {digest}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
