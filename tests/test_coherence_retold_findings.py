"""One finding told twice, in one article or two: two sentences that share most of the shorter
one's content and five words of what happened (not names, figures nor light verbs) state one
fact (``coherence.RESTATED_OVERLAP`` / ``RESTATED_SHARED``, read by ``same_fact``).

Fixture sentences are verbatim from the Multi-News even half (validation clusters with an even
sha1 of their id), each pair from one summary of one cluster, with the decision a reader makes.
"""

from __future__ import annotations

import pytest

from newsum.coherence import Facts, facts_of, retold, same_fact
from newsum.represent import PorterStemmer, analyse


def _facts(text: str) -> Facts:
    return facts_of(text, analyse(text, PorterStemmer()).content)


ONE_FINDING = [
    # a review's finding, then the same finding in the report's words (one article)
    (
        "Just one glass of wine or other alcoholic drink a day significantly raises the risk of "
        "breast cancer, while vigorous exercise such as running and bicycling reduces it, "
        "according to an expansive review of research on the effects of diet, nutrition and "
        "physical activity on the disease.",
        "For the first time, researchers concluded evidence is strong that vigorous exercise "
        "reduces breast-cancer risk.",
    ),
    # a study's abstract, then its press release (two articles)
    (
        "There were significant differences between the schizophrenia and the control groups in "
        "respect of left 2D:4D and right 2D:4D.",
        "In a new study of 103 male patients diagnosed with schizophrenia and 100 matched healthy "
        "male individuals, investigators found that the 2D:4D ratio may be an effective predictor "
        "of schizophrenia--there were significant differences between schizophrenia and control "
        "groups concerning the ratio of the lengths of the second digit to the fourth digit, as "
        "well as its asymmetry, in both hands.",
    ),
    # the Rockies handing out the misspelt jerseys, told by two articles
    (
        "The team said it was aware of the misspelling, but decided to hand out the jerseys "
        "before the game against Pittsburgh.",
        "The Rockies said they discovered the misspelling at some point, but instead of "
        "disappointing those looking forward to receiving the jersey, the team said in a "
        "statement that it decided to hand them out anyway.",
    ),
    # a finding, then its author's quotation of it (one article)
    (
        "They believe that temperature rises in the future could result in millions of "
        "additional cases in some areas.",
        '"We have estimated that, based on the distribution of malaria with altitude, a 1C rise '
        "in temperature could lead to an additional three million cases in under-15-year-olds "
        'per year," said Prof Pascual.',
    ),
]

OTHER_FACTS = [
    # the arrest, then what the mother admitted (two articles; 0.5 of the content, 7 words)
    (
        "Law enforcement officials announced Tuesday night they arrested the mother of a toddler "
        "whose body was found in a wooded area in Pinellas County.",
        "The mother of a 2-year-old whose body was found in a wooded area Tuesday night admitted "
        "to hitting the child, causing seizures and resulting in his death.",
    ),
    # who was stabbed, and how many (one article; 4 words)
    (
        "All three people who were stabbed are believed to be counter-protesters.",
        "Sgt. Daron Wyatt with the Anaheim Police Department tells The Associated Press two "
        "people who were part of a counter-protest at a KKK gathering Saturday afternoon in "
        "Anaheim were stabbed in separate incidents.",
    ),
    # who was in the lab, and what the officers did there (two articles)
    (
        "Four students were in the computer lab when the shooting occurred, but no one was hurt.",
        "Celaya said at the press conference that after three officers entered a computer lab at "
        "the school and approached the suspect, he pulled out the gun and displayed it in a "
        "“threatening” way, leading one of the officers to shoot the suspect out of fear for his "
        "safety and that of the other officers and students in the lab.",
    ),
]


@pytest.mark.parametrize(("first", "again"), ONE_FINDING)
def test_one_finding_told_twice_is_one_fact(first: str, again: str) -> None:
    a, b = _facts(first), _facts(again)
    assert same_fact(a, b) and same_fact(b, a)


@pytest.mark.parametrize(("first", "other"), OTHER_FACTS)
def test_sentences_sharing_a_few_words_are_kept(first: str, other: str) -> None:
    a, b = _facts(first), _facts(other)
    assert not same_fact(a, b) and not retold(a, b)
