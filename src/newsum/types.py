"""The data that flows through the pipeline.

Everything here is a frozen dataclass: a stage never mutates what an earlier stage
produced, so a Summary can always point back to the exact characters it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteRole = Literal["none", "complete", "fragment"]
"""How a sentence stands to quotation marks, tracked across its paragraph by the split stage:
``complete`` holds a whole quotation (it opens and closes inside the sentence), ``fragment`` is
part of a quotation that runs over several sentences (or has only one of its marks)."""


@dataclass(frozen=True)
class Article:
    """One input document, as the user gave it (text is never altered)."""

    text: str
    id: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Passage:
    """A stretch of an article's body text after cleaning.

    ``offsets[i]`` is the index in ``Article.text`` of ``text[i]``, so spans found in the
    cleaned text map back to the original even when cleaning replaced or dropped characters.
    """

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in the original article covering cleaned characters ``[start, end)``."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.offsets[-1] + 1
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Document:
    """A cleaned article: body passages plus what cleaning learned (dateline place, date)."""

    article: Article
    index: int
    passages: tuple[Passage, ...]
    dateline: str | None = None
    duplicate_of: int | None = None
    notice: str | None = None  # why the whole article is a notice, not reporting (no passages)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.passages)


@dataclass(frozen=True)
class Sentence:
    """A sentence of one document; ``start``/``end`` index the document's original text."""

    text: str
    doc: int
    index: int
    start: int
    end: int
    paragraph: int = 0
    quote: QuoteRole = "none"

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Support:
    """An input sentence that states (roughly) the same thing as a summary sentence."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of the summary, the input sentence it was taken from, and its support."""

    text: str
    origin: Sentence
    support: tuple[Support, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Summary:
    """The result of summarizing one cluster of articles."""

    sentences: tuple[SummarySentence, ...]
    documents: tuple[Document, ...]
    method: str
    budget_words: int | None = None
    budget_sentences: int | None = None
    warnings: tuple[str, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(d.article for d in self.documents)
