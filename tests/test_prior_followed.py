"""``benchmarks/followed_article.py``'s pieces on the Raqqa example: an article's opening, the
share policy's fill and the article features read what they say (the benchmark's figures rest
on them)."""

from __future__ import annotations

import sys

from conftest import RAQQA, ROOT
from newsum.methods.base import Budget
from newsum.methods.lead import Lead
from newsum.pipeline import Components, prepare
from newsum.read import read_paths
from newsum.represent import ClusterView

sys.path.insert(0, str(ROOT / "benchmarks"))

import followed_article as fa


def _view() -> ClusterView:
    return prepare(list(read_paths([RAQQA])), Components())


def test_an_articles_opening_is_its_own_sentences_in_order_within_the_words() -> None:
    view = _view()
    for doc in view.active_documents:
        opening = fa.opening_of(view, doc, 60)
        assert opening, doc
        assert opening == sorted(opening)
        assert all(view.sentences[view.candidates[i].sentence].doc == doc for i in opening)
        assert sum(view.candidates[i].words for i in opening) <= 60
        # its first sentence is the article's first candidate that fits
        first = next(
            i
            for i, c in enumerate(view.candidates)
            if view.sentences[c.sentence].doc == doc and c.words <= 60
        )
        assert opening[0] == first


def test_the_fill_keeps_the_chosen_opening_first_the_budget_and_what_is_allowed() -> None:
    view = _view()
    doc = view.active_documents[-1]
    first = fa.opening_of(view, doc, 100)
    in_lead = list(Lead().select(view, Budget(words=None)))
    refused = in_lead[0]  # the first article's first sentence: lead's first pick
    assert view.sentences[view.candidates[refused].sentence].doc != doc
    allowed = set(range(len(view.candidates))) - {refused}
    filled = fa.restricted_fill(view, first, 250, allowed)
    assert filled[: len(first)] == first
    assert refused not in filled
    assert len(set(filled)) == len(filled)
    assert 200 < sum(view.candidates[i].words for i in filled) <= 250
    # what it adds comes in round-robin lead's order, from more than one other article
    rest = filled[len(first) :]
    assert rest == [i for i in in_lead if i in set(rest)]
    assert len({view.sentences[view.candidates[i].sentence].doc for i in rest}) > 1


def test_article_features_mark_the_first_and_the_longest_article() -> None:
    view = _view()
    rows = fa.article_rows(view, 250)
    assert [r.doc for r in rows] == list(view.active_documents)
    col = fa.ARTICLE_FEATURES.index
    assert [r.features[col("first")] for r in rows] == [1.0] + [0.0] * (len(rows) - 1)
    sizes = [r.features[col("log_words")] for r in rows]
    longest = [r.features[col("longest")] for r in rows]
    assert longest[sizes.index(max(sizes))] == 1.0 and sum(longest) >= 1
    for r in rows:
        assert 0.0 <= r.features[col("central")] <= 1.0
        assert 0.0 <= r.features[col("names")] <= 1.0
        assert 0.0 < r.features[col("prior")] < 1.0
