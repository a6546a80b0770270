"""Compression deletes only what is safe: never an attribution, never a word of the grammar."""

from __future__ import annotations

import pytest

from newsum.clean import clean_article
from newsum.coherence import leans_on_previous
from newsum.compress import compress
from newsum.types import Article


@pytest.mark.parametrize(
    "sentence",
    [
        # the attribution of a claim stays (Raqqa, DUC): without it a claim reads as fact
        "The Syrian army retook the town of Mayadeen from IS after intense fighting, the "
        "Syrian military said Saturday.",
        "About 300 IS fighters were believed to remain in the city, officials said.",
        # connectives that are part of the grammar stay
        "In addition to the new boarding process, the airline will charge for carry-on bags.",
        "So far, no group has claimed responsibility for the attack on the base.",
        "Further tests showed the water was safe to drink again.",
        "Instead of a vote, the council will hold a hearing next month.",
        # an aside that attributes stays
        "The death toll rose to 40 (according to police) after the storm hit the coast.",
    ],
)
def test_what_is_not_safe_to_delete_stays(sentence: str) -> None:
    assert compress(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "compressed"),
    [
        ("In addition, the airline will charge passengers for carry-on bags.",
         "The airline will charge passengers for carry-on bags."),
        ("But the rebels said they still held the center of the city.",
         "The rebels said they still held the center of the city."),
        ("However, SDF officials deny there are talks to evacuate IS fighters.",
         "SDF officials deny there are talks to evacuate IS fighters."),
        ("The surveys were seized by Sen. Alfonse D'Amato (R-N.Y.) on Monday.",
         "The surveys were seized by Sen. Alfonse D'Amato on Monday."),
    ],
)  # fmt: skip
def test_safe_deletions_are_made(sentence: str, compressed: str) -> None:
    assert compress(sentence) == compressed
    assert set(compressed.lower().split()) <= set(sentence.lower().split())


def test_then_stays_so_that_the_sentence_still_leans_on_the_one_before() -> None:
    # Multi-News even half (the Will Smith shooting): without "Then," the sentence opened a
    # summary, its "more surveillance video" and "the Hummer" introduced nowhere
    text = (
        "Then, near the intersection of Magazine and St. Andrew, more surveillance video captures "
        "the Hummer stopping abruptly after possibly getting bumped from behind by a Mercedes SUV."
    )
    assert compress(text) == text
    assert leans_on_previous(compress(text))


def test_a_sentence_cut_in_lowercase_keeps_its_lowercase() -> None:
    # Multi-News even half: the tail of "... said Frank Niepold, co-chair of ..., who was
    # involved in the three-year effort." split off; capitalised it read as a sentence
    text = "who was involved in the three-year effort."
    assert compress(text) == text
    assert leans_on_previous(compress(text))
    # a connective dropped: the next word opens the sentence
    dropped = compress(
        "And, given the size of California's market, and manufacturers' opposition to distribute "
        "two versions of packaging, the California law could have morphed into de facto national "
        "policy as well."
    )
    assert dropped.startswith("Given the size of California's market")


# Reader-marked sentences of the hand-checked sample (benchmarks/labels/readability_sample.jsonl,
# Multi-News odd half): the dev sets we tune on hold no instrument code and no entity residue in
# a sentence, so these are the only real ones; the rules were written from the codes' format
# (Reuters instrument codes), not fitted to them.
KORS = (
    "U.S. retailer Michael Kors agreed to buy luxury shoemaker Jimmy Choo CHOO.L for $1.2 "
    "billion, snapping up a British company whose towering stilettos have been made famous by "
    "celebrity customers from Princess Diana to Kendall Jenner."
)
COACH = (
    "The move comes two months after rival handbag maker Coach COH.N struck a deal to buy quirky "
    "fashion brand Kate Spade & Co KATE.N, as so-called affordable luxury companies look at new "
    "markets and customer bases to boost flagging sales."
)
PRODIGY = (
    "Prodigy's mother, Fatima Johnson, was a member of the '60s R&B; group The Crystals, and also "
    "served as Mobb Deep's first manager."
)


def test_an_instrument_code_after_a_company_name_goes() -> None:
    assert compress(KORS) == KORS.replace(" CHOO.L", "")
    assert compress(COACH) == COACH.replace(" COH.N", "").replace(" KATE.N", "")
    assert set(compress(KORS).split()) <= set(KORS.split())


def test_initials_and_abbreviations_are_no_instrument_code() -> None:
    # Multi-News even half: "D.C.", "U.S." stay
    dc = (
        "\u201cThis entire matter is under investigation,\u201d D.C. police spokeswoman Gwendolyn "
        "Crump said Thursday, declining to answer questions about the escort."
    )
    assert compress(dc) == dc
    assert compress(KORS).startswith("U.S. retailer")


def test_a_semicolon_an_entity_decoder_left_on_an_ampersand_name_goes() -> None:
    assert compress(PRODIGY) == PRODIGY.replace("R&B;", "R&B")


def test_a_dateline_left_on_an_opening_goes() -> None:
    # Multi-News even half (the Wall Street Journal's "CITY—")
    sentence = (
        "WASHINGTON—An attorney for senior White House aide Jared Kushner said Thursday that Mr. "
        "Kushner would cooperate with any investigations into meetings he had with Russians, amid "
        "a federal probe into Russian interference in the 2016 presidential election."
    )
    assert compress(sentence, first=True) == sentence.removeprefix("WASHINGTON—")
    assert compress(sentence) == sentence  # only an article's first sentence has a dateline
    flint = (
        "Flint \u2014 Sixteen months after it was identified as a likely source of a deadly "
        "Legionnaires\u2019 outbreak, Flint\u2019s water supply still hasn\u2019t been tested for "
        "the Legionella bacteria."
    )
    assert compress(flint, first=True) == flint.removeprefix("Flint \u2014 ")
    # a headline in capitals before a spaced hyphen is no dateline (Multi-News even half)
    headline = (
        "SOME HEDGE FUND TITANS OK WITH HIGHER TAXES - Absolute Return Magazine\u2019s Lawrence "
        "Delevingne: \u201c[N]ot ... all hedge fund managers are opposed to paying more taxes."
    )
    assert compress(headline, first=True).startswith("SOME HEDGE FUND TITANS")


def test_a_dash_a_dateline_left_alone_on_an_opening_goes() -> None:
    # Multi-News even half: the pages kept the dateline's dash, not its place
    weather = (
        "\u2014 For years, the weather has been a scapegoat for allegedly causing cabin-fever "
        "induced spikes in births, and now some in the Washington area are pointing to Congress "
        "to explain packed maternity wards at several local hospitals."
    )
    assert compress(weather, first=True) == weather.removeprefix("\u2014 ")
    assert compress(weather) == weather  # only an article's first sentence has a dateline
    judge = (
        "\u2014 A judge\u2019s act of compassion has a former Fort Bragg soldier promising to get "
        "his life back on track."
    )
    assert compress(judge, first=True) == judge.removeprefix("\u2014 ")
    # an en dash too (Multi-News even half 036, a page's line)
    ticker = "\u2013 Follow the Ticker on Twitter: @PoliticalTicker"
    assert compress(ticker, first=True) == ticker.removeprefix("\u2013 ")
    # an opening hyphen is a bullet: the clean stage strips it, compress leaves it
    arrest = (
        "- Law enforcement officials announced Tuesday night they arrested the mother of a "
        "toddler whose body was found in a wooded area in Pinellas County."
    )
    assert [p.text for p in clean_article(Article(text=arrest)).passages] == [
        arrest.removeprefix("- ")
    ]
    assert compress(arrest, first=True) == arrest
    # a quotation's tail: a name and a comma after the dash (test_coherence.py's Emmys line)
    tail = "\u2014 Claire Danes, asked how she\u2019ll tell her unborn child about her Emmy win."
    assert compress(tail, first=True) == tail


@pytest.mark.parametrize(
    "opening",
    [
        # constructed (the dev sets hold no such opening): a name and an aside between two
        # dashes, and a pair of two-letter names, keep every word
        "Obama \u2014 Biden's former boss \u2014 said he would campaign in Ohio.",
        "Steve Jobs \u2014 The Apple founder \u2014 died in 2011.",
        "US \u2013 China trade talks resumed in Beijing on Monday.",
    ],
)
def test_a_dash_that_is_no_dateline_keeps_its_words(opening: str) -> None:
    assert compress(opening, first=True) == opening


def test_a_code_that_stands_for_the_name_and_a_real_semicolon_stay() -> None:
    # constructed: the code is the sentence's only name of the company; a clause after "S&P;"
    for text in (
        "Shares in BP.L fell 2 percent in London.",
        "He faced charges from the S&P; the case was later dropped.",
    ):
        assert compress(text) == text


def test_a_credit_glued_to_an_articles_first_sentence_is_cut_off() -> None:
    # Multi-News even half (the one on every tune set), and a constructed byline
    caption = (
        "Christina House / For The Times James Price, 22, wears red shoes during a news conference."
    )
    assert compress(caption, first=True) == (
        "James Price, 22, wears red shoes during a news conference."
    )
    byline = "Jane Doe, Business Insider Facebook is buying Oculus VR in a $2 billion deal."
    assert compress(byline, first=True) == "Facebook is buying Oculus VR in a $2 billion deal."
    # not inside an article (the sentence is refused there), nor a name and its apposition
    assert compress(byline) == byline
    apposition = "Michel Camdessus, IMF managing director, predicted world growth of 2.5 percent."
    assert compress(apposition, first=True) == apposition


def test_a_quotation_over_two_sentences_is_not_cut_as_a_glued_tail() -> None:
    """One unit of extraction (``split.quote_units``): cutting at its inner stop would leave
    the quotation open (Multi-News even half, the New York Times on Obama's Zimmerman remarks)."""
    unit = (
        "On the first, Mr. Obama said: “The judge conducted the trial in a professional "
        "manner. The prosecution and the defense made their arguments.”"
    )
    assert compress(unit) == unit


@pytest.mark.parametrize(
    "sentence",
    [
        # an aside after a preposition, an article, a conjunction or a form of "be" is what the
        # sentence needs there (Multi-News even half 151 and 212, DUC 2003 task 3 d104b): cut,
        # it left "and not be, then", "and while their body", "came from attempt"
        "If I say Negro or black boy or slave, if those people cannot take those kind of words "
        "and not be (offended), then Martin Luther King hasn't got his job done yet,\" he told "
        'anchor Chris Cuomo on Friday, adding, "We need to get over this prejudice stuff."',
        "No one before me has ever traveled to this dimension while their cortex was completely "
        "shut down, and (b) while their body was under minute medical observation, as mine was "
        "for the full seven days of my coma.",
        "Post-raid interview summaries include an unnamed FBI agent's explanation that smoke "
        'captured on film "came from (an) attempt to penetrate bunker with one military and two '
        'rounds."',
    ],
)
def test_an_aside_the_grammar_needs_stays(sentence: str) -> None:
    assert compress(sentence) == sentence


def test_an_adverb_aside_after_be_and_an_opening_aside_go_without_a_space_left() -> None:
    # "was (reportedly) killed" reads as "was killed" (constructed); Multi-News even half's
    # transcript line lost its "(LAUGH)" but kept the space after it
    assert (
        compress("The man was (reportedly) killed in the attack on Tuesday.")
        == "The man was killed in the attack on Tuesday."
    )
    assert (
        compress("(LAUGH) Let me just finish up with a couple personal questions.")
        == "Let me just finish up with a couple personal questions."
    )
