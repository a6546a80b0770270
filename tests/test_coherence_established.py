"""Definite openings that their own sentence makes specific (establishing definites) stand
alone; the same openings with a comma aside, a participle or a verb after the head still lean.

Every fixture sentence is verbatim from the development sets (Multi-News validation, even half;
DUC 2003 tasks 2 and 3; TAC 2011) with the decision a reader makes when the sentence before it
is not in the summary. The odd half of Multi-News and DUC 2002 are not used.
"""

from __future__ import annotations

import pytest

from newsum.coherence import leans_on_previous

STANDS_ALONE = [
    # an of-phrase naming its referent (DUC 2003 task 3; Multi-News even half)
    "The two chief organizers of Salt Lake City's bid to be host to the 2002 Winter Olympics "
    "pleaded not guilty on Monday to federal charges that they had conspired to bribe members "
    "of the International Olympic Committee.",
    "The former archbishop of Buenos Aires has also started inviting guests to his early morning "
    "Mass - including Vatican gardeners, street sweepers, kitchen staff and maids working at the "
    "hotel where he is currently staying.",
    # a restrictive relative or content clause, no comma (DUC 2003 task 2)
    "The deal that South Africa's Truth and Reconciliation Commission offered was simple enough: "
    "Confess your crimes, apply for amnesty and you will go free.",
    "The four bills that Congress has finished would finance energy and water projects, military "
    "construction, defense and the operations of Congress.",
    # an infinitive after an event noun (Multi-News even half)
    "The decision to put the Bluefin-21 into the water for the first time in the 38-day search "
    "comes nearly a week after listening devices last heard sounds that could be from locator "
    'beacons attached to the plane\'s "black boxes."',
    # a name in apposition right after the head (DUC 2003 tasks 3 and 2)
    "The former White House intern, Monica Lewinsky, received an indefinite reprieve in having "
    "to decide whether to stand by her earlier assertion in an affidavit that she did not have "
    "an affair with U.S. President Bill Clinton, take the Fifth Amendment or change her story.",
    'The two, Jakup Kastrati and Cene Desku, were conducting an anti-KLA campaign and "coaxed '
    'people to turn in their arms," said a KLA statement printed in the daily Koha Ditore.',
    # a capitalised head is a name, not "the three" or "the pact" (DUC 2003 task 3)
    "The Three Gorges Dam, which will require a total investment of 200 billion yuan, is "
    "scheduled to start generating electricity in 2003 and will be fully completed in 2009.",
    "The PACT concept is based on a program that began 25 years ago in Madison, Wis.",
]

STILL_LEANS = [
    # a non-restrictive relative after a comma says more, not which (Multi-News even half)
    "The measure, which also provides money for health care programs for children and "
    "low-income people, would be partly financed with higher premiums for top-earning Medicare "
    "recipients.",
    # DUC 2003 task 2: a participle, then a name inside it
    'The statement, read by acting foreign minister Mariano Fernandez, demanded "that steps be '
    'taken to allow an early end of this situation."',
    "The offer, made in an August meeting with 3Com's chairman, Eric Benhamou, was not accepted "
    "by 3Com executives, those people say.",
    # "of" and "that" after a verb, not after the head (Multi-News even half; TAC 2011)
    "The couple was accused of satanic and ritual abuse of children in their care in the early "
    "90s.",
    "The two nations believe that binding emissions caps would threaten the economic growth "
    "needed to fund technology used to fight global warming.",
    'The statement added that "all evidence clearly indicated" that at the time of the seizure, '
    "the British naval personnel were on a routine patrolling mission in Iraqi waters, and "
    'called the Iranian seizure a "clear breach" of international law.',
    # "The same" is never made specific; "by" names who moved, not what (DUC 2003 tasks 3, 2)
    "The same is true of other states.",
    "The move by the 12-member Council of Guardians is seen as part of the struggle between "
    "conservatives and reformists in Iran.",
    # a name after "along with" is no apposition (Multi-News even half)
    "The two Senate leaders, along with Ryan and Pelosi, have been engaged in high-level "
    "spending talks for weeks.",
]


@pytest.mark.parametrize("text", STANDS_ALONE)
def test_a_definite_its_sentence_makes_specific_stands_alone(text: str) -> None:
    assert not leans_on_previous(text)


@pytest.mark.parametrize("text", STILL_LEANS)
def test_a_definite_its_sentence_does_not_pin_down_leans(text: str) -> None:
    assert leans_on_previous(text)
