"""Support: for each summary sentence, the sentences of other outlets that state the same
thing; and per outlet, what it gives, backs, or alone reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsum.trust.learned import SupportModel, load_model, pair_features
from newsum.trust.lexical import LEXICAL_THRESHOLD, lexical_support
from newsum.trust.matching import BLOCK_ROWS, SUPPORT_THRESHOLD, Matcher
from newsum.trust.outlets import Outlets
from newsum.types import Sentence, SourceRow, Support

__all__ = ["LEXICAL_THRESHOLD", "find_support", "lexical_support", "source_table"]


def find_support(
    matcher: Matcher,
    outlets: Outlets,
    sentence_indices: Sequence[int],
    model: SupportModel | None = None,
    per_doc: int = 1,
) -> list[tuple[Support, ...]]:
    """For each sentence, the best-supporting sentence of every other story (copies
    excluded): candidates from the matcher's index, decided by the learned ``model``
    (``learned.py``; the shipped one by default). A support's score is its probability."""
    if not sentence_indices:
        return []
    model = model or load_model()
    view = matcher.view
    documents = view.documents
    story = np.array([outlets.story(s.doc) for s in view.sentences])
    doc_of = np.array([s.doc for s in view.sentences])
    a, b = matcher.candidates(list(sentence_indices), model.candidate_floor, keep=False)
    keep = story[b] != story[a]
    a, b = a[keep], b[keep]
    probability = model.probability(pair_features(matcher, a, b))
    good = probability >= model.threshold
    a, b, probability = a[good], b[good], probability[good]
    results: list[tuple[Support, ...]] = []
    for index in sentence_indices:
        mine = a == index
        columns, values = b[mine], probability[mine]
        supports: list[Support] = []
        for doc in sorted(set(doc_of[columns].tolist())):
            if documents[doc].duplicate_of is not None:
                continue  # a copy says what its original says; the original speaks for it
            in_doc = doc_of[columns] == doc
            order = np.lexsort((columns[in_doc], -values[in_doc]))[:per_doc]
            supports.extend(
                Support(view.sentences[int(columns[in_doc][k])], float(values[in_doc][k]))
                for k in order
            )
        supports.sort(key=lambda s: -s.score)
        results.append(tuple(supports))
    return results


def source_table(
    matcher: Matcher,
    outlets: Outlets,
    origins: Sequence[Sentence],
    supports: Sequence[Sequence[Support]],
    threshold: float = SUPPORT_THRESHOLD,
) -> tuple[SourceRow, ...]:
    """Per outlet: which summary sentences it gave, which it backs, which only it reports,
    and how much of what it wrote no other outlet matches."""
    view = matcher.view
    documents = view.documents
    outlet_of = {d.index: outlets.name(d.index) for d in documents}
    active = set(view.active_documents)
    rows = [k for k, s in enumerate(view.sentences) if s.doc in active]
    story = np.array([outlets.story(s.doc) for s in view.sentences])
    number = {name: k for k, name in enumerate(dict.fromkeys(outlet_of.values()))}
    # A notice (no passages, ``Document.notice``) is not a source: it gets no row.
    names = list(dict.fromkeys(outlet_of[d.index] for d in documents if d.notice is None))
    outlet_id = np.array([number[outlet_of[s.doc]] for s in view.sentences])
    matched = np.zeros(len(view.sentences), dtype=bool)
    for start in range(0, len(rows), BLOCK_ROWS):
        block = [k for k in rows[start : start + BLOCK_ROWS] if not matched[k]]
        a, b = matcher.candidates(block, threshold)
        other = (outlet_id[b] != outlet_id[a]) & (story[b] != story[a])  # only these count
        a, b = a[other], b[other]
        rows_reached, others_reached = matcher.reaches(a, b, threshold)
        matched[rows_reached] = True
        matched[others_reached] = True  # they need no block of their own
    written: Counter[str] = Counter(outlet_of[view.sentences[k].doc] for k in rows)
    exclusive: Counter[str] = Counter(
        outlet_of[view.sentences[k].doc] for k in rows if not matched[k]
    )
    table: list[SourceRow] = []
    for name in names:
        docs = tuple(d for d, o in outlet_of.items() if o == name and documents[d].notice is None)
        origin = tuple(i for i, s in enumerate(origins) if outlet_of[s.doc] == name)
        backs = tuple(
            i
            for i, sup in enumerate(supports)
            if any(outlet_of[s.sentence.doc] == name for s in sup) and i not in origin
        )
        only = tuple(i for i in origin if outlets.independent(origins[i], supports[i]) == (name,))
        table.append(SourceRow(name, docs, origin, backs, only, written[name], exclusive[name]))
    return tuple(table)
