"""Cleaning ahead of the grouping, in worker processes.

Grouping is sequential (each article meets the stories the ones before it made), but
cleaning an article's head depends on that article alone and is a third of the cost of
an article (``benchmarks/stories_scale.py``). Worker processes clean the next articles
while this one groups the current one; the grouping sees the same cleaned text in the
same order, so its stories are the ones the plain stream gives. Counting the terms of each paragraph
(``Featurizer.counted``) runs ahead too: only adding them up, leaving out boilerplate (which
depends on the articles before), is left to the grouping.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from newsum.grouping.features import Cleaned, Featurizer, clean_head
from newsum.types import Article

CHUNK = 32
"""Articles sent to a worker at once: a chunk takes a worker about 40 ms (1.3-1.4 ms an
article to clean and count, benchmarks/stories_scale.py --workers), so sending and
receiving it costs little against the work."""

CHUNKS_AHEAD = 4
"""Chunks in flight per worker: enough that a worker never waits for the next, few enough
that what is held (articles and their cleaned heads) stays a few hundred articles however
long the stream."""


class _Worker:
    """What one worker process keeps between chunks: a featurizer (its memo of buckets and
    of cleaned texts), when terms are counted there."""

    featurizer: Featurizer | None = None


def _start(count: bool) -> None:
    _Worker.featurizer = Featurizer() if count else None


def _clean_chunk(articles: list[Article]) -> list[Cleaned]:
    featurizer = _Worker.featurizer
    if featurizer is None:
        return [clean_head(a) for a in articles]
    return [featurizer.counted(featurizer.clean(a)) for a in articles]


def cleaned_ahead(
    articles: Iterable[Article], workers: int, count: bool = True
) -> Iterator[tuple[Article, Cleaned]]:
    """Each article, in the order given, with its head cleaned by one of ``workers``
    processes and, with ``count``, its terms counted there too (``Featurizer().counted``:
    the default stemmer); the input is read lazily, at most ``CHUNKS_AHEAD`` chunks a
    worker ahead of what has been taken."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    source = iter(articles)
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start, initargs=(count,)
    ) as pool:
        pending: deque[tuple[list[Article], Future[list[Cleaned]]]] = deque()

        def submit() -> bool:
            chunk = list(islice(source, CHUNK))
            if chunk:
                pending.append((chunk, pool.submit(_clean_chunk, chunk)))
            return bool(chunk)

        while len(pending) < workers * CHUNKS_AHEAD and submit():
            pass
        while pending:
            chunk, future = pending.popleft()
            submit()
            yield from zip(chunk, future.result(), strict=True)
