"""The learned decision to join a story: features of an (article, story) pair, and the model.

Instead of one tuned similarity threshold (whose best value differs by data set: 0.11 on
the newswire dev pool, about 0.18 on web news), logistic regressions over several
similarities, the date gap and the story's size and cohesion says whether an article
belongs to a story (Miranda et al. 2018, "Multilingual Clustering of Streaming News":
94.1 F1 learned against 82.8 with a tuned threshold). It is trained on labelled pairs from
the dev clusters by ``newsum.grouping.train`` (``benchmarks/stories_train.py`` writes the
shipped file) and kept as plain coefficients in JSON: no pickle, nothing to download, and
loading it is reading a few kB. The merge pass asks the same model about two stories, the
smaller one standing in for the article.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from operator import mul
from pathlib import Path
from typing import Any, Protocol

from newsum.errors import InputError
from newsum.grouping.features import (
    ALL,
    BODY,
    LEAD,
    NAMES,
    Packed,
    Vector,
    dot,
    dot_share,
    packed_dot,
)

FEATURES = (
    "sim_all", "sim_body", "sim_names", "sim_lead", "name_overlap", "cohesion", "log_size",
    "log_other_size", "log_words", "dated", "near_span", "near_newest", "near_oldest",
    "near_mean", "centroid_all",
)  # fmt: skip
"""The pair features, in the order of the model's coefficients. ``sim_*`` are mean cosines
between the two sides' articles per view; ``centroid_all`` is the cosine of their ``all``
centroids, which does not fall as a loose story grows (a topic followed over months, as in
TAC 2011): adding it lifted the mean held-out B-cubed F1 over the five held-out folds of
``benchmarks/stories_quality.py`` (section 2, one shuffle) from 0.852 to 0.865.
``name_overlap`` is the share of the article's (the smaller side's) ``names`` weight on names
the story also holds, so a shared rare name counts for more than a shared common one (it was
the share of its name terms, each counted once). Selection folds (``stories_quality.py --part
select``, 3 shuffles, each retrained), B-cubed F1 DUC 2002 0.902 -> 0.902, DUC 2003 task 2
0.862 -> 0.883, task 3 0.948 -> 0.951, TAC 2011 0.858 -> 0.884, web even half 0.844 ->
0.845 (mean 0.883 -> 0.893); the squared weights' share gave 0.884 (DUC 2002 0.895, TAC 0.851),
the heaviest shared name's weight 0.885 (task 2 0.851)."""

SPAN_SIGMA = 3.0
"""Days: an article dated within a few days of a story's span is close in time (TDT events
in duc2003 task 2 run over days; a sigma of about 14 helped the whole pool but hurt long
topics, issue 14, so both a short and a long scale are given and the model weighs them)."""
NEWEST_SIGMA = 7.0
OLDEST_SIGMA = 14.0
MEAN_SIGMA = 7.0

COHESION_CAP = 0.6
"""Cohesion above this comes from near-copies, not from a tight event (92% of same-story
pairs in the dev sets have a cosine below 0.5, and no story's mean is above 0.58)."""

JOIN = 0.5
"""The probability above which an article joins a story (or two stories merge) when the
model file names none: the model's own even odds. The shipped file holds thresholds chosen
by cross-validation over the training sets (``newsum.grouping.train.calibrate``)."""

MODEL_FILE = "join_model.json"


class Side(Protocol):
    """An article or a story as a pair sees it: per-view sums of unit vectors, and dates."""

    size: int
    centroids: tuple[Vector, ...]
    first: float | None
    last: float | None
    day_sum: float
    dated: int
    words: int

    def cohesion(self) -> float: ...

    def squared(self) -> float: ...

    def packed(self, view: int) -> Packed: ...


def pair_features(a: Side, b: Side, shared: float | None = None) -> list[float]:
    """Features of joining ``a`` (the article, or the smaller story) to story ``b``;
    ``shared``: the dot product of their ``all`` centroids, if already worked out."""
    scale = a.size * b.size
    if shared is None:
        shared = packed_dot(a.packed(ALL), b.packed(ALL))
    names = a.centroids[NAMES]
    named, overlap = dot_share(names, b.centroids[NAMES])
    sims = [
        shared / scale,
        packed_dot(a.packed(BODY), b.packed(BODY)) / scale,
        named / scale,
        dot(a.centroids[LEAD], b.centroids[LEAD]) / scale,
    ]
    cohesion = min(b.cohesion(), COHESION_CAP) if b.size > 1 else 0.0
    centroid = shared / (_length(a) * _length(b))
    features = [
        *sims,
        overlap,
        cohesion,
        math.log(b.size),
        math.log(a.size),
        math.log1p(a.words / a.size),
    ]
    if a.dated and b.dated and b.first is not None and b.last is not None:
        when = a.day_sum / a.dated
        gap = max(0.0, b.first - when, when - b.last)
        features += [
            1.0,
            _near(gap, SPAN_SIGMA),
            _near(when - b.last, NEWEST_SIGMA),
            _near(when - b.first, OLDEST_SIGMA),
            _near(when - b.day_sum / b.dated, MEAN_SIGMA),
        ]
    else:
        features += [0.0, 0.0, 0.0, 0.0, 0.0]
    features.append(centroid)
    return features


def _length(side: Side) -> float:
    """Length of the side's ``all`` centroid (1 for one article)."""
    if side.size == 1:
        return 1.0
    return math.sqrt(side.squared()) or 1.0


def _near(gap: float, sigma: float) -> float:
    return math.exp(-gap * gap / (2 * sigma * sigma))


@dataclass(frozen=True)
class Linear:
    """A logistic regression on standardised features, folded into one weight vector."""

    weights: tuple[float, ...]
    bias: float

    def score(self, features: Sequence[float]) -> float:
        if len(features) != len(self.weights):
            raise ValueError("join model: wrong number of pair features")
        return self.bias + sum(map(mul, self.weights, features))

    def probability(self, features: Sequence[float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Linear:
        coef, mean, scale = data["coef"], data["mean"], data["scale"]
        if not len(coef) == len(mean) == len(scale) == len(FEATURES):
            raise InputError("join model: its features are not the ones this newsum computes")
        weights = tuple(c / s for c, s in zip(coef, scale, strict=True))
        bias = data["intercept"] - sum(w * m for w, m in zip(weights, mean, strict=True))
        return cls(weights, bias)


@dataclass(frozen=True)
class JoinModel:
    """Two logistic regressions over the same pair features, as Miranda et al. do: one ranks
    the candidate stories (trained on every candidate pair), the other decides whether the
    article joins the best-ranked one or opens a story (trained on best-ranked pairs only,
    so its even odds are those of the decision it makes)."""

    rank: Linear
    decide: Linear
    info: dict[str, Any]
    join: float = JOIN
    merge: float = JOIN
    """The threshold for merging two stories."""
    merge_decide: Linear | None = None
    """The decision for a merge (two stories), if the file has one; else ``decide``'s."""

    def probability(self, features: Sequence[float], merge: bool = False) -> float:
        """How likely the article (or, ``merge``, the smaller story) belongs to this
        best-ranked story."""
        if merge and self.merge_decide is not None:
            return self.merge_decide.probability(features)
        return self.decide.probability(features)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JoinModel:
        if list(data.get("features", [])) != list(FEATURES):
            raise InputError("join model: its features are not the ones this newsum computes")
        try:
            rank, decide = Linear.from_dict(data["rank"]), Linear.from_dict(data["decide"])
            merge_decide = (
                Linear.from_dict(data["merge_decide"]) if "merge_decide" in data else None
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"join model: not a newsum join model ({exc})") from None
        join = float(data.get("join", JOIN))
        return cls(rank, decide, data, join, float(data.get("merge", join)), merge_decide)

    @classmethod
    def load(cls, path: str | Path | None = None) -> JoinModel:
        """The model shipped in the package, or the one in ``path``."""
        if path is None:
            text = resources.files("newsum.grouping").joinpath(MODEL_FILE).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))
