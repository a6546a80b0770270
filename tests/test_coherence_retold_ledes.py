"""An article's opening sentence retold by another article: each outlet's lede restates the
event with its own angle, so a lede and a sentence of another article that share a name or
figure and four words of what happened are one fact (``coherence.lede_retold``, applied by the
concepts method where one of the two opens its article).

Fixture sentences are verbatim from the Multi-News even half (validation clusters with an even
sha1 of their id), TAC 2011 and DUC 2003, each pair from two articles of one cluster, with the
decision a reader makes.
"""

from __future__ import annotations

import pytest

from conftest import sentence_facts
from newsum.coherence import lede_retold, retold, same_fact
from newsum.methods import get_method
from newsum.pipeline import Components, prepare
from newsum.represent import ClusterView
from newsum.types import Article

RETOLD_LEDES = [
    # the Kellers' $3.4 million: one article's lede, the other's second sentence
    (
        "Texas will pay $3.4 million to a couple who were wrongfully imprisoned for more than two "
        "decades on prosecutors' claims that they sexually abused children as part of satanic "
        "rituals at a day care they operated.",
        "Dan and Fran Keller, who spent more than 21 years in prison after they were accused of "
        "sexually abusing children during supposed satanic rituals at their South Austin day care "
        "facility, will receive $3.4 million from a state fund for those wrongly convicted of "
        "crimes.",
    ),
    # the Senate's budget plan, passed early Friday
    (
        "The Senate passed a Republican-authored budget plan early on Friday that seeks $5.1 "
        "trillion in domestic spending cuts over 10 years while boosting military funding.",
        "Republicans muscled a balanced-budget plan through the Senate early Friday, positioning "
        "Congress for months of battling President Barack Obama over the GOP's goals of slicing "
        "spending and dismantling his health care law.",
    ),
    # Crayola's warning against pencils as eyeliner
    (
        "The latest bizarre beauty fad involves using coloured pencils as eyeliner and lipstick "
        "– despite warnings from Crayola about possible health risks.",
        "Art supply company Crayola is warning against following the advice of beauty bloggers "
        "who have posted tutorials for using colored pencils as eyeliner.",
    ),
    # polar bears kept "threatened" by the Obama administration
    (
        "The Obama administration reaffirmed Wednesday its decision to designate polar bears as a "
        '"threatened," not "endangered," species, in defiance of the wishes of conservationists '
        "who say the bears are in danger of extinction because their arctic hunting grounds are "
        "melting.",
        "Ignoring calls from environmentalists to revisit the status of the polar bear, the Obama "
        "administration outlined yesterday its legal reasoning for why it should be listed as "
        "threatened under the Endangered Species Act.",
    ),
    # Kushner's attorney: he will cooperate
    (
        "President Donald Trump's son-in-law, Jared Kushner, is willing to cooperate with federal "
        "investigators looking into ties between Russia and the Trump campaign, his attorney said "
        "Thursday.",
        "An attorney for senior White House aide Jared Kushner said Thursday that Mr. Kushner "
        "would cooperate with any investigations into meetings he had with Russians, amid a "
        "federal probe into Russian interference in the 2016 presidential election.",
    ),
    # the Baltimore defence attorney caught pressing the rape victim
    (
        "A Baltimore attorney defending a man accused of rape is now out of jail after "
        "authorities say they caught him trying to bribe the victim and a witness in the case.",
        "A Baltimore defense attorney was caught on tape telling a rape victim that she could be "
        "deported under President Donald Trump's immigration policies if she showed up in court "
        "to testify against his client, according to court documents filed Wednesday.",
    ),
]

DIFFERENT_LEDES = [
    # stop 23's review: a name's parts are no words of what happened. TAC 2011 (M004): the
    # Secretary-General's "Ki-moon" gave "ki" and "moon"; two statements at two times
    (
        "The United Nations secretary-general, Ban Ki-moon says setting greenhouse-gas emission "
        "targets may have to wait until after the U.N. Climate Change Conference being held in "
        "Bali.",
        "The UN secretary general Ban Ki-moon on the other hand welcomed the outcome of the "
        "conference, stating that all of his three benchmarks for success had been reached.",
    ),
    # DUC 2003 task 2 (d30005t): "bin" of "Osama bin Laden"; an embassy bomber's meeting, and
    # Saudi Arabia's charges over another bombing
    (
        "Federal prosecutors in Manhattan said Wednesday that one of the men accused of "
        "conspiring to bomb the U.S. Embassies in Kenya and Tanzania in August had met earlier "
        'with Osama bin Laden, the suspected mastermind of the attacks, and "asked him for a '
        'mission."',
        "Saudi Arabia has never charged bin Laden or anyone else in the 1996 bombing, and any "
        "specific American accusations linking bin Laden to that attack have been spelled out "
        "only in a sealed indictment.",
    ),
    # an MP's bid to change O Canada, and another MP who will not back it: "gender", "lyric",
    # "neutral" in common, and two facts
    (
        "Liberal MP Mauril Belanger is losing his own singing voice but that's not stopping him "
        "from trying -- for a second time -- to change the English lyrics to O Canada to make "
        "the national anthem more gender neutral.",
        "A renewed attempt to make the lyrics of O Canada more gender-neutral won't be supported "
        "by a newly elected Conservative MP in southwestern Ontario.",
    ),
    # the officer's death, and a suspect's plea days later: two events
    (
        "A Wayne State University police officer has died after he was shot in the head Tuesday "
        "night in Detroit, the Wayne State University police Chief Tony Holt confirmed.",
        "A Detroit man pleaded not guilty Friday to murder charges and other offenses in "
        "connection with the shooting death of a Wayne State University police officer.",
    ),
    # two critics of one speech: "last week" is all they share
    (
        "Newt Gingrich says President Barack Obama's address last week on counterterrorism was "
        '"naive."',
        'Sen. Lindsey Graham said Sunday President Barack Obama was "tone deaf" in his speech '
        "last week reworking the war on terror.",
    ),
]


@pytest.mark.parametrize(("first", "again"), RETOLD_LEDES)
def test_two_ledes_telling_one_event_are_one_fact(first: str, again: str) -> None:
    a, b = sentence_facts(first), sentence_facts(again)
    assert lede_retold(a, b)
    assert not same_fact(a, b) and not retold(a, b)  # no other test joins them


@pytest.mark.parametrize(("first", "other"), DIFFERENT_LEDES)
def test_ledes_sharing_names_and_a_few_words_are_kept(first: str, other: str) -> None:
    assert not lede_retold(sentence_facts(first), sentence_facts(other))


def _cluster_view(texts: list[str]) -> ClusterView:
    return prepare([Article(text, id=f"a{k}") for k, text in enumerate(texts)], Components())


OPENERS = (
    "Lawmakers worked through the night on Thursday as the session neared its end.",
    "Democrats had warned for weeks that the vote would be close.",
)


def test_only_a_lede_is_read_as_retold() -> None:
    first, again = RETOLD_LEDES[1]  # the Senate's budget plan
    method = get_method("concepts")
    cases = (
        ([first, again], True),  # each opens its article
        ([first, OPENERS[1] + "\n\n" + again], True),  # one opens its article
        ([OPENERS[0] + "\n\n" + first, OPENERS[1] + "\n\n" + again], False),  # neither does
        ([first + "\n\n" + again], False),  # one article
    )
    for texts, joined in cases:
        view = _cluster_view(texts)
        both = [k for k, c in enumerate(view.candidates) if c.text in (first, again)]
        assert len(both) == 2
        redundant = method.redundant(view, both)  # type: ignore[attr-defined]
        assert bool(redundant[0, 1]) is joined
