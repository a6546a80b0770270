"""What one service instance allows: sizes, counts, time, and how many worker processes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

RETRY_AFTER_S = 5
"""Retry-After, in seconds, of a 503 that is not a timeout (queue full, too many connections,
a worker lost): one number for every such answer, not a measured figure."""


def _default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass(frozen=True)
class ServiceSettings:
    """Limits of one service; every one is checked before any summarizing starts.

    Requests over a limit get 413 (body size) or 422 naming the field, never a slow answer.
    """

    max_body_bytes: int = 8 * 1024 * 1024
    max_articles: int = 500
    max_story_articles: int = 5000
    max_article_chars: int = 200_000
    max_total_chars: int = 2_000_000
    max_words: int = 1000
    max_sentences: int = 100
    timeout_s: float = 30.0
    workers: int = field(default_factory=_default_workers)
    max_queue: int = 64
    worker_max_tasks: int = 500
    # the connection, against slow and idle clients (see server.py and middleware.py)
    header_timeout_s: float = 10.0  # a request's headers, from its first byte
    body_timeout_s: float = 30.0  # a request's whole body, from its headers
    keep_alive_s: float = 5.0  # an idle kept-alive connection
    max_connections: int = 256  # open at once; one more is answered 503 and closed
    max_header_bytes: int = 16 * 1024

    def public(self) -> dict[str, int | float]:
        """The limits a client may want to know before sending (served at /v1/limits)."""
        return {
            "max_body_bytes": self.max_body_bytes,
            "max_articles": self.max_articles,
            "max_story_articles": self.max_story_articles,
            "max_article_chars": self.max_article_chars,
            "max_total_chars": self.max_total_chars,
            "max_words": self.max_words,
            "max_sentences": self.max_sentences,
            "timeout_s": self.timeout_s,
        }
