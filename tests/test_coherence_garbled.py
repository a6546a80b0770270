"""A sentence whose names and figures were links the page's text lost reads garbled ("Brides in
and spend the most on their dresses ( and , respectively)"): not a whole sentence. Fixture
sentences are verbatim from the Multi-News validation even half."""

from __future__ import annotations

import pytest

from newsum.coherence import whole_sentence


@pytest.mark.parametrize(
    "text",
    [
        "Brides in and spend the most on their dresses ( and , respectively), while and brides "
        "spend the least ( and , respectively).",
        "The evolutionary shift helped them cope with the colder conditions\u2014a more compact "
        "body size helped protect them from frostbite, while and shorter limbs would be less "
        "breakable when they fell\u2014but it also appears to have come with a downside: "
        "arthritis.",
    ],
)
def test_a_sentence_whose_links_were_cut_out_is_not_whole(text: str) -> None:
    assert not whole_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        'Russian foreign Minister Sergei Lavrov "clearly agreed to and was supportive of" the '
        "idea of a daily two-hour cessation of hostilities to allow for life-saving aid "
        "operations, ICRC President Jakob Kellenberger told Reuters after talks with Lavrov in "
        "Moscow on Monday.",
        "But Lutherans in a neighboring town stepped in and took care of his files and equipment "
        "in his office.",
    ],
)
def test_a_preposition_before_and_in_plain_grammar_is_whole(text: str) -> None:
    assert whole_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        # Multi-News even half 016 (a TV station's page; the first was in a summary)
        "The Fire Marshall on scene was on scene early this morning trying to investigate "
        "what'sLeft of the fire, and charred out remains inside these row homes,Red Cross was on "
        "scene to help the families.",
        # Multi-News even half 228 (in a summary): a relative clause about "many", no verb
        "Many who are afraid to report crimes.",
        # Multi-News even half 016 (the same page, in a summary once the first was refused): a
        # sentence's opening word run into the last word of the one before
        "That's 41 daysThe latest sightings near the local post office are just half mile from "
        "the local high school, junior high, and elementary school, that are all in a row.",
    ],
)
def test_words_run_together_and_a_relative_clause_alone_are_not_whole(text: str) -> None:
    assert not whole_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        # DUC 2003: the relative clause, then the main clause's verb
        "Those who left forfeited their spots on the waiting list.",
        "Anyone who has lived in the north knows stories like that.",
        # constructed: a possessive and a comma with their space before a capital
        "Trump's Cabinet met, Sanders said, and the briefing was short.",
        "McDonald's McFlurry returned to the menu.",
        # DUC 2003 task 3: a name's capital after lowercase letters is no sentence's opener
        "In court documents connected with their lawsuit filed Wednesday to overturn the city's "
        "just-approved ballot measure banning ATM surcharges, BofA said its 188 San Francisco "
        "ATMs collect about $245,000 per month from the surcharges.",
    ],
)
def test_a_main_verb_after_the_clause_and_spaced_marks_are_whole(text: str) -> None:
    assert whole_sentence(text)
