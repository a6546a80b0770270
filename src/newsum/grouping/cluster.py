"""Online single-pass grouping: each article joins the open story the model says it belongs
to, or opens one; stories that turn out to be one event merge as they grow.

Only open stories (those with an article within the time window) are searched, and only
through an inverted index from their strongest terms, so the cost of one article depends on
how many stories are open, not on how many articles came before. The few stories closest by
the ``all`` view are then scored by the learned join decision (``newsum.grouping.model``).
Everything happens as each article comes in, so a stream fed one article at a time ends with
the same stories as a batch given in the same order.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import mul

import numpy as np

from newsum.grouping.features import ALL, VIEWS, Packed, Vector, packed, packed_dot
from newsum.grouping.model import JoinModel, pair_features

SCORED = 4
"""Candidates (closest by the ``all`` view) the model scores for one article or story. On
the full dev pool, replayed on the true stories, the true story is among the 8 closest for
1,473 of the 1,874 articles that meet any story, and the model ranks it first for 1,432;
scoring 4 instead of 8 left the full-pool F1 at 0.866 and halves the cost of the pairs."""

SHORT_WORDS = 150
"""An article shorter than this (cleaned words) is scored against ``SHORT_SCORED`` candidates:
a short page shares few weighted terms with its story, so the story can rank below the 4th
by the ``all`` view (7-9 of the web even half's missed pages a shuffle are under 150 words)."""

SHORT_SCORED = 12
"""Candidates scored for a short article (``SHORT_WORDS``), in use and in training. Selection
folds of ``benchmarks/stories_quality.py --part select`` (3 shuffles, each retrained), mean
B-cubed F1 0.896 -> 0.902 (DUC 2002 0.900 -> 0.902, DUC 2003 task 2 0.912 -> 0.904, task 3
0.936 -> 0.936, TAC 2011 0.886 -> 0.919, web even half 0.844 -> 0.849); 20 gave 0.903 (one
shuffle: 300 words 0.896 against 150 words 0.898), at more pair features a short page."""


MERGE_SCORED = 8
"""Candidates scored for a story in a merge check: the story another piece of its event
opened can rank below the 4th by the ``all`` view. Selection folds (``stories_quality.py
--part select``, 3 shuffles), mean B-cubed F1 0.899 -> 0.907 (TAC 2011 0.901 -> 0.929,
DUC 2003 task 2 0.904 -> 0.912, task 3 0.939 -> 0.946, DUC 2002 0.903 -> 0.902, web even
half 0.848 -> 0.846); checks are few (at sizes 2, 3, 4, 6, ...), so the cost is small."""


def scored_for(side: OpenStory) -> int:
    """How many of the closest candidates the model scores for ``side``: an article
    (``SCORED``, or ``SHORT_SCORED`` when short) or a story in a merge check (``MERGE_SCORED``)."""
    if side.id:
        return MERGE_SCORED
    return SHORT_SCORED if side.words < SHORT_WORDS else SCORED


CENTROID_TERMS = (400, 400, 150, 150)
"""Terms each story keeps per view (``all``, ``body``, ``names``, ``lead``)."""

MERGE_SIZES = frozenset(s for k in range(40) for s in (2**k, 3 * 2**k)) - {1}
"""A story is checked for a merge when it grows to 2, 3, 4, 6, 8, 12, 16, ... articles: an
early article met only the stories open then, so one event can open two stories, and once
both have grown their cross-similarity shows it; checking at doubling sizes keeps the cost
of a big story's checks proportional to its size."""


@dataclass
class OpenStory:
    """A story that can still take articles: per-view sums of its article vectors, its span
    (days, from its dated articles), the sum and count of its article dates, its words."""

    id: int
    first: float | None
    last: float | None
    size: int
    centroids: tuple[dict[int, float], ...]
    day_sum: float = 0.0
    dated: int = 0
    words: int = 0
    keys: tuple[int, ...] = ()
    cached_squared: float | None = None  # worked out when first needed after a change
    cached_packed: dict[int, Packed] = field(default_factory=dict)  # the same, per view

    def packed(self, view: int) -> Packed:
        """The view's centroid packed (``features.packed``; kept until the story changes)."""
        found = self.cached_packed.get(view)
        if found is None:
            found = self.cached_packed[view] = packed(self.centroids[view])
        return found

    def squared(self) -> float:
        """Squared length of the ``all`` centroid (kept until the story changes: every
        candidate pair and merge check reads it)."""
        if self.cached_squared is None:
            weights = list(self.centroids[0].values())
            self.cached_squared = sum(map(mul, weights, weights))
        return self.cached_squared

    def cohesion(self) -> float:
        """Mean cosine (``all`` view) between the story's own articles (0 for one article).

        From the centroid alone: the sum of n unit vectors has squared length n plus twice
        the sum of their pairwise cosines.
        """
        n = self.size
        return max(0.0, (self.squared() - n) / (n * (n - 1))) if n > 1 else 0.0


def article_side(vectors: Sequence[Vector], when: float | None, words: int) -> OpenStory:
    """An article seen as a story of one (what the pair features compare)."""
    dated = when is not None
    return OpenStory(0, when, when, 1, tuple(vectors), when or 0.0, int(dated), words)


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story (0: none, it is a notice), whether the story is new,
    the model's probability, and the merges it set off as (from, into)."""

    story: int
    new: bool
    score: float
    merges: tuple[tuple[int, int], ...] = ()


@dataclass
class StoryIndex:
    """The open stories, searchable by term; ``window`` (days) closes stories gone quiet."""

    model: JoinModel = field(default_factory=JoinModel.load)
    window: float | None = None
    index_terms: int = 30
    query_terms: int = 20
    next_id: int = 1
    now: float | None = None
    stories: dict[int, OpenStory] = field(default_factory=dict)
    postings: dict[int, set[int]] = field(default_factory=dict)
    observer: Callable[[OpenStory, list[tuple[list[float], OpenStory]], int], None] | None = None
    """Told of every decision (the joining side, the scored candidates, the best-ranked one):
    what training replays look at."""
    merged: dict[int, int] = field(default_factory=dict)
    """Story merged away -> the story it went into, while that one is open (finds copies)."""
    _swept: float | None = None

    def __len__(self) -> int:
        return len(self.stories)

    def __iter__(self) -> Iterator[OpenStory]:
        return iter(self.stories.values())

    def candidates(self, vector: Mapping[int, float]) -> set[int]:
        """Open stories indexed under one of the article's strongest terms."""
        found: set[int] = set()
        for term in strongest(vector, self.query_terms):
            posting = self.postings.get(term)
            if posting:
                found |= posting
        return found

    def open_at(self, story: OpenStory, when: float | None) -> bool:
        """Whether a story can take an article dated ``when`` (undated: always)."""
        if self.window is None or when is None or story.last is None or story.first is None:
            return True
        return story.last >= when - self.window and story.first <= when + self.window

    def best(
        self, side: OpenStory, found: set[int], when: float | None, threshold: float
    ) -> tuple[OpenStory | None, float]:
        """The story among ``found`` that the model likes best for ``side``, if its
        probability reaches ``threshold``."""
        near = []
        for story_id in sorted(found):
            story = self.stories[story_id]
            if story_id == side.id or not self.open_at(story, when):
                continue
            if side.id and not self._overlap_in_time(side, story):
                continue
            shared = packed_dot(side.packed(ALL), story.packed(ALL))
            if shared > 0:
                near.append((-shared / (side.size * story.size), story_id, shared))
        scored = []
        for _, story_id, shared in heapq.nsmallest(scored_for(side), near):
            story = self.stories[story_id]
            small, big = (side, story) if _smaller(side, story) else (story, side)
            scored.append((pair_features(small, big, shared), story))
        if not scored:
            return None, 0.0
        top = 0  # one candidate: the best-ranked, unscored
        if len(scored) > 1:
            score = self.model.rank.score
            top = max(range(len(scored)), key=lambda k: (score(scored[k][0]), -k))
        if self.observer is not None:
            self.observer(side, scored, top)
        features, best = scored[top]
        best_p = self.model.probability(features, merge=bool(side.id))
        if best_p < threshold:
            return None, best_p
        return best, best_p

    def add(self, vectors: Sequence[Vector], when: float | None, words: int) -> Assignment:
        """Put an article (unit vector per view, date in days or None) into a story."""
        side = article_side(vectors, when, words)  # its own date, if any, not the latest seen
        when = self.advance(when)
        story, score = self.best(side, self.candidates(vectors[0]), when, self.model.join)
        new = story is None
        if story is None:
            story = self.open()
            score = 0.0
        self._add(story, side)
        merges = self._merge_from(story) if story.size in MERGE_SIZES else ()
        return Assignment(self.resolve(story.id), new, score, merges)

    def open(self, indexed: bool = True) -> OpenStory:
        """A new, empty story (``indexed=False``: one no article can ever join)."""
        story = OpenStory(self.next_id, None, None, 0, tuple({} for _ in VIEWS))
        self.next_id += 1
        if indexed:
            self.stories[story.id] = story
        return story

    def add_copy(self, story_id: int, when: float | None) -> Assignment | None:
        """Put a copy of an article into that article's story, if the story is still open
        at the copy's date; its vector adds nothing, only the story's time span grows."""
        day = when
        when = self.advance(when)
        story = self.stories.get(self.resolve(story_id))
        if story is None or not self.open_at(story, when):
            return None
        _stretch(story, day)
        return Assignment(story.id, False, 1.0)

    def resolve(self, story_id: int) -> int:
        while story_id in self.merged:
            story_id = self.merged[story_id]
        return story_id

    def _merge_from(self, story: OpenStory) -> tuple[tuple[int, int], ...]:
        """Merge the story with the open story the model pairs it with, again while it says so."""
        merges: list[tuple[int, int]] = []
        while True:
            other, _ = self.best(story, self._neighbours(story), None, self.model.merge)
            if other is None:
                return tuple(merges)
            into, away = (other, story) if _smaller(story, other) else (story, other)
            self._join(into, away)
            merges.append((away.id, into.id))
            story = into

    def _neighbours(self, story: OpenStory) -> set[int]:
        found: set[int] = set()
        for term in story.keys:
            found |= self.postings.get(term, set())
        return found

    def _overlap_in_time(self, a: OpenStory, b: OpenStory) -> bool:
        """With a window, two stories may merge only if their spans come within it."""
        if self.window is None or None in (a.first, a.last, b.first, b.last):
            return True
        return a.first <= b.last + self.window and b.first <= a.last + self.window  # type: ignore[operator]

    def _join(self, into: OpenStory, away: OpenStory) -> None:
        self._add(into, away)
        self.remove(away.id)
        self.merged[away.id] = into.id

    def restore(self, story: OpenStory) -> None:
        """Put back a story loaded from disk."""
        self.stories[story.id] = story
        self._rekey(story)
        self.next_id = max(self.next_id, story.id + 1)

    def remove(self, story_id: int) -> None:
        story = self.stories.pop(story_id)
        self._reindex(story, story.keys, drop=True)

    def sweep_cutoff(self, when: float) -> float | None:
        """Stories last seen before this are closed once ``when`` is the latest date: the
        sweeps fall on a fixed grid of quarter windows, so a state reloaded at any point
        holds exactly the stories a run that never stopped would hold."""
        if self.window is None:
            return None
        step = self.window / 4
        return math.floor(when / step) * step - self.window

    def advance(self, when: float | None) -> float | None:
        """The date a story must be open at to take an article: undated articles count as of
        the latest date seen; a later date may close stories."""
        if when is None:
            return self.now
        if self.now is None or when > self.now:
            self.now = when
            cutoff = self.sweep_cutoff(when)
            if cutoff is not None and (self._swept is None or cutoff > self._swept):
                self._swept = cutoff
                self.close_before(cutoff)
        return when

    def close_before(self, cutoff: float) -> list[int]:
        """Drop stories whose last article is older than ``cutoff``; they take no more."""
        closed = [s.id for s in self.stories.values() if s.last is not None and s.last < cutoff]
        for story_id in closed:
            self.remove(story_id)
        if closed:
            self.merged = {a: b for a, b in self.merged.items() if self.resolve(b) in self.stories}
        return closed

    def _add(self, story: OpenStory, part: OpenStory) -> None:
        """Add an article (a story of one) or a whole story to ``story``; keep the strongest
        terms of each view, and index the story under its strongest terms."""
        for centroid, total, limit in zip(
            story.centroids, part.centroids, CENTROID_TERMS, strict=True
        ):
            for term, weight in total.items():
                centroid[term] = centroid.get(term, 0.0) + weight
            if len(centroid) > 2 * limit:
                kept = [(t, centroid[t]) for t in strongest(centroid, limit)]
                centroid.clear()
                centroid.update(kept)
        story.size += part.size
        story.day_sum += part.day_sum
        story.dated += part.dated
        story.words += part.words
        story.cached_squared = None
        story.cached_packed.clear()
        _stretch(story, part.first)
        _stretch(story, part.last)
        self._rekey(story)

    def _rekey(self, story: OpenStory) -> None:
        """Index the story under its strongest terms (they change as articles come and go)."""
        old = story.keys
        story.keys = tuple(strongest(story.centroids[0], self.index_terms))
        self._reindex(story, old)

    def _reindex(self, story: OpenStory, old: tuple[int, ...], drop: bool = False) -> None:
        new = () if drop else story.keys
        for term in set(old) - set(new):
            posting = self.postings.get(term)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self.postings[term]
        for term in set(new) - set(old):
            self.postings.setdefault(term, set()).add(story.id)


SORT_IN_NUMPY = 100
"""Vectors longer than this are ranked by a stable numpy sort (same order as ``sorted``):
for a story's 400-800 terms it is twice the speed; below about 100 ``sorted`` is faster."""


def strongest(vector: Mapping[int, float], n: int) -> list[int]:
    """The ``n`` heaviest terms, heaviest first (on a tie, the one inserted first), as
    ``heapq.nlargest`` gives them; one sort in C is 3 times the speed of its Python loop."""
    if len(vector) <= SORT_IN_NUMPY:
        return sorted(vector, key=vector.__getitem__, reverse=True)[:n]
    weights = np.fromiter(vector.values(), np.float64, len(vector))
    keys = list(vector)
    if n < len(weights) // PARTITION_SHARE:
        return [keys[i] for i in _top(weights, n).tolist()]
    return [keys[i] for i in np.argsort(-weights, kind="stable")[:n].tolist()]


PARTITION_SHARE = 4
"""Fewer terms than a quarter of a vector's are found by a partition and a sort of the few
(``_top``) instead of a sort of all: a story's 30 index terms among its 400-800."""


def _top(weights: np.ndarray, n: int) -> np.ndarray:
    """``np.argsort(-weights, kind="stable")[:n]``: the ``n``-th heaviest weight found by a
    partition, every place at least as heavy sorted stably (ties stay in place order, and
    the heaviest ``n`` of them are the sort's first ``n``)."""
    nth = -np.partition(-weights, n - 1)[n - 1]
    places = np.flatnonzero(weights >= nth)
    return places[np.argsort(-weights[places], kind="stable")[:n]]


def _smaller(a: OpenStory, b: OpenStory) -> bool:
    """Whether ``a`` is the one that joins ``b`` (the smaller; on a tie, the newer)."""
    return (a.size, -a.id) < (b.size, -b.id) if a.id else True


def _stretch(story: OpenStory, when: float | None) -> None:
    """Widen the story's time span to take in ``when`` (None: undated, no change)."""
    if when is not None:
        story.first = when if story.first is None else min(story.first, when)
        story.last = when if story.last is None else max(story.last, when)
