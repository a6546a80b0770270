"""Two articles that share almost no bigram are summarized by their lead, in turn (issue 12:
ROUGE on web news vs lead).

The articles are verbatim from the Multi-News even half (/work/notes/data/mn_even.jsonl.gz, the
cluster multinews-validation-s42-016; the half tuned on), cut to their first paragraphs: a report
that Miss Delaware 2014 was stripped of her title, and a TV station's local news page that
prints each of its stories twice (Ebola, a bobcat, the Pocono manhunt). The two share no story,
so no bigram is weighed by agreement between outlets; before, the bigrams either repeats were,
and the page's doubled stories filled most of the summary ahead of the pageant report's own
lede (Amanda Longacre's age, her contract, the organization's statement).
"""

from __future__ import annotations

from newsum.methods.concepts import Concepts
from newsum.pipeline import Components, prepare, summarize
from newsum.types import Article

PAGEANT = (
    "Former runner-up for the Miss Delaware pageant, Brittany Lewis, was awarded the crown "
    "after original winner, Amanda Longacre, was stripped of her crown due to her age. "
    "(Published Friday, June 27, 2014) \n \n Amanda Longacre, a long-time Delaware resident, "
    "has been stripped of her title as Miss Delaware 2014 because she's too old. \n \n At "
    "least that's what pageant officials are saying less than two weeks after she was "
    "crowned. \n \n The 24-year-old Bear resident says she signed her contract, with her age "
    "and birthday clearly stated, and a member of the board signed off on that contract on "
    "a local, state and national level. \n \n Carolyn Nelson, media relations coordinator "
    "for the Miss Delaware organization, confirms that that Longacre did nothing wrong and "
    "had accurately reported her birth date on applications. \n \n Still, on Tuesday, she "
    "was notified by pageant officials that her age was an issue. She was told she will "
    "not able to compete in the Miss America Pageant next September and that she was being "
    "stripped of her title, all prizes associated with that title, as well as $11,000 in "
    "scholarship money. Scholarship money that was going to help her pursue her master's "
    "degree in Social Work."
)

NEWS_PAGE = (
    "Local News More>> \n \n Passenger Who Arrived At Newark Airport Being Evaluated For "
    "Ebola Passenger Who Arrived At Newark Airport Being Evaluated For Ebola A passenger "
    "who arrived at Newark Liberty International Airport from Brussels is being evaluated "
    "for possible symptoms of Ebola.The CDC says the passenger was identified during the "
    "government's enhanced screening procedures.The individual started their trip in "
    "Liberia.They are now in isolation at University Medical Center in Newark.This comes "
    "as tougher travel restrictions go into effect today.All travelers arriving in the "
    "U.S. from West Africa must fly into one of five airports in JFK, Newar... A passenger "
    "who arrived at Newark Liberty International Airport from Brussels is being evaluated "
    "for possible symptoms of Ebola.The CDC says the passenger was identified during the "
    "government's enhanced screening procedures.The individual started their trip in "
    "Liberia.They are now in isolation at University Medical Center in Newark.This comes "
    "as tougher travel restrictions go into effect today.All travelers arriving in the "
    "U.S. from West Africa must fly into one of five airports in JFK, Newar... \n \n Rocky "
    "The Bobcat Back On The Loose In South Jersey Rocky The Bobcat Back On The Loose In "
    "South Jersey South Jersey residents be on the lookout, as Rocky the bobcat is on the "
    "run!The animal escaped from his Stafford Township home once again.We first introduced "
    'you to "Rocky" back in May after his first attempt at freedom.His owner was fined and '
    "had to go to court.Back then she told the judge she made improvements to her home to "
    "stop the 38-pound feline from making another run for it.Now, animal control has set "
    "up humane traps in hopes of catching the wayward bobcat.If they find him, they will "
    "... South Jersey residents be on the lookout, as Rocky the bobcat is on the run!The "
    "animal escaped from his Stafford Township home once again.We first introduced you to "
    '"Rocky" back in May after his first attempt at freedom.His owner was fined and had to '
    "go to court.Back then she told the judge she made improvements to her home to stop "
    "the 38-pound feline from making another run for it.Now, animal control has set up "
    "humane traps in hopes of catching the wayward bobcat.If they find him, they will ... "
    "\n \n Pocono Schools Reopen With Heavy Police Presence, Manhunt Continues Pocono "
    "Schools Reopen With Heavy Police Presence, Manhunt Continues Heavy police presence is "
    "expected in Pocono Mountain School District, as they decided to go back to school "
    "today.Their return came after a second possible siting of suspected cop killer Eric "
    "Frein, who has evaded capture now for six weeks. That's 41 daysThe latest sightings "
    "near the local post office are just half mile from the local high school, junior "
    "high, and elementary school, that are all in a row.Those schools are all back open "
    "after being closed yesterday, with a 5:00 a.m. last minute... Heavy police presence "
    "is expected in Pocono Mountain School District, as they decided to go back to school "
    "today.Their return came after a second possible siting of suspected cop killer Eric "
    "Frein, who has evaded capture now for six weeks. That's 41 daysThe latest sightings "
    "near the local post office are just half mile from the local high school, junior "
    "high, and elementary school, that are all in a row.Those schools are all back open "
    "after being closed yesterday, with a 5:00 a.m. last minute..."
)

CONTRACT = (
    "The 24-year-old Bear resident says she signed her contract, with her age and birthday "
    "clearly stated, and a member of the board signed off on that contract on a local, state "
    "and national level."
)
POCONO = (
    "Heavy police presence is expected in Pocono Mountain School District, as they decided to "
    "go back to school today."
)


def test_a_report_and_a_news_page_share_no_bigram_to_weigh() -> None:
    view = prepare([Article(text=PAGEANT), Article(text=NEWS_PAGE)], Components())
    assert Concepts().unshared(view)
    alone = prepare([Article(text=PAGEANT)], Components())
    assert not Concepts().unshared(alone)  # one article: no pair to share


def test_each_article_gives_its_lead_in_turn() -> None:
    summary = summarize([Article(text=PAGEANT), Article(text=NEWS_PAGE)], words=250)
    texts = [s.text for s in summary.sentences]
    # the pageant report's first six sentences, in its own order, and the page's first story
    pageant = [s.origin.index for s in summary.sentences if s.origin.doc == 0]
    assert pageant[:6] == [0, 1, 2, 3, 4, 5]
    assert CONTRACT in texts
    assert texts[-1].startswith("This comes as tougher travel restrictions")
    # not the page's third story, which its doubled text put ahead of the pageant's contract
    assert POCONO not in texts
