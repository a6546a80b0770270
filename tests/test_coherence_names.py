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
