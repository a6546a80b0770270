"""A second outlet's retelling of a fact, found by what it counts: the same figure (not a year,
not a number in a name or date) beside names in common, or beside the same kind of predicate
("struck"), and some shared content.

Fixture sentences are verbatim from the development sets (Multi-News validation, even half;
TAC 2011), with the decision a reader makes.
"""

from __future__ import annotations

import pytest

from conftest import sentence_facts
from newsum.coherence import retold, same_fact
from newsum.methods import get_method
from newsum.pipeline import Components, prepare
from newsum.represent import ClusterView
from newsum.types import Article


@pytest.mark.parametrize(
    ("first", "again"),
    [
        # Multi-News even half: the misspelled Tulowitzki jerseys, told by two outlets
        (
            "The Colorado Rockies handed out 15,000 jerseys with the All-Star shortstop's name "
            "misspelled in a giveaway gaffe Saturday night at Coors Field.",
            "The Colorado Rockies gave out 15,000 replica jerseys honoring All-Star shortstop "
            'Troy Tulowitzki on Saturday night, but the back of them read "Tulowizki" instead of '
            '"Tulowitzki."',
        ),
        # Multi-News even half: LFO's Rich Cronin, dead of leukemia at 36, told twice
        (
            "His death comes eight years after band mate Rich Cronin passed away at age 36 after "
            "battling leukemia.",
            "The trio’s lead singer, Rich Cronin, died at age 36 in September 2010 after a long "
            "battle with leukemia.",
        ),
        # TAC 2011: one earthquake, its magnitude and its verb told twice
        (
            "An earthquake, with a magnitude of 7.0, struck Haiti on January 12, killing as much "
            "as 200,000 people and largely destroying the capital Port-au-Prince; another million "
            "have been left without homes.",
            "A 7.0 magnitude earthquake has struck off the coast of Haiti earlier today at 21:53 "
            "UTC, according to the US Geological Survey.",
        ),
    ],
)
def test_the_same_count_with_names_in_common_is_one_fact(first: str, again: str) -> None:
    assert same_fact(sentence_facts(first), sentence_facts(again))


@pytest.mark.parametrize(
    ("first", "other"),
    [
        # TAC 2011: "July 7" is a date, not a count; a court's footage and the bombings differ
        (
            "A court in the United Kingdom has been shown footage of the bombers that attacked "
            "London on July 7, 2005.",
            "The July 7 bombings were a series of coordinated bombings which struck London on "
            "the morning of July 7, 2005.",
        ),
        # Multi-News even half: two wedding statistics that share only years
        (
            "The percentage of couples who used save-the-dates was 75% in 2014, compared with "
            "72% in 2013 and 57% in 2009.",
            "In 2014, 50% of couples had their save-the-dates professionally made, up from 29% in "
            "2009.",
        ),
    ],
)
def test_a_date_or_a_year_in_common_is_no_count(first: str, other: str) -> None:
    assert not same_fact(sentence_facts(first), sentence_facts(other))
    assert not sentence_facts(first).counts & sentence_facts(other).counts


def test_a_number_in_a_name_is_no_count() -> None:
    # TAC 2011
    facts = sentence_facts(
        "A search team from Brazil has recovered a part of the tail section of Air France Flight "
        "447, which crashed in the Atlantic on June 1."
    )
    assert "447" in facts.keys and not facts.counts
    # a capitalised article before the figure is no name: "A 7.0 magnitude earthquake"
    assert (
        "7.0"
        in sentence_facts("A 7.0 magnitude earthquake has struck off the coast of Haiti.").counts
    )


# A second outlet retelling the first with no name or figure of its own: two names in common,
# a third of the content and two stems that are not names, figures nor light verbs.
RETOLD = [
    # Multi-News even half: Kiruna, told by two outlets
    (
        "The city, comfortably within the borders of the Arctic Circle and home to a little more "
        "than 18,000 people, is built on a hill above a vast iron ore mine.",
        "More than 120 miles north of the Arctic Circle lies the city of Kiruna, Sweden, a "
        "charming community of roughly 18,000 that provides 90% of all the iron sold in the "
        "European Union.",
    ),
    # Multi-News even half: the submarine for Flight 370, told by two outlets
    (
        "An unmanned underwater vehicle will be deployed to look for missing Malaysia Airlines "
        "Flight 370 on the floor of the Indian Ocean, Australian authorities said Monday, and "
        "investigators have collected samples from an oil slick discovered in the search area.",
        "Teams searching for the missing Malaysia Airlines plane are to deploy a robotic "
        "submarine for the first time.",
    ),
    # TAC 2011: Rasmussen keeping his lead, told by two reports
    (
        "Michael Rasmussen of Denmark held on to his overall lead, finishing 11th in the stage.",
        "Michael Rasmussen of Denmark kept his overall lead by 2' 23' over Alberto Contador of "
        "Spain.",
    ),
]

NOT_RETOLD = [
    # Multi-News even half: a new event (an arrest) beside the video it follows from
    (
        "The Mannequin Challenge video shows numerous people in possession of several guns.",
        "A gun-wielding Mannequin Challenge video led to the arrest of two men and the seizure "
        "of several firearms and marijuana at a north Alabama home.",
    ),
    # TAC 2011: rain and an aftershock share a place and a day only
    (
        "Heavy rains have started on Wednesday early morning through the most of central and "
        "southern Chile.",
        'A "sudden" and "terrifying" aftershock of the magnitude 8.8, February 27 earthquake hit '
        "central and southern Chile on Wednesday night.",
    ),
    # Multi-News even half: what Trump cited, and what the market did ("President" is a title)
    (
        "President Donald Trump has long cited stock market gains as evidence of the positive "
        "effect of his presidency on the economy, even going as far as to call the stock market "
        "a good report card for his job performance.",
        "President Donald Trump is learning a basic and painful lesson of Wall Street: Stocks "
        "also go down.",
    ),
    # Multi-News even half: the wrong envelope, and the firm's apology for it
    (
        "The presenters for the final award — Warren Beatty and Faye Dunaway — were incorrectly "
        "given the best actress award envelope.",
        "\"We sincerely apologize to 'Moonlight,' 'La La Land,' Warren Beatty, Faye Dunaway, and "
        "Oscar viewers for the error that was made during the award announcement for Best "
        'Picture," a statement from the firm said.',
    ),
]


@pytest.mark.parametrize(("first", "again"), RETOLD)
def test_a_second_outlet_retelling_is_found(first: str, again: str) -> None:
    a, b = sentence_facts(first), sentence_facts(again)
    assert retold(a, b) and retold(b, a)
    assert not same_fact(a, b)  # the older test misses these


@pytest.mark.parametrize(("first", "other"), NOT_RETOLD)
def test_different_facts_about_the_same_names_are_not_retold(first: str, other: str) -> None:
    assert not retold(sentence_facts(first), sentence_facts(other))


def _cluster_view(texts: list[str]) -> ClusterView:
    return prepare([Article(text, id=f"a{k}") for k, text in enumerate(texts)], Components())


def test_retold_joins_sentences_of_different_articles_only() -> None:
    first, again = RETOLD[0]
    method = get_method("concepts")
    for texts, joined in (([first, again], True), ([first + "\n\n" + again], False)):
        view = _cluster_view(texts)
        both = [k for k, c in enumerate(view.candidates) if c.text in (first, again)]
        assert len(both) == 2
        redundant = method.redundant(view, both)  # type: ignore[attr-defined]
        assert bool(redundant[0, 1]) is joined
