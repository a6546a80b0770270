"""The data that flows through the pipeline.

Everything here is a frozen dataclass: a stage never mutates what an earlier stage
produced, so a Summary can always point back to the exact characters it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteRole = Literal["none", "complete", "fragment"]
"""How a sentence stands to quotation marks, tracked across its paragraph by the split stage:
``complete`` holds a whole quotation (it opens and closes inside the sentence; a short quotation
over a few sentences of a paragraph is one such "sentence": ``split.quote_units``), ``fragment``
is part of a quotation that runs over more sentences (or has only one of its marks)."""


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
    cleaned text map back to the original even when cleaning replaced or dropped characters
    (a ``range`` where the passage is a stretch of the original unchanged, else a tuple).
    """

    text: str
    offsets: range | tuple[int, ...]

    def __eq__(self, other: object) -> bool:
        """Same text at the same places, however the offsets are stored."""
        if not isinstance(other, Passage):
            return NotImplemented
        return self.text == other.text and (
            self.offsets == other.offsets or tuple(self.offsets) == tuple(other.offsets)
        )

    def __hash__(self) -> int:
        return hash((self.text, tuple(self.offsets[:1]), tuple(self.offsets[-1:])))

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
    trust: TrustReport | None = None  # what the trust stage found; renderers only read it

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(d.article for d in self.documents)


# --- what the trust stage finds (newsum.trust builds these; every renderer only reads them) --


@dataclass(frozen=True)
class Provenance:
    """Who published one document, and on what evidence the name rests.

    ``evidence`` is one of "source field", "dateline", "credit line", "byline", "site name"
    or "none" (then ``outlet`` is "Article N", N counting from 1). ``headline`` is the
    article's own headline, or None when it has none (a first line that the body repeats is
    a sub-headline or teaser, not a headline)."""

    document: int
    outlet: str
    evidence: str
    headline: str | None
    copy_of: int | None = None  # the original, for a syndicated copy

    @property
    def label(self) -> str:
        """How a reader sees the document: its headline and outlet (never a file name)."""
        return " — ".join(x for x in (self.headline, self.outlet) if x)


@dataclass(frozen=True)
class Corroboration:
    """How far a summary sentence is backed: by which independent outlets, in how many of
    the cited articles (copies of one text count once as a source)."""

    sources: tuple[str, ...]  # independent outlets, the sentence's own first
    articles: int  # articles cited for it (its own and every supporting one)
    disputed: bool = False  # quoted in a disagreement

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1

    @property
    def copies(self) -> int:
        """Cited articles that repeat a text another cited article already carries."""
        return max(self.articles - len(self.sources), 0)

    @property
    def label(self) -> str:
        """ "single source", "1 source, 2 copies", "3 sources", "3 sources, 1 copy": said the
        same way by every renderer."""
        count = len(self.sources)
        if count == 1:
            return "single source" if self.articles <= 1 else f"1 source, {self.articles} copies"
        extra = self.copies
        if not extra:
            return f"{count} sources"
        return f"{count} sources, {extra} cop{'y' if extra == 1 else 'ies'}"


@dataclass(frozen=True)
class Variant:
    """One spelling of an entity and the documents that use it."""

    text: str
    count: int
    documents: tuple[int, ...]


@dataclass(frozen=True)
class Entity:
    """A group of names that refer to one thing, with the evidence for each merge."""

    id: int
    name: str
    variants: tuple[Variant, ...]
    evidence: tuple[str, ...]
    acronym: bool = False

    @property
    def documents(self) -> tuple[int, ...]:
        return tuple(sorted({d for v in self.variants for d in v.documents}))

    @property
    def mentions(self) -> int:
        return sum(v.count for v in self.variants)


@dataclass(frozen=True)
class Figure:
    """One outlet's figure for a counted thing, as written ("about 100"), with its hedge."""

    value: float
    text: str  # the figure with its hedge and counted words, as written
    hedge: str | None
    outlet: str
    sentence: Sentence


@dataclass(frozen=True)
class FigureGroup:
    """Every figure the outlets give for one kind of counted thing (fighters who surrendered,
    civilians trapped...), side by side, whether or not they contradict each other."""

    thing: str  # the counted noun and what happened to it, e.g. "fighters (surrendered)"
    figures: tuple[Figure, ...]
    contradiction: bool  # some pair differs beyond its hedges and is flagged as a figure check

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.outlet for f in self.figures))


@dataclass(frozen=True)
class Side:
    """One position in a disagreement: what is claimed, where, and by which outlets."""

    claim: str
    sentences: tuple[Sentence, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    """Outlets that say different things about one matter, with how sure newsum is."""

    kind: str  # the check that raised it: "figure" or "denial"
    topic: str
    sides: tuple[Side, ...]
    confidence: float
    reason: str

    @property
    def level(self) -> str:
        return "high" if self.confidence >= 0.75 else "medium" if self.confidence >= 0.5 else "low"


@dataclass(frozen=True)
class SourceRow:
    """One outlet's part in a summary (summary sentences are numbered from 0)."""

    source: str
    documents: tuple[int, ...]
    origin: tuple[int, ...]  # summary sentences taken from this outlet's articles
    backs: tuple[int, ...]  # summary sentences its articles corroborate
    only: tuple[int, ...]  # summary sentences no other outlet reports
    sentences: int  # sentences in its (non-copy) articles
    exclusive: int  # of those, how many no other outlet's sentence matches


@dataclass(frozen=True)
class TrustReport:
    """Everything the trust stage says about a summary, typed; renderers only read it.

    A bulk run (``trust=False``) fills only ``provenance`` and ``corroboration`` (support by
    TF-IDF); the rest stays empty and ``checks`` is ()."""

    matching: str  # "learned (units)", "learned (units+embeddings)" or "tfidf"
    support_threshold: float
    provenance: tuple[Provenance, ...]  # one per document, in input order
    corroboration: tuple[Corroboration, ...]  # one per summary sentence
    entities: tuple[Entity, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    source_table: tuple[SourceRow, ...] = ()
    checks: tuple[str, ...] = ()  # the checks that ran, by name (see newsum.trust.checks)
