"""How well a grouping matches the truth: B-cubed and pairwise precision/recall/F1, adjusted Rand.

B-cubed (Bagga and Baldwin, 1998; Amigó et al., 2009) scores each item by how much its
predicted group and its true group overlap, so it is not fooled by one giant cluster or by
singletons. ARI (Hubert and Arabie, 1985) is the chance-corrected pair-counting agreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import comb


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    ari: float
    items: int
    true_groups: int
    predicted_groups: int
    pair_precision: float = 0.0
    pair_recall: float = 0.0
    pair_f1: float = 0.0


def bcubed(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted labelling against the true one."""
    _check(truth, predicted)
    joint = Counter(zip(truth, predicted, strict=True))
    true_size = Counter(truth)
    predicted_size = Counter(predicted)
    n = len(truth)
    # Each of the ``count`` items in cell (t, p) has ``count`` items sharing both labels.
    precision = sum(c * c / predicted_size[p] for (_, p), c in joint.items()) / n
    recall = sum(c * c / true_size[t] for (t, _), c in joint.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Adjusted Rand index from the contingency table; 1.0 when both labellings are trivial."""
    _check(truth, predicted)
    joint = np.fromiter(Counter(zip(truth, predicted, strict=True)).values(), np.float64)
    rows = np.fromiter(Counter(truth).values(), np.float64)
    cols = np.fromiter(Counter(predicted).values(), np.float64)
    index = comb(joint, 2).sum()
    row_pairs, col_pairs = comb(rows, 2).sum(), comb(cols, 2).sum()
    expected = row_pairs * col_pairs / comb(len(truth), 2)
    maximum = (row_pairs + col_pairs) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


def pairwise(
    truth: Sequence[Hashable], predicted: Sequence[Hashable]
) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of items put together (the metric of Miranda et
    al. 2018); 1.0 for a side that has no pairs at all."""
    _check(truth, predicted)
    both = sum(c * (c - 1) // 2 for c in Counter(zip(truth, predicted, strict=True)).values())
    true_pairs = sum(c * (c - 1) // 2 for c in Counter(truth).values())
    predicted_pairs = sum(c * (c - 1) // 2 for c in Counter(predicted).values())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    precision, recall, f1 = bcubed(truth, predicted)
    return Scores(
        precision,
        recall,
        f1,
        adjusted_rand(truth, predicted),
        len(truth),
        len(set(truth)),
        len(set(predicted)),
        *pairwise(truth, predicted),
    )


def _check(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} true labels but {len(predicted)} predicted ones")
    if len(truth) == 0:
        raise ValueError("no items to score")
