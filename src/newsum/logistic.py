"""A logistic regression on standardised features, as the shipped models apply it.

The sentence prior (``methods/_prior.py``) and the citation decision (``trust/learned.py``)
each ship a scikit-learn fit as plain numbers (feature means and scales, coefficients,
intercept); applying one needs numpy only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def probability(
    x: np.ndarray,
    mean: Sequence[float],
    scale: Sequence[float],
    coef: Sequence[float],
    intercept: float,
) -> np.ndarray:
    """P(positive) for each row of ``x``: standardise by ``mean``/``scale``, then the sigmoid
    of ``coef`` . z + ``intercept``."""
    z = (x - np.asarray(mean)) / np.asarray(scale)
    return np.asarray(1.0 / (1.0 + np.exp(-(z @ np.asarray(coef) + intercept))))
