"""Lexical support for bulk runs: the best TF-IDF match of each summary sentence in every other
article. Apart from ``support`` so that the batch path loads none of the learned matching
(entities, units, checks) it does not use."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsum.represent import ClusterView
from newsum.types import Support

LEXICAL_THRESHOLD = 0.35  # TF-IDF cosine from which a sentence supports another (bulk runs)


def lexical_support(
    view: ClusterView, sentence_indices: Sequence[int], threshold: float = LEXICAL_THRESHOLD
) -> list[tuple[Support, ...]]:
    """The best TF-IDF match in every other original article, when close enough."""
    if not sentence_indices:
        return []
    similarity = view.cosines(sentence_indices, range(len(view.sentences)))
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
