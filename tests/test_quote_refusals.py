"""The quotation policy's false refusals (benchmarks/refusals.py), on real dev-set sentences.

A complete, attributed quotation is a fine summary sentence when the budget is long enough; a
fragment of a quote never is. Each fixture is verbatim from DUC 2003 task 2, TAC 2011 or the
Multi-News even half, and was refused before by the rule named beside it.
"""

from __future__ import annotations

from newsum.coherence import (
    _named_as,
    attributed,
    quote_allowed,
    quote_role,
    spoken_alone,
    titled,
    whole_sentence,
)
from newsum.split import quote_roles
from newsum.types import Sentence


def test_an_apostrophe_inside_a_hyphenated_word_opens_no_quotation() -> None:
    # DUC 2003 task 2 (d30005t): "-'O" opened a single quotation that ran to the paragraph's
    # end, so the sentence after was read as inside it.
    owhali = [
        "The meeting, which prosecutors said took place in 1996, is reported in a new 48-page "
        "indictment of Al-'Owhali and three others that a federal grand jury in Manhattan "
        "returned Wednesday.",
        "It shows how prosecutors are continuing to build the circumstantial case that bin "
        "Laden, a Saudi businessman in exile, was behind the embassy bombings and other attacks "
        "against Americans stationed abroad in the 1990s.",
    ]
    assert quote_roles(owhali) == ["none", "none"]
    # DUC 2003 task 2: let-'er-rip
    microsoft = [
        "If Microsoft wins, the digital age will unfold as a free-fire zone of let-'er-rip "
        "capitalism, for better or worse.",
        "If Microsoft loses, courts or the antitrust watchdogs may be getting their oars into "
        "such complex matters as product design, for better or worse.",
    ]
    assert quote_roles(microsoft) == ["none", "none"]


def test_a_unit_mark_after_a_number_is_no_quotation() -> None:
    # TAC 2011 (Tour de France stage times): the seconds mark closed a quotation never opened.
    assert quote_roles(
        [
            "Daniele Bennati of Italy won the final stage 20 in a time of 3h 51' 03\".",
            "The two extend their lead on Cadel Evans of Australia by 1' 37\", and more on the "
            "rest of the contenders.",
        ]
    ) == ["none", "none"]
    # and the selection's second look at the marks (``quote_role``) reads it the same way
    stage = "Daniele Bennati of Italy won the final stage 20 in a time of 3h 51' 03\"."
    assert quote_role(Sentence(stage, 0, 0, 0, len(stage))) == "none"
    # A quotation that closes after a figure still closes (DUC 2003 task 2).
    fifty = (
        'Earlier in the day, Noren had said it was a "50-50" chance that the fire was arson, '
        "prompting wide speculation that authorities had tracked down new clues."
    )
    assert quote_roles([fifty]) == ["complete"]


def test_fragments_of_a_quotation_stay_fragments() -> None:
    # DUC 2003 task 2 (d31009t): two sentences of one quotation.
    ciller = [
        '"We are open to any kind of proposal.',
        'We will act constructively," Mrs. Ciller, who commands 99 deputies in the 550-seat '
        "parliament, told reporters.",
    ]
    assert quote_roles(ciller) == ["fragment", "fragment"]
    for text in ciller:
        assert not quote_allowed("fragment", text, 250)


RAILROAD = (
    "Next to her in the living room, half a dozen residents delicately clap their age-worn "
    'hands and sing along to "I\'ve Been Working on the Railroad."'
)  # Multi-News even half
BALI = (
    'This year\'s session of the "United Nations Climate Change Conference", which includes '
    "meetings of the COP and CMP, begins next week in Bali, Indonesia."
)  # TAC 2011


def test_a_quoted_title_is_a_name_at_the_longer_budgets() -> None:
    for text in (RAILROAD, BALI):
        assert quote_roles([text]) == ["complete"]
        assert quote_allowed("complete", text, 250), text
        # at 100 words the policy is unchanged (DUC 2003 task 3 lost R2 8.67 -> 8.58 with
        # titles let in there)
        assert not quote_allowed("complete", text, 100)
    assert titled('"Saving Private Ryan"')
    # someone's words, not a title (Multi-News even half)
    assert not titled("“Gadhafi is not good for Libya.”")
    assert not quote_allowed("complete", "“Gadhafi is not good for Libya.”", 250)
    assert not titled('"Sexiest Man Alive for the year 2012"')


def test_attribution_by_a_participle_or_a_verb_the_speaker_rules_do_not_read() -> None:
    kept = [
        # Multi-News even half
        "“The government’s basic stance is that humanitarian assistance to those who are "
        "vulnerable in North Korea should be continued regardless of political considerations,” "
        "Yonhap quoted a unification ministry official in Seoul as saying.",
        "In 2015, Madsen had sent a text message to two members of the board claiming: “There "
        "is a curse on Nautilus.”",
        # TAC 2011
        "French navy spokesman Hugues du Plessis d'Argentre commented to AFP, \"[I]t's like "
        "trying to find a shoe box in an area the size of Paris, at a depth of 3,000m (9,800ft) "
        'and in a terrain as rugged as the Alps."',
    ]
    for text in kept:
        assert attributed(text), text
        assert quote_allowed("complete", text, 250), text
        assert not quote_allowed("complete", text, 100)  # quotes still wait for the long budget
    # "saying" the noun attributes nothing (Multi-News even half)
    noun = (
        'I am reminded of my favorite saying about technology: "We always overestimate what we '
        'can do in two years, and we underestimate what we can do in ten years."'
    )
    assert not attributed(noun)
    assert not quote_allowed("complete", noun, 250)


def test_describing_in_the_present_attributes_as_the_past_does() -> None:
    # Multi-News even half (the McRibster): "described" attributed, "describes" did not, and
    # the leaning "It looks good but ..." after the first could not enter either
    for text in (
        "McDonald’s describes the McRibster as “juicy pork, bacon, pepper-Jack cheese, and "
        "crunchy iceberg lettuce, red onion, delicious honey-mustard sauce and spicy sweet chili "
        "sauce.”",
        'Eater describes the sandwich as a "deep-fried McRib with bacon on it."',
    ):
        assert attributed(text), text
        assert quote_allowed("complete", text, 250), text
    # the same cluster's quotation with no verb of saying stays out
    bare = (
        "If you've ever eaten a McRib, your first reaction probably wasn't, \"This could really "
        'use some cheese and bacon. And a dip in a deep fryer."'
    )
    assert not quote_allowed("complete", bare, 250)


def test_one_quotation_may_hold_several_of_the_speakers_sentences() -> None:
    # Multi-News even half (the misspelt Tulowitzki jerseys): the usher's three sentences, one
    # quotation, attributed once; a sentence glued after a quotation's close is still glued
    usher = (
        '"Many of the fans got here early. Took the shirt and left. They recognized it was a '
        "collector's item,\" usher Leon Thomas told the AP."
    )
    assert whole_sentence(usher)
    assert quote_allowed("complete", usher, 250)
    # (his next words, closed after their first sentence)
    assert not whole_sentence('"There were only so many handed out." They were gone fast.')
    # and outside quotation marks, as before (Multi-News even half, a local news page)
    assert not whole_sentence(
        "Heavy police presence is expected in Pocono Mountain School District, as they decided "
        "to go back to school today.Their return came after a second possible siting of "
        "suspected cop killer Eric Frein, who has evaded capture now for six weeks."
    )


def test_two_unit_marks_are_no_quotation() -> None:
    # Two stage gaps in one sentence (the Tour de France kind of TAC 2011; review of stop 25):
    # split reads both marks as units, and the selection's second look must agree, or the
    # sentence is a "complete" quotation with no speaker, refused at every budget.
    gaps = (
        'Contador beat Cadel Evans by 23" and Levi Leipheimer by 31" in the closest finish of '
        "the race."
    )
    assert quote_roles([gaps]) == ["none"]
    assert quote_role(Sentence(gaps, 0, 0, 0, len(gaps))) == "none"
    assert quote_allowed("none", gaps, 100)


def test_a_saying_after_an_adjective_is_the_noun() -> None:
    proverb = (
        'There is an old saying: "You can lead a horse to water, but you cannot make it drink."'
    )
    assert not attributed(proverb)


def test_a_text_that_read_the_words_attributes_them() -> None:
    kept = [
        # Multi-News even half (the Onion's Kim Jong Un story; the Oscars envelopes)
        '"Blessed with an air of power that masks an unmistakable cute, cuddly side, Kim made '
        "this newspaper's editorial board swoon with his impeccable fashion sense, chic short "
        'hairstyle, and, of course, that famous smile," both articles read.',
        '"Have your people call our people, we know what to do," the tweet read.',
        # DUC 2003 task 2
        '"We strongly protest the action of the Greek parliamentarians and await the Greek '
        'government decision to clarify its position toward this invitation," the statement '
        "read.",
    ]
    for text in kept:
        assert quote_roles([text]) == ["complete"]
        assert attributed(text), text
        assert quote_allowed("complete", text, 250), text
    # "read" with no quotation before it attributes nothing (Multi-News even half)
    assert not attributed(
        "Only two people know the names of the Oscar winners before the envelopes are opened "
        "and read."
    )


def test_what_a_naming_verb_names_someone_as_is_a_name() -> None:
    # Multi-News even half (the Onion's Kim Jong Un story): an award's name, not words
    onion = (
        "U.S. website The Onion has named North Korean supreme leader Kim Jong Un as the "
        '"Sexiest Man Alive for the year 2012".'
    )
    assert quote_roles([onion]) == ["complete"]
    assert quote_allowed("complete", onion, 250)
    assert not quote_allowed("complete", onion, 100)  # quotes still wait for the long budget
    # what someone denounces a thing as is their words, not a name (DUC 2003 task 2; "Eater
    # describes the sandwich as a ..." names its speaker by the verb:
    # test_describing_in_the_present_attributes_as_the_past_does); words that open in
    # lowercase are woven into the sentence whose clause says whose they are, and enter
    # (test_words_woven_into_the_writers_sentence_need_no_speaker)
    words = (
        "By contrast, Boxer has been on the air for about three weeks, most recently with a "
        '30-second commercial, narrated by actor Martin Sheen, that denounces Fong as "the gun '
        "lobby's favorite candidate\" and touts her support for new bans on assault weapons and "
        "cheap handguns."
    )
    assert quote_roles([words]) == ["complete"]
    assert not _named_as(words)
    assert quote_allowed("complete", words, 250)
    assert not quote_allowed("complete", words, 100)


def test_words_woven_into_the_writers_sentence_need_no_speaker() -> None:
    # Multi-News even half: quoted words that open in lowercase, inside a sentence that opens
    # outside any quotation (the JonBenet Ramsey lede, refused before with the three
    # sentences that lean on it; the Feinstein sentence the NSA cluster's lead keeps)
    for text in (
        "The lawyer for the family of slain child beauty queen JonBenet Ramsey denounced a CBS "
        "documentary theorizing she was killed by her brother, Burke, as a “false and "
        "unprofessional television attack” and threatened to sue the network for libel.",
        "On Monday, Sen. Dianne Feinstein, chairwoman of the Senate Intelligence Committee, "
        'called for a "total review of all intelligence programs" following the Merkel '
        "allegations.",
        "Early Sunday morning, the Safari Park team “made the difficult decision to euthanize "
        "her.”",
    ):
        assert quote_roles([text]) == ["complete"]
        assert quote_allowed("complete", text, 250), text
        assert not quote_allowed("complete", text, 100)  # quotes wait for the long budget
    # a quoted sentence (it opens in capitals) still needs a speaker (Multi-News even half)
    for text in (
        "From a top financial industry source on the ABC interview: “It's like he's channeling "
        "his inner Hugo Chavez.”",
        "Jon Huntsman stuck to Twitter: \"@BarackObama's tired rhetoric & failed policies "
        "haven't worked. My plan will actually create jobs. Join us.\"",
        # an interjection alone outside the marks is no clause of the writer's: the lowercase
        # quotation is a whole sentence (Multi-News even half)
        'Oh well, "we certainly hope he has some fun in the meantime."',
    ):
        assert not quote_allowed("complete", text, 250), text
    # ... while a writer's words outside, however few, weave it in (DUC 2003 task 3, Multi-News
    # even half)
    for text in (
        'He called it "the most important work I\'ve ever done."',
        'Rivers described Price as "mentally challenged."',
        'But providing "aggressive and effective treatment may result in a better long-term '
        'course."',
    ):
        assert quote_allowed("complete", text, 250), text


def test_a_quotation_with_no_word_outside_its_marks_is_spoken_alone() -> None:
    # Multi-News even half (the LFO singer's death): the bandmate's words, attributed, then
    # his next paragraph's words, with no speaker of their own
    said = "“I wish we had better news to share,” Fischetti said in the 2017 video."
    alone = (
        "“It’s devastating news, but at the same time, there’s nobody I know stronger than "
        "Devin Lima. No one has a stronger body, mind or soul.”"
    )
    assert not spoken_alone(said)
    assert spoken_alone(alone)
    assert not quote_allowed("complete", alone, 250)
    # a few quoted words are a name or a quip the policy lets in alone already; a sentence
    # with words outside the marks is not a quotation alone
    assert not spoken_alone('"This is bad news."')
    assert not spoken_alone(
        'Outspent many times over, "we couldn\'t get up on the air," organizer Stacy Malkan '
        "told The Salt when it appeared the measure was going down."
    )
