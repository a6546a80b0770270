"""Stories: sort a mixed stream of articles into events, then summarize each.

    >>> import newsum
    >>> for story in newsum.stories(articles):
    ...     print(story.size, story.summary.text)

Grouping is online (one pass in date order, each article joins the most similar open story
or opens a new one), so the same code serves one folder of articles and an endless feed
kept on disk with ``update(articles, state_folder)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsum.errors import InputError
from newsum.grouping.group import UNASSIGNED, Grouper, date_order, day_of, parse_window
from newsum.types import Article, Summary

if TYPE_CHECKING:
    from newsum.grouping.model import JoinModel

__all__ = ["Story", "StoryUpdate", "stories", "update"]


@dataclass(frozen=True)
class Story:
    """One event: its articles (in date order) and, unless asked not to, their summary.

    An article that is in no story (a notice, or nothing left after cleaning) comes as a
    ``Story`` of its own with id 0 and the reason in ``unassigned``: kept, never summarized.
    """

    id: int
    articles: tuple[Article, ...]
    summary: Summary | None = None
    error: str | None = None
    unassigned: str | None = None

    @property
    def size(self) -> int:
        return len(self.articles)

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """Distinct outlets, in order of first article, named as the trust stage names them:
        the ``source`` field, else the agency of the dateline or credit line ("BEIRUT (AP)"),
        else the article's id (an article nobody can place counts alone)."""
        return tuple(dict.fromkeys(outlet(a) for a in self.articles))

    @property
    def first_date(self) -> str | None:
        dated = [a.date for a in self.articles if day_of(a.date) is not None]
        return dated[0] if dated else None

    @property
    def last_date(self) -> str | None:
        dated = [a.date for a in self.articles if day_of(a.date) is not None]
        return dated[-1] if dated else None


def outlet(article: Article) -> str:
    """The outlet of one article, as the trust stage names it; only its head is cleaned,
    since a dateline is in the first paragraphs (a credit line is read from the tail)."""
    if article.source:
        return article.source
    from newsum.clean import clean_article
    from newsum.trust.outlets import outlet_name

    head = clean_article(replace(article, text=article.text[:2000]))
    return outlet_name(replace(head, article=article))


@dataclass(frozen=True)
class StoryUpdate:
    """What one incremental run did: the stories it changed, and the state's totals."""

    stories: tuple[Story, ...]
    added: int
    skipped: int
    total_articles: int
    total_stories: int


def _as_articles(items: Iterable[Article | str]) -> list[Article]:
    from newsum.pipeline import as_articles

    return as_articles(items)


def stories(
    articles: Iterable[Article | str],
    *,
    words: int | None = 100,
    method: str = "concepts",
    window: str | timedelta | None = None,
    min_sources: int = 1,
    summarize: bool = True,
    components: Any = None,
    model: JoinModel | None = None,
    jobs: int = 1,
) -> list[Story]:
    """Group articles into stories, biggest and most recent first, each summarized.

    ``window`` (``"3d"``, a timedelta, or None for none) closes a story to articles dated
    that long after its latest one. ``min_sources`` hides stories reported by fewer
    distinct outlets. ``summarize=False`` only groups. ``jobs`` above 1 cleans the articles
    ahead of the grouping in that many worker processes (``Grouper.run``; the same stories).
    """
    article_list = _as_articles(articles)
    if not article_list:
        raise InputError("no articles given")
    _check_settings(words, method, min_sources, summarize)
    grouper = Grouper.create(parse_window(window), model)
    labels = grouper.run(article_list, workers=jobs if jobs > 1 else 0)
    groups: dict[int, list[Article]] = {}
    for label, article in zip(labels, article_list, strict=True):
        groups.setdefault(label, []).append(article)
    reasons = {a.id: grouper.featurizer.read(a).notice or "" for a in groups.get(UNASSIGNED, [])}
    return build_stories(groups, words, method, min_sources, summarize, components, reasons)


def update(
    articles: Iterable[Article | str],
    state: str | Path,
    *,
    words: int | None = 100,
    method: str = "concepts",
    window: str | timedelta | None = None,
    min_sources: int = 1,
    summarize: bool = True,
    components: Any = None,
    model: JoinModel | None = None,
    deliver: Callable[[StoryUpdate], None] | None = None,
) -> StoryUpdate:
    """Add articles to the stories kept in the folder ``state``; return the stories changed.

    Articles whose id the state already holds are skipped; every article is committed to
    disk, with the merges it set off, before the next is grouped. The changed stories are
    those of every article not yet reported: a run that was killed is simply repeated, and
    the repeat reports what the killed run would have, so kill + rerun gives what one run
    gives. ``deliver`` (say, writing the output) is called before the articles are marked
    as reported, so a run killed while delivering reports them again.
    """
    article_list = _as_articles(articles)
    _check_unique(article_list)
    _check_settings(words, method, min_sources, summarize)
    from newsum.grouping.state import StoryState

    with StoryState(state) as store:
        grouper = Grouper.create(parse_window(window), model)
        store.load(grouper)
        known = store.known(article_list)
        fresh = [a for a in article_list if a.id not in known]
        if fresh:
            grouper.run(fresh, sink=store)
            store.checkpoint(grouper.df)
        groups, reasons = store.unreported()
        total_articles, total_stories = store.counts()
        built = build_stories(groups, words, method, min_sources, summarize, components, reasons)
        result = StoryUpdate(tuple(built), len(fresh), len(known), total_articles, total_stories)
        if deliver is not None:
            deliver(result)
        store.mark_reported()
    return result


def _check_settings(words: int | None, method: str, min_sources: int, summarize: bool) -> None:
    """Fail before any work (or any write to a state) on settings that cannot work."""
    if min_sources < 1:
        raise InputError(f"min_sources must be at least 1, got {min_sources}")
    if summarize:
        from newsum.methods import get_method
        from newsum.pipeline import MAX_WORDS

        get_method(method)
        if words is not None and not 1 <= words <= MAX_WORDS:
            raise InputError(f"words must be between 1 and {MAX_WORDS}, got {words}")


def _check_unique(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise InputError(f"two articles share the id {article.id!r}; ids must be unique")
        seen.add(article.id)


def build_stories(
    groups: Mapping[int, Sequence[Article]],
    words: int | None = 100,
    method: str = "concepts",
    min_sources: int = 1,
    summarize: bool = True,
    components: Any = None,
    unassigned: Mapping[str, str] | None = None,
) -> list[Story]:
    """Stories from grouped articles: filtered by outlets, ordered, summarized; the articles
    of story 0 (``unassigned``: article id -> reason) come last, one each, as they are."""
    _check_settings(words, method, min_sources, summarize)
    candidates = []
    for story_id, members in groups.items():
        if not members or story_id == UNASSIGNED:
            continue
        ordered = tuple(members[i] for i in date_order(members))
        story = Story(story_id, ordered)
        if min_sources <= 1 or len(story.sources) >= min_sources:
            candidates.append(story)
    candidates.sort(key=_rank)
    reasons = unassigned or {}
    left = [
        Story(UNASSIGNED, (a,), unassigned=reasons.get(a.id) or "a notice, not reporting")
        for a in groups.get(UNASSIGNED, [])
    ]
    if not summarize:
        return candidates + left
    from newsum.pipeline import Components
    from newsum.pipeline import summarize as run

    components = components or Components()
    result = []
    for story in candidates:
        try:
            summary = run(story.articles, words=words, method=method, components=components)
        except InputError as exc:  # e.g. nothing but boilerplate: that story alone fails
            result.append(Story(story.id, story.articles, None, str(exc)))
            continue
        result.append(Story(story.id, story.articles, summary))
    return result + left


def _rank(story: Story) -> tuple[int, float, int]:
    """Biggest first; among equals, the most recent (by latest article date) first."""
    last = day_of(story.last_date)
    return (-story.size, -(last if last is not None else float("-inf")), story.id)
