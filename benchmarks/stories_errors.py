"""Where `newsum stories` splits an event: what happened to each article whose event already
had a story, and what the merge model says about the pieces an event ends in.

One selection fold at a time (never the web odd half): a newswire set scored by a model
trained on the other dev sets, or the web even half (``web``) by a model trained on the
newswire sets alone, as ``stories_quality.py --part select`` scores them. The pool is
shuffled with ``--seed`` and grouped in one stream, no window. Each article that arrives
while a story holding its event (by majority) is open is counted as one of:

- joined: it went into such a story;
- notice: it is a notice, kept out of every story by design;
- copy or boilerplate: it made no join decision (a copy of a text seen elsewhere, or a
  short recurring text);
- never a candidate: it shares none of that story's index terms;
- not scored: a candidate, but not among the ``SCORED`` closest;
- ranked below another: scored, but the ranking model put another story first;
- under the join threshold: ranked first, and the decision model said no.

Then, for every event left in two or more stories, each smaller piece against its biggest:
the merge and join models' probabilities, both sizes, and the ``all`` similarities.

Run: python benchmarks/stories_errors.py --held web [--seed 0] [--list]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path

from newsum.grouping.cluster import OpenStory, StoryIndex
from newsum.grouping.evaluation import _with_id, load_pool, truth_labels
from newsum.grouping.group import UNASSIGNED, Grouper, date_order
from newsum.grouping.model import JoinModel, pair_features
from newsum.grouping.train import DEV_FILES, train_on_files

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSUM_DATA", ROOT.parent / "shared" / "data"))
WEB = "multinews_val/validation250.jsonl.gz#even"
NEWSWIRE = tuple(f for f in DEV_FILES if f != WEB)
KINDS = (
    "joined", "notice", "copy or boilerplate", "never a candidate", "not scored",
    "ranked below another", "under the join threshold",
)  # fmt: skip


@dataclass
class Call:
    """One decision of the index: the joining side, the stories found, those scored (with
    the decision model's probability) and the one ranked first."""

    side: int
    found: set[int]
    scored: list[tuple[int, float]] = field(default_factory=list)
    top: int | None = None


class RecordingIndex(StoryIndex):
    """The grouping's index, keeping a record of each decision it makes."""

    calls: list[Call]

    def best(
        self, side: OpenStory, found: set[int], when: float | None, threshold: float
    ) -> tuple[OpenStory | None, float]:
        call = Call(side.id, set(found))
        self.calls.append(call)

        def observe(s: OpenStory, scored: list[tuple[list[float], OpenStory]], top: int) -> None:
            merge = bool(s.id)
            call.scored = [(st.id, self.model.probability(f, merge)) for f, st in scored]
            call.top = scored[top][1].id

        self.observer = observe
        try:
            return super().best(side, found, when, threshold)
        finally:
            self.observer = None


def fold(held: str) -> tuple[str, list[str]]:
    """The set scored and the sets its model is trained on."""
    if held == "web":
        return WEB, list(NEWSWIRE)
    named = [f for f in NEWSWIRE if held in f]
    if len(named) != 1:
        raise SystemExit(f"--held: one of web, {', '.join(f.split('.')[0] for f in NEWSWIRE)}")
    return named[0], [f for f in DEV_FILES if f != named[0]]


def kind_of(assignment_story: int, new: bool, holders: set[int], call: Call | None) -> str:
    if not new and assignment_story in holders:
        return "joined"
    if call is None or call.side:
        return "copy or boilerplate"
    if not holders & call.found:
        return "never a candidate"
    scored = {story for story, _ in call.scored}
    if not holders & scored:
        return "not scored"
    return "under the join threshold" if call.top in holders else "ranked below another"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", required=True, help="web, duc2002, task2, task3 or tac2011")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--list", action="store_true", help="each missed article's opening")
    args = parser.parse_args()
    held, trained = fold(args.held)
    if not all((args.data / f.partition("#")[0]).exists() for f in DEV_FILES):
        print(f"dev data missing under {args.data}", file=sys.stderr)
        return 1
    model = JoinModel.from_dict(train_on_files([f"{args.data}/{f}" for f in trained]))
    pool = load_pool([f"{args.data}/{held}"])
    truth = truth_labels(pool)
    order = list(range(len(pool)))
    random.Random(args.seed).shuffle(order)
    articles = [_with_id(pool[i].article, f"a{n}") for n, i in enumerate(order)]
    labels = [truth[i] for i in order]
    index = RecordingIndex(model=model)
    index.calls = []
    grouper = Grouper(index=index)
    members: dict[int, Counter[Hashable]] = {}
    counts: Counter[str] = Counter()
    missed: list[tuple[str, float, int, str]] = []
    for i in date_order(articles):
        label = labels[i]
        holders = {s for s, c in members.items() if c[label] and s in index.stories}
        index.calls.clear()
        placed = grouper.add(articles[i])
        if placed.story == UNASSIGNED:
            counts["notice"] += bool(holders)
            continue
        for away, into in placed.merges:
            members.setdefault(into, Counter()).update(members.pop(away, Counter()))
        members.setdefault(placed.story, Counter())[label] += 1
        if not holders:
            continue
        call = index.calls[0] if index.calls else None
        kind = kind_of(placed.story, placed.new, holders, call)
        counts[kind] += 1
        if kind != "joined":
            p = max((q for s, q in call.scored if s in holders), default=0.0) if call else 0.0
            text = " ".join(articles[i].text.split())[:80]
            missed.append((kind, p, len(articles[i].text.split()), text))
    met = sum(counts.values())
    print(f"{held}, model trained on {', '.join(trained)}; shuffle {args.seed}")
    print(f"{met} articles arrived while their event had a story:")
    for kind in KINDS:
        print(f"  {kind:<26}{counts[kind]:>5}")
    if args.list:
        for kind, p, words, text in sorted(missed, key=lambda m: (KINDS.index(m[0]), -m[1])):
            print(f"    {kind:<26} p {p:.2f} {words:>5} words  {text}")
    pieces(index, members, model)
    return 0


def pieces(index: StoryIndex, members: dict[int, Counter[Hashable]], model: JoinModel) -> None:
    """Each event's smaller stories against its biggest, as the merge model sees them now."""
    by_event: dict[Hashable, list[OpenStory]] = {}
    for story_id, found in members.items():
        if story_id in index.stories:
            event = found.most_common(1)[0][0]
            by_event.setdefault(event, []).append(index.stories[story_id])
    split = [sorted(s, key=lambda s: (-s.size, s.id)) for s in by_event.values() if len(s) > 1]
    print(f"{len(split)} events in two or more stories; each smaller piece against the biggest:")
    print(f"  {'merge p':>8}{'join p':>8}{'sizes':>8}{'sim_all':>9}{'centroid':>9}")
    rows = []
    for stories in split:
        big = stories[0]
        for small in stories[1:]:
            features = pair_features(small, big)
            merge, join = model.probability(features, merge=True), model.probability(features)
            rows.append((merge, join, f"{small.size}/{big.size}", features[0], features[-1]))
    for merge, join, sizes, sim, centroid in sorted(rows, reverse=True):
        print(f"  {merge:>8.3f}{join:>8.3f}{sizes:>8}{sim:>9.3f}{centroid:>9.3f}")
    over = sum(1 for r in rows if r[0] >= model.merge)
    print(f"  {over} of {len(rows)} pieces at or over the merge threshold ({model.merge})")


if __name__ == "__main__":
    sys.exit(main())
