"""The literal gates in front of coherence's case-insensitive regexes change no answer.

Each gated test (``about_the_page``, ``whole_sentence``'s link test, the outcome tests) runs
its regex only where one of a list of lowercase words is; every phrase below is one
alternative of a regex, in the case news writes it and in capitals, and must still be found.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsum import coherence
from newsum.coherence import about_the_page, outcome_objects, reports_outcome, whole_sentence
from newsum.coherence import states_before_outcome as before_outcome

RAQQA = Path(__file__).resolve().parents[1] / "examples" / "raqqa"

ABOUT_THE_PAGE = [
    "The video shown here explains it.", "Below is a quick explanation.",
    "See below: the full list.", "Read more on this website today.", "Click here to vote.",
    "Tap on the link to listen.", "Watch the video above for more.",
    "You'll also find a map.", "Web exclusive: the interview.", "Here are 5 things to know.",
    "Here are ten of the best.",
    "A Klansman, far right, holds a flag.",
]  # fmt: skip
BEFORE_OUTCOME = [
    "About 300 fighters were believed to remain in the city.", "The town was expected to fall.",
    "The city is about to be taken.", "Civilians remained trapped in the old city.",
    "Fighters were still holding the stadium.", "It was their last stand.",
    "The final assault began on Sunday.", "Victory was imminent, officials said.",
    "Forces were fast approaching the river.", "Hundreds are still trapped.",
    "The siege has dragged on for months.", "Some 90 percent of Raqqa is now controlled by the SDF.",
    "The SDF is closer to capturing the city.", "Troops were closing in on the airport.",
    "The fall could be days away.",
]  # fmt: skip
OUTCOME = [
    "The SDF has fully captured Raqqa.", "Forces retook the town of Mayadeen.",
    "The militants surrendered on Tuesday.", "The city fell to the coalition.",
    "The hostages were freed at dawn.", "IS lost its de facto capital.",
    "Fighters were driven out of Raqqa.", "The group collapsed after the battle.",
    "The army took full control of the city.",
]  # fmt: skip


def _cases(phrases: list[str]) -> list[str]:
    return [*phrases, *(p.upper() for p in phrases)]


@pytest.mark.parametrize("text", _cases(ABOUT_THE_PAGE))
def test_every_kind_of_page_talk_is_still_found(text: str) -> None:
    assert about_the_page(text)


@pytest.mark.parametrize("text", _cases(BEFORE_OUTCOME))
def test_every_state_before_an_outcome_is_still_found(text: str) -> None:
    assert before_outcome(text)
    assert not reports_outcome(text)


@pytest.mark.parametrize("text", _cases(OUTCOME))
def test_every_outcome_is_still_found(text: str) -> None:
    assert reports_outcome(text)


def test_links_and_closing_stops_are_read_as_before() -> None:
    assert not whole_sentence("Read it at WWW.EXAMPLE.ORG today.")
    assert not whole_sentence("Details: HTTPS://example.org/a.")
    assert not whole_sentence("It ended...")
    assert not whole_sentence("It ended…”")
    assert not whole_sentence("Try to follow along. . . .")  # Multi-News even half
    assert whole_sentence("The count began at 8 a.m. and ended at 5 p.m.")
    assert whole_sentence("(It ended.”)")  # a closing bracket alone is part of an aside
    assert not whole_sentence("It ended.”)")
    assert whole_sentence("Who knew?!")
    # letters IGNORECASE matches that lower() leaves as they are: the regex still decides
    assert about_the_page("Read more on this \u017fite.")


def test_the_gates_agree_with_the_regexes_on_a_real_cluster() -> None:
    sentences = [
        s
        for path in sorted(RAQQA.glob("*.txt"))
        for s in re.split(r"(?<=[.!?\"”])\s+|\n", path.read_text(encoding="utf-8"))
        if s.strip()
    ]
    assert len(sentences) > 100
    found = 0
    for text in sentences:
        before = bool(coherence._BEFORE_OUTCOME.search(text))
        outcome = bool(coherence._OUTCOME.search(text)) and not before
        assert before_outcome(text) == before
        assert reports_outcome(text) == outcome
        assert about_the_page(text) == bool(coherence._ABOUT_THE_PAGE.search(text))
        found += before + outcome
        if not before and coherence._OUTCOME.search(text) is None:
            assert outcome_objects(text) == frozenset()
    assert found > 0  # the cluster has outcomes and states before them: the test reads some


def test_a_cue_is_found_near_the_name_and_far_from_it() -> None:
    near = "The climbers set off at dawn, and the guide who led them, said Lowe, was calm."
    assert coherence._person_cued({"Lowe"}, near) == {"Lowe"}
    # a cue spread over more than the first window tried (a column of spaces): still read
    far = "The report was written by the guide and said" + " " * 70 + "Lowe went up."
    assert coherence._person_cued({"Lowe"}, far) == {"Lowe"}
    assert coherence._person_cued({"Lowe"}, far.replace("said", "sand")) == set()


def test_an_entry_of_a_list_of_people_is_no_sentence() -> None:
    # DUC 2003 task 2 and task 3: a name and an age, then where from or who, and no verb
    assert not whole_sentence("Mohammed Zughayar, 18, of Anata, a refugee camp north of Jerusalem.")
    assert not whole_sentence("Ed Robinson, 57, the director of the school and son of the founder.")
    assert not whole_sentence("John Smith, 21, of 12 Oak Road, Springfield; charged with burglary.")
    assert not whole_sentence("John Smith, 21, Springfield, Ill.")
    # real sentences that open the same way (DUC 2003 task 2 and 3, Multi-News even half, TAC)
    assert whole_sentence("Hugh Short, 62, is at home.")
    assert whole_sentence("John Smith, 21, of Springfield, was charged with burglary.")
    assert whole_sentence("Rachel Aldrich, 3, died last week after drinking a glass of water.")
    assert whole_sentence(
        "Larry Brokahn, 39, of Boca Raton left yellow and purple flowers at the school."
    )
    assert whole_sentence(
        "Antheyst Jarrett, 27, who was arrested the day of the killing, is also facing charges"
        " of witness intimidation and conspiracy to commit murder."
    )
    assert whole_sentence(
        "Sgt. Santos A. Cardona, 31, and Sgt. Michael J. Smith, 24, are alleged to have used the"
        " dogs to threaten and intimidate prisoners."
    )


def test_a_follow_us_promo_speaks_about_the_page() -> None:
    # Multi-News even half: the promo line closing a wedding-cost article
    assert about_the_page("Follow The Knot on Twitter and Instagram @TheKnot.")
    assert about_the_page("Follow us on Facebook.")
    # a sentence of the story that tells of following someone
    assert not about_the_page("Millions follow Trump on Twitter, where he announced the firing.")
    assert not about_the_page("Follow-up tests on Twitter's code found no breach.")


def test_a_web_archive_notice_about_its_crawl_speaks_about_the_page() -> None:
    # Multi-News even half: the Internet Archive's notes left inside scraped pages
    assert about_the_page(
        "Web wide crawl with initial seedlist and crawler configuration from March 2011."
    )
    assert about_the_page(
        "The scope of the crawl was not limited except for a few manually excluded sites."
    )
    assert about_the_page(
        "The WARC files associated with this crawl are not currently available to the general public."
    )
    assert about_the_page("Crawl of outlinks from wikipedia.org started March, 2016.")
    # news about crawling
    assert not about_the_page("Traffic slowed to a crawl on the interstate after the crash.")
    assert not about_the_page("Google's web crawler indexes billions of pages a day.")
