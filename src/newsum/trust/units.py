"""What a sentence says, as units; and the one tokenizer, clause splitter and negation rule
of the trust stage.

Outlets paraphrase each other and spell names differently, so sentences are compared on
*units* rather than words: stemmed content words, entities (all variants of a name are one
unit, see ``entities.py``) and figures ("3,500" is one unit). Units are weighted by how rare
they are across the cluster's articles.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from newsum.represent import STOPWORDS, ClusterView, token_spans
from newsum.trust.entities import EntityIndex
from newsum.trust.quantities import Quantity, find_quantities

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

# The one negation rule: a sentence that says something did not happen.
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|without)\b|n't\b", re.IGNORECASE
)
# The one clause splitter: where one fact of a sentence ends and the next begins.
CLAUSE_BREAK = re.compile(
    r"[;:(]|,\s+(?:while|but|whereas|though|although|as|and|in\s+addition\s+to|which|who)\b"
    r"|\s(?:while|but|whereas)\s"
)


# ``NEGATION`` on lowercased ASCII text, where it finds the same: twice as fast as the
# case-insensitive search (25,852 sentences of 1,000 articles: 0.12 -> 0.06 s).
_NEGATION_LOWER = re.compile(NEGATION.pattern)


def negated(text: str) -> bool:
    if text.isascii():
        return _NEGATION_LOWER.search(text.lower()) is not None
    return NEGATION.search(text) is not None


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around characters ``[start, end)``."""
    left, right = 0, len(text)
    for match in CLAUSE_BREAK.finditer(text):
        at = match.start()
        if at < start:
            left = at
        elif at >= end:
            right = at
            break
    return left, right


def is_content(word: str) -> bool:
    """A word that says what happened (lowercased token)."""
    return not (word in STOPWORDS or word in NOT_CONTENT or len(word) < 2 or word[0].isdigit())


def figure_unit(quantity: Quantity) -> str:
    return f"#{quantity.value:g}" + ("%" if quantity.kind == "percent" else "")


def is_specific_figure(unit: str) -> bool:
    """A count or share of ten or more: "275", "85%" (years and small numbers are common)."""
    if not unit.startswith("#"):
        return False
    value = float(unit[1:].rstrip("%"))
    return value >= 10 and (unit.endswith("%") or not (1800 <= value <= 2100))


@dataclass(frozen=True)
class Units:
    """What each sentence says, as weighted units (stems, ``@entity``, ``#figure``)."""

    per_sentence: tuple[tuple[str, ...], ...]  # each sentence's distinct units, in text order
    order: tuple[tuple[str, ...], ...]  # each sentence's units in text order, repeats kept
    offsets: tuple[Sequence[int], ...]  # where each of ``order`` starts in the sentence text
    quantities: tuple[tuple[Quantity, ...], ...]
    vocabulary: dict[str, int]
    weights: np.ndarray  # idf of each unit over the cluster's (non-copy) documents
    presence: sparse.csr_matrix  # sentences x units, 0/1
    surface: dict[str, str]  # unit -> a word as written, for explanations
    _weight: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weights = self.weights.tolist()
        object.__setattr__(self, "_weight", {u: weights[c] for u, c in self.vocabulary.items()})

    def weight(self, unit: str) -> float:
        return self._weight[unit]

    def positions(self, sentence: int) -> Iterator[tuple[str, int]]:
        """(unit, offset in the sentence text) of a sentence's units, in text order."""
        return zip(self.order[sentence], self.offsets[sentence], strict=True)

    def weighted_f1(self, a: Collection[str], b: Collection[str]) -> float:
        """The weighted F-measure of two unit sets: how far they state the same thing."""
        shared = set(a) & set(b)
        if not shared:
            return 0.0
        weight = self._weight
        overlap = sum(weight[u] for u in shared)
        recall = overlap / sum(weight[u] for u in set(a))
        precision = overlap / sum(weight[u] for u in set(b))
        return 2 * recall * precision / (recall + precision)

    def in_span(self, sentence: int, start: int, end: int) -> set[str]:
        """The units of a sentence that start inside ``[start, end)``."""
        return {u for u, p in self.positions(sentence) if start <= p < end}


def _sentence_units(
    text: str,
    spans: Sequence[tuple[int, int, int]],
    quantities: Sequence[Quantity],
    stems: dict[str, str | None],
    stem: Callable[[str], str],
    surface: dict[str, str],
) -> list[tuple[int, str]]:
    """(offset, unit) pairs of a sentence, in text order: its entities, figures and content
    stems. ``stems`` remembers each token's unit (None: not a content word)."""
    units: list[tuple[int, str]] = []
    covered: bytearray | None = None
    if spans or quantities:
        covered = bytearray(len(text) + 1)
        for start, end, entity in spans:
            unit = f"@{entity}"
            units.append((start, unit))
            covered[start:end] = b"\x01" * (end - start)
            if unit not in surface:
                surface[unit] = text[start:end]
        for quantity in quantities:
            unit = figure_unit(quantity)
            units.append((quantity.start, unit))
            covered[quantity.start : quantity.end] = b"\x01" * (quantity.end - quantity.start)
            if unit not in surface:
                surface[unit] = quantity.text
    for match in token_spans(text):
        raw = match.group(0)
        if raw in stems:
            stemmed = stems[raw]
        else:
            token = raw.lower().replace("’", "'")
            stemmed = stems[raw] = stem(token) if is_content(token) else None
        if stemmed is None:
            continue
        at = match.start()
        if covered is not None and covered[at]:
            continue
        units.append((at, stemmed))
        if stemmed not in surface:
            surface[stemmed] = raw.lower().replace("’", "'")
    units.sort(key=_offset)
    return units


def _offset(unit: tuple[int, str]) -> int:
    return unit[0]


def build_units(view: ClusterView, entities: EntityIndex) -> Units:
    """Units of every sentence of the cluster, weighted by inverse document frequency."""
    surface: dict[str, str] = {}
    stems: dict[str, str | None] = {}
    stem = view.stemmer.stem
    quantities = tuple(tuple(find_quantities(s.text)) for s in view.sentences)
    order: list[tuple[str, ...]] = []
    offsets: list[Sequence[int]] = []  # compact arrays: a tuple of ints is 3 times larger
    per_sentence: list[tuple[str, ...]] = []
    for k, sentence in enumerate(view.sentences):
        found = _sentence_units(
            sentence.text, entities.spans[k], quantities[k], stems, stem, surface
        )
        units = tuple(u for _, u in found)
        distinct = tuple(dict.fromkeys(units))
        order.append(units)
        offsets.append(array("l", [p for p, _ in found]))
        per_sentence.append(units if len(distinct) == len(units) else distinct)
    vocabulary: dict[str, int] = {}
    columns = array("q")  # compact: a list of Python ints cost 28 MB at 1,000 articles
    starts = array("q", [0])
    for units in per_sentence:
        columns.extend([vocabulary.setdefault(unit, len(vocabulary)) for unit in units])
        starts.append(len(columns))
    presence = sparse.csr_matrix(
        (np.ones(len(columns)), np.frombuffer(columns, dtype=np.int64), np.asarray(starts)),
        shape=(len(per_sentence), len(vocabulary)),
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
    return Units(
        tuple(per_sentence), tuple(order), tuple(offsets), quantities, vocabulary, weights,
        presence, surface,
    )  # fmt: skip
