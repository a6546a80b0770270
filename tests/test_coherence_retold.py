"""A second outlet's retelling of a fact, found by what it counts: the same figure (not a year,
not a number in a name or date) beside names in common, or beside the same kind of predicate
("struck"), and some shared content.

Fixture sentences are verbatim from the development sets (Multi-News validation, even half;
TAC 2011), with the decision a reader makes.
"""

from __future__ import annotations

import pytest

from newsum.coherence import Facts, facts_of, same_fact
from newsum.represent import PorterStemmer, analyse


def _facts(text: str) -> Facts:
    return facts_of(text, analyse(text, PorterStemmer()).content)


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
    assert same_fact(_facts(first), _facts(again))


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
    assert not same_fact(_facts(first), _facts(other))
    assert not _facts(first).counts & _facts(other).counts


def test_a_number_in_a_name_is_no_count() -> None:
    # TAC 2011
    facts = _facts(
        "A search team from Brazil has recovered a part of the tail section of Air France Flight "
        "447, which crashed in the Atlantic on June 1."
    )
    assert "447" in facts.keys and not facts.counts
    # a capitalised article before the figure is no name: "A 7.0 magnitude earthquake"
    assert "7.0" in _facts("A 7.0 magnitude earthquake has struck off the coast of Haiti.").counts
