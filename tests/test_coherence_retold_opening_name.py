"""One fact told twice about a person both sentences open on: a name that opens a sentence is no
name key of ``facts_of`` (every first word is capitalised), so "Tulowitzki leads ... at .340." and
"Tulowitzki entered ... (.340) ..." shared only the figure; with a count in common and most of the
content, the opening name counts (``coherence._opening_name_shared``, read by ``same_fact``).

Fixture sentences are verbatim from the Multi-News even half (validation clusters with an even
sha1 of their id) and DUC 2003 task 2, each pair from one cluster, with the decision a reader
makes.
"""

from __future__ import annotations

import pytest

from conftest import sentence_facts
from newsum.coherence import same_fact

ONE_FACT = [
    # the batting average, told by both articles (Multi-News even half: one summary held both)
    (
        "Tulowitzki leads the majors in hitting at .340.",
        "Tulowitzki entered Saturday night leading the National League in batting average (.340) "
        "and was third in the NL in home runs (21).",
    ),
    # Xu's years in prison (DUC 2003 task 2)
    (
        "Xu spent 12 years in jail, much of it in solitary confinement.",
        "Xu spent 12 years in prison.",
    ),
    # the security bill's weekly cost (Multi-News even half)
    (
        "Zimmerman is now being protected under a plan that costs $700 a week, O’Mara said.",
        "Zimmerman is currently under private security protection provided by another company at "
        "the cost of $700 a week, O'Mara said.",
    ),
]
TWO_FACTS = [
    # one man, his age, and two things he did or that befell him (Multi-News even half)
    (
        "Hayes, 28, then drew a handgun and shot Smith several times, police said.",
        "Hayes, 28, was arrested Sunday on a charge of second-degree murder and did not enter a "
        "plea during his initial court appearance Sunday.",
    ),
    (
        "Rose is 29 years old and engaged to be married next October.",
        "Officer Collin Rose, 29, died Wednesday from a gunshot wound he suffered during a traffic "
        "stop the previous night, authorities said.",
    ),
]


@pytest.mark.parametrize(("first", "second"), ONE_FACT)
def test_an_opening_name_and_a_count_in_common_tell_one_fact(first: str, second: str) -> None:
    assert same_fact(sentence_facts(first), sentence_facts(second))
    assert same_fact(sentence_facts(second), sentence_facts(first))


@pytest.mark.parametrize(("first", "second"), TWO_FACTS)
def test_the_same_person_and_age_tell_two_facts(first: str, second: str) -> None:
    assert not same_fact(sentence_facts(first), sentence_facts(second))
    assert not same_fact(sentence_facts(second), sentence_facts(first))
