"""A person by first name alone: the summary must have given the full name before.

Fixture sentences are verbatim from Multi-News validation clusters of the even half (the
Oscars' best-picture mix-up, 205-9a633ce1e7; Cliven Bundy's remarks, 151-db94428b14; the
Zimmerman defence's suit, 014-7435d6519b), with the decision a reader would make.
"""

from __future__ import annotations

from newsum.coherence import bare_surnames, full_names, unintroduced

# 205-9a633ce1e7, articles 1 and 7 (sentences of each, in their order)
OSCARS = [
    "And somehow Warren Beatty, Hollywood's ultimate smooth leading man, was at the center of "
    "it, and the accounting firm that is responsible for the integrity of Oscar voting "
    "apologized and was vowing a full investigation. Beatty said backstage. At that point, a "
    'security guard tried to take the real envelope and Beatty said, "Security is not getting '
    'this."',
    "In what was was supposed to just be a memorable movie reunion, Warren Beatty and Faye "
    "Dunaway ended up fumbling the presentation of best picture, as they were apparently "
    "holding the best actress envelope instead. They gave Warren Beatty the wrong envelope. "
    "Faye Dunaway and Warren Beatty emerge from the back of the stage to announce the best "
    "picture win. I wanted to see the card, and Warren refused "
    "to show the card to anybody before he showed it to me.",
]
REFUSED = (
    "I wanted to see the card, and Warren refused to show the card to anybody before he "
    "showed it to me."
)
SOMEHOW = (
    "And somehow Warren Beatty, Hollywood's ultimate smooth leading man, was at the center of "
    "it, and the accounting firm that is responsible for the integrity of Oscar voting "
    "apologized and was vowing a full investigation."
)


def test_a_first_name_alone_maps_to_the_one_full_name_it_opens() -> None:
    names = full_names(OSCARS)
    assert names["Beatty"] == "Warren Beatty"
    assert names["Warren"] == "Warren Beatty"
    assert bare_surnames(REFUSED, names) == ["Warren"]


def test_the_summary_must_give_the_full_name_before_the_first_name() -> None:
    names = full_names(OSCARS)
    assert unintroduced([REFUSED], names) == [(0, "Warren")]
    assert unintroduced([SOMEHOW, REFUSED], names) == []
    assert unintroduced([REFUSED, SOMEHOW], names) == [(0, "Warren")]


# 151-db94428b14, articles 0 and 2: "Paul" is Rand Paul's surname and Paul Ryan's first name;
# it stays the surname of the one, never the first name of the other, and "Paul Ryan" names
# nobody by "Paul" alone.
BUNDY = [
    "Rand Paul, who originally supported Bundy's case, issued a statement Thursday decrying "
    "Bundy's racial comments.",
    "But Bundy’s GOP defenders, including Sens. Dean Heller (Nev.) and Rand Paul (Ky.), "
    "rapidly abandoned him on Thursday following reports of incendiary remarks that the white "
    "rancher made about minorities. "
    "“I’m for obeying the law, and I’m not for a violent outcome,” Paul said Monday. Rep Paul "
    "Ryan (Wis.), the party’s 2012 vice presidential candidate, has revived his practice of "
    "making regular visits to poor areas of inner cities to meet with residents.",
]


def test_a_first_name_that_is_also_a_surname_of_the_cluster_is_no_first_name() -> None:
    names = full_names(BUNDY)
    assert names["Paul"] == "Rand Paul"
    assert names["Rand"] == "Rand Paul"
    said = "“I’m for obeying the law, and I’m not for a violent outcome,” Paul said Monday."
    assert unintroduced([BUNDY[0], said], names) == []
    assert unintroduced(["Rand opposed it."], names) == [(0, "Rand")]


# 014-7435d6519b, article 0: the first name before a middle initial and the surname.
PHONED = (
    "On June 28, according to the suit, O’Mara phoned Chris M. Rumbaugh, an Orlando private "
    "detective and former Orange County deputy, undercover drug agent and SWAT team member."
)


def test_a_first_name_before_an_initial_and_a_surname_is_the_full_name() -> None:
    names = {"Rumbaugh": "Chris Rumbaugh", "Chris": "Chris Rumbaugh"}
    assert bare_surnames(PHONED, names) == []
    assert bare_surnames("Chris refused to say more.", names) == ["Chris"]


def test_a_first_name_that_is_a_place_or_an_adjective_there_is_no_bare_use() -> None:
    # stop 23's review: "Dominican" of "Dominican Republic" (a Multi-News cluster's map), the
    # others constructed; the person's own bare first name is still found
    names = {"Dominican": "Dominican Republic", "Jordan": "Jordan Spieth"}
    assert bare_surnames("He stayed in a Dominican shelter for a week.", names) == []
    assert bare_surnames("Officials in Jordan said the talks failed.", names) == []
    assert bare_surnames("Jordan scored 30 points.", names) == ["Jordan"]
    assert bare_surnames("Jordan told reporters he was tired.", names) == ["Jordan"]
