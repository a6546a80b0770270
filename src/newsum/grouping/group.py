"""From articles to story numbers: dates, term weights and the online index, put together."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from newsum.errors import InputError
from newsum.grouping.cluster import THRESHOLD, Assignment, OpenStory, StoryIndex
from newsum.grouping.features import DocumentFrequency, Featurizer, Terms, vectorize
from newsum.order import parse_date
from newsum.types import Article

_EPOCH = datetime(1970, 1, 1)
_WINDOW = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([hdw]?)\s*$", re.IGNORECASE)
_UNITS = {"h": 1 / 24, "d": 1.0, "w": 7.0, "": 1.0}


def day_of(date: str | None) -> float | None:
    """An article date as days since 1970 (fractional), or None when absent or unreadable."""
    parsed = parse_date(date)
    return None if parsed is None else (parsed - _EPOCH) / timedelta(days=1)


def parse_window(text: str | timedelta | None) -> float | None:
    """``3d``, ``36h``, ``2w`` or a number of days; ``none``, ``0`` or empty mean no window."""
    if isinstance(text, timedelta):
        days = text / timedelta(days=1)
        return days if days > 0 else None
    if text is None or text.strip().lower() in {"", "none", "0", "off"}:
        return None
    match = _WINDOW.match(text)
    if not match or float(match.group(1)) <= 0:
        raise InputError(f"window must look like 3d, 36h or 2w (or 'none'), got {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2).lower()]


def date_order(articles: Sequence[Article]) -> list[int]:
    """Indices in the order a feed would deliver them: by date, undated ones last."""
    days = [day_of(a.date) for a in articles]
    return sorted(range(len(articles)), key=lambda i: (days[i] is None, days[i] or 0.0, i))


class Sink(Protocol):
    """Told of every change to the stories, as it happens (the on-disk state is one)."""

    def added(
        self, article: Article, terms: Terms, key: bytes, story: OpenStory, new: bool
    ) -> None:
        """``key`` is the article's ``copy_key``."""

    def moved(self, article: Article, old_id: int, old: OpenStory | None, new: OpenStory) -> None:
        """``old`` is None when the article was the last of its story."""

    def merged(self, away: int, into: OpenStory) -> None:
        """Every article of story ``away`` (from this run or an earlier one) is now in ``into``."""


def copy_key(article: Article) -> bytes:
    """Same key for the same text, whatever its spacing or case: a syndicated copy."""
    return hashlib.blake2b(
        " ".join(article.text.casefold().split()).encode(), digest_size=16
    ).digest()


@dataclass
class Copies:
    """Which story holds each text seen lately, so that a copy joins it as it is.

    A copy adds no evidence about what the story is about, and counted as an article it
    would make the story look tighter than it is (two copies have cosine 1), which the
    relative test would then hold against every other report. Bounded: the oldest keys go.
    """

    limit: int = 50_000
    stories: OrderedDict[bytes, int] = field(default_factory=OrderedDict)

    def find(self, key: bytes) -> int | None:
        return self.stories.get(key)

    def remember(self, key: bytes, story: int) -> None:
        self.stories[key] = story
        self.stories.move_to_end(key)
        if len(self.stories) > self.limit:
            self.stories.popitem(last=False)


@dataclass
class Grouper:
    """Everything the online grouping keeps between articles."""

    featurizer: Featurizer = field(default_factory=Featurizer)
    df: DocumentFrequency = field(default_factory=DocumentFrequency)
    index: StoryIndex = field(default_factory=StoryIndex)
    copies: Copies = field(default_factory=Copies)

    @classmethod
    def create(cls, window: float | None = None, threshold: float = THRESHOLD) -> Grouper:
        return cls(index=StoryIndex(threshold=threshold, window=window))

    def vector(self, terms: Terms) -> dict[int, float]:
        return vectorize(terms, self.df, self.featurizer.weights.terms)

    def add(self, article: Article) -> Assignment:
        """Assign one more article of a stream (its terms join the frequency table first)."""
        terms = self.featurizer.terms(article)
        self.df.add(terms.buckets)
        key = copy_key(article)
        day = day_of(article.date)
        copy = self._place_copy(key, day)
        if copy is not None:
            return copy
        assignment = self.index.add(self.vector(terms), day)
        self.copies.remember(key, assignment.story)
        return assignment

    def run(
        self, articles: Sequence[Article], refine: bool = True, sink: Sink | None = None
    ) -> list[int]:
        """Group a batch: story id of each article, in input order.

        The batch's term frequencies are counted first, so that its first articles are
        weighed as well as its last; then articles go in date order, and with ``refine``
        each gets a second look once all are placed. A copy of a text seen before goes
        where that text is, and follows it if it moves.
        """
        terms = [self.featurizer.terms(a) for a in articles]
        for t in terms:
            self.df.add(t.buckets)
        order = date_order(articles)
        days = [day_of(a.date) for a in articles]
        labels = [0] * len(articles)
        vectors: dict[int, dict[int, float]] = {}
        keys = [copy_key(a) for a in articles]
        holder: dict[bytes, int] = {}  # the batch's article whose story a copy joins
        copy_of: dict[int, int] = {}  # copy -> that article (absent: an earlier run's)
        for i in order:
            copy = self._place_copy(keys[i], days[i])
            if copy is not None:
                labels[i] = copy.story
                if keys[i] in holder:
                    copy_of[i] = holder[keys[i]]
                if sink is not None:
                    story = self.index.stories[copy.story]
                    sink.added(articles[i], terms[i], keys[i], story, False)
                continue
            holder[keys[i]] = i
            vectors[i] = self.vector(terms[i])
            assignment = self.index.add(vectors[i], days[i])
            labels[i] = assignment.story
            self.copies.remember(keys[i], assignment.story)
            if sink is not None:
                story = self.index.stories[labels[i]]
                sink.added(articles[i], terms[i], keys[i], story, assignment.new)
        if refine:
            labels = self._merge(labels, sink)
            for i in order:
                if i not in vectors:
                    continue
                assignment = self.index.reassign(vectors[i], labels[i], days[i])
                if assignment.moved_from is not None:
                    labels[i] = assignment.story
                    self.copies.remember(keys[i], assignment.story)
                    if sink is not None:
                        old = self.index.stories.get(assignment.moved_from)
                        new = self.index.stories[labels[i]]
                        sink.moved(articles[i], assignment.moved_from, old, new)
            for i, origin in copy_of.items():  # copies follow their text
                if labels[i] == labels[origin]:
                    continue
                old_id, labels[i] = labels[i], labels[origin]
                if sink is not None:
                    old_story = self.index.stories.get(old_id)
                    sink.moved(articles[i], old_id, old_story, self.index.stories[labels[i]])
        return labels

    def _place_copy(self, key: bytes, day: float | None) -> Assignment | None:
        """Into the story of the text with this key, if one was seen and its story is open."""
        story = self.copies.find(key)
        return None if story is None else self.index.add_copy(story, day)

    def _merge(self, labels: list[int], sink: Sink | None) -> list[int]:
        """Merge the open stories that fit together; relabel the batch, tell the sink."""
        merges = self.index.merge_stories(changed=set(labels))
        final: dict[int, int] = {}
        for away, into in reversed(merges):  # a later merge may carry on an earlier one
            final[away] = final.get(into, into)
        for away, into in merges:
            if sink is not None:
                sink.merged(away, self.index.stories[final.get(into, into)])
        return [final.get(label, label) for label in labels]


def group(
    articles: Sequence[Article],
    window: float | None = None,
    threshold: float = THRESHOLD,
    refine: bool = True,
) -> list[int]:
    """Story id of each article (in input order), grouping them in date order."""
    return Grouper.create(window, threshold).run(articles, refine=refine)
