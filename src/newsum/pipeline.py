"""The pipeline: read -> clean -> split -> compress -> represent -> select -> order -> trust.

``summarize`` is the one public entry point; the CLI, batch mode and the service call it.
Components (splitter, stemmer) are passed in so callers can reuse or replace them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsum.clean import clean_articles
from newsum.coherence import people, whole_sentence
from newsum.compress import compress as compress_sentence
from newsum.errors import InputError
from newsum.methods import DEFAULT_METHOD, Budget, get_method
from newsum.order import order_sentences
from newsum.represent import STOPWORDS, Candidate, ClusterView, PorterStemmer, build_view
from newsum.split import (
    MAX_SENTENCE_WORDS,
    BoundedSplitter,
    NupunktSplitter,
    Splitter,
    split_documents,
)
from newsum.trust import analyse
from newsum.types import Article, Summary, SummarySentence

if TYPE_CHECKING:
    from newsum.trust.matching import Embedder

DEFAULT_WORDS = 100
"""Summary length when neither a word nor a sentence budget is given: DUC's 100-word task."""

MAX_WORDS = 5000
"""Largest word budget accepted: far above the dev sets' 100- to 250-word tasks, it bounds
what one call can be asked to produce."""

# Scripts written without spaces between words: tokens, word counts and sentence splitting
# all assume spaces, so such text is refused with that reason rather than summarized badly.
_NO_SPACE_SCRIPTS = (
    ("Chinese or Japanese", "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("Thai, Lao or Khmer", "\u0e00-\u0eff\u1780-\u17ff"),
    ("Burmese", "\u1000-\u109f"),
)
_NO_SPACE = re.compile("[" + "".join(chars for _, chars in _NO_SPACE_SCRIPTS) + "]")
NO_SPACE_SHARE = 0.3
"""Share of letters in such scripts above which an article is refused: a name or a quote in
Chinese inside an English article stays far below it (the most over every article of the
dev sets is 0.04, in Multi-News validation; in DUC 2002, DUC 2003 and TAC 2011 it is 0)."""


@dataclass
class Components:
    """Reusable, stateful helpers (models loaded once); share one across many clusters."""

    splitter: Splitter = field(default_factory=NupunktSplitter)
    stemmer: PorterStemmer = field(default_factory=PorterStemmer)
    embedder: Embedder | None = None  # optional word vectors for paraphrase matching


def as_articles(items: Iterable[Article | str]) -> list[Article]:
    articles: list[Article] = []
    for i, item in enumerate(items):
        if isinstance(item, Article):
            articles.append(item if item.id else Article(**{**item.__dict__, "id": f"doc{i + 1}"}))
        elif isinstance(item, str):
            articles.append(Article(text=item, id=f"doc{i + 1}"))
        else:
            raise InputError(
                f"article {i + 1}: expected a string or an Article, got {type(item).__name__}"
            )
    return articles


ENGLISH_SAMPLE = 2000
"""Tokens read per document to judge whether the text is English: a share of function words
settles within a few hundred tokens, and a long document costs no more than a short one."""

ENGLISH_SHARE = 0.12
"""Share of English function words below which the input is said not to look like English."""


def english_warning(view: ClusterView) -> str | None:
    """A warning when the text does not look like English (few English function words), from
    the tokens the represent stage found in each document's first sentences."""
    taken: dict[int, int] = {}
    total = stop = 0
    for sentence, terms in zip(view.sentences, view.terms, strict=True):
        room = ENGLISH_SAMPLE - taken.get(sentence.doc, 0)
        if room <= 0:
            continue
        tokens = terms.tokens[:room]
        taken[sentence.doc] = ENGLISH_SAMPLE - room + len(tokens)
        total += len(tokens)
        stop += sum(map(STOPWORDS.__contains__, tokens))
    if total < 20:
        return None
    share = stop / total
    if share < ENGLISH_SHARE:
        return (
            f"the input does not look like English ({share:.0%} English function words); "
            "the summary may be poor"
        )
    return None


def written_without_spaces(text: str) -> str | None:
    """The script's name when ``text`` is mostly in a script written without spaces."""
    sample = text[:20_000]
    found = _NO_SPACE.findall(sample)
    if not found:  # the common case: skip counting letters one character at a time
        return None
    letters = sum(c.isalpha() for c in sample)
    if len(found) < NO_SPACE_SHARE * max(letters, 1):
        return None
    return next(name for name, chars in _NO_SPACE_SCRIPTS if re.match(f"[{chars}]", found[0]))


def _article_name(article: Article, index: int) -> str:
    """How a warning names an article: its id (a file name, a JSONL line), else its place."""
    return article.id or f"article {index + 1}"


def supported_articles(articles: Sequence[Article]) -> tuple[list[Article], tuple[str, ...]]:
    """The articles newsum can read, and a warning for each one it cannot (with why)."""
    kept: list[Article] = []
    notes: list[str] = []
    for i, article in enumerate(articles):
        script = written_without_spaces(article.text)
        if script is None:
            kept.append(article)
            continue
        notes.append(
            f"{_article_name(article, i)}: {script} text, written without spaces "
            "between words; newsum finds words and sentences by spaces and cannot summarize it"
        )
    if not kept:
        raise InputError(notes[0] if len(notes) == 1 else f"{len(notes)} articles: {notes[0]}")
    return kept, tuple(f"skipped {note}" for note in notes)


def _prepare(
    articles: Sequence[Article], components: Components, compress: bool = True
) -> tuple[ClusterView, tuple[str, ...]]:
    """``prepare``, plus the warnings about what it dropped."""
    articles, notes = supported_articles(articles)
    documents = clean_articles(articles)
    splitter = BoundedSplitter(components.splitter)
    per_document = split_documents(documents, splitter)
    if splitter.dropped:
        notes += (
            f"dropped {len(splitter.dropped)} passage(s) of up to {max(splitter.dropped):,} "
            f"words without sentence punctuation (a sentence is at most "
            f"{MAX_SENTENCE_WORDS} words)",
        )
    sentences = [s for doc_sentences in per_document for s in doc_sentences]
    if not sentences:
        raise InputError(
            "no usable sentence in the input: "
            + (notes[-1] if splitter.dropped else "nothing left after removing boilerplate")
        )
    flat_index = {(s.doc, s.index): k for k, s in enumerate(sentences)}
    candidates = [
        Candidate(
            flat_index[(s.doc, s.index)],
            compress_sentence(s.text, s.index == 0) if compress else s.text,
        )
        for s in sentences
    ]
    # read by select and order: found once
    names, unknown = people([d.text for d in documents])
    return build_view(documents, sentences, candidates, components.stemmer, names, unknown), notes


def prepare(
    articles: Sequence[Article], components: Components, compress: bool = True
) -> ClusterView:
    """Clean, split and represent a cluster; raises InputError if nothing usable is left."""
    return _prepare(articles, components, compress)[0]


def summarize(
    articles: Iterable[Article | str],
    words: int | None = None,
    sentences: int | None = None,
    method: str = DEFAULT_METHOD,
    components: Components | None = None,
    compress: bool = True,
    trust: bool = True,
    **method_params: Any,
) -> Summary:
    """Summarize articles about one event into at most ``words`` words and ``sentences``
    sentences: each limit holds when given; neither given means DEFAULT_WORDS words.

    ``trust=False`` skips the name variants, disagreements and per-outlet table and matches
    support lexically: for bulk runs that need only the summary and its sources.
    """
    article_list = as_articles(articles)
    if not article_list:
        raise InputError("no articles given")
    if words is not None and not 1 <= words <= MAX_WORDS:
        raise InputError(f"words must be between 1 and {MAX_WORDS}, got {words}")
    if sentences is not None and sentences < 1:
        raise InputError(f"sentences must be at least 1, got {sentences}")
    if words is None and sentences is None:
        words = DEFAULT_WORDS
    chosen_method = get_method(method, **method_params)
    components = components or Components()
    view, notes = _prepare(article_list, components, compress=compress)
    budget = Budget(words=words, sentences=sentences)
    picked = list(chosen_method.select(view, budget))
    by_sentence = {view.candidates[i].sentence: view.candidates[i] for i in picked}
    ordered = order_sentences([view.sentences[k] for k in by_sentence], view.documents, view.names)
    indices = [view.sentence_at[(s.doc, s.index)] for s in ordered]
    found = analyse(view, indices, embedder=components.embedder, full=trust)
    summary_sentences = tuple(
        SummarySentence(
            text=by_sentence[index].text,
            origin=view.sentences[index],
            support=support,
            sources=sources,
        )
        for index, support, sources in zip(indices, found.supports, found.sources, strict=True)
    )
    if not summary_sentences:  # an empty summary is never a success
        shortest = min(len(c.text.split()) for c in view.candidates)
        if words is not None and shortest > words:
            raise InputError(
                f"no sentence fits in {words} words (the shortest has {shortest}); "
                "give a larger --words"
            )
        if not any(whole_sentence(c.text) for c in view.candidates):
            raise InputError(
                f"no sentence can stand in a summary: each of the {len(view.candidates)} ends "
                "on a colon or an ellipsis, runs into another, or carries a link or markup"
            )
        raise InputError(f"the {chosen_method.name} method picked no sentence")
    warnings = notes + tuple(w for w in [english_warning(view)] if w)
    warnings += tuple(
        f"{_article_name(d.article, d.index)} dropped: {d.notice}, not a source"
        for d in view.documents
        if d.notice
    )
    return Summary(
        sentences=summary_sentences,
        documents=view.documents,
        method=chosen_method.name,
        budget_words=words,
        budget_sentences=sentences,
        warnings=warnings,
        trust=found.report,
    )
