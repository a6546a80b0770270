"""A sentence that opens on a definite phrase comes after the summary sentence that introduces
its noun.

Sentences verbatim from the Multi-News even half (/work/notes/mn_even.jsonl.gz: the Baltimore
defense attorney, 228-010986b4f4) and DUC 2003 task 2 (d31033t, the Microsoft trial), as the
summaries on main ordered them, with the order a reader needs.
"""

from __future__ import annotations

from newsum.order import definites_after
from newsum.types import Sentence

# 228-010986b4f4, article 2 (its opening, verbatim up to the sentence) and article 0
ARTICLE_2 = (
    "A Baltimore defense attorney was caught on tape telling a rape victim that she could be "
    "deported under President Donald Trump's immigration policies if she showed up in court to "
    "testify against his client, according to court documents filed Wednesday. \n \n "
    "\"You know how things are with Trump's laws now. Someone goes to court and, boom, they get "
    'taken away," Christos Vasiliades allegedly told the victim and her husband during a May 18 '
    "hearing. \n \n Instead of courtroom justice, he offered the couple $3,000, a second-hand "
    "apology and advice that they find the defendant and assault him, the indictment alleged. "
    "\n \n The charges come amid a climate of fear in immigrant communities."
)


def _sentence(text: str, doc: int, index: int, article: str = "") -> Sentence:
    start = article.find(text) if article else 0
    return Sentence(text, doc, index, start, start + len(text))


CAUGHT = _sentence(ARTICLE_2.split(" \n \n ")[0], 2, 0, ARTICLE_2)
CHARGES = _sentence(
    "The charges come amid a climate of fear in immigrant communities.", 2, 5, ARTICLE_2
)
KICK = _sentence(
    '"I think you should find him and kick his ass, personally," the attorney allegedly told '
    "the husband.",
    2,
    20,
)
LITANY = _sentence(
    "Christos Vasiliades faces a litany of charges, including obstruction of justice and "
    "witness intimidation.",
    0,
    1,
)
PLEADED = _sentence("Vasiliades pleaded not guilty to the charges.", 0, 29)


def test_the_charges_come_after_the_sentence_that_states_them() -> None:
    ordered = [CAUGHT, CHARGES, KICK, LITANY, PLEADED]
    assert definites_after(ordered, {2: ARTICLE_2}) == [CAUGHT, KICK, LITANY, CHARGES, PLEADED]


def test_it_never_comes_between_the_introducer_and_its_article_successor() -> None:
    # constructed: "Vasiliades" ... "He" (article 0, sentences 1 and 2) stay together
    after = _sentence("He pleaded not guilty.", 0, 2)
    ordered = [CAUGHT, CHARGES, KICK, LITANY, after]
    assert definites_after(ordered, {2: ARTICLE_2}) == [CAUGHT, KICK, LITANY, after, CHARGES]


def test_a_phrase_its_own_article_told_of_before_stays() -> None:
    # constructed from the same article: had it said "charges" before, "The charges" would be
    # those, whatever another article says
    told = ARTICLE_2.replace("the indictment alleged", "the charges allege")
    charges = _sentence(CHARGES.text, 2, 5, told)
    ordered = [CAUGHT, charges, KICK, LITANY, PLEADED]
    assert definites_after(ordered, {2: told}) == ordered


def test_a_sentence_beside_its_article_neighbour_stays() -> None:
    # "The charges" right after its article's sentence 4 may lean on it
    before = _sentence(ARTICLE_2.split(" \n \n ")[2], 2, 4, ARTICLE_2)
    ordered = [CAUGHT, before, CHARGES, LITANY]
    assert definites_after(ordered, {2: ARTICLE_2}) == ordered


# d31033t (DUC 2003 task 2), articles 2 and 3: another article's "The government's case" is no
# introduction of the case, and the summary's opening sentence is the order's choice.
CASE = _sentence(
    "The government's case against Microsoft is a narrative that revolves around Netscape "
    "Communications Corp. and the government's leading witness, James Barksdale, Netscape's "
    "55-year-old president and chief executive.",
    2,
    0,
)
FOCUSES = _sentence(
    "The government's case focuses largely on the Internet software market and the business "
    "practices Microsoft used in its fight against the Netscape Communications Corp., the early "
    "leader in the browser software used to navigate the World Wide Web.",
    3,
    9,
)


def test_an_owned_noun_introduces_nothing_and_the_opener_stays() -> None:
    assert definites_after([CASE, FOCUSES], {}) == [CASE, FOCUSES]
    assert definites_after([LITANY, CASE, FOCUSES], {}) == [LITANY, CASE, FOCUSES]


def test_a_verb_in_the_opening_phrase_introduces_nothing() -> None:
    # stop 23's review (constructed): "ruled" of "The court ruled" is no noun that "ruled out"
    # introduces
    opener = _sentence("A fire destroyed a shopping mall in Ohio on Sunday.", 0, 0)
    court = _sentence("The court ruled Monday that the mall may reopen.", 1, 3)
    ruled = _sentence("Officials ruled out terrorism, police said.", 2, 1)
    ordered = [opener, court, ruled]
    assert definites_after(ordered, {}) == ordered


def test_it_keeps_what_a_pronoun_after_it_leans_on() -> None:
    # stop 23's review (constructed): moving "The judge ..." on would leave "She called ..."
    # after the opener
    opener = _sentence("A bank manager stole $2 million from his clients.", 0, 0)
    judge = _sentence("The judge sentenced Smith to ten years.", 1, 4)
    she = _sentence("She called the fraud a betrayal.", 1, 7)
    later = _sentence("A federal judge in Ohio heard the case over two weeks.", 2, 2)
    ordered = [opener, judge, she, later]
    assert definites_after(ordered, {}) == ordered


def test_it_never_passes_a_later_sentence_of_its_article_that_leans_on_it() -> None:
    # stop 23's review (constructed): "The owner's lawyer" is the owner "The lawsuit ..." told of
    opener = _sentence("A shopper sued a shopping mall in Ohio on Monday.", 0, 0)
    lawsuit = _sentence("The lawsuit seeks damages from the mall's owner.", 1, 2)
    lawyer = _sentence("The owner's lawyer called the suit baseless.", 1, 6)
    other = _sentence("A lawsuit of this kind is rare, experts said.", 2, 1)
    ordered = [opener, lawsuit, lawyer, other]
    assert definites_after(ordered, {}) == ordered
