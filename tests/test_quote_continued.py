"""A quotation with no speaker of its own, right after an attributed one, goes on with that
speaker's words and enters a summary only after it (issue 12: web news, where lead keeps such
sentences and ``concepts`` refused them as unattributed).

The texts are verbatim from the Multi-News even half (/work/notes/data/mn_even.jsonl.gz, the
half tuned on): a DNC statement on Trump (line 214 of the sample, one article: its summary
stopped at 206 of 250 words) and a story on a teenager's invention (line 128).
"""

from __future__ import annotations

from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.pipeline import Components, prepare, summarize
from newsum.types import Article

DNC = (
    "Trump contrasted last week's Republican debate hosted by CNBC, which was widely criticized "
    "by conservatives as unprofessional, with the first Democratic debate hosted by CNN last "
    "month. \n \n “In all fairness, she negotiated a great deal for Hillary because they gave "
    "Hillary all softballs. Every ball was a softball,” he said of the Democratic debate. \n \n "
    "\"The Republican front-runner's misogynistic attacks are sadly representative of the GOP's "
    'outdated approach to women and the issues that affect them and their families," Kaylie '
    "Hanson, a DNC spokeswoman, said in a statement. \n \n \n \n \"Whether it's trying to get "
    "between them and their doctor, opposing equal pay for equal work, or using offensive "
    'language, the Republican Party is wrong for women." \n \n The real estate magnate turned '
    "GOP presidential front-runner has been criticized for how he describes women, most notably "
    "by Fox News anchor Megyn Kelly when she moderated the first GOP debate in August."
)
SAID = (
    "\"The Republican front-runner's misogynistic attacks are sadly representative of the GOP's "
    'outdated approach to women and the issues that affect them and their families," Kaylie '
    "Hanson, a DNC spokeswoman, said in a statement."
)
GOES_ON = (
    "\"Whether it's trying to get between them and their doctor, opposing equal pay for equal "
    'work, or using offensive language, the Republican Party is wrong for women."'
)
FENG = (
    'His mother, Maria Feng, remembers that breakthrough. "We were so proud, and we also felt '
    'the power of the invention. The power of the technology. It was such a great moment."'
)


def _view(text: str) -> tuple[Concepts, object, dict[str, int]]:
    view = prepare([Article(text=text)], Components())
    return Concepts(), view, {c.text: i for i, c in enumerate(view.candidates)}


def test_the_spokeswomans_next_words_lean_on_her_attributed_ones() -> None:
    method, view, at = _view(DNC)
    budget = Budget(words=250)
    eligible = method.eligible(view, budget)  # type: ignore[arg-type]
    assert at[GOES_ON] in eligible and at[SAID] in eligible
    links = method.predecessors(view, eligible)  # type: ignore[arg-type]
    assert links[at[GOES_ON]] == at[SAID]
    # at 100 words no quotation enters, so neither does one that goes on
    assert not method.readable(view, Budget(words=100), at[GOES_ON])  # type: ignore[arg-type]
    assert not Concepts(skip_dangling=False).readable(view, budget, at[GOES_ON])  # type: ignore[arg-type]


def test_the_summary_reads_the_speaker_first() -> None:
    texts = [s.text for s in summarize([Article(text=DNC)], words=250).sentences]
    assert GOES_ON in texts
    assert texts.index(SAID) + 1 == texts.index(GOES_ON)
    # with room for the words that go on but not for who said them, neither enters
    tight = Concepts().in_order
    method, view, at = _view(DNC)
    room = Budget(words=view.candidates[at[GOES_ON]].words)  # type: ignore[attr-defined]
    links = method.predecessors(view, [at[SAID], at[GOES_ON]])  # type: ignore[arg-type]
    assert tight(view, room, [at[GOES_ON]], links) == []  # type: ignore[arg-type]


def test_a_quotation_after_a_sentence_that_quotes_no_one_stays_out() -> None:
    # "remembers that breakthrough" names her but quotes nothing: the words that follow are
    # no continuation of an attributed quotation, and the policy's refusal stands
    method, view, at = _view(FENG)
    alone = (
        '"We were so proud, and we also felt the power of the invention. The power of the '
        'technology. It was such a great moment."'
    )
    assert alone in at
    assert not method.readable(view, Budget(words=250), at[alone])  # type: ignore[arg-type]
