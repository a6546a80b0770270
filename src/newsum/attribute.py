"""Attribute stage: for each summary sentence, the sentences of other outlets that state the
same thing, and the distinct outlets behind it.

Outlets paraphrase each other and spell names differently, so sentences are compared on
*units* rather than words: stemmed content words, entities (all variants of a name are one
unit, see ``entities.py``) and figures ("3,500" is one unit). Units are weighted by how rare
they are across the cluster's articles, and two sentences match by the weighted F-measure
of their shared units. The optional ``embed`` extra adds word-embedding similarity, so that
"killed" meets "died" and "deal" meets "agreement".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from scipy import sparse

from newsum.entities import EntityIndex, group_entities
from newsum.quantities import Quantity, find_quantities
from newsum.represent import STOPWORDS, ClusterView
from newsum.types import Document, Sentence, Support

SUPPORT_THRESHOLD = 0.3
# Words that say when or how something was reported, not what happened. They are rare enough
# in a small cluster to get a high weight, so they are left out of the units.
NOT_CONTENT = frozenset(
    {
        "also", "just", "even", "still", "yet", "already", "now", "then", "today", "yesterday",
        "tomorrow", "tonight", "ago", "earlier", "later", "recent", "recently", "since", "last",
        "first", "next", "another", "other", "others", "ones", "one", "given", "though",
        "although", "whether", "unclear", "like", "well", "much", "many", "several", "among",
        "within", "without", "along", "around", "away", "back", "far", "nearly", "almost", "least",
        "enough", "able", "trying", "going", "saying", "according", "added", "asked", "said",
        "says", "told", "say", "tell", "know", "believe", "believed", "think", "want", "need",
        "come", "came", "go", "went", "get", "got", "make", "made", "take", "took", "give", "put",
        "see", "seen", "use", "used", "using", "become", "known", "way", "day", "days", "week",
        "weeks", "month", "months", "year", "years", "time", "times", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|nobody|nothing)\b|n't\b", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:(]|,\s+(?:while|but|whereas|though|although|as|and|in\s+addition\s+to)\b"
    r"|\s(?:while|but|whereas)\s"
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?", re.IGNORECASE)
_AGENCY = re.compile(r"\(([A-Z][A-Za-z&.\- ]{1,30})\)\s*$")
_CREDIT = re.compile(r"^\s*(?:source|credit)s?\s*:\s*([A-Z][\w&.\- ]{1,30}?)\s*$", re.I | re.M)


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (rows), e.g. ``newsum.embed.WordLlamaEmbedder``."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def source_name(document: Document) -> str:
    """The outlet of an article: its ``source``, else the agency its dateline or credit line
    names ("BEIRUT (AP)", "Source: AFP"), else its id."""
    article = document.article
    if article.source:
        return article.source
    if document.dateline:
        agency = _AGENCY.search(document.dateline)
        if agency:
            return agency.group(1).strip()
    tail = article.text[-400:]
    credits = _CREDIT.findall(tail)
    if len(credits) == 1:
        return str(credits[0]).strip()
    return article.id or f"document {document.index + 1}"


def story_of(documents: Sequence[Document], index: int) -> int:
    """The original of a syndicated copy (itself when it is not a copy)."""
    original = documents[index].duplicate_of
    return index if original is None else original


def distinct_sources(documents: Sequence[Document], doc_indices: Sequence[int]) -> tuple[str, ...]:
    """Outlets behind these documents; a syndicated copy counts as the original's outlet."""
    names: list[str] = []
    for index in doc_indices:
        name = source_name(documents[story_of(documents, index)])
        if name not in names:
            names.append(name)
    return tuple(names)


@dataclass(frozen=True)
class Units:
    """What each sentence says, as weighted units (stems, ``@entity``, ``#figure``)."""

    per_sentence: tuple[tuple[str, ...], ...]
    positions: tuple[tuple[tuple[str, int], ...], ...]  # (unit, offset in the sentence text)
    quantities: tuple[tuple[Quantity, ...], ...]
    vocabulary: dict[str, int]
    weights: np.ndarray  # idf of each unit over the cluster's (non-copy) documents
    presence: sparse.csr_matrix  # sentences x units, 0/1
    surface: dict[str, str]  # unit -> a word as written, for explanations


def _sentence_units(
    sentence: Sentence,
    spans: Sequence[tuple[int, int, int]],
    quantities: Sequence[Quantity],
    stem: object,
    surface: dict[str, str],
) -> list[tuple[str, int]]:
    """(unit, offset) pairs of a sentence: its entities, figures and content stems."""
    text = sentence.text
    units: list[tuple[str, int]] = []
    covered = bytearray(len(text) + 1)
    for start, end, entity in spans:
        unit = f"@{entity}"
        units.append((unit, start))
        covered[start:end] = b"\x01" * (end - start)
        surface.setdefault(unit, text[start:end])
    for quantity in quantities:
        unit = f"#{quantity.value:g}" + ("%" if quantity.kind == "percent" else "")
        units.append((unit, quantity.start))
        covered[quantity.start : quantity.end] = b"\x01" * (quantity.end - quantity.start)
        surface.setdefault(unit, quantity.text)
    for match in _TOKEN.finditer(text):
        token = match.group(0).lower()
        if token in STOPWORDS or token in NOT_CONTENT or len(token) < 2 or token[0].isdigit():
            continue
        if covered[match.start()]:
            continue
        unit = stem(token)  # type: ignore[operator]
        units.append((unit, match.start()))
        surface.setdefault(unit, token)
    return sorted(units, key=lambda u: u[1])


def build_units(view: ClusterView, entities: EntityIndex) -> Units:
    """Units of every sentence of the cluster, weighted by inverse document frequency."""
    surface: dict[str, str] = {}
    quantities = tuple(tuple(find_quantities(s.text)) for s in view.sentences)
    positions = tuple(
        tuple(_sentence_units(s, entities.spans[k], quantities[k], view.stemmer.stem, surface))
        for k, s in enumerate(view.sentences)
    )
    per_sentence = tuple(tuple(dict.fromkeys(u for u, _ in units)) for units in positions)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, units in enumerate(per_sentence):
        for unit in units:
            rows.append(row)
            cols.append(vocabulary.setdefault(unit, len(vocabulary)))
    presence = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(per_sentence), len(vocabulary))
    )
    active = set(view.active_documents) or {d.index for d in view.documents}
    frequency: Counter[str] = Counter()
    seen: dict[int, set[str]] = {}
    for sentence, units in zip(view.sentences, per_sentence, strict=True):
        if sentence.doc in active:
            seen.setdefault(sentence.doc, set()).update(units)
    for units_of_doc in seen.values():
        frequency.update(units_of_doc)
    n_docs = max(len(active), 1)
    weights = np.ones(len(vocabulary))
    for unit, column in vocabulary.items():
        weights[column] = math.log((1 + n_docs) / (1 + frequency.get(unit, 0))) + 1.0
    return Units(per_sentence, positions, quantities, vocabulary, weights, presence, surface)


@dataclass(frozen=True)
class Matcher:
    """Scores how far two sentences of a cluster state the same thing (0 to 1)."""

    view: ClusterView
    entities: EntityIndex
    units: Units
    related: sparse.csr_matrix | None = None  # unit x unit similarity (embeddings), or None
    no_shared_name: float = 0.6
    shared_figure: float = 0.15
    no_shared_figure: float = 0.8
    negation: float = 0.6
    _totals: np.ndarray = field(init=False, repr=False, compare=False)
    _names: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _figures: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _negated: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        totals = np.asarray(self.units.presence @ self.units.weights).ravel()
        object.__setattr__(self, "_totals", np.maximum(totals, 1e-9))
        columns = self.units.vocabulary
        names = [c for u, c in columns.items() if u.startswith("@")]
        figures = [c for u, c in columns.items() if _is_specific_figure(u)]
        object.__setattr__(self, "_names", self.units.presence[:, names].tocsr())
        object.__setattr__(self, "_figures", self.units.presence[:, figures].tocsr())
        negated = np.array([bool(_NEGATION.search(s.text)) for s in self.view.sentences])
        object.__setattr__(self, "_negated", negated)

    def scores(self, rows: Sequence[int]) -> np.ndarray:
        """``len(rows)`` x sentences: weighted F1 of shared units.

        With embeddings a unit also counts as found when a related one is there, so recall
        (the row's units found in the other sentence) and precision (the other way round)
        are computed separately.
        """
        rows = list(rows)
        presence, weights = self.units.presence, self.units.weights
        found = presence
        if self.related is not None:
            found = (presence + presence @ self.related).tocsr()
            found.data = np.minimum(found.data, 1.0)
        weighted_rows = presence[rows].multiply(weights).tocsr()
        recall = np.asarray((weighted_rows @ found.T).todense()) / self._totals[rows][:, None]
        if self.related is None:
            precision = recall * self._totals[rows][:, None] / self._totals[None, :]
        else:
            weighted_all = presence.multiply(weights).tocsr()
            covered = np.asarray((found[rows] @ weighted_all.T).todense())
            precision = covered / self._totals[None, :]
        total = recall + precision
        with np.errstate(invalid="ignore", divide="ignore"):
            f1 = np.where(total > 0, 2 * recall * precision / total, 0.0)
        # Same words about different people or places ("China won gold" / "Pakistan won
        # gold") are not the same statement; the same specific figure nearly always is.
        has_names = np.asarray(self._names.sum(axis=1)).ravel() > 0
        shared_names = np.asarray((self._names[rows] @ self._names.T).todense()) > 0
        apart = has_names[rows][:, None] & has_names[None, :] & ~shared_names
        figures = np.asarray((self._figures[rows] @ self._figures.T).todense()) > 0
        has_figures = np.asarray(self._figures.sum(axis=1)).ravel() > 0
        other_figures = has_figures[rows][:, None] & has_figures[None, :] & ~figures
        f1 = np.where(apart, f1 * self.no_shared_name, f1)
        f1 = np.where(other_figures, f1 * self.no_shared_figure, f1)
        f1 = np.where(figures & (f1 > 0), f1 + self.shared_figure, f1)
        # A sentence often packs several facts; where a figure is shared, also compare just
        # the clauses around it ("... in addition to 275 local IS militants, while ...").
        for r, c in zip(*np.nonzero(figures), strict=True):
            if rows[r] != c:
                f1[r, c] = max(f1[r, c], self._clause_score(rows[r], int(c)))
        # "Neither team has recovered any debris" does not back "A team has recovered debris".
        negated = self._negated
        f1 = np.where(negated[rows][:, None] != negated[None, :], f1 * self.negation, f1)
        return np.asarray(np.minimum(f1, 1.0))

    def score_blocks(
        self, rows: Sequence[int], size: int = 256
    ) -> Iterator[tuple[Sequence[int], np.ndarray]]:
        """``scores`` for ``size`` rows at a time, with the rows of each block.

        A whole sentences-by-sentences matrix does not fit in memory for a large cluster
        (all rows at once took 2.5 GB for 300 articles); a block of rows does.
        """
        for start in range(0, len(rows), size):
            block = rows[start : start + size]
            yield block, self.scores(block)

    def _clause_score(self, a: int, b: int) -> float:
        units_a, units_b = self.units.per_sentence[a], self.units.per_sentence[b]
        shared = {u for u in units_a if _is_specific_figure(u)} & set(units_b)
        best = 0.0
        for figure in shared:
            clause_a = self._clause_units(a, figure)
            clause_b = self._clause_units(b, figure)
            weight = self.units.weights
            column = self.units.vocabulary
            overlap = sum(weight[column[u]] for u in clause_a & clause_b)
            recall = overlap / sum(weight[column[u]] for u in clause_a)
            precision = overlap / sum(weight[column[u]] for u in clause_b)
            f1 = 2 * recall * precision / (recall + precision)
            names_a = {u for u in clause_a if u.startswith("@")}
            names_b = {u for u in clause_b if u.startswith("@")}
            if names_a and names_b and not names_a & names_b:
                f1 *= self.no_shared_name
            best = max(best, f1 + self.shared_figure)
        return best

    def _clause_units(self, sentence: int, figure: str) -> set[str]:
        text = self.view.sentences[sentence].text
        positions = self.units.positions[sentence]
        at = next(p for u, p in positions if u == figure)
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        start = max([b for b in breaks if b < at], default=0)
        end = min([b for b in breaks if b > at], default=len(text))
        return {u for u, p in positions if start <= p < end}

    def shared(self, a: int, b: int) -> tuple[str, ...]:
        """The units two sentences have in common, as written, rarest first."""
        units_b = set(self.units.per_sentence[b])
        common = [u for u in self.units.per_sentence[a] if u in units_b]
        vocabulary, weights = self.units.vocabulary, self.units.weights
        common.sort(key=lambda u: -weights[vocabulary[u]])
        return tuple(self._show(u) for u in common)

    def _show(self, unit: str) -> str:
        if unit.startswith("@"):
            return self.entities.entities[int(unit[1:])].name
        return self.units.surface.get(unit, unit)


def _is_specific_figure(unit: str) -> bool:
    """A count or share of ten or more: "275", "85%" (years and small numbers are common)."""
    if not unit.startswith("#"):
        return False
    value = float(unit[1:].rstrip("%"))
    return value >= 10 and (unit.endswith("%") or not (1800 <= value <= 2100))


def related_units(units: Units, embedder: Embedder, threshold: float = 0.5) -> sparse.csr_matrix:
    """Unit x unit similarity from word embeddings: "killed" ~ "died", "deal" ~ "agreement"."""
    words = [u for u in units.vocabulary if not u.startswith(("@", "#"))]
    if len(words) < 2:
        return sparse.csr_matrix((len(units.vocabulary), len(units.vocabulary)))
    vectors = embedder.embed([units.surface.get(w, w) for w in words])
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, 0.0)
    i, j = np.nonzero(similarity >= threshold)
    columns = np.array([units.vocabulary[w] for w in words])
    n = len(units.vocabulary)
    return sparse.csr_matrix((similarity[i, j], (columns[i], columns[j])), shape=(n, n))


LEXICAL_THRESHOLD = 0.35


def lexical_support(
    view: ClusterView, sentence_indices: Sequence[int], threshold: float = LEXICAL_THRESHOLD
) -> list[tuple[Support, ...]]:
    """The best TF-IDF match in every other original article, when close enough."""
    if not sentence_indices:
        return []
    matrix = view.tfidf
    similarity = np.asarray((matrix[list(sentence_indices)] @ matrix.T).todense())
    doc_of = np.array([s.doc for s in view.sentences])
    results: list[tuple[Support, ...]] = []
    for row, index in enumerate(sentence_indices):
        origin = view.sentences[index].doc
        supports = []
        for doc in view.active_documents:
            if doc == origin:
                continue
            in_doc = np.flatnonzero(doc_of == doc)
            if len(in_doc) == 0:
                continue
            best = int(in_doc[np.argmax(similarity[row, in_doc])])
            if similarity[row, best] >= threshold:
                supports.append(Support(view.sentences[best], float(similarity[row, best])))
        supports.sort(key=lambda s: -s.score)
        results.append(tuple(supports))
    return results


def build_matcher(
    view: ClusterView, entities: EntityIndex | None = None, embedder: Embedder | None = None
) -> Matcher:
    entities = entities or group_entities(view.sentences)
    units = build_units(view, entities)
    related = related_units(units, embedder) if embedder is not None else None
    return Matcher(view, entities, units, related)


def find_support(
    view: ClusterView,
    sentence_indices: Sequence[int],
    threshold: float = SUPPORT_THRESHOLD,
    per_doc: int = 1,
    matcher: Matcher | None = None,
) -> list[tuple[Support, ...]]:
    """For each sentence, the best-matching sentence of every other story (copies excluded)."""
    if not sentence_indices:
        return []
    matcher = matcher or build_matcher(view)
    scores = matcher.scores(sentence_indices)
    documents = view.documents
    story = np.array([story_of(documents, s.doc) for s in view.sentences])
    doc_of = np.array([s.doc for s in view.sentences])
    results: list[tuple[Support, ...]] = []
    for row, index in enumerate(sentence_indices):
        own_story = story_of(documents, view.sentences[index].doc)
        supports: list[Support] = []
        candidates = np.flatnonzero((scores[row] >= threshold) & (story != own_story))
        for doc in sorted(set(doc_of[candidates].tolist())):
            if documents[doc].duplicate_of is not None:
                continue  # a copy says what its original says; the original speaks for it
            in_doc = candidates[doc_of[candidates] == doc]
            best = in_doc[np.argsort(-scores[row, in_doc], kind="stable")][:per_doc]
            supports.extend(Support(view.sentences[int(k)], float(scores[row, k])) for k in best)
        supports.sort(key=lambda s: -s.score)
        results.append(tuple(supports))
    return results


def is_copy(a: Sentence, b: Sentence) -> bool:
    """Whether two outlets carry the same wire sentence, word for word (or nearly)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a.text, b.text) >= 90


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
class Attribution:
    """What the attribute stage adds to a summary."""

    supports: tuple[tuple[Support, ...], ...]
    sources: tuple[tuple[str, ...], ...]
    extras: dict[str, object]


def independent_sources(
    documents: Sequence[Document], origin: Sentence, support: Sequence[Support]
) -> tuple[str, ...]:
    """Outlets backing a sentence, not counting those that only carry a word-for-word copy."""
    own = [origin.doc, *(s.sentence.doc for s in support if not is_copy(origin, s.sentence))]
    return distinct_sources(documents, own)


def source_table(
    matcher: Matcher,
    origins: Sequence[Sentence],
    supports: Sequence[Sequence[Support]],
    threshold: float = SUPPORT_THRESHOLD,
) -> tuple[SourceRow, ...]:
    """Per outlet: which summary sentences it gave, which it backs, which only it reports,
    and how much of what it wrote no other outlet matches."""
    view = matcher.view
    documents = view.documents
    outlet_of = {d.index: source_name(documents[story_of(documents, d.index)]) for d in documents}
    active = set(view.active_documents)
    rows = [k for k, s in enumerate(view.sentences) if s.doc in active]
    story = np.array([story_of(documents, s.doc) for s in view.sentences])
    outlets = np.array([outlet_of[s.doc] for s in view.sentences], dtype=object)
    exclusive: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for block, scores in matcher.score_blocks(rows):
        for r, k in enumerate(block):
            name = outlets[k]
            written[name] += 1
            elsewhere = (scores[r] >= threshold) & (outlets != name) & (story != story[k])
            if not elsewhere.any():
                exclusive[name] += 1
    table: list[SourceRow] = []
    for name in dict.fromkeys(outlet_of[d.index] for d in documents):
        docs = tuple(d for d, o in outlet_of.items() if o == name)
        origin = tuple(i for i, s in enumerate(origins) if outlet_of[s.doc] == name)
        backs = tuple(
            i
            for i, sup in enumerate(supports)
            if any(outlet_of[s.sentence.doc] == name for s in sup) and i not in origin
        )
        only = tuple(
            i for i in origin if independent_sources(documents, origins[i], supports[i]) == (name,)
        )
        table.append(SourceRow(name, docs, origin, backs, only, written[name], exclusive[name]))
    return tuple(table)


def attribute(
    view: ClusterView,
    sentence_indices: Sequence[int],
    embedder: Embedder | None = None,
    min_confidence: float = 0.5,
    full: bool = True,
) -> Attribution:
    """Support and outlets for each summary sentence, plus the cluster's name variants,
    disagreements and per-outlet table (for ``Summary.extras``).

    ``full=False`` is for bulk runs that only need sources: support by TF-IDF cosine alone,
    and no entities, disagreements or table (about a third of the cost).
    """
    from newsum.disagree import find_disagreements

    if not full:
        quick = lexical_support(view, sentence_indices)
        return Attribution(
            tuple(quick),
            tuple(
                distinct_sources(
                    view.documents, [view.sentences[i].doc, *(s.sentence.doc for s in sup)]
                )
                for i, sup in zip(sentence_indices, quick, strict=True)
            ),
            {"attribution": {"matching": "tfidf", "support_threshold": LEXICAL_THRESHOLD}},
        )
    entities = group_entities(view.sentences)
    matcher = build_matcher(view, entities, embedder)
    supports = find_support(view, sentence_indices, matcher=matcher)
    origins = [view.sentences[i] for i in sentence_indices]
    sources = tuple(
        distinct_sources(view.documents, [o.doc, *(s.sentence.doc for s in sup)])
        for o, sup in zip(origins, supports, strict=True)
    )
    shown = tuple(e for e in entities.entities if len(e.variants) > 1 or len(e.documents) > 1)[:40]
    extras: dict[str, object] = {
        "entities": shown,
        "disagreements": tuple(find_disagreements(matcher, min_confidence)),
        "source_table": source_table(matcher, origins, supports),
        "attribution": {
            "matching": "units+embeddings" if embedder is not None else "units",
            "support_threshold": SUPPORT_THRESHOLD,
        },
    }
    return Attribution(tuple(supports), sources, extras)
