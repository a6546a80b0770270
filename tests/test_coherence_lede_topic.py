"""The topic's own words are no shared fact: on newswire (DUC 2003: ten articles on one topic)
two ledes share the topic's vocabulary ("the middle and lower reaches" of the Yangtze in eleven
articles about its floods), so ``coherence.lede_retold`` counts a stem that more than
``TOPIC_ARTICLES`` articles use as TOPIC_ARTICLES over that number (``spread``: the cluster's
``ClusterView.document_frequency``, passed by the concepts method).

Fixture sentences are verbatim from DUC 2003 (tasks 2 and 3), TAC 2011 and the Multi-News even
half, each pair from two articles of one cluster, with the decision a reader makes; the spread
is the cluster's own (read from the dev set).
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import dev_clusters, sentence_facts
from newsum.coherence import TOPIC_ARTICLES, lede_retold
from newsum.methods import get_method
from newsum.pipeline import Components, prepare
from newsum.represent import ClusterView

YANGTZE_LEDE = (
    "Water levels at the middle and lower reaches of the Yangtze River, China's longest, started "
    "to recede today after the largest flood peak this year passed Wuhan, capital of central "
    "China's Hubei Province."
)
FIRE_LEDE = (
    "A fire turned a dance hall jammed with teen-age Halloween revelers into a deathtrap, killing "
    "60 people and injuring 162 others in Sweden's second-largest city."
)

# (set, cluster, lede, a sentence of another article): the topic's words joined them
TOPIC_ONLY = [
    # the Yangtze's water receding, and three million fighting floods: "middl", "lower",
    # "reach", "flood" in 8 to 11 of the 11 articles
    (
        "duc2003-task3",
        "d101a",
        YANGTZE_LEDE,
        "A headquarters expert said that some three million soldiers and civilians are fighting "
        "floods along the Yangtze's major embankments on the middle and lower reaches.",
    ),
    # the same lede, and the level at Shashi a day later
    (
        "duc2003-task3",
        "d101a",
        YANGTZE_LEDE,
        "In Shashi, upstream of Wuhan, capital of central Hubei Province, the water level has gone "
        "down to 43.9 meters, 0.04 meters lower than Friday.",
    ),
    # the dance-hall fire's toll, and the building's owner (DUC 2003 task 2)
    (
        "duc2003-task2",
        "d31022t",
        FIRE_LEDE,
        "The fire destroyed the building, whose second floor, where the dance took place, was "
        "rented by the local Macedonian immigrant association in Sweden's second-largest city.",
    ),
    # the same lede, and where Goteborg lies
    (
        "duc2003-task2",
        "d31022t",
        FIRE_LEDE,
        "Goteborg, Sweden's second-largest city with about 435,000 people, is 500 kilometers (300 "
        "miles) southwest of Stockholm.",
    ),
]

# one fact told by two articles: joined with the cluster's spread too
RETOLD = [
    # the neutrino's mass (DUC 2003 task 3): "elus", "subatom" in few articles
    (
        "duc2003-task3",
        "d125i",
        "In what colleagues hailed as a historic landmark, 120 physicists from 23 research "
        "institutions in Japan and the United States announced on Friday that they had found the "
        "existence of mass in a notoriously elusive subatomic particle called the neutrino.",
        "An international team of 120 researchers said they have found evidence that elusive, "
        "subatomic particles known as neutrinos _ one of the basic building blocs of atoms _ have "
        "mass, or weight.",
    ),
    # Haiti's 7.0 quake (TAC 2011 M006)
    (
        "tac2011",
        "M006",
        "A massive earthquake, registering 7.0 on the moment magnitude scale, struck Haiti "
        "yesterday, destroying many buildings, disrupting communications, and burying an unknown "
        "number of people underneath rubble.",
        "An earthquake, with a magnitude of 7.0, struck Haiti on January 12, killing as much as "
        "200,000 people and largely destroying the capital Port-au-Prince; another million have "
        "been left without homes.",
    ),
]


def _view(name: str, cluster_id: str) -> ClusterView:
    cluster = next(c for c in dev_clusters(name) if c.id == cluster_id)
    return prepare(cluster.articles, Components())


def _pair(view: ClusterView, lede: str, other: str) -> list[int]:
    """The candidates holding the two sentences (the lede opening its article)."""
    found = [
        next(
            k
            for k, c in enumerate(view.candidates)
            if c.text == text and (text != lede or view.sentences[c.sentence].index == 0)
        )
        for text in (lede, other)
    ]
    assert view.sentences[view.candidates[found[0]].sentence].index == 0
    return found


@pytest.mark.parametrize(("name", "cluster", "lede", "other"), TOPIC_ONLY)
def test_the_topics_words_do_not_make_two_sentences_one_fact(
    name: str, cluster: str, lede: str, other: str
) -> None:
    view = _view(name, cluster)
    a, b = sentence_facts(lede), sentence_facts(other)
    assert lede_retold(a, b)  # four shared stems when every stem counts one
    assert not lede_retold(a, b, view.document_frequency)
    both = _pair(view, lede, other)
    assert not get_method("concepts").redundant(view, both)[0, 1]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "cluster", "lede", "other"), RETOLD)
def test_a_retold_lede_stays_one_fact_with_the_clusters_spread(
    name: str, cluster: str, lede: str, other: str
) -> None:
    view = _view(name, cluster)
    assert lede_retold(sentence_facts(lede), sentence_facts(other), view.document_frequency)
    both = _pair(view, lede, other)
    assert get_method("concepts").redundant(view, both)[0, 1]  # type: ignore[attr-defined]


def test_a_stem_counts_less_only_past_topic_articles() -> None:
    """A Multi-News cluster has two to five articles: its stems all count one, so the even
    half's lede pairs are joined as before (the Senate's budget plan, told by two outlets)."""
    first = (
        "The Senate passed a Republican-authored budget plan early on Friday that seeks $5.1 "
        "trillion in domestic spending cuts over 10 years while boosting military funding."
    )
    again = (
        "Republicans muscled a balanced-budget plan through the Senate early Friday, positioning "
        "Congress for months of battling President Barack Obama over the GOP's goals of slicing "
        "spending and dismantling his health care law."
    )
    a, b = sentence_facts(first), sentence_facts(again)
    stems = a.content | b.content
    assert lede_retold(a, b, Counter(dict.fromkeys(stems, TOPIC_ARTICLES)))
    assert not lede_retold(a, b, Counter(dict.fromkeys(stems, 2 * TOPIC_ARTICLES)))
