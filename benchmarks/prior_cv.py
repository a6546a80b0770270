"""Cross-validated figures for the ``concepts`` method's learned prior (``methods/_prior.py``).

    python benchmarks/prior_cv.py [--data DIR] [--folds 5] [--sets even t2 t3 tac]

The shipped prior is trained on every tune set (``train_prior.SETS``), so scoring it on them
is in-sample. Here each tune set's clusters are split into folds by the SHA-1 of their id (the
Multi-News even half: bits above the one that chose the half); for each fold a prior is
trained, as ``train_prior.py`` trains it, on every other fold of every set, and that fold's
clusters are summarized with it. Printed per set: the score of these held-out summaries, of
the shipped (in-sample) prior and of the position decay alone, and the paired per-cluster
difference from the held-out run (mean +- standard error, and the mean of each fold). A new
feature or label shows its worth here before it is shipped; the Multi-News odd half and
DUC 2002 stay out of it.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsum.backend import default_components
from newsum.evaluation import score
from newsum.evaluation.run import as_lines
from newsum.methods._prior import PriorModel, load_prior
from newsum.pipeline import Components, prepare, summarize
from newsum.read import Cluster
from train_prior import SETS, cluster_examples, train, tune_clusters

WORDS = {"even": 250, "t2": 100, "t3": 100, "tac": 250}  # each set's budget, as BENCHMARKS.md
NAMES = dict(zip(WORDS, SETS, strict=True))


def fold_of(cluster_id: str, folds: int) -> int:
    """The fold of a cluster: SHA-1 of its id, without the lowest bit (``half_of`` reads that
    one, so every fold of the even half is as even as the half)."""
    return (int(hashlib.sha1(cluster_id.encode()).hexdigest(), 16) // 2) % folds


def summaries(
    clusters: Sequence[Cluster], words: int, components: Components, **params: object
) -> list[str]:
    found = []
    for cluster in clusters:
        summary = summarize(cluster.articles, words=words, components=components, trust=False,
                            **params)  # fmt: skip
        found.append(as_lines([s.text for s in summary.sentences]))
    return found


def per_cluster(
    name: str, texts: list[str], clusters: Sequence[Cluster]
) -> tuple[str, list[float]]:
    """The set's headline figure and, where the protocol gives them, per-cluster scores."""
    refs = [list(c.references) for c in clusters]
    words = WORDS[name]
    if words > 150:
        result = score("longbench", texts, refs, words)
        return f"RL {result.scores['rouge-l-f']:.2f}", [p["rouge-l-f"] for p in result.per_cluster]
    result = score("duc", texts, refs, words)
    return f"R1 {result.scores['rouge-1-r']:.2f} R2 {result.scores['rouge-2-r']:.2f}", []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sets", nargs="*", default=list(WORDS), choices=list(WORDS))
    args = parser.parse_args()
    components = default_components()
    clusters = {name: tune_clusters(str(args.data / NAMES[name])) for name in WORDS}
    folds = {n: [fold_of(c.id, args.folds) for c in cs] for n, cs in clusters.items()}
    examples: dict[str, list[tuple[np.ndarray, list[float]]]] = {}
    for name, found in clusters.items():
        examples[name] = [
            cluster_examples(prepare(list(c.articles), components), c.references) for c in found
        ]
    models: list[PriorModel] = []
    for fold in range(args.folds):
        parts = []
        for name in WORDS:
            kept = [
                e for e, f in zip(examples[name], folds[name], strict=True) if f != fold and e[1]
            ]
            x = np.vstack([e[0] for e in kept])
            soft = np.concatenate([e[1] for e in kept])
            weight = np.concatenate([[1.0 / len(e[1])] * len(e[1]) for e in kept])
            parts.append((x, soft, weight))
        models.append(train(parts))
    for name in args.sets:
        found, fold_ids = clusters[name], np.array(folds[name])
        held: list[str] = [""] * len(found)
        for fold, model in enumerate(models):
            part = [k for k, f in enumerate(fold_ids) if f == fold]
            texts = summaries([found[k] for k in part], WORDS[name], components, prior_model=model)
            for k, text in zip(part, texts, strict=True):
                held[k] = text
        shipped = summaries(found, WORDS[name], components, prior_model=load_prior())
        decay = summaries(found, WORDS[name], components, learned_prior=False)
        head, held_scores = per_cluster(name, held, found)
        print(f"{NAMES[name]} ({len(found)} clusters, {WORDS[name]} words)")
        print(f"  {f'held-out prior ({args.folds} folds)':28s}  {head}")
        for label, texts in (
            ("shipped prior (in-sample)", shipped),
            ("position decay alone", decay),
        ):
            figure, scores = per_cluster(name, texts, found)
            line = f"  {label:28s}  {figure}"
            if scores:
                diff = np.array(scores) - np.array(held_scores)
                means = [
                    diff[fold_ids == f].mean() for f in range(args.folds) if (fold_ids == f).any()
                ]
                line += (f"  (paired {diff.mean():+.2f} +- {diff.std(ddof=1) / math.sqrt(len(diff)):.2f};"
                         " folds " + " ".join(f"{m:+.2f}" for m in means) + ")")  # fmt: skip
            print(line, flush=True)


if __name__ == "__main__":
    main()
