"""One arrest told twice: two sentences that tell the same named person arrested, charged or
released from custody state one fact, whatever else they add in passing (``coherence.held_persons``,
read by ``same_fact`` through ``Facts.outcomes``).

Fixture sentences are verbatim from the Multi-News even half (validation clusters with an even
sha1 of their id) and DUC 2003 task 2, each pair from one cluster, with the decision a reader
makes.
"""

from __future__ import annotations

import pytest

from conftest import sentence_facts
from newsum.coherence import held_persons, same_fact
from newsum.methods import get_method
from newsum.pipeline import Components, prepare
from newsum.types import Article

ONE_ARREST = [
    # the suspected gunman of the red-shoes killing (Multi-News even half): a summary held both
    (
        "Johns was taken into custody Tuesday near Houston on a murder warrant, Barling said.",
        "Kanasho Johns, 27, was arrested in Houston, Texas and is believed to be the shooter.",
    ),
    (
        "The suspected gunman, identified by police as 27-year-old Kanasho Shadrick Johns, was "
        "arrested Tuesday morning outside Houston, Texas, police said.",
        "A spokeswoman for the FBI's Los Angeles office said Kanasho Shadrick Johns was arrested "
        "by an FBI Task Force in Houston, and was in jail in Montgomery County, Texas.",
    ),
    # the same cluster: two men named together, then one of them
    (
        "Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week on suspicion of murder, "
        "said LAPD Det. Chris Barling.",
        "A day later, Kevin Johnson, 25, also was arrested on suspicion of murder.",
    ),
    # one charge told by two outlets (Multi-News even half, the Brooklyn roof)
    (
        "The brother, identified by the police as Shawn J. Smith, was charged with second-degree "
        "murder.",
        "Smith was charged with second-degree murder, accused of throwing the Shimron off the roof "
        "of the seven-story apartment building.",
    ),
    # the PKK leader in Rome (DUC 2003 task 2, d30044t)
    (
        "Abdullah Ocalan was arrested after stepping off a plane from Moscow, where he had sought "
        "asylum after recently fleeing his hideout in Syria, Turkish and Italian officials said "
        "Friday.",
        "Italy announced that Ocalan was arrested on arrival at Rome's airport Thursday on the "
        "basis of an outstanding Turkish warrant.",
    ),
]

OTHER_FACTS = [
    # one charge, and a charge not brought (Multi-News even half, Fort Wayne)
    (
        "WANE reports that Amber Pasztor was charged with criminal trespassing back in late July.",
        "Pasztor has not been charged with Macomber’s death.",
    ),
    # two arrests of two people of one name, years apart (Multi-News even half, Baltimore)
    (
        "Vasiliades was arrested Tuesday afternoon in the hallway of the Courthouse East "
        "building, as the trial of his client, Mario Aguilar-Delosantos, was set to start, "
        "according to the sheriff's office and court records.",
        "In 2015, then-Sip & Bite owner Anthony Vasiliades was arrested and pleaded guilty in "
        "U.S. District Court in Virginia after giving $50,000 cash to a government cooperator in "
        "exchange for two kilograms of cocaine.",
    ),
    # two different men arrested, one detective quoted on both (Multi-News even half)
    (
        "Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week on suspicion of murder, "
        "said LAPD Det. Chris Barling.",
        "Johns was taken into custody Tuesday near Houston on a murder warrant, Barling said.",
    ),
    # a county's records of one man, and another man's arrest (the same cluster)
    (
        "County inmate records indicated Johnson was arrested June 17 and was being held on $2.09 "
        "million bail.",
        "Montgomery County inmate records showed Johns was taken into custody in city of Conroe "
        'has an alias of "S-Bone."',
    ),
]


@pytest.mark.parametrize(("first", "again"), ONE_ARREST)
def test_one_named_person_arrested_twice_is_one_fact(first: str, again: str) -> None:
    assert held_persons(first) & held_persons(again)
    assert same_fact(sentence_facts(first), sentence_facts(again))
    assert same_fact(sentence_facts(again), sentence_facts(first))


@pytest.mark.parametrize(("first", "other"), OTHER_FACTS)
def test_other_arrests_are_kept(first: str, other: str) -> None:
    assert not same_fact(sentence_facts(first), sentence_facts(other))


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (ONE_ARREST[0][0], {"arrest:johns"}),  # "near Houston" is where, not whom
        (ONE_ARREST[0][1], {"arrest:kanasho", "arrest:johns"}),  # read back over the age
        (OTHER_FACTS[3][0], {"arrest:johnson"}),  # not "County", the sentence's first word
        ("Police arrested Arnold Demoski on Saturday.", {"arrest:arnold", "arrest:demoski"}),
        ("Mandela was released from prison in 1990.", {"release:mandela"}),  # constructed
        ("Police arrested Smith's brother on Friday.", set()),  # not Smith (stop 23's read)
        (OTHER_FACTS[0][1], set()),  # "has not been charged": nobody charged
        ("Police in Ohio arrested two men.", set()),  # nobody named
        ("The fifteen British navy personnel detained by Iran landed at Heathrow.", set()),
        # a place right after a preposition is where, not whom (Multi-News even half, TAC 2011)
        (
            "Aguilar-Delosantos, of the unit block of South Broadway in Fells Point, is charged "
            "with second-degree rape, third- and fourth-degree sex offenses, and second-degree "
            "assault.",
            set(),
        ),
        (
            "The London bomb suspect, Hussain Osman, also known as Hamdi Issac, has arrived in "
            "London and been arrested following his extradition from Italy.",
            set(),
        ),
    ],
)
def test_whom_a_sentence_tells_arrested(text: str, held: set[str]) -> None:
    assert held_persons(text) == held


def test_the_selection_keeps_one_telling_of_the_arrest() -> None:
    first, again = ONE_ARREST[0]
    articles = [
        Article("Police named three suspects in the killing on Tuesday.\n\n" + first, id="a0"),
        Article("Los Angeles police say they have arrested four people.\n\n" + again, id="a1"),
    ]
    view = prepare(articles, Components())
    both = [k for k, c in enumerate(view.candidates) if c.text in (first, again)]
    assert len(both) == 2
    redundant = get_method("concepts").redundant(view, both)  # type: ignore[attr-defined]
    assert redundant[0, 1]
