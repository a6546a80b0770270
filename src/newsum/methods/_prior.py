"""A learned sentence prior: how likely a candidate's words are to be in a human summary.

A logistic regression over cheap features of a candidate (where it stands in its article,
which article, how long it is, how much of its vocabulary the other articles share, its
quotation state) replaces a hand-set position decay as the ``concepts`` method's prior. News
agencies put the event in the first sentence; web news spreads it over the first five or six
(Multi-News even half: stemmed-bigram precision against the reference is flat, about 0.21, for
sentences 0-5, and 0.12 after), and the features see which kind of input they are in (the
number of articles, their length). Its coefficients ship as ``newsum/data/prior_model.json``
(plain numbers), written by ``benchmarks/train_prior.py`` from the Multi-News even half,
DUC 2003 tasks 2 and 3 and TAC 2011; applying it needs numpy only.

The label it learns is soft: the share of a candidate's distinct content stems that the
cluster's references use (a logistic regression fitted to it through weighted copies, one of
each class per candidate).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import chain

import numpy as np

from newsum import logistic
from newsum.represent import ClusterView

MODEL_FILE = "prior_model.json"
LEAD_SENTENCES = (
    3  # an article's opening, for ``in_leads``: where news states the event (not tuned)
)
MAX_RANK = 4  # articles past the fifth share one rank: few clusters have more (not tuned)

FEATURES = (
    "log_index",  # log(1 + the sentence's index in its article)
    "first",  # the article's first sentence
    "relative",  # index over the article's sentence count
    "rank",  # the article's rank in the input, capped at MAX_RANK (web news lists its main source first)
    "log_docs",  # log of the number of distinct articles
    "index_x_docs",  # log_index * log_docs: how fast position matters depends on the input
    "log_words",  # log of the candidate's words
    "log_doc_sentences",  # log of the article's sentence count
    "shared",  # mean share of the other articles that use each of its content stems
    "shared_bigrams",  # share of its bigrams that another article uses too
    "frequent",  # mean log count of its content stems in the whole input (its own use left out)
    "in_leads",  # share of its content stems that some article's first three sentences use
    "quoted",  # a complete quotation
    "fragment",  # part of a quotation
    "figure",  # it gives a figure
)


def candidate_features(view: ClusterView, rows: Sequence[int]) -> np.ndarray:
    """One row of ``FEATURES`` per candidate index in ``rows``."""
    active = view.active_documents
    rank = {d: k for k, d in enumerate(active)}
    n_docs = max(len(active), 1)
    log_docs = math.log(n_docs)
    counts = Counter([sentence.doc for sentence in view.sentences])
    df = view.document_frequency
    bigram_df = view.bigram_document_frequency
    others = max(n_docs - 1, 1)
    members = set(active)
    kept = [
        (sentence.index, terms.content)
        for sentence, terms in zip(view.sentences, view.terms, strict=True)
        if sentence.doc in members
    ]
    # each count in one Counter over all the stems (the same counts as an update per sentence)
    frequency = Counter(chain.from_iterable([content for _, content in kept]))
    leads = Counter(
        chain.from_iterable([set(content) for index, content in kept if index < LEAD_SENTENCES])
    )
    # per stem, once: the other articles using it (capped), and whether another article does
    # (integers: each sum below adds the same numbers, in any order, to the same total)
    uses = {stem: min(n - 1, others) for stem, n in df.items()}
    shared_pair = {bigram for bigram, n in bigram_df.items() if n > 1}
    log1p = math.log1p
    out = np.zeros((len(rows), len(FEATURES)))
    for r, i in enumerate(rows):
        candidate = view.candidates[i]
        sentence = view.sentences[candidate.sentence]
        terms = view.candidate_terms[i]
        log_index = math.log1p(sentence.index)
        in_doc = counts.get(sentence.doc, 1)
        content = set(terms.content)
        shared = (
            sum([uses.get(s, 0) for s in content]) / (others * len(content))
            if content and n_docs > 1
            else 0.0
        )
        own = Counter(terms.content)
        frequent = (
            sum([log1p(frequency.get(s, 0) - own[s]) for s in content]) / len(content)
            if content
            else 0.0
        )
        mine = sentence.index < LEAD_SENTENCES
        in_leads = (
            sum(leads.get(s, 0) - mine > 0 for s in content) / len(content) if content else 0.0
        )
        bigrams = set(terms.bigrams)
        shared_bigrams = len(bigrams & shared_pair) / len(bigrams) if bigrams else 0.0
        out[r] = (
            log_index,
            float(sentence.index == 0),
            sentence.index / in_doc,
            min(rank.get(sentence.doc, 0), MAX_RANK),
            log_docs,
            log_index * log_docs,
            math.log(max(candidate.words, 1)),
            math.log(in_doc),
            shared,
            shared_bigrams,
            frequent,
            in_leads,
            float(sentence.quote == "complete"),
            float(sentence.quote == "fragment"),
            float(_has_digit(candidate.text)),
        )
    return out


_ASCII_DIGITS = "0123456789"


def _has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``: ten substring tests in C where the text is ASCII
    (the only digits there), the character loop only for the rest."""
    if text.isascii():
        return any(d in text for d in _ASCII_DIGITS)
    return any(ch.isdigit() for ch in text)


@dataclass(frozen=True)
class PriorModel:
    """Standardise the features, then a logistic regression."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        return logistic.probability(x, self.mean, self.scale, self.coef, self.intercept)

    def score(self, view: ClusterView, rows: Sequence[int]) -> np.ndarray:
        """The probability of each candidate of ``rows`` (indices into ``view.candidates``)."""
        return self.probability(candidate_features(view, rows))

    def to_json(self) -> str:
        data = {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }
        return json.dumps(data, indent=1)

    @classmethod
    def from_json(cls, text: str) -> PriorModel:
        data = json.loads(text)
        model = cls(
            tuple(data["features"]),
            tuple(float(v) for v in data["mean"]),
            tuple(float(v) for v in data["scale"]),
            tuple(float(v) for v in data["coef"]),
            float(data["intercept"]),
        )
        if model.features != FEATURES:
            raise ValueError(f"{MODEL_FILE} was trained on other features: retrain it")
        return model


@cache
def load_prior() -> PriorModel:
    """The shipped model, read once per process (``newsum/data/prior_model.json``)."""
    text = resources.files("newsum").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return PriorModel.from_json(text)
