"""Corroboration: which outlets back each statement, found across paraphrase and spelling."""

from __future__ import annotations

import functools
import gc
from pathlib import Path

import pytest

from conftest import DATA, RAQQA, dev_clusters
from newsum.pipeline import Components, prepare, summarize
from newsum.read import read_paths
from newsum.represent import ClusterView
from newsum.trust import analyse, matching
from newsum.trust.matching import SUPPORT_THRESHOLD, Matcher, build_matcher
from newsum.trust.outlets import Outlets, is_copy, outlet_name
from newsum.trust.quantities import find_quantities
from newsum.trust.support import find_support
from newsum.trust.units import negated
from newsum.types import Article

PAIRS = Path(__file__).resolve().parents[1] / "benchmarks" / "paraphrase_pairs.tsv"
DEV_NAMES = {
    "duc2003/task2": "duc2003-task2",
    "duc2003/task3": "duc2003-task3",
    "tac2011_multiling_en/test": "tac2011",
}


@functools.cache
def raqqa() -> tuple[ClusterView, Matcher]:
    view = prepare(read_paths([RAQQA]), Components())
    return view, build_matcher(view)


def sentence(view: ClusterView, doc: int, words: str) -> int:
    found = [k for k, s in enumerate(view.sentences) if s.doc == doc and words in s.text]
    assert len(found) == 1, (doc, words, len(found))
    return found[0]


def outlets_backing(doc: int, words: str) -> tuple[str, ...]:
    view, matcher = raqqa()
    index = sentence(view, doc, words)
    outlets = Outlets.of(view.documents)
    support = find_support(matcher, outlets, [index])[0]
    return outlets.independent(view.sentences[index], support)


def test_outlets_are_named_from_datelines_and_credit_lines() -> None:
    view, _ = raqqa()
    names = [outlet_name(d) for d in view.documents]
    assert names[0] == "AFP"  # "Source:AFP" at the end
    assert names[1] == "Global Gathering"  # "By ... | Read Breaking News on GLOBAL GATHERING"
    assert names[2] == "AP"  # "BEIRUT (AP) —"
    assert names[4] == "Xinhua"  # "DAMASCUS, Oct. 17 (Xinhua) --"
    assert names[3] == "Article 4"  # nothing says: its place in the input, never the file name


def test_275_surrendered_fighters_are_backed_by_more_than_one_outlet() -> None:
    backing = outlets_backing(0, "a total of 275 Syrian IS fighters")
    assert {"AFP", "Xinhua"} <= set(backing)


def test_300_remaining_foreign_fighters_are_backed_by_more_than_one_outlet() -> None:
    backing = outlets_backing(0, "only about 300 IS fighters, mostly foreigners")
    assert {"AFP", "Xinhua"} <= set(backing)


def test_a_claim_only_one_outlet_makes_is_single_source() -> None:
    assert outlets_backing(0, "22 foreign mercenaries were killed") == ("AFP",)


def test_spelling_variants_match() -> None:
    """Raqa (AFP) and Raqqa (the others) are one unit, so are IS and Islamic State."""
    view, matcher = raqqa()
    a = sentence(view, 0, "After IS captured Raqa in 2014")
    b = sentence(view, 2, "Militants seized Raqqa in 2014")
    assert "Raqqa" in matcher.shared(a, b)


def test_a_word_for_word_copy_is_not_an_independent_source() -> None:
    view, matcher = raqqa()
    a = sentence(view, 1, "retook the town of Mayadeen")
    b = sentence(view, 3, "retook the town of Mayadeen")
    assert is_copy(view.sentences[a], view.sentences[b])
    outlets = Outlets.of(view.documents)
    support = find_support(matcher, outlets, [a])[0]
    assert 3 in {s.sentence.doc for s in support}
    independent = outlets.independent(view.sentences[a], support)
    assert outlets.name(3) not in independent
    backing = outlets.corroboration(view.sentences[a], support)
    assert backing.copies == 1 and backing.label.endswith(", 1 copy")


def test_syndicated_copy_counts_once(components: Components) -> None:
    articles = read_paths([RAQQA])
    copy = Article(articles[4].text, id="copy", source="Yahoo News")
    view = prepare([*articles, copy], components)
    assert view.documents[5].duplicate_of == 4
    index = sentence(view, 4, "in addition to 275 local IS militants")
    outlets = Outlets.of(view.documents)
    support = find_support(build_matcher(view), outlets, [index])[0]
    assert 5 not in {s.sentence.doc for s in support}
    assert outlets.distinct([4, 5]) == ("Xinhua",)


def test_summary_sentences_carry_sources_and_the_trust_report(components: Components) -> None:
    summary = summarize(read_paths([RAQQA]), words=120, components=components)
    assert summary.sentences
    assert summary.trust is not None
    for s in summary.sentences:
        assert s.sources[0] == outlet_name(summary.documents[s.origin.doc])
        assert all(sup.score >= summary.trust.support_threshold for sup in s.support)
        assert all(sup.sentence.doc != s.origin.doc for sup in s.support)
    table = {row.source: row for row in summary.trust.source_table}
    for k, s in enumerate(summary.sentences):
        assert k in table[outlet_name(summary.documents[s.origin.doc])].origin
    assert sum(len(r.documents) for r in table.values()) == len(summary.documents)
    assert summary.trust.matching == "learned (units)"


def test_attribute_on_sentences_without_any_match() -> None:
    view = prepare(
        [Article("The river flooded the old town on Monday night.", id="a", source="One"),
         Article("A new library opened downtown with ten thousand books.", id="b", source="Two")],
        Components(),
    )  # fmt: skip
    found = analyse(view, [0])
    assert found.supports == ((),)
    assert found.sources == (("One",),)
    assert found.report.disagreements == ()
    assert found.report.corroboration[0].label == "single source"


def load_pairs() -> list[tuple[str, str, int, str, int, str, bool]]:
    rows = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            dev, cluster, da, sa, db, sb, label = line.split("\t")
            rows.append((dev, cluster, int(da), sa, int(db), sb, label.strip() == "1"))
    return rows


def pair_scores() -> list[tuple[bool, float, float, str]]:
    """(same, matcher score, TF-IDF cosine, where) for the hand-labelled dev-set pairs."""
    if not DATA.exists():
        pytest.skip("dev sets not present")
    views: dict[str, tuple[ClusterView, Matcher]] = {}
    rows = []
    for dev, cluster, da, sa, db, sb, same in load_pairs():
        if cluster not in views:
            found = [c for c in dev_clusters(DEV_NAMES[dev]) if c.id == cluster]
            view = prepare(found[0].articles, Components())
            views[cluster] = (view, build_matcher(view))
        view, matcher = views[cluster]
        a = next(k for k, s in enumerate(view.sentences) if s.doc == da and s.text.startswith(sa))
        b = next(k for k, s in enumerate(view.sentences) if s.doc == db and s.text.startswith(sb))
        cosine = float((view.tfidf[a] @ view.tfidf[b].T).toarray()[0, 0])
        rows.append((same, float(matcher.scores([a])[0, b]), cosine, f"{cluster} {sa!r}/{sb!r}"))
    return rows


def test_dev_paraphrases_beat_plain_tfidf() -> None:
    """On hand-labelled dev pairs the matcher finds more paraphrases with fewer false matches
    than TF-IDF cosine at the same threshold, and stays mostly right."""
    rows = pair_scores()
    hits = sum(1 for same, score, _, _ in rows if same and score >= SUPPORT_THRESHOLD)
    false = sum(1 for same, score, _, _ in rows if not same and score >= SUPPORT_THRESHOLD)
    tf_hits = sum(1 for same, _, cos, _ in rows if same and cos >= SUPPORT_THRESHOLD)
    tf_false = sum(1 for same, _, cos, _ in rows if not same and cos >= SUPPORT_THRESHOLD)
    assert hits > tf_hits and false < tf_false
    assert hits >= 3 * false


@pytest.mark.parametrize(
    "where",
    [
        "d30010t 'The Islamic militant group'/'The radical group Hamas'",
        "d30010t 'The Cabinet it would'/'The Cabinet said in'",
        "d124i 'The Nobel committee recognized'/'The Nobel committee cited'",
        "d30003t 'Gen. Augusto Pinochet, who'/'Pinochet, who ruled Chile'",
    ],
)
def test_dev_paraphrase_pairs_match(where: str) -> None:
    rows = {r[3]: r for r in pair_scores()}
    same, score, _, _ = rows[where]
    assert same and score >= SUPPORT_THRESHOLD


@pytest.mark.parametrize(
    "where",
    [
        "d30020t 'China picked up one'/'Pakistan has won the'",  # same words, other country
        "M008 'Teams from France and'/'A search team from'",  # "neither ... recovered"
    ],
)
def test_dev_lookalikes_do_not_match(where: str) -> None:
    rows = {r[3]: r for r in pair_scores()}
    same, score, _, _ = rows[where]
    assert not same and score < SUPPORT_THRESHOLD


def test_embeddings_load_offline_and_keep_the_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("wordllama")
    from newsum.embed import load_embedder

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = load_embedder()
    vectors = embedder.embed(["killed", "died", "stadium"])
    assert vectors.shape[0] == 3
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
    view, _ = raqqa()
    matcher = build_matcher(view, embedder=embedder)
    index = sentence(view, 0, "a total of 275 Syrian IS fighters")
    support = find_support(matcher, Outlets.of(view.documents), [index])[0]
    assert 4 in {s.sentence.doc for s in support}


def test_related_words_are_found_block_by_block_and_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Word similarity is worked out a block of words at a time; the blocks must give what one
    # pass over the whole vocabulary gives, and each word keeps only its closest neighbours.
    pytest.importorskip("wordllama")
    import newsum.trust.matching as matching
    from newsum.embed import load_embedder

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = load_embedder()
    units = raqqa()[1].units
    whole = matching.related_units(units, embedder, neighbours=len(units.vocabulary))
    monkeypatch.setattr(matching, "RELATED_BLOCK", 7)  # many blocks, words split across them
    blocks = matching.related_units(units, embedder, neighbours=len(units.vocabulary))
    assert whole.nnz > 100 and whole.shape == blocks.shape
    assert (whole != 0).toarray().tolist() == (blocks != 0).toarray().tolist()
    assert abs(whole - blocks).max() < 1e-5
    for one, other in [("kill", "die"), ("deal", "agreement"), ("troop", "soldier")]:
        assert whole[units.vocabulary[one], units.vocabulary[other]] > 0, (one, other)
    capped = matching.related_units(units, embedder, neighbours=1)
    per_word = (capped != 0).sum(axis=1)
    assert per_word.max() == 1 and capped.nnz == (whole.getnnz(axis=1) > 0).sum()
    for row in set(capped.nonzero()[0].tolist()):
        assert abs(capped[row].max() - whole[row].max()) < 1e-5  # the one kept is the closest


def test_a_floor_only_leaves_out_pairs_below_it() -> None:
    # The per-outlet table asks only which pairs reach the support threshold: with a floor,
    # those keep their exact score and the others may drop to 0, never rise above it.
    view, matcher = raqqa()
    rows = list(range(len(view.sentences)))
    a, b = matcher.candidates(rows, SUPPORT_THRESHOLD)
    exact = matcher.score_pairs(a, b)
    floored = matcher.score_pairs(a, b, SUPPORT_THRESHOLD)
    reaching = exact >= SUPPORT_THRESHOLD
    assert reaching.sum() > 10 and (~reaching).sum() > 100
    assert (floored[reaching] == exact[reaching]).all()
    assert (floored[~reaching] < SUPPORT_THRESHOLD).all()


def _rows_reached_by_scoring(matcher: Matcher, rows: list[int]) -> set[int]:
    a, b = matcher.candidates(rows, SUPPORT_THRESHOLD)
    good = matcher.score_pairs(a, b, SUPPORT_THRESHOLD) >= SUPPORT_THRESHOLD
    return set(a[good].tolist())


@pytest.mark.parametrize("where", ["raqqa", "raqqa, partial index", "duc2003-task2"])
def test_the_table_shortcut_finds_the_rows_that_scoring_every_pair_finds(
    where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Matcher.reaches`` skips clause scores and scores reverse pairs; the rows it reports
    must be exactly those that scoring every candidate pair reports. With a partial index
    (units in more than ``POSTING_LIMIT`` sentences left out, as in a 1,000-article cluster)
    a reverse pair may not be one the index proposes, and must not count then."""
    if where.startswith("raqqa"):
        views = [raqqa()[0]]
        if where.endswith("partial index"):
            monkeypatch.setattr(matching, "POSTING_LIMIT", 4)
    else:
        views = [prepare(c.articles, Components()) for c in dev_clusters(where)[:4]]
    for view in views:
        matcher = build_matcher(view)
        assert matcher._partial_index is where.endswith("partial index")
        rows = list(range(len(view.sentences)))
        expected = _rows_reached_by_scoring(matcher, rows)
        a, b = matcher.candidates(rows, SUPPORT_THRESHOLD)
        forward, reverse = matcher.reaches(a, b, SUPPORT_THRESHOLD)
        assert set(forward.tolist()) == expected
        assert set(reverse.tolist()) <= expected
        # Row by row, as the table asks, a row found through a reverse pair is right too.
        for row in reverse.tolist()[:20]:
            assert _rows_reached_by_scoring(matcher, [row]) == {row}
    assert expected  # Raqqa's outlets do share sentences


@pytest.mark.parametrize("collecting", [True, False])
def test_the_trust_stage_leaves_the_cycle_collector_as_it_found_it(collecting: bool) -> None:
    view, _ = raqqa()
    was = gc.isenabled()
    try:
        gc.enable() if collecting else gc.disable()
        found = analyse(view, [0, 1])
        assert gc.isenabled() is collecting
    finally:
        gc.enable() if was else gc.disable()
    assert found.report.source_table


def test_negation_and_figures_are_found_whatever_the_case_and_script() -> None:
    """The negation rule and the figure prefilter read lowercased ASCII text (a faster
    search) and other text case-insensitively: both find capitals and accents alike."""
    assert negated("Officials did NOT confirm the deal.")
    assert negated("They DIDN'T leave.")
    assert negated("Nobody was hurt.")
    assert not negated("Notably, nothingness won.")
    assert negated("Le président n'a NEVER dit ça.")
    assert not negated("Le président a dit ça.")
    values = [q.value for q in find_quantities("TWENTY people died and Seven were hurt.")]
    assert values == [20.0, 7.0]
    values = [q.value for q in find_quantities("Über 300 Menschen, señor, and FIVE others.")]
    assert values == [300.0, 5.0]
    assert find_quantities("No figure here.") == []
