"""From articles to story numbers: dates, term weights and the online index, put together."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from newsum.errors import InputError
from newsum.grouping.cluster import Assignment, OpenStory, StoryIndex
from newsum.grouping.features import Cleaned, DocumentFrequency, Features, Featurizer
from newsum.grouping.features import vectors as vectors_of
from newsum.grouping.model import JoinModel
from newsum.order import parse_date
from newsum.represent import PorterStemmer
from newsum.types import Article

_EPOCH = datetime(1970, 1, 1)
_WINDOW = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([hdw]?)\s*$", re.IGNORECASE)
_UNITS = {"h": 1 / 24, "d": 1.0, "w": 7.0, "": 1.0}


def day_of(date: str | None) -> float | None:
    """An article date as days since 1970 (fractional), or None when absent or unreadable."""
    parsed = parse_date(date)
    return None if parsed is None else (parsed - _EPOCH) / timedelta(days=1)


DATE_LINE_CHARS = 400
"""How far into an undated article's text its own date line is looked for (the first lines)."""

# "Tuesday, July 12, 2005" alone on a line: how WikiNews pages open, under their headline
# (97 of the 100 TAC 2011 articles, whose date field is empty; no line of DUC or the web news
# looks like it, and a full weekday-and-year line is not a date mentioned in reporting).
_DATE_LINE = re.compile(
    r"^[ \t]*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+"
    r"(?P<date>(?:[A-Z][a-z]+\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]+),?[ \t]+\d{4})[ \t]*$",
    re.MULTILINE,
)

_SEPT = re.compile(r"\bSept\b")


def article_day(article: Article) -> float | None:
    """When the article is from, in days since 1970: its date, else a date line of its own
    near the top of its text (``DATE_LINE_CHARS``), else None.

    Held out from the join model's training, TAC 2011 (topics followed over months) scored
    B-cubed F1 0.777 without its date lines and 0.850 with them (three shuffles). The model
    is trained on date fields only (``newsum.grouping.train.field_day``).
    """
    day = day_of(article.date)
    if day is not None:
        return day
    match = _DATE_LINE.search(article.text[:DATE_LINE_CHARS])
    if match is None:
        return None
    date = " ".join(match.group("date").replace(".", "").replace(",", " ").split())
    date = _SEPT.sub("Sep", date)  # "Sept." is how AP style writes it; strptime knows "Sep"
    for style in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return (datetime.strptime(date, style) - _EPOCH) / timedelta(days=1)
        except ValueError:
            continue
    return None


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


def date_order(
    articles: Sequence[Article], day: Callable[[Article], float | None] | None = None
) -> list[int]:
    """Indices in the order a feed would deliver them: by date (``day``, by default
    ``article_day``), undated ones last."""
    days = [(day or article_day)(a) for a in articles]
    return sorted(range(len(articles)), key=lambda i: (days[i] is None, days[i] or 0.0, i))


AHEAD_ARTICLES = 500
"""Fewer articles than this are cleaned here even when workers are asked for: a worker's
start (spawned, importing the cleaner) took 0.25 s of CPU here when this was set, about what
cleaning and counting 200 articles takes; the pool's workers are forked now, so this errs
towards fewer worker runs (not re-measured)."""

UNASSIGNED = 0
"""The story number of an article that is in no story: a notice, or nothing left after cleaning."""

BOILERPLATE = -1
"""What the copy table holds for a short text seen before: its recurrences are boilerplate."""


class Sink(Protocol):
    """Told of every change to the stories, as it happens (the on-disk state is one)."""

    def added(
        self,
        article: Article,
        features: Features,
        story: OpenStory | None,
        new: bool,
        remembered: bool,
        merges: Sequence[tuple[int, OpenStory]],
        paragraphs: Sequence[tuple[bytes, int]],
    ) -> None:
        """One article and everything it changed, at once: its story (None: unassigned,
        a notice), whether it opened it, whether its copy key went into the copy table,
        each merge it set off as (story merged away, the story it is in now), and what the
        boilerplate table now holds for its short paragraphs."""


@dataclass
class Copies:
    """Which story holds each text seen lately, so that a copy joins it as it is.

    A copy adds no evidence about what the story is about, and counted as an article it
    would make the story look tighter than it is (two copies have cosine 1). A short text
    that recurs is boilerplate, not a copy (``BOILERPLATE``). Bounded: the oldest keys go.
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
class Boilerplate:
    """Short paragraphs seen lately, each with the story it was first seen in; one seen in a
    second story is boilerplate (``BOILERPLATE``) and no article's features hold it again.
    Bounded: the paragraphs seen least lately go."""

    limit: int = 200_000
    first: OrderedDict[bytes, int] = field(default_factory=OrderedDict)

    def __contains__(self, key: object) -> bool:
        return self.first.get(key) == BOILERPLATE  # type: ignore[call-overload]

    def seen(self, keys: Sequence[bytes], story: int) -> list[tuple[bytes, int]]:
        """The article with these paragraph keys is in ``story``; what each key holds now."""
        first = self.first
        changed = []
        for key in keys:
            was = first.get(key)
            first[key] = story if was is None else (was if was == story else BOILERPLATE)
            first.move_to_end(key)
            changed.append((key, first[key]))
        while len(first) > self.limit:
            first.popitem(last=False)
        return changed


@dataclass
class Grouper:
    """Everything the online grouping keeps between articles."""

    featurizer: Featurizer = field(default_factory=Featurizer)
    df: DocumentFrequency = field(default_factory=DocumentFrequency)
    index: StoryIndex = field(default_factory=StoryIndex)
    copies: Copies = field(default_factory=Copies)
    boilerplate: Boilerplate = field(default_factory=Boilerplate)

    @classmethod
    def create(cls, window: float | None = None, model: JoinModel | None = None) -> Grouper:
        if model is None:
            return cls(index=StoryIndex(window=window))
        return cls(index=StoryIndex(model=model, window=window))

    def add(
        self, article: Article, sink: Sink | None = None, cleaned: Cleaned | None = None
    ) -> Assignment:
        """Assign one more article of a stream; merges it sets off happen at once.

        A notice goes in no story (``UNASSIGNED``). A text seen before goes where that text
        is, if long enough to be a syndicated copy; a short one seen before is boilerplate
        and opens a story of its own that nothing joins. Anything else is placed by the
        learned join decision. ``cleaned``: the article's head already cleaned
        (``features.clean_head``, as ``ahead.cleaned_ahead`` gives it).
        """
        if cleaned is None:
            cleaned = self.featurizer.clean(article)
        features = self.featurizer.features(cleaned, self.boilerplate)
        if features.notice is not None:
            if sink is not None:
                sink.added(article, features, None, False, False, (), ())
            return Assignment(UNASSIGNED, False, 0.0)
        self.df.add(features.buckets)
        assignment, story, remembered = self._place(features, article_day(article))
        paragraphs = self.boilerplate.seen(features.paragraphs, assignment.story)
        if sink is not None:
            merges = [(away, story) for away, _ in assignment.merges]
            sink.added(article, features, story, assignment.new, remembered, merges, paragraphs)
        return assignment

    def _place(self, features: Features, day: float | None) -> tuple[Assignment, OpenStory, bool]:
        """Where the article goes, its story, and whether its copy key was remembered."""
        seen = self.copies.find(features.key)
        if seen is not None and seen != BOILERPLATE and not features.short:
            copy = self.index.add_copy(seen, day)
            if copy is not None:
                return copy, self.index.stories[copy.story], False
        if seen is not None and features.short:  # boilerplate: alone, never joined
            self.index.advance(day)
            story = self.index.open(indexed=False)
            story.size, story.words, story.first, story.last = 1, features.words, day, day
            return Assignment(story.id, True, 0.0), story, False
        vectors = vectors_of(features, self.df, self.featurizer.weights)
        assignment = self.index.add(vectors, day, features.words)
        self.copies.remember(features.key, BOILERPLATE if features.short else assignment.story)
        return assignment, self.index.stories[assignment.story], True

    def run(
        self, articles: Sequence[Article], sink: Sink | None = None, workers: int = 0
    ) -> list[int]:
        """Group a batch: story id of each article, in input order (0: unassigned).

        Articles go in date order (undated ones last, each group in input order), one at a
        time through ``add``: the batch is the stream it would be. ``workers`` processes
        clean articles ahead of the grouping (``ahead.cleaned_ahead``; the same stories),
        when there are at least ``AHEAD_ARTICLES``.
        """
        labels = [0] * len(articles)
        final: dict[int, int] = {}
        order = date_order(articles)
        heads: Iterator[Cleaned | None]
        if workers > 0 and len(articles) >= AHEAD_ARTICLES:
            from newsum.grouping.ahead import cleaned_ahead

            count = type(self.featurizer.stemmer) is PorterStemmer  # as the workers count
            ahead = cleaned_ahead((articles[i] for i in order), workers, count)
            heads = (c for _, c in ahead)
        else:
            heads = (None for _ in order)
        for i, cleaned in zip(order, heads, strict=True):
            assignment = self.add(articles[i], sink, cleaned)
            labels[i] = assignment.story
            for away, into in assignment.merges:
                final[away] = into
        return [_follow(final, label) for label in labels]


def _follow(final: dict[int, int], label: int) -> int:
    while label in final:
        label = final[label]
    return label


def group(
    articles: Sequence[Article], window: float | None = None, model: JoinModel | None = None
) -> list[int]:
    """Story id of each article (in input order; 0 for a notice), grouping them in date order."""
    return Grouper.create(window, model).run(articles)
