"""A person named by surname alone comes after, or with, the sentence that gives the full name.

Fixture sentences are verbatim from Multi-News validation clusters (the Pittsburgh teacher
Geraldine Alcorn; the climbers Alex Lowe and David Bridges found on Shishapangma), with the
decision a reader would make.
"""

from __future__ import annotations

from newsum.coherence import bare_surnames, full_names, unintroduced
from newsum.order import order_sentences
from newsum.types import Article, Document, Passage, Sentence

ALCORN_INTRO = (
    "Twenty-eight-year-old Geraldine Alcorn was arraigned Wednesday on charges of child luring, "
    "corruption of minors and attempting to interfere with custody of the child."
)
ALCORN_BARE = "Alcorn also allegedly brought the girl to her own home at some point."
ALCORN_OPENING = (
    'A former Pittsburgh elementary school teacher is accused of being "obsessed" with one of her '
    "11-year-old students, sending the girl thousands of text messages over a period of two "
    "weeks, and planning to run away with her."
)
LOWE_ARTICLE = [
    "It was only when they got back to base camp after their failed attempt that they thought "
    "the bodies may have been of Alex Lowe and David Bridges, who were swept away by an "
    "avalanche in 1999.",
    "Lowe was regarded as the world's greatest mountain climber when he was swept to his death "
    "at age 40.",
    "Lowe, who was 40 at the time of his death, was regarded as the best American mountaineer "
    "of his generation.",
    "A charity run by Lowe’s widow, Jenni Lowe-Anker, announced the find on May 2.",
]
LOWE_BARE = LOWE_ARTICLE[1]


def _document(index: int, sentences: list[str]) -> Document:
    text = " ".join(sentences)
    return Document(Article(text, id=f"d{index}"), index, (Passage(text, tuple(range(len(text)))),))


def test_full_names_are_read_from_the_cluster() -> None:
    names = full_names([*LOWE_ARTICLE, ALCORN_INTRO, ALCORN_BARE, "Alcorn said nothing."])
    assert names["Lowe"] == "Alex Lowe"
    assert names["Alcorn"] == "Geraldine Alcorn"


def test_words_that_are_not_a_persons_name_are_no_full_name() -> None:
    # Multi-News even half: "Black Monday" (the day, used alone too), "Austrian German" (a
    # language, never "German said"), "Rockies All-Star".
    texts = [
        "A global market sell-off accelerated Monday, the worst day since Black Monday.",
        "On Monday, the Dow fell 1,000 points.",
        "The editors have a solid background in Austrian German and disagree with Google.",
        "The German word is older.",
        "The Colorado Rockies All-Star shortstop Troy Tulowitzki was not amused.",
        # DUC 2003: "in Although Chile" came of reading "Although Chile" as a full name.
        "Although Chile and Argentina sought him, Pinochet stayed in London.",
        "Chile said it would appeal.",
    ]
    names = full_names(texts)
    assert "Monday" not in names and "German" not in names and "All-Star" not in names
    assert "Chile" not in names


def test_a_surname_alone_before_its_full_name_is_unintroduced() -> None:
    names = {"Alcorn": "Geraldine Alcorn", "Lowe": "Alex Lowe"}
    assert bare_surnames(ALCORN_BARE, names) == ["Alcorn"]
    assert bare_surnames(ALCORN_INTRO, names) == []
    assert bare_surnames("Sen. Lowe said he was a friend.", names) == []  # a rank says who
    # a courtesy title does not: "Mr. Hjort said" still leaves the reader asking who he is
    assert bare_surnames("Mr. Lowe said he was a friend.", names) == ["Lowe"]
    assert unintroduced([ALCORN_BARE, ALCORN_INTRO], names) == [(0, "Alcorn")]
    assert unintroduced([ALCORN_INTRO, ALCORN_BARE], names) == []


def test_order_puts_the_block_that_introduces_a_person_first() -> None:
    # Article 1 opens with the event but names the teacher only by surname; article 0
    # introduces her: it goes first.
    documents = [
        _document(0, ["Police said something.", ALCORN_INTRO, "Alcorn said nothing."]),
        _document(1, [ALCORN_OPENING, "More here.", ALCORN_BARE]),
    ]
    sentences = [
        Sentence(ALCORN_OPENING, 1, 0, 0, 1),
        Sentence(ALCORN_BARE, 1, 2, 0, 1),
        Sentence(ALCORN_INTRO, 0, 1, 0, 1),
    ]
    ordered = [(s.doc, s.index) for s in order_sentences(sentences, documents)]
    assert ordered == [(0, 1), (1, 0), (1, 2)]
    # Without the introducing sentence the event still comes first, in its article's order.
    alone = order_sentences(sentences[:2], documents)
    assert [(s.doc, s.index) for s in alone] == [(1, 0), (1, 2)]


GOOD_COUNTRY = [
    "The latest edition of the Good Country Index has crowned Sweden as the world’s best "
    "country while the United States languishes down in 21st place.",
    "The United States of America may be the land of the free and the home of the brave, but "
    "it’s not even in the world’s top 20 countries, according to the latest version of the Good "
    "Country Index.",
    "The index, which is created by British policy advisor Simon Anholt, uses 35 categories to "
    "rate a nation’s contribution to the world, including Culture, Science and Technology and "
    "International Peace and Security and ranks them from number 1 to 163.",
    "The data comes from sources such as the UN and The World Bank.",
]


def test_the_index_leans_on_the_sentence_that_named_it_a_few_sentences_back() -> None:
    from newsum.methods.concepts import NO_LINK, Concepts
    from newsum.pipeline import Components, prepare

    view = prepare([Article("\n\n".join(GOOD_COUNTRY), id="a")], Components(), compress=False)
    method = Concepts()
    eligible = list(range(len(view.candidates)))
    links = method.predecessors(view, eligible)
    texts = [c.text for c in view.candidates]
    index = next(i for i, t in enumerate(texts) if t.startswith("The index, which"))
    assert index in links and links[index] != NO_LINK
    assert "Good Country Index" in texts[links[index]]
    opening = next(i for i, t in enumerate(texts) if t.startswith("The latest edition"))
    assert opening not in links  # the opening names what it is about


# Multi-News even half, the Carmat artificial heart cluster: "Professor Carpentier" is a title
# before the surname, not a second Carpentier (main's summary read "... a 30-year quest by Mr
# Carpentier, 80, ..." without ever saying who he is).
CARPENTIER = [
    "Maybe even love songs, may have to be rewritten, according to Professor Alain Carpentier, "
    "the inventor of the world’s first fully artificial heart.",
    "In an interview on Sunday with the Journal du Dimanche, Professor Carpentier said he began "
    "his work on artificial hearts three decades ago.",
    "Mr Carpentier hopes his artificial heart, powered by replaceable batteries carried outside "
    "the body, will help to solve the chronic shortage of hearts for transplant surgery.",
]
CARPENTIER_BARE = (
    "Controlled by a computer and made partly from chemically treated animal tissues, it is the "
    "culmination of a 30-year quest by Mr Carpentier, 80, for the “holy grail” of transplant "
    "surgery."
)


def test_a_title_before_a_surname_is_no_rival_first_name() -> None:
    from newsum.coherence import named_as_person

    names = full_names([*CARPENTIER, CARPENTIER_BARE])
    assert names["Carpentier"] == "Alain Carpentier"
    # "Mr Carpentier" (no full stop) leaves the reader asking who he is, as "Mr." does
    assert bare_surnames(CARPENTIER_BARE, names) == ["Carpentier"]
    assert named_as_person(CARPENTIER_BARE, "Carpentier")
    # the title says who he is
    assert bare_surnames(CARPENTIER[1], names) == []


def test_a_middle_name_is_no_rival_first_name() -> None:
    # Multi-News even half (the Mannequin Challenge arrests): "Fennell White" only ever follows
    # "Kenneth", so "White is charged ..." needs "Kenneth White" before it.
    names = full_names(
        [
            "Those arrested are Kenneth Fennell White, 49, and Terry Brown, 23.",
            "Authorities have arrested 49-year-old Kenneth White and charged him with "
            "first-degree possession of marijuana.",
            "White is charged with first-degree possession of marijuana and possession of a "
            "firearm by a violent felon.",
        ]
    )
    assert names["White"] == "Kenneth White"
    # A title before the first name is no first name (the same half, the budget deal): "Mitch
    # McConnell" stays the name beside "Leader McConnell".
    names = full_names(
        [
            '"We must stay focused on serving the American people," Senate Majority Leader Mitch '
            "McConnell (R-Ky.) said in announcing the agreement.",
            '"Without a commitment from Speaker Ryan comparable to the commitment from Leader '
            'McConnell, this package does not have my support," Pelosi said.',
            "All McConnell would promise is a wide-ranging floor debate.",
        ]
    )
    assert names["McConnell"] == "Mitch McConnell"


def test_a_speaker_after_a_quotation_and_his_role_is_named_inside_a_sentence() -> None:
    # Multi-News even half (the Libya cluster): main's summary carried "Yousef has family in
    # Benghazi and friends in Tripoli." with no "Tarik Yousef" before it.
    texts = [
        "“The overwhelming sentiment among Libyans is, ‘prepare to see this fight for our freedom "
        "to the end,’” Tarik Yousef, dean of the Dubai School of Government and a "
        "Libyan-American, told msnbc.com.",
        "“I think what happened in Libya is to some extent connected with what happened in Egypt "
        'and Tunisia," Yousef said.',
        "Yousef has family in Benghazi and friends in Tripoli.",
    ]
    names = full_names(texts)
    assert names["Yousef"] == "Tarik Yousef"
    assert unintroduced([texts[2], texts[0]], names) == [(0, "Yousef")]


def test_a_middle_name_between_the_first_name_and_the_surname_gives_the_name() -> None:
    # Multi-News even half (the Trestle Trail shooting; the Mannequin Challenge arrests)
    from newsum.coherence import gives_name

    assert gives_name(
        "Sergio Valencia",
        "Police identified the gunman as 27-year-old military veteran Sergio Daniel Valencia "
        "del Toro, and said he apparently was upset over a fight with his ex-fiancee earlier "
        "in the day.",
    )
    assert gives_name(
        "Kenneth White", "Those arrested are Kenneth Fennell White, 49, and Terry Brown, 23."
    )
