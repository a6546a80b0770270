"""Cleaning ahead of the grouping, in worker processes.

Grouping is sequential (each article meets the stories the ones before it made), but
cleaning an article's head depends on that article alone and is a third of the cost of
an article (``benchmarks/stories_scale.py``). Worker processes clean the next articles
while this one groups the current one; the grouping sees the same cleaned text in the
same order, so its stories are the ones the plain stream gives. Counting the terms of each
paragraph (``Featurizer.counted``) runs ahead too: only adding them up, leaving out
boilerplate (which depends on the articles before), is left to the grouping.

The workers are newsum's process backend (``newsum.backend.ProcessPool``: results in input
order, a bounded number in flight, a worker that dies replaced), fed chunks of articles; a
chunk whose worker died twice is cleaned here instead, so no article is lost.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from newsum.backend import IN_FLIGHT_PER_WORKER, Lost, ProcessPool
from newsum.grouping.features import Cleaned, Featurizer, clean_head
from newsum.types import Article

CHUNK = 32
"""Articles sent to a worker at once: a chunk takes a worker about 40 ms (1.3-1.4 ms an
article to clean and count, benchmarks/stories_scale.py --workers), so sending and
receiving it costs little against the work."""

CHUNKS_AHEAD = IN_FLIGHT_PER_WORKER
"""Chunks in flight per worker (the backend's window): enough that a worker never waits for
the next, few enough that what is held stays a few hundred articles however long the
stream."""


@dataclass(frozen=True)
class CleanChunk:
    """The backend job: a chunk's heads cleaned and, with ``count``, their terms counted by
    the worker's featurizer (its memo of buckets and of cleaned texts kept between chunks)."""

    count: bool = True

    def __call__(self, chunk: list[Article], featurizer: Featurizer) -> list[Cleaned]:
        if not self.count:
            return [clean_head(a) for a in chunk]
        return [featurizer.counted(featurizer.clean(a)) for a in chunk]


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
    sent: deque[list[Article]] = deque()

    def chunks() -> Iterator[list[Article]]:
        while chunk := list(islice(source, CHUNK)):
            sent.append(chunk)
            yield chunk

    job = CleanChunk(count)
    local: Featurizer | None = None
    with ProcessPool(workers, factory=Featurizer) as pool:
        for result in pool.map(job, chunks()):
            chunk = sent.popleft()
            if isinstance(result, Lost):  # its worker died twice: clean it here
                local = local or Featurizer()
                result = job(chunk, local)
            yield from zip(chunk, result, strict=True)
