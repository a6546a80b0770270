"""A sentence too short to choose enters with the one that leans on it (issue 12: fill the
budget when good sentences remain).

The article is verbatim from the Multi-News even half (/work/notes/data/mn_even.jsonl.gz, line
84; the half tuned on): its lede's second sentence, "Now Tiger Woods is triple-X.", is under
``min_words``, and the third, "A third porn star spewed tawdry tales ...", leans on it ("a
third"). Before, neither could enter, and the summary stopped 33 words under its 250.
"""

from __future__ import annotations

from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.pipeline import Components, prepare, summarize
from newsum.types import Article

TIGER = (
    "DEVONJAMESXXX.COM 'I want you to be my whore' was one text message Florida-based porn star "
    "Devon James says Tiger Woods sent her. \n \n Now Tiger Woods is triple-X. \n \n A third porn "
    "star spewed tawdry tales of threesomes with Woods on Tuesday amid reports that his "
    "still-furious wife may skip his big return to golf. \n \n Devon James, a Florida-based "
    '"adult entertainer," claims she bedded Woods over a 2-1/2-year stretch. \n \n In a radio '
    "interview, she recounted her first meeting with Woods just minutes before a three-way. \n \n "
    'Woods, 34, allegedly paid the two women $2,000 each for what she described as "dirty" sex.'
)
SHORT = "Now Tiger Woods is triple-X."
LEANING = (
    "A third porn star spewed tawdry tales of threesomes with Woods on Tuesday amid reports that "
    "his still-furious wife may skip his big return to golf."
)
TITLE = "Tiger Woods sex scandal update: Porn star Devon James makes 15 mistresses"


def _view() -> tuple[Concepts, object, dict[str, int]]:
    method = Concepts()
    view = prepare([Article(text=TIGER, title=TITLE)], Components())
    at = {c.text: i for i, c in enumerate(view.candidates)}
    return method, view, at


def test_the_short_sentence_is_leant_on_but_not_eligible() -> None:
    method, view, at = _view()
    budget = Budget(words=250)
    usable = method.usable(view, budget)  # type: ignore[arg-type]
    eligible = method.eligible(view, budget, False, usable)  # type: ignore[arg-type]
    assert at[SHORT] not in eligible and at[LEANING] in eligible
    links = method.predecessors(view, eligible)  # type: ignore[arg-type]
    assert links[at[LEANING]] == at[SHORT]
    assert method.short_leant_on(view, False, usable) == {at[SHORT]}  # type: ignore[arg-type]


def test_a_short_sentence_that_leans_itself_is_not_offered() -> None:
    # "It's great." (the Emmys cluster, even half line 11) is short and leans on what came
    # before: it could not stand first, so no sentence brings it in
    text = "Claire Danes won an Emmy on Sunday night for her role in Homeland. It’s great."
    method = Concepts()
    view = prepare([Article(text=text)], Components())
    usable = method.usable(view, Budget(words=250))
    assert method.short_leant_on(view, False, usable) == frozenset()


def test_fill_brings_in_the_short_sentence_with_the_one_leaning_on_it() -> None:
    method, view, at = _view()
    budget = Budget(words=250)
    usable = method.usable(view, budget)  # type: ignore[arg-type]
    eligible = method.eligible(view, budget, False, usable)  # type: ignore[arg-type]
    links = method.predecessors(view, eligible)  # type: ignore[arg-type]
    short = method.short_leant_on(view, False, usable)  # type: ignore[arg-type]
    without = method.fill(view, budget, eligible, links, [])  # type: ignore[arg-type]
    assert at[LEANING] not in without
    filled = method.fill(view, budget, eligible, links, [], None, short)  # type: ignore[arg-type]
    assert at[SHORT] in filled and at[LEANING] in filled
    # the pair enters only whole: with room for the leaning sentence alone, neither does
    tight = Budget(words=view.candidates[at[LEANING]].words)
    alone = method.fill(view, tight, [at[LEANING]], links, [], None, short)  # type: ignore[arg-type]
    assert alone == []


def test_the_one_article_summary_reads_both_in_order() -> None:
    summary = summarize([Article(text=TIGER, title=TITLE)], words=250)
    texts = [s.text for s in summary.sentences]
    assert SHORT in texts and LEANING in texts
    assert texts.index(SHORT) + 1 == texts.index(LEANING)
