"""A photo credit or byline glued to a sentence with no stop: not a whole sentence.

Fixture sentences are verbatim from the dev sets (Multi-News even half 1-f7123421e1, a shooting
over red shoes; DUC 2003 task 2 d30048t; TAC 2011 M005; Multi-News even half 2-9fec6cd420),
with the decision a reader would make.
"""

from __future__ import annotations

import pytest

from newsum.coherence import opens_with_credit, whole_sentence
from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.pipeline import Components, prepare
from newsum.types import Article

CAPTION = (
    "James Price, 22, wears red shoes with red laces during a news conference announcing "
    "multiple arrests in the shooting death of his brother Tavin Price, who was shot May 29 "
    "after being questioned by his assailants about his red shoes."
)
CREDITED = "Christina House / For The Times " + CAPTION  # as the page's text runs them together


def test_a_credit_glued_to_the_sentence_is_refused() -> None:
    assert opens_with_credit(CREDITED)
    assert not whole_sentence(CREDITED)
    assert whole_sentence(CAPTION)  # the credit, not the caption's words, is what is refused
    view = prepare([Article(CREDITED, id="red-shoes")], Components())
    eligible = Concepts().eligible(view, Budget(words=250))
    assert not any("Christina House" in view.candidates[i].text for i in eligible)


@pytest.mark.parametrize(
    "text",
    [
        # a name, an apposition and a verb: no credit
        "Michel Camdessus, IMF managing director, predicted world growth of around 2.5 percent "
        "in 1999, creeping up from the recently revised-down figure for this year of 2 percent.",
        "Sergio Barrientos, Director of University of Chile Seismologic Service said that it is "
        'a "late aftershock" of the February earthquake.',
        "John Fuller, Hayes' attorney, said Monday that Hayes felt threatened and plans to plead "
        "not guilty.",
        # stop 23's review: a Multi-News sentence (a time phrase, then a title), and a
        # constructed title-case role after an outlet's name
        'On Wednesday, White House Press Secretary Sarah Sanders said Trump has "made very well '
        'clear" his position.',
        "Mark Thompson, Times Chief Executive, said the paper would keep its paywall.",
    ],
)
def test_a_name_and_its_apposition_is_no_credit(text: str) -> None:
    assert not opens_with_credit(text)
    assert whole_sentence(text)
