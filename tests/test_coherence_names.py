"""Who a summary has introduced: a title before the surname says who the person is.

Fixture sentences are verbatim from Multi-News validation clusters of the even half (Obama's
remarks on Trayvon Martin, 102-521fe74e79), with the decision a reader would make.
"""

from __future__ import annotations

from newsum.coherence import gives_name, unintroduced

PRESIDENT = (
    "President Obama did something Friday that he hardly ever does — and no other president "
    "could ever have done."
)
MISTER = (
    "Mr. Obama’s comments during a surprise appearance at the White House press briefing "
    "crystallized the dissonance around this case."
)


def test_a_title_before_the_surname_gives_the_name() -> None:
    assert gives_name("Barack Obama", PRESIDENT)
    assert gives_name("Barack Obama", "President Barack Obama said in a brief statement.")


def test_a_courtesy_title_or_a_bare_surname_does_not() -> None:
    assert not gives_name("Barack Obama", MISTER)
    assert not gives_name(
        "Barack Obama",
        "Little wonder the right has been actively trying to "
        "drive him from office, even more so than it does Obama.",
    )


def test_the_summary_that_opens_with_the_title_has_introduced_him() -> None:
    names = {"Obama": "Barack Obama"}
    assert unintroduced([PRESIDENT, MISTER], names) == []
    assert unintroduced([MISTER, PRESIDENT], names) == [(0, "Obama")]


# Multi-News even half, line 84 (Libya), article 1, verbatim: the bare surname comes first in
# the article, the sentence that says who he is five paragraphs later.
SPOKE = (
    "Gadhafi spoke hours after reports that Libyan military aircraft fired live ammunition at "
    "crowds of anti-government protesters in Tripoli on Monday."
)
APPEARED = (
    "Libyan leader Moammar Gadhafi appeared for less than a minute Tuesday morning on state "
    "television and made brief remarks to say he was in the capital Tripoli and to deny rumors "
    "he had fled to Venezuela amid the violent revolt against his 41-year rule."
)
OFFICERS = (
    'A group of Libyan army officers issued a statement urging fellow soldiers to "join the '
    'people" and help remove Gadhafi, Al Jazeera reported on Monday.'
)


MISSION = (
    "The staff of Libya's mission to the United Nations declared allegiance to the people of "
    "Libya, instead of to Gadhafi, a spokesman said Monday."
)


def test_a_surname_the_summary_explains_only_later_is_refused() -> None:
    from newsum.methods.base import Budget
    from newsum.methods.concepts import Concepts
    from newsum.pipeline import Components, prepare
    from newsum.types import Article

    text = " \n \n ".join([OFFICERS, SPOKE, APPEARED, MISSION])
    view = prepare([Article(text, id="a0")], Components())
    assert (view.names or {}).get("Gadhafi") == "Moammar Gadhafi"
    method = Concepts()
    eligible = method.eligible(view, Budget(words=250))
    by_start = {view.candidates[i].text[:12]: i for i in eligible}
    spoke, appeared, officers = (
        by_start[SPOKE[:12]],
        by_start[APPEARED[:12]],
        by_start[OFFICERS[:12]],
    )
    # the order stage keeps the article's order: "Gadhafi spoke ..." comes before who he is
    assert method.unintroduced(view, [spoke, appeared], {}) == {spoke}
    # named in passing, as the object of a clause, the reader is not left asking who
    assert method.unintroduced(view, [officers, appeared], {}) == set()
