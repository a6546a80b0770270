"""One arrest told again with a role noun: a second telling often names nobody ("A 20-year-old
man has been charged with murder", "they arrested the mother of a toddler"), and where the
cluster's sentences name one person held it is the hold a named sentence tells
(``coherence.held_roles``, ``coherence.role_held_again``, joined by the concepts method's
``role_holds``). With two people held, "the suspect" may be either: nothing is joined.

Fixture sentences are verbatim from the Multi-News even half (validation clusters with an even
sha1 of their id), each group from one cluster, with the decision a reader makes.
"""

from __future__ import annotations

import pytest

from conftest import sentence_facts
from newsum.coherence import held_persons, held_roles, lede_retold, same_fact
from newsum.methods import get_method
from newsum.methods.concepts import role_holds
from newsum.pipeline import Components, prepare
from newsum.types import Article

# the Brooklyn roof: one brother charged, told by name and by role
SMITH_NAMED = (
    "The brother, identified by the police as Shawn J. Smith, was charged with second-degree "
    "murder."
)
SMITH_ROLES = (
    "An older brother has been charged with second-degree murder in the death of a 4-year-old "
    "boy, who was thrown from a rooftop in Brooklyn.",
    "A 20-year-old man has been charged with murder after telling police he threw his "
    "four-year-old brother off the roof of the family’s seven-story apartment building.",
)
# the Largo toddler: his mother arrested
STINSON_NAMED = (
    "The boy, Jordan Belliveau, died, and Ms. Stinson was arrested Tuesday and charged with "
    "aggravated child abuse and first-degree murder."
)
STINSON_ROLE = (
    "Law enforcement officials announced Tuesday night they arrested the mother of a toddler "
    "whose body was found in a wooded area in Pinellas County."
)
# the car-wash killing: four people arrested, three of them named
CAR_WASH = (
    "Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week on suspicion of murder, "
    "said LAPD Det. Chris Barling.",
    "Kanasho Johns, 27, was arrested in Houston, Texas and is believed to be the shooter.",
    "A fourth person, a 27-year-old woman, was arrested during an initial investigation on "
    "suspicion of witness intimidation and being an accessory after the fact, the detective said.",
)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (SMITH_ROLES[0], {"charge"}),
        (SMITH_ROLES[1], {"charge"}),
        (STINSON_ROLE, {"arrest"}),  # the active "arrested the mother"
        (CAR_WASH[2], {"arrest"}),
        (SMITH_NAMED, set()),  # names whom: held_persons' case
        # a group, not one person
        (
            "Two other men were arrested last week and were charged with murder on June 19, "
            "according to Barling.",
            set(),
        ),
        # "caught on tape" is no hold, and an attorney no role noun
        (
            "A Baltimore defense attorney was caught on tape telling a rape victim that she could be "
            "deported under President Donald Trump's immigration policies if she showed up in court "
            "to testify against his client, according to court documents filed Wednesday.",
            set(),
        ),
        ("Pasztor has not been charged with Macomber’s death.", set()),  # no charge
        (
            "A gun-wielding Mannequin Challenge video led to the arrest of two men and the seizure of "
            "several firearms and marijuana at a north Alabama home.",
            set(),
        ),
        # the role's phrase runs past HELD_ROLE_GAP words: another clause's verb may be the hold
        (
            "The mother of the 2-year-old Largo boy that had been the subject of an Ambert Alert for "
            "several days has been arrested and charged in the boy's death.",
            set(),
        ),
    ],
)
def test_whom_a_sentence_holds_by_role(text: str, kinds: set[str]) -> None:
    assert held_roles(text) == kinds


@pytest.mark.parametrize(
    ("named", "role"),
    [(SMITH_NAMED, SMITH_ROLES[0]), (SMITH_NAMED, SMITH_ROLES[1]), (STINSON_NAMED, STINSON_ROLE)],
)
def test_a_hold_retold_by_role_is_one_fact(named: str, role: str) -> None:
    facts = [sentence_facts(named), sentence_facts(role)]
    assert not same_fact(*facts) and not lede_retold(*facts)  # no other test joins them
    assert role_holds(facts) == [(0, 1)]
    assert role_holds(facts[::-1]) == [(1, 0)]


def test_a_role_is_nobody_in_particular_where_two_people_are_held() -> None:
    facts = [sentence_facts(text) for text in CAR_WASH]
    assert held_roles(CAR_WASH[2]) == {"arrest"}
    assert (
        role_holds(facts) == []
    )  # Smith and Johnson, and Johns: "a 27-year-old woman" is a fourth
    assert role_holds([facts[1], facts[2]]) == [(0, 1)]  # Johns alone: she would be him


def test_a_role_needs_the_same_kind_of_hold() -> None:
    """A charge told by role is not an arrest told by name (the Largo mother's arrest, the
    Brooklyn brother's charge)."""
    assert role_holds([sentence_facts(STINSON_NAMED), sentence_facts(SMITH_ROLES[0])]) == []


def test_the_selection_keeps_one_telling_of_the_charge() -> None:
    articles = [
        Article("A boy died in Brooklyn on Saturday.\n\n" + SMITH_NAMED, id="a0"),
        Article("Police were called to the building.\n\n" + SMITH_ROLES[0], id="a1"),
    ]
    view = prepare(articles, Components())
    both = [k for k, c in enumerate(view.candidates) if c.text in (SMITH_NAMED, SMITH_ROLES[0])]
    assert len(both) == 2
    assert get_method("concepts").redundant(view, both)[0, 1]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # "NAME, AGE, of PLACE": the place is where from, not whom (constructed, as the brief's)
        (
            "Arnold Demoski, 26, of Nulato, was arrested Saturday.",
            {"arrest:arnold", "arrest:demoski"},
        ),
        (
            "Kanasho Johns, 27, was arrested in Houston, Texas and is believed to be the shooter.",
            {"arrest:kanasho", "arrest:johns"},
        ),
    ],
)
def test_a_place_in_apposition_is_not_whom(text: str, held: set[str]) -> None:
    assert held_persons(text) == held


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # "has been charged": read back over the "has" (Multi-News even half, TAC 2011 M001,
        # DUC 2003 task 2 d31050t)
        (
            "Hernandez has been charged with sexual assault on a child, a felony, and sexual "
            "assault with a 10-year age difference.",
            {"charge:hernandez"},
        ),
        ("Khawaja has been charged with seven offences under the new laws.", {"charge:khawaja"}),
        (
            "A third veteran dissident and promoter of the new party, Xu Wenli, has been detained "
            "for weeks in Beijing and is expected to face similar subversion charges.",
            {"arrest:xu", "arrest:wenli"},
        ),
        # the agent of another clause is not whom (DUC 2003 task 2 d30044t: Ocalan, unnamed here)
        (
            "ROME (AP) _ Abdullah Ocalan, leader of Kurdish insurgents who has been sought for years "
            "by Turkey, has been detained in Rome after stepping off a plane from Moscow, Turkish "
            "and Italian officials said Friday.",
            set(),
        ),
        ("Pasztor has not been charged with Macomber’s death.", set()),  # even half: no charge
    ],
)
def test_whom_has_been_held(text: str, held: set[str]) -> None:
    assert held_persons(text) == held


@pytest.mark.parametrize(
    "text",
    [
        # the review's counter-examples (stop 25): someone else held, no custody, a group
        "The suspect's brother was arrested Tuesday.",
        "Police arrested the suspect's father on Monday.",
        "The victim's husband was charged with murder.",
        "Police arrested a man and a woman in connection with the shooting.",
        "The boy was released from the hospital on Friday.",
        "The woman was freed from the rubble after six hours.",
        "The girl was caught by a wave and swept out to sea.",
    ],
)
def test_no_hold_of_the_role(text: str) -> None:
    assert held_roles(text) == frozenset()


def test_a_release_from_custody_is_a_hold() -> None:
    assert held_roles("The suspect was released from jail on Friday.") == {"release"}
    assert held_roles("The snowmobiler responsible was caught by troopers.") == {"arrest"}


def test_two_people_named_leave_the_role_unjoined() -> None:
    two = sentence_facts(
        "Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week on suspicion of murder."
    )
    role = sentence_facts("The suspect was arrested Tuesday.")
    assert role_holds([two, role]) == []
    officers = [
        sentence_facts("Police Officer Brian Smith was charged with murder on Monday."),
        sentence_facts("Officer Tom Jones was charged with murder on Monday."),
        sentence_facts(
            "A 20-year-old man was charged with murder in a separate shooting across town."
        ),
    ]
    assert role_holds(officers) == []


def test_a_place_after_the_is_not_whom() -> None:
    assert held_persons("John Doe, 45, of the Bronx, was arrested.") == {
        "arrest:john",
        "arrest:doe",
    }
    assert held_persons("John Doe, 45, from Nulato, was arrested.") == {"arrest:john", "arrest:doe"}
