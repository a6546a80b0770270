"""The learned support decision: the shipped coefficients are what the training script makes
from the tune half of the labels, and the decision separates real paraphrases from topic
neighbours in the Raqqa articles."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from conftest import RAQQA, assert_training_reproduces
from newsum.pipeline import Components, prepare
from newsum.read import read_paths
from newsum.trust.learned import FEATURES, load_model, pair_features
from newsum.trust.matching import build_matcher

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_model_is_what_the_training_script_makes() -> None:
    assert_training_reproduces("train_support.py", "duc2003/task2.jsonl.gz")


def test_a_paraphrase_from_another_outlet_passes_and_a_topic_neighbour_does_not() -> None:
    view = prepare(read_paths([RAQQA]), Components())
    matcher = build_matcher(view)
    model = load_model()
    assert model.features == FEATURES

    def find(doc: int, words: str) -> int:
        return next(k for k, s in enumerate(view.sentences) if s.doc == doc and words in s.text)

    claim = find(1, "retook the town of Mayadeen from IS")  # Global Gathering
    paraphrase = find(2, "said they seized the town of Mayadeen")  # AP, other words
    neighbour = find(2, "IS’ defenses in Mayadeen collapsed")  # AP, same town, other fact
    a, b = np.array([claim, claim]), np.array([paraphrase, neighbour])
    p = model.probability(pair_features(matcher, a, b))
    assert p[0] >= model.threshold > p[1]
