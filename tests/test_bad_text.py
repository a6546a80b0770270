"""Text newsum cannot summarize gets a reason, never an empty success: scripts written
without spaces, passages without sentence punctuation, a budget no sentence fits."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import RAQQA
from newsum import cli
from newsum.errors import InputError
from newsum.pipeline import summarize
from newsum.split import MAX_SENTENCE_WORDS, BoundedSplitter, NupunktSplitter
from newsum.types import Article

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(RAQQA.glob("*.txt"))]
CHINESE = (
    "周一，救援队抵达了被洪水淹没的城镇。官员说，大约两百人被转移到避难所。"
    "河水在夜间漫过堤岸，许多房屋被淹。当局表示，目前没有人员死亡的报告。"
)
JAPANESE = "月曜日、救助隊が洪水に見舞われた町に到着した。当局によると、約二百人が避難所に移った。"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text", [CHINESE, JAPANESE])
def test_text_without_spaces_is_refused_with_the_real_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "summarize", path)
    assert code == 1 and out == ""
    [line] = err.strip().splitlines()
    assert line.startswith("newsum: error: story.txt: ") and "without spaces" in line
    assert "boilerplate" not in line


def test_one_article_without_spaces_costs_only_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for i, text in enumerate(TEXTS[:3]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    code, out, err = run(capsys, "summarize", tmp_path, "-w", "40", "-f", "json")
    assert code == 0, err
    assert "zh.txt" in err and "without spaces" in err
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == ["0.txt", "1.txt", "2.txt"]
    assert 0 < data["words"] <= 40


def test_chinese_names_inside_english_text_are_fine() -> None:
    text = TEXTS[0] + " Witnesses quoted a banner reading 叙利亚民主力量 (the SDF's name)."
    assert summarize([text, TEXTS[1]], words=40).sentences


def test_a_long_line_without_punctuation_is_an_error_not_an_empty_success(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rng = random.Random(3)
    words = TEXTS[0].lower().replace(".", "").replace(",", "").split()
    path = tmp_path / "line.txt"
    path.write_text(" ".join(rng.choice(words) for _ in range(200_000)), encoding="utf-8")
    code, out, err = run(capsys, "summarize", path)
    assert code == 1 and out == ""
    [line] = err.strip().splitlines()
    assert "no usable sentence" in line and "without sentence punctuation" in line
    assert "200,000 words" in line


def test_run_on_sentences_are_cut_at_punctuation_and_spans_stay_exact() -> None:
    run_on = "; ".join(s.strip() for s in TEXTS[1].split(". ") if s.strip())  # ".;"-joined
    splitter = BoundedSplitter(NupunktSplitter())
    spans = splitter.spans(run_on)
    assert len(spans) > 1 and not splitter.dropped
    for start, end in spans:
        assert 0 < len(run_on[start:end].split()) <= MAX_SENTENCE_WORDS
    unbroken = " ".join(["word"] * (MAX_SENTENCE_WORDS + 1)) + "."
    splitter = BoundedSplitter(NupunktSplitter())
    assert splitter.spans(f"A short sentence here. {unbroken} Another one follows.") == [
        (0, 22),
        (len(unbroken) + 24, len(unbroken) + 44),
    ]
    assert splitter.dropped == [MAX_SENTENCE_WORDS + 1]


def test_a_summary_with_a_dropped_passage_says_so() -> None:
    unbroken = " ".join(["fighters"] * 400)
    summary = summarize([TEXTS[0] + "\n\n" + unbroken, TEXTS[1]], words=50)
    assert summary.sentences
    assert any("without sentence punctuation" in w for w in summary.warnings)


def test_a_budget_that_no_sentence_fits_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", RAQQA, "--words", "3")
    assert code == 1 and out == ""
    assert "no sentence fits in 3 words" in err and "larger --words" in err
    with pytest.raises(InputError, match="no sentence fits"):
        summarize([Article(text=t) for t in TEXTS[:2]], words=2)
