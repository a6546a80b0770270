"""Order stage: the picked sentences as one text.

The event first (the block that holds the earliest sentence of its article, where news
states what happened), then each article's sentences together and in their order, articles by
date: never every outlet's opening in turn, each restating the event. A person named by surname
alone ("Lowe was regarded ...") comes after the block that gives the full name ("Alex Lowe and
David Bridges were swept away").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from newsum.coherence import full_names, gives_name, unintroduced, weak_opening
from newsum.compress import compress
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


def order_sentences(
    sentences: Sequence[Sentence],
    documents: Sequence[Document],
    names: dict[str, str] | None = None,
) -> list[Sentence]:
    """One block per article, in reading order; the block that opens nearest its article's
    top first, then the others by article date (undated ones keep input order). ``names`` is
    ``full_names`` of the documents when the caller has it already."""
    dates = {d.index: parse_date(d.article.date) for d in documents}
    known = [d for d in dates.values() if d is not None]
    fallback = min(known) if known else datetime.min
    blocks: dict[int, list[Sentence]] = {}
    for sentence in sorted(sentences, key=lambda s: (s.doc, s.index)):
        blocks.setdefault(sentence.doc, []).append(sentence)

    def when(doc: int) -> datetime:
        return dates.get(doc) or fallback

    def opening(doc: int) -> tuple[bool, int, datetime, int, int]:
        head = blocks[doc][0]
        # read as the summary shows it: "But the emotional highlight was ..." loses its "But"
        weak = weak_opening(compress(head.text, head.index == 0), head.index)
        return (weak, head.index, when(doc), -len(blocks[doc]), doc)

    if not blocks:
        return []
    first = min(blocks, key=opening)
    rest = sorted((d for d in blocks if d != first), key=lambda d: (when(d), blocks[d][0].index, d))
    if names is None:
        names = full_names([d.text for d in documents])
    order = introductions_first([first, *rest], blocks, names)
    return [s for doc in order for s in blocks[doc]]


def introductions_first(
    order: Sequence[int], blocks: dict[int, list[Sentence]], names: dict[str, str]
) -> list[int]:
    """Move a block that introduces a person by full name before the first block that names
    them by surname alone, while a move leaves fewer people unintroduced (so this ends, and two
    blocks that each introduce someone the other names keep the better order)."""

    def missing(blocks_order: Sequence[int]) -> list[tuple[int, str]]:
        return unintroduced([s.text for doc in blocks_order for s in blocks[doc]], names)

    result = list(order)
    left = missing(result)
    while left:
        owner = [doc for doc in result for _ in blocks[doc]]
        texts = [s.text for doc in result for s in blocks[doc]]
        best: list[int] | None = None
        for k, last in left:
            for j in range(k + 1, len(texts)):
                if owner[j] != owner[k] and gives_name(names[last], texts[j]):
                    trial = [d for d in result if d != owner[j]]
                    trial.insert(trial.index(owner[k]), owner[j])
                    if len(missing(trial)) < len(left) and (
                        best is None or len(missing(trial)) < len(missing(best))
                    ):
                        best = trial
                    break
        if best is None:
            break
        result, left = best, missing(best)
    return result
