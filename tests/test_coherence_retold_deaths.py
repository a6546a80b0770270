"""One death told twice: two sentences that tell the same named person dead ("died", "passed
away", "was killed") state one fact, whatever else they add (``coherence.died_persons``, read by
``same_fact`` through ``Facts.outcomes`` as ``held_persons`` is).

Fixture sentences are verbatim from the Multi-News even half (validation clusters with an even
sha1 of their id) and DUC 2003 tasks 2 and 3, each pair from one cluster, with the decision a
reader makes.
"""

from __future__ import annotations

import pytest

from conftest import sentence_facts
from newsum.coherence import died_persons, same_fact

ONE_DEATH = [
    # the LFO singer (Multi-News even half): baseline summary 53 held both
    (
        "LFO singer Devin Lima died on Wednesday, November 21, Us Weekly confirms.",
        "\"It is with a truly broken heart that that I confirm that Harold 'Devin' Lima passed "
        'away early this morning after a valiant battle with cancer," he told E! News in a '
        "statement.",
    ),
    # the Wayne State officer (Multi-News even half)
    (
        "Wayne State University Police K9 Officer Collin Rose has died of injuries sustained when "
        "he was shot in the head while on duty.",
        "Officer Collin Rose, 29, died Wednesday from a gunshot wound he suffered during a "
        "traffic stop the previous night, authorities said.",
    ),
    # the Wayne State officer, his town in apposition (Multi-News even half)
    (
        "Holt said officer Collin Rose, of St. Clair Shores, passed away at 5:35 p.m. Wednesday.",
        "Officer Collin Rose, 29, died Wednesday from a gunshot wound he suffered during a "
        "traffic stop the previous night, authorities said.",
    ),
]

OTHER_FACTS = [
    # a death told inside a clause of another fact (DUC 2003 task 3, d111d)
    (
        "Morgan Pena died a day after the Nov. 2 accident in Hilltown when a driver ran a stop "
        "sign and slammed into her mother's car.",
        "These three cities enacted bans on using cell phones while driving bans this year after "
        "a much-publicized accident last fall in which a 2-year-old, Morgan Lee Pena, was killed "
        "by a driver talking on a cell phone.",
    ),
    # a death as the time of another fact (DUC 2003 task 2, d31013t)
    (
        "The obstetrician, Dr. Barnett Slepian, was killed by a sniper on Friday night at his "
        "home in a Buffalo suburb.",
        "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a "
        "news conference to screen a television advertisement _ made last week, before Slepian "
        "died _ featuring Emily Lyons, a nurse who was badly wounded earlier this year in the "
        "bombing of an abortion clinic in Alabama.",
    ),
    # three rhinos' deaths (Multi-News even half, baseline summary 52)
    (
        "Nola, one of just four endangered northern white rhinos left in the world, died Sunday "
        "at the San Diego Zoo Safari Park.",
        "Noti died in 2007, and Angalifu died last December.",
    ),
    # two singers of one band (Multi-News even half, baseline summary 53)
    (
        "LFO singer Devin Lima died on Wednesday, November 21, Us Weekly confirms.",
        "The trio's lead singer, Rich Cronin, died at age 36 in September 2010 after a long "
        "battle with leukemia.",
    ),
]


@pytest.mark.parametrize(("first", "again"), ONE_DEATH)
def test_one_death_told_twice_is_one_fact(first: str, again: str) -> None:
    assert died_persons(first) & died_persons(again)
    assert same_fact(sentence_facts(first), sentence_facts(again))


@pytest.mark.parametrize(("one", "other"), OTHER_FACTS)
def test_other_deaths_and_clauses_are_not_one_death(one: str, other: str) -> None:
    assert not died_persons(one) & died_persons(other)
    assert not same_fact(sentence_facts(one), sentence_facts(other))


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the surname, not the title before the name
        ("Officer Collin Rose, 29, died Wednesday.", {"death:rose"}),
        ("The obstetrician, Dr. Barnett Slepian, was killed by a sniper.", {"death:slepian"}),
        ("Noti died in 2007, and Angalifu died last December.", {"death:noti", "death:angalifu"}),
        # nobody named (Multi-News even half, baseline summaries 53 and 52)
        ("The 41-year-old died on Wednesday after a yearlong battle with cancer.", set()),
        ("Nola’s death is also a blow to the northern white rhino sub-species.", set()),
        # another clause's death: after "who", and a name opened by "before"
        ("Slepian, who was killed in his kitchen, was a doctor.", set()),
        ("The ad was made last week, before Slepian died.", set()),
        # ... and "after" with words between it and the name (Multi-News even half)
        (
            "His death comes eight years after band mate Rich Cronin passed away at age 36 after "
            "battling leukemia.",
            set(),
        ),
        # a place in apposition is not whom (Multi-News even half)
        (
            "Holt said officer Collin Rose, of St. Clair Shores, passed away at 5:35 p.m. "
            "Wednesday.",
            {"death:rose"},
        ),
        # a place or an institution, not a person: a preposition before the name, or a head
        # noun ending it (DUC 2003 task 2, Multi-News even half)
        (
            "Earlier police said 32 people throughout Poland had died of cold exposure thus far, "
            "but by evening more deaths were reported.",
            set(),
        ),
        (
            "Colin Kroll, the CEO and co-founder of HQ Trivia, has died of an apparent drug "
            "overdose ...",
            set(),
        ),
        (
            "And in July, Nabire, a female northern white rhino living in the Dvur Kralove Zoo, "
            "died at the age of 32.",
            set(),
        ),
        # ... but a name after the place's comma is whom (Multi-News even half, DUC 2003 task 3)
        (
            '"My search ended in Pittsburg, N.H., where Minik died," he said.',
            {"death:minik"},
        ),
        (
            "The boy, Jordan Belliveau, died, and Ms. Stinson was arrested Tuesday and charged "
            "with aggravated child abuse and first-degree murder.",
            {"death:belliveau"},
        ),
        ("According to Smith, Jones was killed.", {"death:jones"}),  # built: a comma between
        # a group, not a person: a count before the name (DUC 2003 tasks 2 and 3)
        (
            "A total of 248 people, including a dozen Americans, were killed in the Nairobi "
            "bombing on Aug. 7.",
            set(),
        ),
        (
            "In the first six months, 22 Bangladeshis were killed in the indiscriminate firing "
            "by the BSF in different frontiers.",
            set(),
        ),
        # built (the review's cases: no such sentence on the tune sets): "has" before "been", a
        # suffix after the name, one name alone before a plural verb
        ("Smith has been killed.", {"death:smith"}),
        ("John F. Kennedy Jr. died.", {"death:kennedy"}),
        ("Martin Luther King Jr. was killed.", {"death:king"}),
        ("Americans were killed.", set()),
        ("Dwight Smith and Kevin Johnson were killed.", {"death:johnson"}),
        # built (stop 35's review): a surname that names a building elsewhere is no place's
        # head noun here (data/place_heads.txt leaves "church" and "temple" out)
        ("Frank Church died of cancer in 1984.", {"death:church"}),
        ("Shirley Temple died at her home in Woodside on Monday.", {"death:temple"}),
    ],
)
def test_whose_death(text: str, dead: set[str]) -> None:
    assert died_persons(text) == dead


# Two people's deaths, each with a town in apposition (built: the review's false positive on
# ordinary reporting, where the town was read as whom)
def test_two_deaths_in_one_town_are_two_facts() -> None:
    one = "John Doe, 45, of Detroit, died Tuesday."
    other = "Mary Roe, 60, of Detroit, died Friday."
    assert died_persons(one) == {"death:doe"}
    assert not died_persons(one) & died_persons(other)
