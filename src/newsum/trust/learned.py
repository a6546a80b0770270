"""Support as a learned decision: does a candidate sentence state what a claim says?

A logistic regression over a few measured features of a (claim, candidate) pair decides,
instead of hand-set weights. Its coefficients ship as ``newsum/data/support_model.json``
(plain numbers, no pickle), written by ``benchmarks/train_support.py`` from the tune half of
the hand labels (``benchmarks/labels/citations.jsonl``: "full" and "copy" supports are
positives, every other candidate sentence of the cluster a negative, "partial" supports are
left out of training). Applying it needs numpy only.

The candidates still come from the matcher's inverted index, so the cost stays linear.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

import numpy as np

from newsum import logistic
from newsum.trust.matching import Matcher, _pair_dot

MODEL_FILE = "support_model.json"

FEATURES = (
    "f_measure",  # the matcher's weighted F-measure of shared units, before corrections
    "recall",  # share of the claim's unit weight the candidate covers
    "precision",  # share of the candidate's unit weight the claim covers
    "names_shared",  # share of the claim's names (people, places) the candidate names too
    "names_apart",  # both name someone, and no name is shared
    "figure_shared",  # both give the same specific figure
    "figure_conflict",  # both give specific figures, none the same
    "negation_mismatch",  # one is negated, the other is not
    "length_ratio",  # log of candidate over claim unit weight
    "best_part",  # the F-measure, or that of the clauses around a shared figure if higher
    "heuristic",  # the matcher's corrected score (matching.Matcher.score_pairs)
    "shared_weight",  # the unit weight (idf) the two share, not normalised: how much is said
    "rarest_shared",  # the weight of the rarest unit they share
    "bigrams",  # share of the shorter one's consecutive unit pairs the other has too
)


def pair_features(matcher: Matcher, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One row of ``FEATURES`` per pair (``a[i]`` the claim, ``b[i]`` the candidate)."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if len(a) == 0:
        return np.zeros((0, len(FEATURES)))
    totals = matcher._totals
    covered = _pair_dot(matcher._weighted, matcher._found, a, b)
    recall = covered / totals[a]
    precision = _pair_dot(matcher._found, matcher._weighted, a, b) / totals[b]
    with np.errstate(invalid="ignore", divide="ignore"):
        f_measure = np.where(
            recall + precision > 0, 2 * recall * precision / (recall + precision), 0.0
        )
    names = matcher._names
    name_count = np.diff(names.indptr)
    shared_names = _pair_dot(names, names, a, b)
    with np.errstate(invalid="ignore", divide="ignore"):
        names_shared = np.where(name_count[a] > 0, shared_names / name_count[a], 0.0)
    names_apart = (name_count[a] > 0) & (name_count[b] > 0) & (shared_names == 0)
    figures = matcher._figures
    has_figures = np.diff(figures.indptr) > 0
    figure_shared = _pair_dot(figures, figures, a, b) > 0
    figure_conflict = has_figures[a] & has_figures[b] & ~figure_shared
    negation = matcher._negated[a] != matcher._negated[b]
    length_ratio = np.log(totals[b] / totals[a])
    clause = np.zeros(len(a))
    for k in np.flatnonzero(figure_shared & (a != b)):
        clause[k] = matcher._clause_score(int(a[k]), int(b[k])) - matcher.shared_figure
    heuristic = matcher.score_pairs(a, b)
    units = matcher.units
    rarest = np.zeros(len(a))
    bigrams = np.zeros(len(a))
    for k in np.flatnonzero(covered > 0):
        ua, ub = units.per_sentence[int(a[k])], units.per_sentence[int(b[k])]
        shared = set(ua) & set(ub)
        rarest[k] = max((units.weight(u) for u in shared), default=0.0)
        pa, pb = _bigrams(units.order[int(a[k])]), _bigrams(units.order[int(b[k])])
        if pa and pb:
            bigrams[k] = len(pa & pb) / min(len(pa), len(pb))
    return np.column_stack(
        [
            f_measure,
            recall,
            precision,
            names_shared,
            names_apart,
            figure_shared,
            figure_conflict,
            negation,
            length_ratio,
            np.maximum(clause, f_measure),
            heuristic,
            covered,
            rarest,
            bigrams,
        ]
    ).astype(float)


def _bigrams(order: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(pairwise(order))


@dataclass(frozen=True)
class SupportModel:
    """A logistic regression on standardised ``FEATURES``; ``threshold`` on its probability."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    candidate_floor: float  # matcher score a candidate needs before the model looks at it

    def probability(self, features: np.ndarray) -> np.ndarray:
        if len(features) == 0:
            return np.zeros(0)
        return logistic.probability(
            features, self.mean, self.scale, self.coefficients, self.intercept
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.features),
                "mean": list(self.mean),
                "scale": list(self.scale),
                "coefficients": list(self.coefficients),
                "intercept": self.intercept,
                "threshold": self.threshold,
                "candidate_floor": self.candidate_floor,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> SupportModel:
        data = json.loads(text)
        model = cls(
            tuple(data["features"]),
            tuple(float(x) for x in data["mean"]),
            tuple(float(x) for x in data["scale"]),
            tuple(float(x) for x in data["coefficients"]),
            float(data["intercept"]),
            float(data["threshold"]),
            float(data["candidate_floor"]),
        )
        if model.features != FEATURES:
            raise ValueError(f"{MODEL_FILE} was trained on other features: retrain it")
        return model


@cache
def load_model() -> SupportModel:
    """The shipped model, read once per process (``newsum/data/support_model.json``)."""
    text = resources.files("newsum").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return SupportModel.from_json(text)
