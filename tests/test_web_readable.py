"""Web-news defects a reader meets, each with real sentences and the decision a reader makes.

Sentences are verbatim from the Multi-News even half (/work/notes/mn_even.jsonl.gz, the half
tuned on; line numbers given): a person named "Mr. Toon" before (or without) "Al Toon";
a Wikipedia reference mark ("syndrome.[2]"); embedded tweets; an unnamed speaker ("the woman
said"); a connective that points back ("Similarly, ..."); one fact told twice in other words.
"""

from __future__ import annotations

from conftest import sentence_facts
from newsum.coherence import (
    bare_surnames,
    full_names,
    in_signed_tweet,
    leans_on_previous,
    named_as_person,
    same_fact,
    whole_sentence,
)
from newsum.methods.base import Budget
from newsum.methods.concepts import NO_LINK, Concepts
from newsum.pipeline import Components, prepare, summarize
from newsum.types import Article

# line 57: an NFL concussion study (a pasted paper, with reference marks)
TOON = (
    "In 1992 Al Toon, who was a wide receiver for the New York Jets, was the first NFL player "
    "known to have retired because of postconcussion syndrome.[2] The year after Mr. Toon's "
    "retirement, another player, Merrill Hoge of the Chicago Bears, retired because of the same "
    "problem. Commissioner Paul Tagliabue, team physicians, and many others raised questions: "
    "was this a new problem or a misdiagnosed or unrecognized one?"
)
MR_TOON = (
    "The year after Mr. Toon's retirement, another player, Merrill Hoge of the Chicago Bears, "
    "retired because of the same problem."
)


def test_a_courtesy_title_does_not_introduce_a_person() -> None:
    names = full_names([TOON])
    assert names["Toon"] == "Al Toon"
    assert bare_surnames(MR_TOON, names) == ["Toon"]
    assert named_as_person(MR_TOON, "Toon")
    # the sentence that gives the full name needs nothing
    assert bare_surnames(TOON.split(" The year")[0], names) == []


def test_a_surname_opening_an_apposition_names_a_person() -> None:
    # the Sibley nurse cluster (Multi-News even half): "Newman, who ..." is the subject, a
    # person the summary must have introduced; the caption's object is not named as one
    assert named_as_person(
        "Newman, who has been a nurse in Sibley’s Family Centered Care Unit for eight years, is "
        "credited by her fellow nurses with predicting the so-called baby boom.",
        "Newman",
    )
    assert not named_as_person(
        "The caption “Furlough babies????” earned Newman 16 likes, 22 comments and a little "
        "boost in hospital fame come June, when the number of births was on the rise.",
        "Newman",
    )


def test_a_rank_or_a_first_initial_still_names_a_person() -> None:
    # line 57 again: "Commissioner Paul Tagliabue" ... "Commissioner Tagliabue approved"
    names = {"Tagliabue": "Paul Tagliabue"}
    text = (
        "In 1994, Commissioner Tagliabue approved the creation of the NFL's Committee on Mild "
        "Traumatic Brain Injury."
    )
    assert bare_surnames(text, names) == []


def test_a_sentence_with_a_reference_mark_is_refused() -> None:
    first, second = TOON.split("[2] ")[0] + "[2]", "[2] " + MR_TOON
    assert not whole_sentence(first)
    assert not whole_sentence(second)  # nupunkt may put the mark before the next sentence
    assert whole_sentence(MR_TOON)


# the passage with its reference mark taken out, so that the sentence naming Al Toon can enter
TOON_UNMARKED = TOON.replace("[2]", "")


def test_the_sentence_that_names_mr_toon_comes_after_the_full_name_or_not_at_all() -> None:
    view = prepare([Article(TOON_UNMARKED, id="nfl")], Components())
    budget = Budget(words=250)
    method = Concepts()
    eligible = method.eligible(view, budget)
    texts = [view.candidates[i].text for i in eligible]
    mr = next(i for i in eligible if "Mr. Toon" in view.candidates[i].text)
    full = next(i for i in eligible if "Al Toon" in view.candidates[i].text)
    assert method.predecessors(view, eligible)[mr] == full, texts
    # with the sentence that gives the full name out of reach (longer than max_words), the one
    # that says "Mr. Toon" cannot be read: it leans on nothing, and is taken only because no
    # other sentence is left to say anything (``Concepts.select``: a summary rather than none)
    short = Concepts(max_words=20)
    eligible = short.eligible(view, budget)
    assert full not in eligible
    assert short.predecessors(view, eligible)[mr] == NO_LINK
    assert list(eligible) == [mr] and list(short.select(view, budget)) == [mr]
    # beside a sentence that can be read alone it stays out
    other = Article(
        "Merrill Hoge of the Chicago Bears retired in 1994 because of postconcussion syndrome.",
        id="bears",
    )
    pair = prepare([Article(TOON_UNMARKED, id="nfl"), other], Components())
    picked = [pair.candidates[i].text for i in short.select(pair, budget)]
    assert picked and not any("Mr. Toon" in t for t in picked)
    summary = summarize([Article(TOON_UNMARKED, id="nfl")], words=250, trust=False)
    order = [s.text for s in summary.sentences]
    assert order[0].startswith("In 1992 Al Toon") and order[0].endswith("syndrome.")
    assert any("Mr. Toon" in t for t in order[1:])


# line 9: Trump's remarks on the stock market, his tweets embedded among them (verbatim)
TWEETS = (
    'Jan. 24. 2018: \n \n "Our economy is now booming and with all I am doing, will only get '
    'better," Trump tweeted. \n \n Will soon be heading to Davos, Switzerland, to tell the world '
    "how great America is and is doing. Our economy is now booming and with all I am doing, will "
    "only get better...Our country is finally WINNING again! — Donald J. Trump "
    "(@realDonaldTrump) January 25, 2018 \n \n Jan. 23, 2018: \n \n \"You're seeing what's "
    "happening with the stock market. People are appreciating what we're doing,\" Trump said "
    "during an announcement of tariffs on imported solar products and washing machines."
)


def test_the_words_of_an_embedded_tweet_are_not_reporting() -> None:
    inside = TWEETS.index("to tell the world how great America is and is doing.")
    end = TWEETS.index(".", inside) + 1
    assert in_signed_tweet(TWEETS, end)
    # the reporting that quotes the tweet, and the next paragraph, are kept
    assert not in_signed_tweet(TWEETS, TWEETS.index("Trump tweeted.") + len("Trump tweeted."))
    assert not in_signed_tweet(TWEETS, len(TWEETS))
    view = prepare([Article(TWEETS, id="tweets")], Components())
    method = Concepts(min_words=1)
    picked = [view.candidates[i].text for i in method.eligible(view, Budget(words=250))]
    assert not any(t.startswith("Will soon be heading to Davos") for t in picked)
    assert any(t.endswith("Trump tweeted.") for t in picked)


def test_an_unnamed_speaker_or_a_connective_leans_on_the_sentence_before() -> None:
    # line 103, line 12
    assert leans_on_previous(
        "“We will show you many things here,” the woman said, again, without actually using "
        "these words but by driving their conceptual essence directly into me."
    )
    assert leans_on_previous(
        "Similarly, we built tools so millions of people could commit to becoming organ donors "
        "to save others after accidents, and registries saw record increases in sign-ups."
    )
    # kept: line 40, the speaker is said to be a witness who spoke anonymously
    assert not leans_on_previous(
        '"We also heard three strong explosions," said the man who spoke on condition of '
        "anonymity for fear of government reprisal."
    )


def _same(a: str, b: str) -> bool:
    return same_fact(sentence_facts(a), sentence_facts(b))


def test_one_fact_told_twice_in_other_words_is_redundant() -> None:
    # line 24: the Wayne State officer, no name shared by the two
    assert _same(
        "A Wayne State University police officer has died after he was shot in the head Tuesday "
        "night in Detroit, the Wayne State University police Chief Tony Holt confirmed.",
        "Wayne State University Police K9 Officer Collin Rose has died of injuries sustained "
        "when he was shot in the head while on duty.",
    )
    # line 32: Crayola's warning quoted twice (an "approve" predicate, no name)
    assert _same(
        "They are not designed, tested or approved for this purpose.’ \n \n We know coloured "
        "pencils are super cheap, but really girls – please stick to Rimmel.",
        'They are not designed, tested or approved for this purpose."',
    )


def test_different_facts_about_the_same_people_are_kept() -> None:
    # line 109: Kushner under scrutiny / Kushner willing to cooperate
    assert not _same(
        "Jared Kushner, a senior adviser to Donald Trump and the president's son-in-law, is under "
        "scrutiny by the FBI as part of the Russia investigation, it was reported on Thursday "
        "night.",
        "President Donald Trump's son-in-law, Jared Kushner, is willing to cooperate with federal "
        "investigators looking into ties between Russia and the Trump campaign, his attorney "
        "said Thursday.",
    )
    # line 79: two spending bills
    assert not _same(
        "House Republicans unveiled a $1 trillion spending bill setting budgets for hundreds of "
        "government programs in a bid to force U.S. lawmakers to wrap up their work for the year.",
        "The White House wants a short-term spending bill, an idea many Republicans have scoffed "
        "at.",
    )
    # line 88: two arrests of two different men
    assert not _same(
        "Authorities have arrested 49-year-old Kenneth White and charged him with first-degree "
        "possession of marijuana and certain persons forbidden to possess a firearm.",
        "Investigators also arrested 23-year-old Terry Brown and charged him with possession of "
        "drug paraphernalia, loitering and promoting prison contraband.",
    )


# line 84 (the Libya cluster): an article's deck, before its lede retells it
LIBYA_DECK = (
    "Leader appears on state TV briefly to signal defiance in the face of mounting revolt "
    "against his 41-year rule."
)
LIBYA_ARTICLE = (
    LIBYA_DECK + " \n \n There have been widespread reports that Libyan soldiers have used live "
    "ammunition on protesters [Reuters] Libyan leader Muammar Gaddafi has appeared on state "
    "television to signal his defiance in the face of a mounting revolt against his 41-year rule."
)


def test_a_deck_written_as_a_headline_does_not_open_a_summary() -> None:
    from newsum.coherence import headline_deck

    assert headline_deck(LIBYA_DECK, LIBYA_ARTICLE)
    # a lede whose bare subject is a plural (DUC 2003 task 2, d30005t; task 3, d123h) stays
    for lede in (
        "Federal prosecutors in Manhattan said Wednesday that one of the men accused of "
        "conspiring to bomb the U.S. Embassies in Kenya and Tanzania in August had once "
        "discussed the bombings.",
        "Airline pilots typically learn in simulators how to handle engine failure, stormy "
        "winds and other disruptions in flight.",
    ):
        assert not headline_deck(lede, lede + " The prosecutors examined the airline's pilot.")
    view = prepare([Article(LIBYA_ARTICLE, id="a")], Components(), compress=False)
    method = Concepts()
    budget = Budget(words=100)
    texts = {
        view.candidates[i].text: method.readable(view, budget, i)
        for i in range(len(view.candidates))
    }
    assert texts[LIBYA_DECK] is False
