"""The pipeline: read -> clean -> split -> represent -> select -> order -> attribute.

``summarize`` is the one public entry point; the CLI, batch mode and the service call it.
Components (splitter, stemmer) are passed in so callers can reuse or replace them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsum.attribute import Embedder, attribute
from newsum.clean import clean_articles
from newsum.compress import compress as compress_sentence
from newsum.errors import InputError
from newsum.methods import DEFAULT_METHOD, Budget, get_method
from newsum.order import order_sentences
from newsum.represent import STOPWORDS, Candidate, ClusterView, PorterStemmer, build_view, tokenize
from newsum.split import NupunktSplitter, Splitter, split_documents
from newsum.types import Article, Document, Summary, SummarySentence

MAX_WORDS = 5000


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


def english_warning(documents: Sequence[Document]) -> str | None:
    """A warning when the text does not look like English (few English function words)."""
    tokens = [t for d in documents for t in tokenize(d.text)[:2000]]
    if len(tokens) < 20:
        return None
    share = sum(t in STOPWORDS for t in tokens) / len(tokens)
    if share < 0.12:
        return (
            f"the input does not look like English ({share:.0%} English function words); "
            "the summary may be poor"
        )
    return None


def prepare(
    articles: Sequence[Article], components: Components, compress: bool = True
) -> ClusterView:
    """Clean, split and represent a cluster; raises InputError if nothing usable is left."""
    documents = clean_articles(articles)
    per_document = split_documents(documents, components.splitter)
    sentences = [s for doc_sentences in per_document for s in doc_sentences]
    if not sentences:
        raise InputError("no usable sentence in the input (after removing boilerplate)")
    flat_index = {(s.doc, s.index): k for k, s in enumerate(sentences)}
    candidates = [
        Candidate(flat_index[(s.doc, s.index)], compress_sentence(s.text) if compress else s.text)
        for s in sentences
    ]
    return build_view(documents, sentences, candidates, components.stemmer)


def summarize(
    articles: Iterable[Article | str],
    words: int | None = 100,
    sentences: int | None = None,
    method: str = DEFAULT_METHOD,
    components: Components | None = None,
    compress: bool = True,
    trust: bool = True,
    **method_params: Any,
) -> Summary:
    """Summarize articles about one event into at most ``words`` words (or ``sentences``).

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
    if sentences is not None and words == 100:
        words = None  # an explicit sentence count replaces the default word budget
    chosen_method = get_method(method, **method_params)
    components = components or Components()
    view = prepare(article_list, components, compress=compress)
    budget = Budget(words=words, sentences=sentences)
    picked = list(chosen_method.select(view, budget))
    by_sentence = {view.candidates[i].sentence: view.candidates[i] for i in picked}
    ordered = order_sentences([view.sentences[k] for k in by_sentence], view.documents)
    flat = {(s.doc, s.index): k for k, s in enumerate(view.sentences)}
    indices = [flat[(s.doc, s.index)] for s in ordered]
    found = attribute(view, indices, embedder=components.embedder, full=trust)
    summary_sentences = tuple(
        SummarySentence(
            text=by_sentence[index].text,
            origin=view.sentences[index],
            support=support,
            sources=sources,
        )
        for index, support, sources in zip(indices, found.supports, found.sources, strict=True)
    )
    warnings = tuple(w for w in [english_warning(view.documents)] if w)
    warnings += tuple(
        f"article {d.article.id or d.index + 1} dropped: {d.notice}, not a source"
        for d in view.documents
        if d.notice
    )
    if not summary_sentences:
        warnings += ("no sentence fits the budget; try a larger --words",)
    return Summary(
        sentences=summary_sentences,
        documents=view.documents,
        method=chosen_method.name,
        budget_words=words,
        budget_sentences=sentences,
        warnings=warnings,
        extras=found.extras,
    )
