"""Order stage: the picked sentences as one text.

The event first (the block that holds the earliest sentence of its article, where news
states what happened), then each article's sentences together and in their order, articles by
date: never every outlet's opening in turn, each restating the event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from newsum.types import Document, Sentence

_FORMATS = (
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y%m%d", "%Y/%m/%d",
    "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%a, %d %b %Y %H:%M:%S",
)  # fmt: skip


def parse_date(value: str | None) -> datetime | None:
    """Best-effort parse of the date formats seen in news feeds; None when unknown."""
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=None)
    except ValueError:
        pass
    text = re.sub(r"\s+", " ", re.sub(r"\s*([+-]\d{4}|[A-Z]{3})$", "", text))
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def order_sentences(sentences: Sequence[Sentence], documents: Sequence[Document]) -> list[Sentence]:
    """One block per article, in reading order; the block that opens nearest its article's
    top first, then the others by article date (undated ones keep input order)."""
    dates = {d.index: parse_date(d.article.date) for d in documents}
    known = [d for d in dates.values() if d is not None]
    fallback = min(known) if known else datetime.min
    blocks: dict[int, list[Sentence]] = {}
    for sentence in sorted(sentences, key=lambda s: (s.doc, s.index)):
        blocks.setdefault(sentence.doc, []).append(sentence)

    def when(doc: int) -> datetime:
        return dates.get(doc) or fallback

    def opening(doc: int) -> tuple[int, datetime, int, int]:
        return (blocks[doc][0].index, when(doc), -len(blocks[doc]), doc)

    if not blocks:
        return []
    first = min(blocks, key=opening)
    rest = sorted((d for d in blocks if d != first), key=lambda d: (when(d), blocks[d][0].index, d))
    return [s for doc in [first, *rest] for s in blocks[doc]]
