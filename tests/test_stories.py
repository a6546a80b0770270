"""Stories: grouping a mixed stream into events, the on-disk state, its crash safety, metrics."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

import newsum
import newsum.grouping.features as features_module
import newsum.grouping.group as group_module
from newsum.cli import main
from newsum.errors import InputError
from newsum.grouping import Story, ahead, stories, update
from newsum.grouping.cluster import (
    SCORED,
    SHORT_SCORED,
    SHORT_WORDS,
    OpenStory,
    StoryIndex,
    _top,
    article_side,
    strongest,
)
from newsum.grouping.evaluation import ceiling, evaluate, half_of, load_pool, truth_labels
from newsum.grouping.features import (
    NAMES,
    Cleaned,
    DocumentFrequency,
    Features,
    Featurizer,
    paragraph_key,
    vectors,
)
from newsum.grouping.group import (
    UNASSIGNED,
    Grouper,
    article_day,
    date_order,
    group,
    parse_window,
)
from newsum.grouping.metrics import adjusted_rand, bcubed, pairwise
from newsum.grouping.model import FEATURES, JoinModel, pair_features
from newsum.grouping.state import StoryState
from newsum.grouping.train import DEV_FILES
from newsum.read import Cluster, read_clusters, read_paths
from newsum.types import Article

ROOT = Path(__file__).resolve().parents[1]
RAQQA = ROOT / "examples" / "raqqa"
DATA = Path(os.environ.get("NEWSUM_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TASK2 = DATA / "duc2003" / "task2.jsonl.gz"
TASK3 = DATA / "duc2003" / "task3.jsonl.gz"
TAC = DATA / "tac2011_multiling_en" / "test.jsonl.gz"
MULTINEWS = DATA / "multinews_val" / "validation250.jsonl.gz"

# Two short reports of other events, written for these tests.
QUAKE = [
    "A magnitude 7.1 earthquake struck off the coast of Hokkaido on Monday, Japan's "
    "Meteorological Agency said, shaking buildings in Sapporo and prompting a tsunami advisory "
    "for the northern Pacific coast. No damage was reported in the first hours.",
    "Japan lifted a tsunami advisory for Hokkaido after Monday's magnitude 7.1 earthquake, "
    "the Meteorological Agency said. Trains in Sapporo resumed service and power was restored "
    "to 20,000 homes that lost electricity when the quake hit.",
]
AFTERSHOCKS = (
    "Aftershocks rattled Hokkaido on Tuesday, a day after the magnitude 7.1 earthquake, and "
    "the Meteorological Agency warned residents of Sapporo to expect more tremors for a week."
)
# A different event in the same place, told with some of the same words.
TYPHOON = (
    "Typhoon Jebi brought heavy rain and winds of 160 km/h to Hokkaido on Tuesday, flooding rice "
    "fields near Asahikawa. Two people were injured by falling trees and ferries to Honshu were "
    "cancelled, the Meteorological Agency said."
)
BUDGET = [
    "The Dutch parliament approved the 2024 budget on Thursday after a late-night vote in The "
    "Hague, with the finance minister promising lower taxes on wages and higher spending on "
    "defence and housing.",
]


def raqqa() -> list[Article]:
    return read_paths([RAQQA])


def article(text: str, id: str, date: str | None = None, source: str | None = None) -> Article:
    return Article(text=text, id=id, date=date, source=source)


def dev(path: Path) -> list[Cluster]:
    if not path.exists():
        pytest.skip(f"{path} not present (dev data lives in ../shared/data)")
    return [c for c in read_clusters(path) if isinstance(c, Cluster)]


# --- metrics ---------------------------------------------------------------------------


def _bcubed_by_definition(truth: list[int], pred: list[int]) -> tuple[float, float]:
    n = len(truth)
    precision = recall = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if pred[j] == pred[i]]
        same_true = [j for j in range(n) if truth[j] == truth[i]]
        both = [j for j in same_pred if truth[j] == truth[i]]
        precision += len(both) / len(same_pred)
        recall += len(both) / len(same_true)
    return precision / n, recall / n


def _ari_by_pairs(truth: list[int], pred: list[int]) -> float:
    pairs = list(itertools.combinations(range(len(truth)), 2))
    together_true = sum(truth[i] == truth[j] for i, j in pairs)
    together_pred = sum(pred[i] == pred[j] for i, j in pairs)
    both = sum(truth[i] == truth[j] and pred[i] == pred[j] for i, j in pairs)
    expected = together_true * together_pred / len(pairs)
    best = (together_true + together_pred) / 2
    return (both - expected) / (best - expected)


def test_metrics_match_their_definitions_on_random_labellings() -> None:
    rng = random.Random(7)
    for _ in range(30):
        n = rng.randint(4, 25)
        truth = [rng.randint(0, 4) for _ in range(n)]
        pred = [rng.randint(0, 5) for _ in range(n)]
        precision, recall, f1 = bcubed(truth, pred)
        want_p, want_r = _bcubed_by_definition(truth, pred)
        assert precision == pytest.approx(want_p) and recall == pytest.approx(want_r)
        assert f1 == pytest.approx(2 * want_p * want_r / (want_p + want_r))
        if len(set(truth)) > 1 or len(set(pred)) > 1:
            assert adjusted_rand(truth, pred) == pytest.approx(_ari_by_pairs(truth, pred))


def test_metrics_reward_the_truth_and_ignore_label_names() -> None:
    truth = ["a", "a", "b", "b", "b", "c"]
    renamed = [7, 7, 3, 3, 3, 1]
    assert bcubed(truth, renamed) == (1.0, 1.0, 1.0)
    assert adjusted_rand(truth, renamed) == pytest.approx(1.0)
    lumped = [0] * len(truth)
    precision, recall, _ = bcubed(truth, lumped)
    assert recall == 1.0 and precision < 0.5
    with pytest.raises(ValueError):
        bcubed(truth, renamed[:-1])


# --- grouping --------------------------------------------------------------------------


def test_one_event_stays_one_story_and_others_stay_apart() -> None:
    articles = [
        *raqqa(),
        *(article(t, f"quake{i}") for i, t in enumerate(QUAKE)),
        *(article(t, f"budget{i}") for i, t in enumerate(BUDGET)),
    ]
    labels = group(articles)
    by_event = {
        "raqqa": {labels[i] for i in range(5)},
        "quake": {labels[5], labels[6]},
        "budget": {labels[7]},
    }
    assert all(len(found) == 1 for found in by_event.values()), by_event
    assert len(set().union(*by_event.values())) == 3


def test_cohesion_is_the_mean_cosine_between_a_storys_articles() -> None:
    grouper = Grouper.create()
    articles = raqqa()
    assert len(set(grouper.run(articles))) == 1
    reader = Featurizer()
    views = [vectors(reader.read(a), grouper.df, reader.weights) for a in articles]
    cosines = [
        sum(w * b[0].get(t, 0.0) for t, w in a[0].items())
        for a, b in itertools.combinations(views, 2)
    ]
    index = StoryIndex()
    story = index.open()
    for view in views:
        index._add(story, article_side(view, None, 100))
    assert story.cohesion() == pytest.approx(sum(cosines) / len(cosines))
    assert OpenStory(99, None, None, 1, (dict(views[0][0]), {}, {}, {})).cohesion() == 0.0


def test_a_related_event_in_the_same_place_stays_apart() -> None:
    quake = [*QUAKE, AFTERSHOCKS]
    articles = [*raqqa(), *(article(t, f"quake{i}") for i, t in enumerate(quake))]
    labels = group([*articles, article(TYPHOON, "typhoon")])
    assert len(set(labels[5:8])) == 1 and labels[-1] not in labels[:-1]


def test_near_copies_do_not_make_a_story_refuse_other_reports() -> None:
    reports = raqqa()
    text = reports[2].text
    copies = [  # syndicated, with a byline added or a notice appended: not exact copies
        Article("By a staff writer, with agencies\n" + text[: len(text) * 9 // 10], "near1"),
        Article(text[len(text) // 10 :] + "\nCopyright 2017 The Agency. All rights.", "near2"),
    ]
    assert len(set(group([reports[2], *copies, reports[3]]))) == 1


def test_copies_join_their_story_without_counting_as_evidence() -> None:
    reports = raqqa()
    alone = Grouper.create()
    alone.run(reports)
    (story,) = alone.index
    copies = [
        Article("\n\n" + reports[0].text.replace(". ", ".  ") + "\n", "copy-a"),
        Article(reports[0].text, "copy-b", source="another outlet"),
    ]
    grouper = Grouper.create()
    labels = grouper.run([*reports, *copies])
    assert len(set(labels)) == 1
    (with_copies,) = grouper.index
    assert with_copies.size == story.size == 5
    streamed = Grouper.create()
    assert len({streamed.add(a).story for a in [*reports, *copies]}) == 1
    assert len(streamed.index) == 1 and next(iter(streamed.index)).size == 5


NOTICES = [  # worded like the crawl notes and syndication terms found in scraped news
    "These crawls are part of an effort to keep copies of pages as they appear, so that a "
    "link in a story still leads somewhere when the page it names is changed or removed.",
    "Copyright 2017 The Agency. This material may not be published, broadcast, rewritten or "
    "redistributed.",
    "JavaScript is disabled in your browser.",  # nothing left after cleaning
]
# Scraped pages of unrelated events often are, or end with, the same short paragraph.
TWEET = (
    "You can add location information to your Tweets, such as your city or precise "
    "location, from the web and via third-party applications. You always have the option "
    "to delete your Tweet location history. Learn more"
)


def test_notices_are_in_no_story_and_never_lost() -> None:
    articles = [*raqqa(), *(article(t, f"quake{i}") for i, t in enumerate(QUAKE))]
    notices = [article(t, f"notice{i}") for i, t in enumerate(NOTICES * 3)]
    mixed = [*notices[:3], *articles, *notices[3:]]
    labels = group(mixed)
    assert all(label == UNASSIGNED for label, a in zip(labels, mixed, strict=True) if a in notices)
    assert len({label for label in labels if label != UNASSIGNED}) == 2
    found = stories(mixed, summarize=False)
    left = [s for s in found if s.unassigned]
    assert sorted(a.id for s in left for a in s.articles) == sorted(a.id for a in notices)
    assert all(s.size == 1 and s.id == UNASSIGNED for s in left)
    assert sum(s.size for s in found) == len(mixed)
    assert [s.size for s in found if not s.unassigned] == [5, 2]


def test_a_recurring_boilerplate_paragraph_makes_no_copies() -> None:
    events = [raqqa()[0].text, QUAKE[0], BUDGET[0], TYPHOON]
    pages = [article(TWEET, f"tweet{i}") for i in range(len(events))]  # the page is the notice
    tails = [article(text + "\n\n" + TWEET, f"tail{i}") for i, text in enumerate(events)]
    labels = group([*pages, *tails])
    placed = [label for label in labels[: len(pages)] if label != UNASSIGNED]
    assert len(set(placed)) == len(placed)  # boilerplate stays alone (or in no story)
    assert labels[2] == labels[3] == UNASSIGNED  # seen in two stories: only boilerplate
    bare = group([article(text, f"bare{i}") for i, text in enumerate(events)])
    tail_labels = labels[len(pages) :]
    together = [[a == b for b in tail_labels] for a in tail_labels]
    assert together == [[a == b for b in bare] for a in bare]  # the paragraph glues nothing
    assert len(set(tail_labels)) >= len(events) - 1  # (the Hokkaido quake and typhoon may join)
    assert not set(labels[: len(pages)]) & set(labels[len(pages) :])
    long_copy = [article(events[0], "wire"), article(events[0], "reprint")]
    assert len(set(group(long_copy))) == 1  # a whole report printed twice is one story


def test_streaming_gives_the_batch_stories_merges_included() -> None:
    clusters = dev(TAC)[:4] + dev(TASK2)[:3]
    pool = [a for c in clusters for a in c.articles]
    random.Random(5).shuffle(pool)
    batch = Grouper.create()
    labels = batch.run(pool)
    streamed = Grouper.create()
    final: dict[int, int] = {}
    placed = []
    merges = 0
    for i in date_order(pool):
        assignment = streamed.add(pool[i])
        placed.append((i, assignment.story))
        for away, into in assignment.merges:
            final[away] = into
            merges += 1
    assert merges > 0  # the case in question: stories that merged as the stream went on

    def follow(label: int) -> int:
        while label in final:
            label = final[label]
        return label

    stream_labels = [0] * len(pool)
    for i, label in placed:
        stream_labels[i] = follow(label)
    assert stream_labels == labels


def test_cleaning_ahead_in_a_worker_gives_the_same_stories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clusters = dev(TAC)[:3] + dev(TASK2)[:2] + dev(MULTINEWS)[:25]
    pool = [a for c in clusters for a in c.articles]
    random.Random(7).shuffle(pool)
    plain = Grouper.create().run(pool)
    assert any(label == UNASSIGNED for label in plain)  # notices too (multinews has them)
    monkeypatch.setattr(group_module, "AHEAD_ARTICLES", 1)  # a worker even for this few
    assert Grouper.create().run(pool, workers=1) == plain


def _same_features(one: Features, two: Features) -> bool:
    return (one.words, one.key, one.short, one.notice, one.paragraphs) == (
        two.words, two.key, two.short, two.notice, two.paragraphs
    ) and all(
        a.buckets.tolist() == b.buckets.tolist() and a.weights.tolist() == b.weights.tolist()
        for a, b in zip(one.views, two.views, strict=True)
    )  # fmt: skip


def test_terms_counted_ahead_give_the_features_of_the_text() -> None:
    """A head counted ahead (per paragraph, in a worker) gives the features the kept
    paragraphs' text gives, boilerplate left out or not; a paragraph's first capitalised
    word is a name only after a paragraph that ends without a full stop (a heading)."""
    featurizer = Featurizer()
    kurdish = featurizer.bucket("Kurdish")

    def both(*paragraphs: str, boilerplate: Container[bytes] = ()) -> Features:
        cleaned = Cleaned(paragraphs, "Raqqa falls", None)
        plain = featurizer.features(cleaned, boilerplate)
        ahead = featurizer.features(featurizer.counted(cleaned), boilerplate)
        assert _same_features(plain, ahead)
        return plain

    def names(*paragraphs: str) -> set[int]:
        return set(both(*paragraphs).views[NAMES].buckets.tolist())

    assert kurdish in names("Fighters took Raqqa", "Kurdish fighters said so.")
    assert kurdish in names("Fighters took Raqqa", "  ", "Kurdish fighters said so.")
    assert kurdish not in names("Fighters took Raqqa.", "Kurdish fighters said so.")
    clusters = dev(TAC)[:2] + dev(MULTINEWS)[:10]
    for a in [a for c in clusters for a in c.articles]:
        paragraphs = featurizer.clean(a).paragraphs
        both(*paragraphs)
        both(*paragraphs, boilerplate={paragraph_key(p) for p in paragraphs[1::2]})


def test_terms_counted_from_white_space_chunks_are_the_regex_tokens_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_tally_words`` over ``text.split()`` gives what ``_tally`` over the regex's tokens
    gives: the same buckets, counts and numbers, in the same order of first occurrence, on
    real paragraphs and on chunks that hold several tokens or none (a chunk's tokens are
    memoised, so each text is counted twice: the second time from the memo); a memo that
    keeps starting again counts the same."""
    featurizer = Featurizer()
    tricky = [
        "U.S.-led 1,200.5 forces' 'quoted' co-op rock'n'roll (AP) -- 3-2 x\u00a0y\u2009z",
        "Kurdish-led, Kurdish-led; KURDISH kurdish 7 7.0 7,0 ... ’tis don’t 42nd _under_",
        "",
    ]
    paragraphs = tricky + [
        p
        for c in dev(TAC)[:2] + dev(MULTINEWS)[:10]
        for a in c.articles
        for p in featurizer.clean(a).paragraphs
    ]
    for text in paragraphs + paragraphs:
        regex_numbers: dict[int, int] = {}
        chunk_numbers: dict[int, int] = {}
        by_regex = featurizer._tally(features_module._TOKEN.findall(text), regex_numbers)
        by_chunks = featurizer._tally_words(text.split(), chunk_numbers)
        assert list(by_chunks.items()) == list(by_regex.items())
        assert list(chunk_numbers.items()) == list(regex_numbers.items())
    assert featurizer.chunks  # the memo is in use
    rock = featurizer._tally_words(tricky[0].split(), {})
    assert featurizer.bucket("co") in rock and featurizer.bucket("rock'n'roll") in rock
    monkeypatch.setattr(features_module, "MEMO_CHUNKS", 7)
    small = Featurizer()
    for text in paragraphs[:200]:
        assert small.paragraph(text) == featurizer.paragraph(text)
        assert len(small.chunks) <= 7 + len(text.split())


def test_a_storys_index_terms_by_partition_are_the_stable_sorts_first() -> None:
    """``_top`` (partition, then a sort of the few) gives ``argsort``'s stable first n,
    ties at the cut included; ``strongest`` gives the heaviest terms, the first inserted
    on a tie, for vectors short and long."""
    rng = np.random.default_rng(3)
    for k in range(3000):
        m = int(rng.integers(2, 900))
        n = int(rng.integers(1, m + 1))
        weights = rng.choice([0.25, 0.5, 1.0], m) if k % 2 else rng.random(m)
        assert _top(weights, n).tolist() == np.argsort(-weights, kind="stable")[:n].tolist()
        vector = dict(zip(rng.permutation(10 * m).tolist(), weights.tolist(), strict=False))
        expected = sorted(vector, key=vector.__getitem__, reverse=True)[:n]
        assert strongest(vector, n) == expected


def test_a_short_page_is_scored_against_more_of_the_stories_it_meets() -> None:
    """Eight articles of DUC 2003's Polish cold-wave cluster (d31010t) each in a story of its
    own: its 84-word report (under ``SHORT_WORDS``) is scored against all 8 (up to
    ``SHORT_SCORED``), its longest report of the same event against ``SCORED``."""
    cluster = next(c for c in dev(TASK2) if c.id == "d31010t")
    featurizer = Featurizer()
    df = DocumentFrequency()
    read = [featurizer.features(featurizer.clean(a)) for a in cluster.articles]
    for features in read:
        df.add(features.buckets)
    sides = [article_side(vectors(f, df, featurizer.weights), None, f.words) for f in read]
    scored: list[int] = []
    index = StoryIndex(observer=lambda side, found, top: scored.append(len(found)))
    short = next(i for i, a in enumerate(cluster.articles) if a.id == "d31010t/7")
    long = max(range(len(read)), key=lambda i: read[i].words)
    assert read[short].words < SHORT_WORDS <= read[long].words
    for i, side in enumerate(sides):
        if i not in (short, long):
            index._add(index.open(), side)
    for i in (short, long):  # every story as a candidate: all 8 share terms with both
        index.best(sides[i], set(index.stories), None, index.model.join)
    assert scored == [min(SHORT_SCORED, len(sides) - 2), SCORED]


def test_a_shared_rare_name_counts_for_more_of_the_name_overlap_than_a_common_one() -> None:
    """The web even half's 97-word page on Vitalii Sediuk at the SAG awards (Multi-News
    cluster 051) against the other 4 pages of its event and against USA TODAY's 2,154-word
    Oscars backstage page (cluster 205), inverse document frequencies from the whole half:
    ``name_overlap`` (the share of the page's ``names`` weight the other side holds) is above
    the share of its name terms by 0.016-0.025 for its own event's pages, whose shared names
    are rare ("Sediuk"), and by under 0.01 for the Oscars page."""
    clusters = [c for c in dev(MULTINEWS) if half_of(c.id) == "even"]
    featurizer = Featurizer()
    df = DocumentFrequency()
    for a in (a for c in clusters for a in c.articles):
        features = featurizer.features(featurizer.clean(a))
        if features.notice is None:
            df.add(features.buckets)

    def side(a: Article) -> OpenStory:
        features = featurizer.features(featurizer.clean(a))
        return article_side(vectors(features, df, featurizer.weights), None, features.words)

    event = next(c for c in clusters if c.id.startswith("multinews-validation-s42-051-"))
    oscars = next(c for c in clusters if c.id.startswith("multinews-validation-s42-205-"))
    page = next(a for a in event.articles if a.text.startswith("Vitalii Sediuk strikes again"))
    backstage = next(a for a in oscars.articles if "shed her heels" in a.text[:80])
    names = side(page).centroids[NAMES]
    gains = []
    for other in [*(a for a in event.articles if a is not page), backstage]:
        story = side(other)
        overlap = pair_features(side(page), story)[FEATURES.index("name_overlap")]
        terms = len(names.keys() & story.centroids[NAMES].keys()) / len(names)
        gains.append(overlap - terms)
    assert min(gains[:-1]) > 0.015 and 0 <= gains[-1] < 0.01


def test_interned_term_buckets_leave_the_stories_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One int object per bucket: a bucket in two articles' vectors is the same object; a
    table that keeps restarting (a long feed) gives the same stories."""
    clusters = dev(TASK2)[:3] + dev(MULTINEWS)[:20]
    pool = [a for c in clusters for a in c.articles]
    random.Random(5).shuffle(pool)
    grouper = Grouper.create()
    reader = grouper.featurizer
    one, two = (article(text, f"q{n}") for n, text in enumerate(QUAKE))
    first, second = (vectors(reader.read(a), grouper.df, reader.weights)[0] for a in (one, two))
    shared = first.keys() & second.keys()
    assert shared
    objects = {id(k) for k in first}
    assert all(id(k) in objects for k in second if k in shared)
    plain = Grouper.create().run(pool)
    monkeypatch.setattr(features_module, "INTERNED_TERMS", 50)
    assert Grouper.create().run(pool) == plain


def test_cleaning_ahead_reads_an_endless_stream_lazily() -> None:
    read = 0

    def endless() -> Iterator[Article]:
        nonlocal read
        for n in itertools.count():
            read += 1
            yield article(f"{QUAKE[n % 2]} Report number {n}.", f"a{n}")

    stream = ahead.cleaned_ahead(endless(), workers=1)
    first, cleaned = next(stream)
    assert first.id == "a0" and cleaned == Featurizer().clean(first)
    assert read <= (ahead.CHUNKS_AHEAD + 1) * ahead.CHUNK  # a bounded way ahead, not all
    taken = [a.id for a, _ in itertools.islice(stream, 3 * ahead.CHUNK)]
    assert taken == [f"a{n}" for n in range(1, 3 * ahead.CHUNK + 1)]  # in order
    stream.close()


def test_grouping_does_not_depend_on_input_order_for_dated_articles() -> None:
    articles = [
        *(Article(a.text, a.id, a.title, a.source, a.url, f"2017-10-{17 + i}")
          for i, a in enumerate(raqqa())),
        *(article(t, f"quake{i}", f"2017-10-{18 + i}") for i, t in enumerate(QUAKE)),
    ]  # fmt: skip
    expected = _partition(articles, group(articles))
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert _partition(shuffled, group(shuffled)) == expected


def _partition(articles: list[Article], labels: list[int]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for a, label in zip(articles, labels, strict=True):
        groups.setdefault(label, set()).add(a.id)
    return {frozenset(g) for g in groups.values()}


def test_window_closes_a_story_to_much_later_articles() -> None:
    first, second = QUAKE
    articles = [article(first, "early", "2020-01-01"), article(second, "late", "2020-01-20")]
    assert len(set(group(articles))) == 1
    assert len(set(group(articles, window=parse_window("3d")))) == 2
    assert len(set(group(articles, window=parse_window("3w")))) == 1


def test_open_stories_are_bounded_by_the_window_not_the_history() -> None:
    base = raqqa()
    grouper = Grouper.create(window=parse_window("2d"))
    start = datetime(2021, 1, 1)
    most_open = 0
    for day in range(0, 150, 5):  # the same five reports, again every five days
        for hour, a in enumerate(base):
            date = (start + timedelta(days=day, hours=hour)).isoformat()
            grouper.add(Article(a.text, f"{day}/{a.id}", a.title, a.source, None, date))
        most_open = max(most_open, len(grouper.index))
    assert most_open <= 2  # the last burst, and at most the one before it
    assert grouper.index.next_id == 31  # each burst came after its story closed: 30 stories


def test_an_undated_article_is_dated_by_its_own_date_line_not_by_dates_it_mentions() -> None:
    wiki = (
        "London bombing: Police search houses in Leeds\n\nTuesday, July 12, 2005\n\nPolice searched"
    )
    assert article_day(article(wiki, "w")) == article_day(article("x", "d", "2005-07-12"))
    assert article_day(article(wiki, "w", "2005-07-20")) == article_day(
        article("x", "d", "2005-07-20")
    )  # the date field comes first
    told = "Police said on Tuesday, July 12, 2005 they had searched six houses in Leeds."
    sept = "Headline\n\nMonday, Sept. 12, 2005\n\nPolice searched"
    assert article_day(article(sept, "s")) == article_day(article("x", "d", "2005-09-12"))
    assert article_day(article(told, "t")) is None  # a date inside a sentence is no date line
    late = "Headline\n\n" + "Police searched houses. " * 30 + "\n\nTuesday, July 12, 2005\n"
    assert article_day(article(late, "l")) is None  # only the first lines are read


def test_an_undated_stream_is_grouped_in_the_order_of_its_date_lines() -> None:
    first, second = QUAKE
    later = article(f"Quake follow-up\n\nWednesday, March 4, 2020\n\n{second}", "later")
    sooner = article(f"Quake\n\nMonday, March 2, 2020\n\n{first}", "sooner")
    undated = article(BUDGET[0], "budget")
    assert date_order([undated, later, sooner]) == [2, 1, 0]


def test_a_repeated_article_is_cleaned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsum.clean

    calls = Counter[str]()
    real = newsum.clean.clean_article

    def counted(a: Article, index: int = 0):  # type: ignore[no-untyped-def]
        calls[a.id] += 1
        return real(a, index)

    monkeypatch.setattr(newsum.clean, "clean_article", counted)
    featurizer = Featurizer()
    first = featurizer.read(article(QUAKE[0], "one"))
    again = featurizer.read(article(QUAKE[0], "two"))  # the same text under another id
    other = featurizer.read(Article(QUAKE[0], "three", title="Hokkaido quake"))
    assert (calls["one"], calls["two"], calls["three"]) == (1, 0, 1)  # a title is read too
    assert (again.key, again.words) == (first.key, first.words) and other.key == first.key
    assert list(again.buckets) == list(first.buckets)


def test_window_text_is_checked() -> None:
    assert parse_window("36h") == pytest.approx(1.5)
    assert parse_window("2w") == 14
    assert parse_window("none") is None
    for bad in ("3 days", "-1d", "d"):
        with pytest.raises(InputError):
            parse_window(bad)


def test_dev_clusters_are_recovered_from_a_shuffled_pool() -> None:
    clusters = dev(TASK2)[:4] + dev(TASK3)[:4] + dev(MULTINEWS)[:20]
    pool = [(c.id, a) for c in clusters for a in c.articles]
    random.Random(3).shuffle(pool)
    labels = group([a for _, a in pool])
    labels = [label or -1 - i for i, label in enumerate(labels)]  # unassigned: alone
    _, _, f1 = bcubed([t for t, _ in pool], labels)
    assert f1 >= 0.85


def test_evaluation_merges_clusters_that_share_a_document() -> None:
    pool = load_pool([TASK2]) if TASK2.exists() else pytest.skip("no dev data")
    assert len(pool) < sum(len(c.articles) for c in dev(TASK2))  # shared documents pooled once
    merged = truth_labels(pool)
    dropped = truth_labels(pool, shared="drop")
    shared = [p for p in pool if len(p.clusters) > 1]
    assert shared and all(dropped[pool.index(p)] is None for p in shared)
    assert len(set(merged)) < len({c for p in pool for c in p.clusters})
    result = evaluate(pool[:60], seeds=(0, 1))
    assert set(result) == {"all", "duc2003/task2"}
    assert 0.0 < result["all"].scores.f1 <= 1.0


# --- the public API --------------------------------------------------------------------


def test_stories_api_groups_orders_and_summarizes() -> None:
    articles = [*raqqa(), *(article(t, f"quake{i}", source=f"S{i}") for i, t in enumerate(QUAKE))]
    found = newsum.stories(articles, words=40)
    assert [s.size for s in found] == [5, 2]
    top = found[0]
    assert isinstance(top, Story) and top.summary is not None
    assert 0 < top.summary.words <= 40
    assert {a.id for a in top.articles} == {a.id for a in raqqa()}
    assert "Raq" in top.summary.text
    only_grouped = stories(articles, summarize=False, min_sources=2)
    assert all(s.summary is None and len(s.sources) >= 2 for s in only_grouped)


def test_outlets_are_read_from_datelines_when_there_is_no_source_field() -> None:
    wire = [  # DUC-style copy: no source field, the agency only in the dateline
        article("SAPPORO, Japan (AP) _ " + QUAKE[0], "ap1"),
        article("TOKYO (AP) _ " + QUAKE[1], "ap2"),
        article("TOKYO, Sept. 7 (Xinhua) -- " + AFTERSHOCKS, "xinhua"),
    ]
    (story,) = stories(wire, summarize=False)
    assert story.sources == ("AP", "Xinhua")
    assert stories(wire, summarize=False, min_sources=3) == []
    named = [*wire[:2], article(AFTERSHOCKS, "nhk", source="NHK")]
    assert stories(named, summarize=False)[0].sources == ("AP", "NHK")


def test_bad_settings_fail_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(newsum.MethodError):
        stories(raqqa(), method="nope")
    with pytest.raises(InputError):
        stories(raqqa(), min_sources=0)
    with pytest.raises(InputError):
        update(raqqa(), tmp_path / "state", words=0)
    assert not (tmp_path / "state").exists()


# --- the state on disk -----------------------------------------------------------------


def test_incremental_runs_extend_stories_and_skip_known_articles(tmp_path: Path) -> None:
    state = tmp_path / "state"
    reports = raqqa()
    dated = [Article(a.text, a.id, a.title, a.source, a.url, f"2017-10-{17 + i}")
             for i, a in enumerate(reports)]  # fmt: skip
    first = update(dated[:3], state, summarize=False)
    assert first.added == 3 and first.total_stories == 1
    (story_id,) = {s.id for s in first.stories}
    second = update(dated[1:], state, summarize=False)
    assert (second.added, second.skipped) == (2, 2)
    assert [s.id for s in second.stories] == [story_id]
    assert {a.id for a in second.stories[0].articles} == {a.id for a in dated}
    changed = Article("Entirely different text.", dated[0].id)
    with pytest.raises(InputError, match="already in the state"):
        update([changed], state, summarize=False)
    with StoryState(state) as store:
        assert store.counts() == (5, 1)
        with pytest.raises(InputError, match="in use"):
            StoryState(state)  # a second run at the same time is refused


def test_a_merge_of_saved_stories_is_saved(tmp_path: Path) -> None:
    state = tmp_path / "state"
    dated = [Article(a.text, a.id, a.title, a.source, a.url, f"2017-10-{17 + i}")
             for i, a in enumerate(raqqa())]  # fmt: skip
    never = replace(JoinModel.load(), join=1.01)  # a model that joins nothing
    apart = update(dated, state, summarize=False, model=never)
    assert apart.total_stories == 5
    again = Article(dated[0].text[:-40], "raqqa-again", date="2017-10-22")  # joins one of them
    quake = [article(t, f"quake{i}", "2017-10-22") for i, t in enumerate(QUAKE)]
    later = update([again, *quake], state, summarize=False)
    merged = [s for s in later.stories if len(s.articles) == 6]
    assert len(merged) == 1 and later.total_stories == 2
    assert {a.id for a in merged[0].articles} == {a.id for a in dated} | {"raqqa-again"}
    ids, members, sizes = _state_rows(state / "stories.sqlite")
    assert len(ids) == 8 and members[merged[0].id] == sizes[merged[0].id] == 6


def test_a_state_of_an_older_newsum_is_refused_in_one_line(tmp_path: Path) -> None:
    state = tmp_path / "state"
    update(raqqa()[:2], state, summarize=False)
    with sqlite3.connect(state / "stories.sqlite") as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    with pytest.raises(InputError, match="state version 2"):
        update(raqqa(), state, summarize=False)


def test_an_empty_state_file_is_refused_not_taken_as_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    update(raqqa(), state, summarize=False)
    (state / "stories.sqlite").write_bytes(b"")  # cut to 0 bytes (a full disk, a bad copy)
    for name in ("stories.sqlite-wal", "stories.sqlite-shm"):
        (state / name).unlink(missing_ok=True)
    with pytest.raises(InputError, match="empty"):
        update(raqqa(), state, summarize=False)
    assert (state / "stories.sqlite").stat().st_size == 0  # nothing written over it
    assert main(["stories", str(RAQQA), "--state", str(state), "--no-summary"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsum: error:") and "0 bytes" in err and err.count("\n") == 1


def test_a_read_only_state_is_the_users_situation_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state"
    update(raqqa()[:3], state, summarize=False)
    connect = sqlite3.connect

    def read_only(path: object, **kwargs: object) -> sqlite3.Connection:
        # what a file the user may not write gives (chmod does not stop root, who runs CI)
        return connect(f"file:{path}?mode=ro", uri=True, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("newsum.grouping.state.sqlite3.connect", read_only)
    with pytest.raises(InputError, match="read-only"):
        update(raqqa(), state, summarize=False)
    assert main(["stories", str(RAQQA), "--state", str(state), "--no-summary"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsum: error:") and "read-only" in err and err.count("\n") == 1
    assert "internal error" not in err


def test_a_run_that_died_before_reporting_is_reported_by_the_next(tmp_path: Path) -> None:
    articles = [*raqqa(), *(article(t, f"quake{i}") for i, t in enumerate(QUAKE))]
    clean = update(articles, tmp_path / "clean", summarize=False)

    def die(_: object) -> None:
        raise KeyboardInterrupt  # killed after every article was saved, before the output

    with pytest.raises(KeyboardInterrupt):
        update(articles, tmp_path / "killed", summarize=False, deliver=die)
    rerun = update(articles, tmp_path / "killed", summarize=False)
    assert (rerun.added, rerun.skipped) == (0, len(articles))
    assert _stories_of(rerun.stories) == _stories_of(clean.stories)
    assert len(clean.stories) == 2
    again = update(articles, tmp_path / "killed", summarize=False)
    assert again.stories == ()  # reported once: nothing changed since


def _stories_of(found: Sequence[Story]) -> set[tuple[int, frozenset[str]]]:
    return {(s.id, frozenset(a.id for a in s.articles)) for s in found}


def _feed(path: Path, count: int) -> None:
    """``count`` lightly edited, re-dated copies of the Raqqa reports, as JSONL."""
    rng = random.Random(11)
    base = raqqa()
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            a = base[n % len(base)]
            words = a.text.split()
            kept = [w for w in words if rng.random() > 0.05]
            date = f"2020-{1 + (n // 600) % 12:02d}-{1 + (n // 25) % 28:02d} {n % 24:02d}:00:00"
            record = {"id": f"a{n}", "text": " ".join(kept), "date": date, "source": f"S{n % 7}"}
            out.write(json.dumps(record) + "\n")


def _state_rows(db: Path) -> tuple[set[str], dict[int, int], dict[int, int]]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
        members = dict(
            conn.execute("SELECT story, COUNT(*) FROM articles WHERE story != 0 GROUP BY story")
        )  # story 0: the articles in no story
        sizes = dict(conn.execute("SELECT id, size FROM stories WHERE size > 0"))
    return ids, members, sizes


def test_a_killed_run_loses_nothing_and_its_rerun_gives_one_clean_runs_result(
    tmp_path: Path,
) -> None:
    total = 1500
    feed = tmp_path / "feed.jsonl"
    _feed(feed, total)
    state = tmp_path / "state"
    db = state / "stories.sqlite"
    command = [sys.executable, "-m", "newsum.cli", "stories", str(feed), "--state", str(state),
               "--window", "3d", "--no-summary", "-o", str(tmp_path / "out.jsonl")]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
    seen: set[str] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    seen = {r[0] for r in conn.execute("SELECT id FROM articles")}
            except sqlite3.OperationalError:  # tables not created yet
                seen = set()
            if len(seen) >= 300:
                break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 300 <= len(seen) < total

    ids, members, sizes = _state_rows(db)
    assert seen <= ids  # everything seen committed before the kill is still there
    assert len(ids) < total
    assert members == sizes  # every story's size matches the articles that point to it

    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    skipped = int(done.stderr.split("(")[1].split()[0])
    assert skipped == len(ids)
    final_ids, members, sizes = _state_rows(db)
    assert final_ids == {f"a{n}" for n in range(total)}
    assert members == sizes
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert written and all(r["articles"] for r in written)

    clean = [*command[:6], str(tmp_path / "clean"), *command[7:-1], str(tmp_path / "clean.jsonl")]
    once = subprocess.run(clean, capture_output=True, text=True, env=env, check=False)
    assert once.returncode == 0, once.stderr
    expected = [json.loads(line) for line in (tmp_path / "clean.jsonl").read_text().splitlines()]
    assert written == expected  # every story, merges and all, as one run makes them
    assert _placement(db) == _placement(tmp_path / "clean" / "stories.sqlite")


def _placement(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, story FROM articles"))


# --- command line ----------------------------------------------------------------------


def test_cli_writes_one_story_per_line_with_article_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "mixed.jsonl"
    lines = [{"id": a.id, "text": a.text, "source": "wire"} for a in raqqa()]
    lines += [{"id": f"q{i}", "text": t, "source": f"paper{i}"} for i, t in enumerate(QUAKE)]
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "stories.jsonl"
    assert main(["stories", str(feed), "-o", str(out), "--words", "30"]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [len(r["articles"]) for r in records] == [5, 2]
    assert Counter(i for r in records for i in r["articles"]) == Counter(x["id"] for x in lines)
    assert all(r["summary"] and r["sentences"] for r in records)
    assert main(["stories", str(feed), "--min-sources", "2", "--no-summary", "-f", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [r["articles"] for r in shown] == [["q0", "q1"]]


def test_cli_jobs_clean_ahead_and_give_the_same_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clusters = dev(TASK2)[:3] + dev(MULTINEWS)[:10]
    pool = [a for c in clusters for a in c.articles]
    random.Random(3).shuffle(pool)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": a.id, "text": a.text, "title": a.title}) + "\n" for a in pool),
        encoding="utf-8",
    )
    monkeypatch.setattr(group_module, "AHEAD_ARTICLES", 1)  # workers even for this few
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        assert main(["stories", str(feed), "--no-summary", "--jobs", jobs, "-o", str(out)]) == 0
        runs.append([json.loads(line)["articles"] for line in out.read_text().splitlines()])
    assert runs[0] == runs[1] and len(runs[0]) > 3
    assert main(["stories", str(feed), "--state", str(tmp_path / "s"), "--jobs", "2"]) == 0
    assert "--jobs has no effect with --state" in capsys.readouterr().err


def test_cli_refuses_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stories", str(RAQQA), "--window", "soon"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsum: error: window") and err.count("\n") == 1
    twice = tmp_path / "twice.jsonl"
    twice.write_text('{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n')
    assert main(["stories", str(twice)]) == 1
    assert "share the id" in capsys.readouterr().err


def test_evaluate_stories_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    dev(TAC)
    assert main(["evaluate-stories", str(TAC), "--seeds", "2"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[:2] == ["data", "set"]
    row = table[2].split()
    assert row[0] == "all" and row[1] == "100" and row[2] == "10"
    assert 0.5 < float(row[6]) <= 1.0  # F1


# --- the join model --------------------------------------------------------------------


def test_the_shipped_model_loads_offline_from_the_package() -> None:
    code = (
        "import json, socket\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = refuse\n"
        "from newsum.grouping.model import FEATURES, JoinModel, pair_features\n"
        "m = JoinModel.load()\n"
        "print(json.dumps([len(m.decide.weights), len(FEATURES), m.join]))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    weights, features, join = json.loads(done.stdout)
    assert weights == features == len(FEATURES) == 15 and 0 < join < 1
    shipped = ROOT / "src" / "newsum" / "grouping" / "join_model.json"
    assert shipped.stat().st_size < 10_000  # plain numbers, no pickle


def test_the_model_weighs_similarity_up_and_refuses_a_bad_file(tmp_path: Path) -> None:
    model = JoinModel.load()
    weights = dict(zip(FEATURES, model.decide.weights, strict=True))
    assert weights["sim_all"] > 0  # closer articles are likelier to be one event
    assert model.merge_decide is not None  # merges have a decision of their own
    merging = dict(zip(FEATURES, model.merge_decide.weights, strict=True))
    assert merging["centroid_all"] > 0  # closer stories are likelier to be one event
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({**model.info, "features": ["sim_all"]}), encoding="utf-8")
    with pytest.raises(InputError, match="features"):
        JoinModel.load(bad)


def test_merges_follow_the_merge_threshold_of_the_model_file() -> None:
    clusters = dev(TAC)[:4] + dev(TASK2)[:3]
    pool = [a for c in clusters for a in c.articles]
    random.Random(5).shuffle(pool)
    model = JoinModel.load()
    assert model.merge == model.info["merge"]  # read from the file, not the join threshold

    def merges(chosen: JoinModel) -> int:
        grouper = Grouper.create(model=chosen)
        return sum(len(grouper.add(pool[i]).merges) for i in date_order(pool))

    assert merges(model) > 0
    assert merges(JoinModel.from_dict({**model.info, "merge": 1.5})) == 0  # above any odds
    unset = {k: v for k, v in model.info.items() if k != "merge"}
    assert JoinModel.from_dict(unset).merge == model.join  # no merge threshold: the join's


def test_the_training_script_reproduces_the_shipped_model() -> None:
    pytest.importorskip("sklearn")
    for name in DEV_FILES:
        if not (DATA / name.partition("#")[0]).exists():
            pytest.skip(f"{DATA / name} not present (dev data lives in ../shared/data)")
    env = {**os.environ, "NEWSUM_DATA": str(DATA)}
    script = ROOT / "benchmarks" / "stories_train.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("same as")


# --- evaluation ------------------------------------------------------------------------


def test_pairwise_scores_count_pairs_put_together() -> None:
    truth = ["a", "a", "a", "b", "b", "c"]
    predicted = [1, 1, 2, 2, 2, 3]  # pairs: (0,1) right, (2,3) (2,4) wrong, (3,4) right
    precision, recall, f1 = pairwise(truth, predicted)
    assert precision == pytest.approx(2 / 4) and recall == pytest.approx(2 / 4)
    assert f1 == pytest.approx(0.5)
    assert pairwise(truth, truth) == (1.0, 1.0, 1.0)


def test_the_ceiling_keeps_true_stories_whole_and_identical_texts_together() -> None:
    pool = load_pool([MULTINEWS]) if MULTINEWS.exists() else pytest.skip("no dev data")
    best = ceiling(pool)
    assert best["all"].recall == 1.0 and 0.8 < best["all"].precision < 1.0  # shared notices
    apart = ceiling(pool, notices_alone=True)["all"]  # notices kept out, as grouping does
    assert apart.precision > best["all"].precision and 0.8 < apart.recall < 1.0
    assert apart.f1 > best["all"].f1
    if TASK3.exists():
        assert ceiling(load_pool([TASK3]))["all"].f1 == 1.0


def test_the_even_and_odd_halves_split_a_set_into_two_disjoint_parts() -> None:
    if not MULTINEWS.exists():
        pytest.skip("no dev data")
    whole = {p.article.id for p in load_pool([MULTINEWS])}
    even = {p.article.id for p in load_pool([f"{MULTINEWS}#even"])}
    odd = {p.article.id for p in load_pool([f"{MULTINEWS}#odd"])}
    assert even and odd and not even & odd and even | odd == whole
    clusters = {c for p in load_pool([f"{MULTINEWS}#odd"]) for c in p.clusters}
    assert {half_of(c) for c in clusters} == {"odd"}
    with pytest.raises(InputError, match="half"):
        load_pool([f"{MULTINEWS}#third"])


def test_a_story_heading_shows_its_dates_in_one_form_whatever_the_feed_wrote() -> None:
    """Two wires date one event "11/06/1998 08:36:00" and "1998-11-06 21:16": the heading
    gives both in one form, earliest first; an article without a time of day shows the day."""
    from newsum.grouping.render import to_text

    text = "Rescuers searched the rubble of the collapsed school in Ankara on Friday."
    story = Story(
        1,
        (
            Article(text=text, id="a", date="11/06/1998 08:36:00"),
            Article(text=text, id="b", date="1998-11-06 21:16"),
        ),
    )
    heading = to_text([story]).splitlines()[0]
    assert heading.endswith(", 1998-11-06 08:36 to 1998-11-06 21:16"), heading
    day = Story(2, (Article(text=text, id="c", date="19981107"),))
    assert to_text([day]).splitlines()[0].endswith(", 1998-11-07")
