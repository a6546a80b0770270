"""Train the ``concepts`` method's sentence prior (``newsum/methods/_prior.py``).

    python benchmarks/train_prior.py [--data DIR] [--out FILE] [--check]

Every candidate sentence of every cluster of the tune sets (the Multi-News even half, DUC 2003
tasks 2 and 3, TAC 2011; never the Multi-News odd half or DUC 2002) is one example, labelled
with the share of its distinct content stems that the cluster's references use. A logistic
regression (scikit-learn, deterministic lbfgs) is fitted to that soft label through two
weighted copies of each example (label 1 with weight p, label 0 with weight 1 - p); each cluster
weighs the same in all. Features are standardised first. The result is written, rounded, to
``src/newsum/data/prior_model.json``; ``--check`` only compares.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsum.backend import default_components
from newsum.evaluation.run import load_reference_clusters
from newsum.grouping.evaluation import half_of
from newsum.methods._prior import FEATURES, MODEL_FILE, PriorModel, candidate_features
from newsum.pipeline import prepare
from newsum.read import Cluster
from newsum.represent import ClusterView, analyse
from shipped import check_or_write

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsum" / "data" / MODEL_FILE
SETS = (
    "multinews_val/validation250.jsonl.gz#even",  # sha1(id) even: the half selection tunes on
    "duc2003/task2.jsonl.gz",
    "duc2003/task3.jsonl.gz",
    "tac2011_multiling_en/test.jsonl.gz",
)
REGULARISATION = 1.0  # scikit-learn's C; 40,000 examples and 15 features: 0.1-10 fit alike
DIGITS = 6  # rounding of the shipped numbers, so that the file is the same on every machine


def cluster_examples(
    view: ClusterView, references: Sequence[str]
) -> tuple[np.ndarray, list[float]]:
    """Features and soft labels of one prepared cluster's candidates (those of its active
    articles that hold a content word); no rows when it has none."""
    wanted: set[str] = set()
    for reference in references:
        wanted.update(analyse(reference, view.stemmer).content)
    active = set(view.active_documents)
    picked = [
        i
        for i, c in enumerate(view.candidates)
        if view.sentences[c.sentence].doc in active and view.candidate_terms[i].content
    ]
    if not picked:
        return np.zeros((0, len(FEATURES))), []
    labels = []
    for i in picked:
        content = set(view.candidate_terms[i].content)
        labels.append(len(content & wanted) / len(content))
    return candidate_features(view, picked), labels


def tune_clusters(spec: str) -> list[Cluster]:
    """The clusters of one tune set (``FILE#even``: that half, ``grouping.evaluation.half_of``)."""
    path, _, part = spec.partition("#")
    clusters, _ = load_reference_clusters(path)
    if part:
        clusters = [c for c in clusters if half_of(c.id) == part]
    return clusters


def examples(spec: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, soft labels and weights (each cluster sums to 1) of one set's candidates
    (``FILE#even``: the clusters of that half, ``grouping.evaluation.half_of``)."""
    components = default_components()
    rows, labels, weights = [], [], []
    for cluster in tune_clusters(spec):
        view = prepare(list(cluster.articles), components)
        x, soft = cluster_examples(view, cluster.references)
        if not soft:
            continue
        rows.append(x)
        labels.extend(soft)
        weights.extend([1.0 / len(soft)] * len(soft))
    return np.vstack(rows), np.array(labels), np.array(weights)


def train(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> PriorModel:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([p[0] for p in parts])
    soft = np.concatenate([p[1] for p in parts])
    weight = np.concatenate([p[2] for p in parts])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    both = np.vstack([z, z])
    y = np.concatenate([np.ones(len(z)), np.zeros(len(z))])
    w = np.concatenate([weight * soft, weight * (1 - soft)])
    fit = LogisticRegression(C=REGULARISATION, solver="lbfgs", max_iter=1000)
    fit.fit(both, y, sample_weight=w * len(z) / w.sum())
    return PriorModel(
        FEATURES,
        tuple(round(float(v), DIGITS) for v in mean),
        tuple(round(float(v), DIGITS) for v in scale),
        tuple(round(float(v), DIGITS) for v in fit.coef_[0]),
        round(float(fit.intercept_[0]), DIGITS),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    args = parser.parse_args()
    parts = [examples(str(args.data / name)) for name in SETS]
    for name, (x, _, _) in zip(SETS, parts, strict=True):
        print(f"{name}: {len(x)} candidates")
    model = train(parts)
    for name, c in zip(FEATURES, model.coef, strict=True):
        print(f"  {name:18} {c:+.3f}")
    text = model.to_json() + "\n"
    check_or_write(args.out, text, args.check)


if __name__ == "__main__":
    main()
