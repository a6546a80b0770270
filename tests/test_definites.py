"""A definite phrase the reader must have met: "In the affidavit, the police said ..." enters a
summary only after a sentence that mentions the affidavit, or with the one before it in its
article that introduces it.

Sentences verbatim from the Multi-News even half (/work/notes/mn_even.jsonl.gz, the half tuned
on; line 67, the Stinson cluster: articles 4 and 3).
"""

from __future__ import annotations

from newsum.coherence import early_definites
from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.pipeline import Components, prepare
from newsum.represent import ClusterView
from newsum.types import Article

STINSON = (
    "When Charisse Stinson reported her 2-year-old son missing in the Tampa Bay area of Florida "
    "on Sunday, she told the police that a man who had offered her a ride had beaten her "
    "unconscious and taken her child. But Ms. Stinson, 21, later admitted to leaving the child "
    "in a nearby wooded area after she hit him in frustration and his “health declined,” the "
    "police said in an arrest affidavit. The boy, Jordan Belliveau, died, and Ms. Stinson was "
    "arrested Tuesday and charged with aggravated child abuse and first-degree murder. In the "
    "affidavit, the police said that Ms. Stinson admitted growing frustrated with her son after "
    "he hurt his leg and hitting him in the face with the back of her hand early Sunday morning."
)
OTHER = (
    "According to the arrest affidavit, 21-year-old Charisse Stinson told police during "
    'questioning that she struck 2-year-old Jordan Belliveau in the face "during a moment of '
    'frustration" after the child suffered an "unexplained, serious injury" to his right leg.'
)


def test_early_definite_phrases() -> None:
    assert early_definites("In the affidavit, the police said that Ms. Stinson admitted it.") == [
        ("affidavit",)
    ]
    # "The IRA ..." is a name; "the blast" comes within the opening words
    assert early_definites("The IRA claimed responsibility for the blast.") == [("blast",)]
    # the sentence introduces its own phrase, or the phrase needs no introduction
    assert early_definites("A deal was struck, and the deal holds.") == []
    assert early_definites("For the first time, the world saw it.") == []


def _view(*texts: str) -> ClusterView:
    articles = [Article(t, id=f"a{k}") for k, t in enumerate(texts)]
    return prepare(articles, Components())


def test_the_affidavit_needs_the_sentence_that_introduces_it() -> None:
    view = _view(STINSON)
    method = Concepts()
    eligible = method.eligible(view, Budget(words=250))
    texts = {i: view.candidates[i].text for i in eligible}
    later = next(i for i, t in texts.items() if t.startswith("In the affidavit"))
    intro = next(i for i, t in texts.items() if "arrest affidavit" in t)
    needs = method.definite_needs(view, eligible)
    assert [k for _, k in needs[later]] == [intro]
    # read alone it dangles; with its introduction, or after another mention, it does not
    assert method.unintroduced(view, [later], needs) == {later}
    assert method.unintroduced(view, [intro, later], needs) == set()
    # one article: its lead, with the affidavit sentence only after the one it leans on
    picked = method.in_order(view, Budget(words=55), eligible, {}, needs)
    assert later not in picked or intro in picked


def test_another_outlet_that_mentions_the_affidavit_first_introduces_it() -> None:
    view = _view(STINSON, OTHER)
    method = Concepts()
    eligible = method.eligible(view, Budget(words=250))
    texts = {i: view.candidates[i].text for i in eligible}
    later = next(i for i, t in texts.items() if t.startswith("In the affidavit"))
    other = next(i for i, t in texts.items() if t.startswith("According to the arrest"))
    needs = method.definite_needs(view, eligible)
    assert other not in needs  # its own opening introduces the affidavit
    # the order stage puts the other outlet's opening sentence first: the phrase is met
    assert method.unintroduced(view, [other, later], needs) == set()
