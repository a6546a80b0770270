"""What runs in the worker processes: reading uploads, summarizing, grouping stories.

Each worker builds its Components (sentence splitter, stemmer) once and refuses outbound
network connections, so nothing in a request can make the service fetch a URL.
"""

from __future__ import annotations

import os
import socket
import sys
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any

from newsum.errors import InputError
from newsum.service.limits import FieldError, check_articles
from newsum.service.settings import ServiceSettings
from newsum.types import Article

UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json")

_components: Any = None  # this worker process's Components, built by init_worker

STALL_VARIABLE = "NEWSUM_TEST_STALL"
"""Test-only: a job whose article text contains this variable's value stalls until killed,
so that tests of the deadline do not depend on how fast the machine is."""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class SummarizeJob:
    articles: tuple[Article, ...]
    uploads: tuple[Upload, ...]
    words: int | None
    sentences: int | None
    method: str
    settings: ServiceSettings


@dataclass(frozen=True)
class StoriesJob:
    articles: tuple[Article, ...]
    uploads: tuple[Upload, ...]
    words: int | None
    method: str
    settings: ServiceSettings


def refuse_network(event: str, args: tuple[Any, ...]) -> None:
    """Audit hook: no internet connection or name lookup from a worker, whatever asks."""
    if event in {"socket.connect", "socket.sendto", "socket.sendmsg"}:
        sock = args[0]
        if getattr(sock, "family", None) in {socket.AF_INET, socket.AF_INET6}:
            raise PermissionError("newsum service: outbound network is disabled")
    elif event in {"socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"}:
        raise PermissionError("newsum service: outbound network is disabled")


def init_worker() -> None:
    global _components
    sys.addaudithook(refuse_network)
    from newsum.pipeline import Components

    _components = Components()


WARM_UP = (
    "Rescue teams reached the flooded town on Monday, officials said. "
    "About 200 people were moved to shelters overnight.",
    "Officials said rescue teams reached the town on Monday after the river burst its banks. "
    "Some 200 residents spent the night in shelters.",
)


def warm_up() -> None:
    """One small summary, so that the first real request does not pay for lazy loading."""
    from newsum.pipeline import summarize

    summarize(list(WARM_UP), words=20, components=_components)


def read_uploads(uploads: tuple[Upload, ...]) -> tuple[list[Article], list[str]]:
    """Articles from uploaded files, and the decoding warnings met on the way."""
    from newsum.read import decode, read_text

    articles: list[Article] = []
    notes: list[str] = []
    for i, upload in enumerate(uploads):
        suffix = PurePath(upload.name).suffix.lower()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                text = decode(upload.data, upload.name)
            notes.extend(str(w.message) for w in caught)
            found = read_text(text, upload.name, suffix)
        except InputError as exc:
            raise FieldError(("body", "files", i), str(exc)) from None
        articles.extend(
            a if a.id else replace(a, id=f"{upload.name} #{k + 1}") for k, a in enumerate(found)
        )
    return articles, notes


def _stall_if_asked(articles: list[Article]) -> None:
    marker = os.environ.get(STALL_VARIABLE)
    if marker and any(marker in article.text for article in articles):
        time.sleep(3600)  # the runner's deadline kills this worker long before


def summarize_job(job: SummarizeJob) -> dict[str, Any]:
    """The summary of one request, as ``render.to_dict`` gives it."""
    from newsum.pipeline import summarize
    from newsum.render import to_dict

    articles = list(job.articles)
    _stall_if_asked(articles)
    notes: list[str] = []
    if job.uploads:
        uploaded, notes = read_uploads(job.uploads)
        articles.extend(uploaded)
        check_articles(articles, job.settings, ("body", "files"), job.settings.max_articles)
    summary = summarize(
        articles,
        words=job.words,
        sentences=job.sentences,
        method=job.method,
        components=_components,
    )
    if notes:
        summary = replace(summary, warnings=(*notes, *summary.warnings))
    return to_dict(summary)


def stories_job(job: StoriesJob) -> dict[str, Any]:
    """The stories of a mixed batch, biggest first, as ``newsum stories`` writes them."""
    from newsum.grouping import stories
    from newsum.grouping.render import story_record

    articles = list(job.articles)
    if job.uploads:
        articles.extend(read_uploads(job.uploads)[0])
        check_articles(articles, job.settings, ("body", "files"), job.settings.max_story_articles)
    found = stories(articles, words=job.words, method=job.method, components=_components)
    return {"stories": [story_record(story, rank) for rank, story in enumerate(found, start=1)]}
