"""Online single-pass grouping: each article joins the most similar open story, or opens one.

"Similar" is the mean cosine with the story's articles, which must pass a fixed threshold
and, for a story of three or more, a fraction of the story's own cohesion. Only open stories
(those with an article within the time window) are searched, and only through an inverted
index from their strongest terms, so the cost of one article depends on how many stories are
open, not on how many articles came before. After a batch, stories that fit together merge.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from newsum.grouping.features import similarity

THRESHOLD = 0.11
"""Mean cosine with a story's articles above which an article joins it; one value for all data."""

RELATIVE = 0.5
"""An article (or story) also has to be this close relative to the story's own cohesion.

A tight story (its articles share a lot) takes only articles at least half as close to it
as its own are to each other; a loose one takes looser matches. One absolute threshold
cannot do both: low enough for a topic followed over months, it lets a story about an
earthquake take a report of a typhoon on the same island.
"""

COHESION_CAP = 0.5
"""Cohesion above this comes from copies and near-copies, not from a tight event.

Different reports of one event rarely have a cosine above 0.5 (92% of same-story pairs in
the dev sets are below it, and no story's mean is above 0.58), but two syndicated copies
with a changed byline have nearly 1; without the cap, they would make their story refuse
every other report.
"""


@dataclass
class OpenStory:
    """A story that can still take articles: the sum of its article vectors, its time span (days)."""

    id: int
    first: float | None
    last: float | None
    size: int
    centroid: dict[int, float]
    keys: tuple[int, ...] = ()
    cached_cohesion: float | None = None  # worked out when first needed after a change


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, whether that story is new (or it moved), the score."""

    story: int
    new: bool
    score: float
    moved_from: int | None = None


@dataclass
class StoryIndex:
    """The open stories, searchable by term; ``window`` (days) closes stories gone quiet."""

    threshold: float = THRESHOLD
    relative: float = RELATIVE
    cohesion_cap: float = COHESION_CAP
    cohesion_size: int = 3
    """Stories with fewer articles have too few pairs for their cohesion to say much."""
    window: float | None = None
    centroid_terms: int = 400
    index_terms: int = 30
    query_terms: int = 20
    next_id: int = 1
    now: float | None = None
    stories: dict[int, OpenStory] = field(default_factory=dict)
    postings: dict[int, set[int]] = field(default_factory=dict)
    _next_sweep: float | None = None

    def __len__(self) -> int:
        return len(self.stories)

    def __iter__(self) -> Iterator[OpenStory]:
        return iter(self.stories.values())

    def candidates(self, vector: Mapping[int, float]) -> set[int]:
        """Open stories indexed under one of the article's strongest terms."""
        top = heapq.nlargest(self.query_terms, vector.items(), key=lambda item: item[1])
        found: set[int] = set()
        for term, _ in top:
            posting = self.postings.get(term)
            if posting:
                found |= posting
        return found

    def open_at(self, story: OpenStory, when: float | None) -> bool:
        """Whether a story can take an article dated ``when`` (undated: always)."""
        if self.window is None or when is None or story.last is None or story.first is None:
            return True
        return story.last >= when - self.window and story.first <= when + self.window

    @staticmethod
    def cohesion(story: OpenStory) -> float:
        """Mean cosine between the story's own articles (0 for one article).

        From the centroid alone: the sum of n unit vectors has squared length n plus twice
        the sum of their pairwise cosines.
        """
        if story.cached_cohesion is None:
            n = story.size
            squared = sum(w * w for w in story.centroid.values())
            story.cached_cohesion = max(0.0, (squared - n) / (n * (n - 1))) if n > 1 else 0.0
        return story.cached_cohesion

    def fits(self, score: float, *stories: OpenStory) -> bool:
        """Close enough in absolute terms, and relative to the looser story's cohesion."""
        cohesions = (self.cohesion(s) for s in stories if s.size >= self.cohesion_size)
        reference = min(cohesions, default=0.0)
        reference = min(reference, self.cohesion_cap)
        return score >= self.threshold and score >= self.relative * reference

    def best(
        self, vector: Mapping[int, float], when: float | None, exclude: int | None = None
    ) -> tuple[OpenStory | None, float]:
        """The most similar open story that the article fits, and the similarity."""
        best: OpenStory | None = None
        best_score = 0.0
        for story_id in sorted(self.candidates(vector)):
            story = self.stories[story_id]
            if story_id == exclude or not self.open_at(story, when):
                continue
            score = similarity(vector, story.centroid, story.size)
            if score > best_score and self.fits(score, story):
                best, best_score = story, score
        return best, best_score

    def add(self, vector: Mapping[int, float], when: float | None) -> Assignment:
        """Put an article (unit vector, date in days or None) into a story; say which."""
        when = self._advance(when)
        story, score = self.best(vector, when)
        new = story is None
        if story is None:
            story = OpenStory(self.next_id, when, when, 0, {})
            self.next_id += 1
            self.stories[story.id] = story
        self._absorb(story, vector, when)
        return Assignment(story.id, new, score)

    def add_copy(self, story_id: int, when: float | None) -> Assignment | None:
        """Put a copy of an article into that article's story, if the story is still open
        at the copy's date; its vector adds nothing, only the story's time span grows."""
        when = self._advance(when)
        story = self.stories.get(story_id)
        if story is None or not self.open_at(story, when):
            return None
        _stretch(story, when)
        return Assignment(story.id, False, 1.0)

    def reassign(
        self, vector: Mapping[int, float], story_id: int, when: float | None
    ) -> Assignment:
        """Second look at an article already placed: move it if another story now fits better.

        Early articles were placed when their stories were still small; with the stories
        grown, a second pass puts back those that landed in the wrong one.
        """
        current = self.stories.get(story_id)
        if current is None:  # closed meanwhile: it stays where it is
            return Assignment(story_id, False, 0.0)
        own = current.centroid
        stay = 0.0
        if current.size > 1:
            stay = sum(w * (own.get(t, 0.0) - w) for t, w in vector.items()) / (current.size - 1)
        best, score = self.best(vector, when, exclude=story_id)
        if best is None or score <= stay:
            return Assignment(story_id, False, stay)
        for term, weight in vector.items():
            if term in own:
                own[term] -= weight
        current.size -= 1
        current.cached_cohesion = None
        if current.size == 0:
            self.remove(story_id)
        else:
            self._rekey(current)
        self._absorb(best, vector, when)
        return Assignment(best.id, False, score, moved_from=story_id)

    def merge_stories(self, changed: Iterable[int] | None = None) -> list[tuple[int, int]]:
        """Join open stories that fit together, closest pairs first; say (from, into) for each.

        An article placed early meets only the stories open at that moment, so one event can
        open two stories; once both have grown, their mean cross-similarity shows it. Each
        round merges disjoint pairs found through the term index; rounds repeat until none fit.
        Only pairs with a ``changed`` story (default: all) are looked at, then only pairs with
        a story the last round grew: stories that did not change were checked before.
        """
        merges: list[tuple[int, int]] = []
        active = set(self.stories) if changed is None else set(changed) & self.stories.keys()
        while active:
            pairs = set()
            for story_id in active:
                story = self.stories[story_id]
                for other_id in self._neighbours(story) - {story_id}:
                    other = self.stories[other_id]
                    if not self._overlap_in_time(story, other):
                        continue
                    link = _dot(story.centroid, other.centroid) / (story.size * other.size)
                    if self.fits(link, story, other):
                        pairs.add((-link, min(story_id, other_id), max(story_id, other_id)))
            used: set[int] = set()
            active = set()
            for _, a, b in sorted(pairs):
                if a in used or b in used:
                    continue
                used.update((a, b))
                into, away = (a, b) if self.stories[a].size >= self.stories[b].size else (b, a)
                self._join(self.stories[into], self.stories[away])
                merges.append((away, into))
                active.add(into)
        return merges

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
        self._add_vectors(into, away.centroid, away.size)
        _stretch(into, away.first)
        _stretch(into, away.last)
        self.remove(away.id)
        self._rekey(into)

    def restore(self, story: OpenStory) -> None:
        """Put back a story loaded from disk."""
        self.stories[story.id] = story
        self._rekey(story)
        self.next_id = max(self.next_id, story.id + 1)

    def remove(self, story_id: int) -> None:
        story = self.stories.pop(story_id)
        self._reindex(story, story.keys, drop=True)

    def _advance(self, when: float | None) -> float | None:
        """Undated articles count as of the latest date seen; a later date may close stories."""
        if when is None:
            return self.now
        if self.now is None or when > self.now:
            self.now = when
            if self.window is not None and (self._next_sweep is None or when >= self._next_sweep):
                self.close_before(when - self.window)
                self._next_sweep = when + self.window / 4
        return when

    def close_before(self, cutoff: float) -> list[int]:
        """Drop stories whose last article is older than ``cutoff``; they take no more."""
        closed = [s.id for s in self.stories.values() if s.last is not None and s.last < cutoff]
        for story_id in closed:
            self.remove(story_id)
        return closed

    def _absorb(self, story: OpenStory, vector: Mapping[int, float], when: float | None) -> None:
        self._add_vectors(story, vector, 1)
        _stretch(story, when)
        if story.size <= 8 or story.size % 4 == 0:  # a big story's top terms change slowly
            self._rekey(story)

    def _add_vectors(self, story: OpenStory, total: Mapping[int, float], count: int) -> None:
        """Add ``count`` article vectors summing to ``total``; keep the strongest terms."""
        centroid = story.centroid
        for term, weight in total.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        if len(centroid) > 2 * self.centroid_terms:
            kept = heapq.nlargest(self.centroid_terms, centroid.items(), key=lambda i: i[1])
            story.centroid = dict(kept)
        story.size += count
        story.cached_cohesion = None

    def _rekey(self, story: OpenStory) -> None:
        """Index the story under its strongest terms (they change as articles come and go)."""
        old = story.keys
        top = heapq.nlargest(self.index_terms, story.centroid.items(), key=lambda i: i[1])
        story.keys = tuple(t for t, _ in top)
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


def _dot(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _stretch(story: OpenStory, when: float | None) -> None:
    """Widen the story's time span to take in ``when`` (None: undated, no change)."""
    if when is not None:
        story.first = when if story.first is None else min(story.first, when)
        story.last = when if story.last is None else max(story.last, when)
