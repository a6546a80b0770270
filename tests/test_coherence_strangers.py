"""People the cluster never introduces: a courtesy title says no more than a bare surname.

Fixture sentences are verbatim from the dev sets (DUC 2003 task 2 d31013t, Slepian's murder;
task 3 d103b, online auctions, and d109d, an E. coli outbreak; the Multi-News even half,
4-c900d6ce36, a Sunday-show transcript, and 2-6fcbc68286 / 6-6db326a658 for names with an
apostrophe or a hyphen), with the decision a reader would make.
"""

from __future__ import annotations

from newsum.coherence import (
    full_names,
    names_a_stranger,
    speakers,
    unintroduced_speakers,
)
from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.pipeline import Components, prepare
from newsum.types import Article

# d31013t: the article calls her "Sharon Ashley", then "Ms. Ashely": nobody the reader met
ASHLEY = (
    "Sharon Ashley, 43, recalled that teen-age a friends showed up at the clinic about a year "
    "ago, only to be confronted by anti-abortion protesters who convinced her to keep the baby."
)
ASHELY = (
    "``They told her that they would help her,'' Ms. Ashely said of the anti-abortion protesters."
)
# d31013t: the clinic's spokeswoman, named in full elsewhere in the cluster
WARD_FULL = (
    "Susan Ward, a spokeswoman for Buffalo GYN Women's Services, the private clinic where "
    "Slepian performed abortions, said the National Abortion Federation had faxed a warning to "
    "the clinic Friday morning reminding them about the four-year pattern of attacks."
)
WARD_SAID = "Ms. Ward said the fax was sent to Slepian at his private office in Amherst."
WARD_ROLE = (
    "Ms. Ward, the clinic spokeswoman, said he had worked at that and other clinics for 15 years."
)
# 4-c900d6ce36: the transcript never gives either leader's first name
LEADERS = (
    "I visited in-- in-- in Virginia, but also-- some that I've visited-- between Kentucky and "
    "Ohio, where-- both-- Mr. Boehner and Mr. McConnell hail from-- those are projects that "
    "need to happen anyway."
)


def test_a_surname_only_a_courtesy_title_gives_is_a_stranger() -> None:
    strangers = unintroduced_speakers([ASHLEY, ASHELY])
    assert strangers == {"Ashely"}
    assert names_a_stranger(ASHELY, strangers)
    assert not names_a_stranger(ASHLEY, strangers)
    both = unintroduced_speakers([LEADERS, "Republicans control the House and the Senate."])
    assert both == {"Boehner", "McConnell"}
    assert names_a_stranger(LEADERS, both)


def test_a_full_name_anywhere_in_the_cluster_introduces_the_courtesy_title() -> None:
    assert not unintroduced_speakers([WARD_FULL, WARD_SAID, WARD_ROLE])


def test_a_role_in_the_same_sentence_says_who_the_stranger_is() -> None:
    # with the first mention lost, "Ms. Ward said ..." cannot be read, but the sentence that
    # calls her the clinic spokeswoman can
    strangers = unintroduced_speakers([WARD_SAID, WARD_ROLE])
    assert strangers == {"Ward"}
    assert names_a_stranger(WARD_SAID, strangers)
    assert not names_a_stranger(WARD_ROLE, strangers)
    # a role noun before the name does too; a phrase before it that is no role does not
    assert not names_a_stranger(
        "A clinic spokeswoman, Ms. Ward, said he had worked there.", strangers
    )
    assert names_a_stranger("After the meeting, Ms. Ward said he had worked there.", strangers)


def test_the_eligible_sentences_leave_out_the_stranger_and_keep_the_role() -> None:
    view = prepare([Article(f"{WARD_SAID} {WARD_ROLE}\n\n{ASHELY}", id="d31013t")], Components())
    texts = [view.candidates[i].text for i in Concepts().eligible(view, Budget(words=250))]
    assert not any(t.startswith("Ms. Ward said") for t in texts), texts
    assert not any("Ashely" in t for t in texts), texts
    assert any(t.startswith("Ms. Ward, the clinic spokeswoman") for t in texts), texts


def test_names_with_an_apostrophe_or_a_hyphen_are_one_surname() -> None:
    # 2-6fcbc68286 / d109d / d103b: the speaker is the whole surname, never part of it
    assert speakers(
        '"He would certainly have had a political reason to make a statement," O\'Grady said.'
    ) == {"O'Grady"}
    assert speakers(
        "The bacteria has some of the characteristics of E. coli O157:H7,\nwhich killed more "
        "than a dozen people on the West Coast six years\nago, but it doesn't appear to be the "
        "same one, Bergmire-Sweat said."
    ) == {"Bergmire-Sweat"}
    said = (
        "``In a way, the auctioning is like a new form of classified\nadvertising,'' said "
        "Lucking-Reiley."
    )
    assert speakers(said) == {"Lucking-Reiley"}
    # d103b: wire copy wraps the line inside the full name; the speaker is introduced
    full = (
        "``From a consumer standpoint, auction activity on the Internet\nhas been particularly "
        "successful in moving used goods,'' said David\nLucking-Reiley, a specialist in auction "
        "activity at Vanderbilt\nUniversity."
    )
    assert not unintroduced_speakers([full, said])
    assert unintroduced_speakers([said]) == {"Lucking-Reiley"}
    # a curly apostrophe is the same name; a courtesy title takes the whole of it
    assert unintroduced_speakers(["Ms. O’Grady said the plan would fail."]) == {"O’Grady"}
    # 6-6db326a658: a hyphenated surname maps to its full name like any other
    dacey = (
        "\"These really seem to be last, desperate acts. If you're bombing your own capital, "
        "it's really hard to see how you can survive, \" said Julien Barnes-Dacey, Control "
        "Risks' Middle East analyst."
    )
    assert full_names([dacey]).get("Barnes-Dacey") == "Julien Barnes-Dacey"


def test_an_age_alone_is_no_role_and_a_paragraph_break_ends_a_quotes_speaker() -> None:
    # even half 3-bbfbe8642b (the Harding sisters): an age and a role say who; an age alone not
    sisters = frozenset({"Serennah", "Rosannah"})
    assert not names_a_stranger(
        '"It became a dream of our own individually," said Serennah, 23, a U.S. Navy doctor '
        "who's in her internal medicine internship at Walter Reed.",
        sisters,
    )
    assert names_a_stranger(
        '"It\'s not really a pushing environment," said Rosannah, 24, of growing up Harding.',
        sisters,
    )
    # even half 7-172421d2ac (a flood): the quotation ends one paragraph, "Forecasters" opens
    # the next; nobody called Forecasters speaks
    flood = (
        "\"I was bound and determined,\" she said. \"I don't care. I said, 'It's just dirt. We "
        "can move it.'\"\n\nForecasters said scattered storms were "
        "in today's forecast, but the worst part of the storm will likely to be south and east of "
        "the Souris River Basin."
    )
    assert "Forecasters" not in unintroduced_speakers([flood])


def test_an_opening_subject_or_a_stated_role_is_no_stranger_quoted() -> None:
    # stop 23's review, constructed from what it found: an agency the cluster writes only as
    # "the official Tass news agency" opening a sentence, a role stated with "is", a role noun
    # or a party after the comma
    strangers = frozenset({"Tass", "Romney", "Ward"})
    assert not names_a_stranger("Tass did not give details of Gorbachev's suggestion.", strangers)
    assert not names_a_stranger(
        "Mr. Romney is the Republican Party candidate for president.", strangers
    )
    assert not names_a_stranger("Ms. Ward, spokeswoman for the clinic, said so.", strangers)
    assert not names_a_stranger("Ms. Ward, D-Ohio, said the bill would pass.", strangers)
    assert names_a_stranger("Ms. Ward said the plan would fail.", strangers)
    # a title without its stop is no surname ("By the way Mr Speaker, it is 2016")
    assert unintroduced_speakers(["By the way Mr Speaker, it is 2016, he said."]) == frozenset()
