"""The command line: every bad input is one line on stderr and a non-zero exit."""

from __future__ import annotations

import html
import io
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from conftest import RAQQA
from newsum import cli

GERMAN = (
    "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Preise beschlossen. "
    "Nach Angaben des Ministeriums sollen vor allem Familien mit kleinen Einkommen "
    "entlastet werden. Die Opposition kritisierte, dass die Hilfen zu spät kämen und nicht "
    "ausreichten. Der Bundestag soll noch in dieser Woche über das Paket abstimmen."
)


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsum: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "empty").mkdir()
    files = {
        "empty": tmp_path / "empty",
        "blank": tmp_path / "blank.txt",
        "png": tmp_path / "chart.png",
        "zip": tmp_path / "story.txt",
        "junk": tmp_path / "junk.txt",
        "broken": tmp_path / "broken.jsonl",
        "big": tmp_path / "big.txt",
        "boilerplate": tmp_path / "furniture.txt",
    }
    files["blank"].write_text(" \n\n\t \n")
    files["png"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    files["zip"].write_bytes(b"PK\x03\x04\x14\x00\x08\x00" + bytes(200))
    files["junk"].write_bytes(bytes(range(0x80, 0x100)) * 20)
    files["broken"].write_text('{"text": "The city fell on Tuesday."}\n\n{"text": "oops\n')
    with files["big"].open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    files["boilerplate"].write_text(
        "TOP STORIES\nEDITOR'S CHOICE\nMOST VIEWED\n\nJoin our Newsletter for the latest news\n"
        "\nCopyright (c) 2024 Example. All Rights Reserved.\n\nRead more\n"
    )
    return files


@pytest.mark.parametrize(
    ("key", "fragments"),
    [
        ("empty", ["empty: folder holds no article files"]),
        ("blank", ["blank.txt: is empty"]),
        ("png", ["chart.png: looks like a PNG image"]),
        ("zip", ["story.txt: looks like a ZIP archive"]),
        ("junk", ["junk.txt: undecodable bytes"]),
        ("broken", ["broken.jsonl, line 3: invalid JSON"]),
        ("big", ["big.txt: file is 52.4 MB, over the 50 MB limit"]),
        ("boilerplate", ["no usable sentence"]),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], bad_inputs: dict[str, Path], key: str, fragments: list[str]
) -> None:
    code, out, err = run(capsys, "summarize", bad_inputs[key])
    assert_one_line_error(code, err, *fragments)
    assert out == ""


def test_missing_path_and_unknown_method(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "summarize", "no/such/file.txt")
    assert_one_line_error(code, err, "no/such/file.txt: no such file or folder")
    code, _, err = run(capsys, "summarize", RAQQA, "--method", "nosuch")
    assert_one_line_error(code, err, "unknown method 'nosuch'", "concepts")


def test_single_article_is_valid_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", RAQQA / "004_29db2200959aca4a.txt", "-w", "40")
    assert code == 0 and err == ""
    assert "Raqqa" in out and len(out.split()) <= 40


def test_non_english_text_warns_and_still_summarizes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    code, out, err = run(capsys, "summarize", path, "--words", "30")
    assert code == 0
    assert err.startswith("newsum: warning: ") and "English" in err
    assert "Regierung" in out


def test_stdin_dash_reads_bytes_in_any_encoding(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (RAQQA / "002_dbfa873eea8ebaca.txt").read_text(encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "summarize", "-", "--words", "50", "-f", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["words"] <= 50 and result["documents"][0]["dateline"] == "BEIRUT (AP)"


def test_unwritable_output_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(json.dumps({"id": "a", "documents": [{"text": GERMAN}]}) + "\n")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    code, _, err = run(capsys, "batch", clusters, "-o", blocker / "out.jsonl")
    assert_one_line_error(code, err, "file.txt")
    code, _, err = run(capsys, "batch", clusters, "-o", tmp_path)
    assert_one_line_error(code, err, str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission_denied_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The city fell on Tuesday after a long siege.")
    path.chmod(0)
    code, _, err = run(capsys, "summarize", path)
    assert_one_line_error(code, err, "secret.txt", "Permission denied")


def test_a_bug_is_one_line_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("newsum.pipeline.summarize", broken)
    monkeypatch.delenv("NEWSUM_DEBUG", raising=False)
    code, _, err = run(capsys, "summarize", RAQQA)
    assert_one_line_error(code, err, "internal error (RuntimeError: boom)")


def test_usage_errors_exit_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "summarize", RAQQA, "--words", "0")
    assert code == 2 and "Traceback" not in err and "--words" in err


def test_real_console_entry(tmp_path: Path) -> None:
    """Through a new interpreter, as a user runs it: stdin, one-line errors, exit codes."""
    command = [sys.executable, "-m", "newsum.cli"]
    png = tmp_path / "a.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    bad = subprocess.run([*command, "summarize", str(png)], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr == f"newsum: error: {png}: looks like a PNG image, not text\n"
    text = (RAQQA / "004_29db2200959aca4a.txt").read_bytes()
    good = subprocess.run([*command, "summarize", "-", "-w", "30"], input=text, capture_output=True)
    assert good.returncode == 0, good.stderr
    assert 5 <= len(good.stdout.split()) <= 30 and good.stderr == b""


def test_permission_denied_is_one_line_even_as_root(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Root reads every file, so the refusal is simulated where the file is opened."""
    path = tmp_path / "secret.txt"
    path.write_text("The city fell on Tuesday after a long siege.")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name in {"secret.txt", "out.jsonl"}:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    code, _, err = run(capsys, "summarize", path)
    assert_one_line_error(code, err, "secret.txt", "Permission denied")
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(json.dumps({"id": "a", "documents": [{"text": GERMAN}]}) + "\n")
    code, _, err = run(capsys, "batch", clusters, "-o", tmp_path / "out.jsonl")
    assert_one_line_error(code, err, "out.jsonl: Permission denied")


def test_file_errors_name_the_path_as_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n")
    code, _, err = run(capsys, "summarize", blank)
    assert_one_line_error(code, err, f"{blank}: is empty")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Home</title></head><body></body></html>")
    code, _, err = run(capsys, "summarize", page)
    assert_one_line_error(code, err, f"{page}: no article text found in the HTML")


def test_report_reads_standard_input_within_the_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from newsum.read import MAX_FILE_BYTES

    huge = io.TextIOWrapper(io.BytesIO(b"The city fell. " * (MAX_FILE_BYTES // 15 + 2)))
    monkeypatch.setattr(sys, "stdin", huge)
    code, _, err = run(capsys, "report", "-", "-o", tmp_path / "page.html")
    assert_one_line_error(code, err, "standard input is over the 50 MB limit")
    assert not (tmp_path / "page.html").exists()
    text = (RAQQA / "002_dbfa873eea8ebaca.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-16"))))
    code, _, err = run(capsys, "report", "-", "-o", tmp_path / "page.html", "-w", "50")
    assert code == 0, err
    assert "Mayadeen" in (tmp_path / "page.html").read_text(encoding="utf-8")


def test_report_and_summarize_read_budget_and_method_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The two commands share one declaration of --words, --sentences and --method."""
    for options in (["-s", "2"], ["--sentences", "2", "--words", "30"], ["-m", "lead", "-w", "45"]):
        code, out, err = run(capsys, "summarize", RAQQA, "-f", "json", *options)
        assert code == 0, err
        chosen = [s["text"] for s in json.loads(out)["sentences"]]
        page_path = tmp_path / "page.html"
        code, _, err = run(capsys, "report", RAQQA, "-o", page_path, *options)
        assert code == 0, err
        page = page_path.read_text(encoding="utf-8")
        assert chosen and all(html.escape(s) in page for s in chosen)
    code, _, err = run(capsys, "report", RAQQA, "--words", "abc")
    assert code == 2 and err.count("\n") == 1
    assert "invalid value for '--words'" in err and "newsum report --help" in err


def test_words_and_sentences_together_both_hold(capsys: pytest.CaptureFixture[str]) -> None:
    """--words 100 is a limit like any other, not the default that --sentences replaces."""
    from newsum.pipeline import summarize
    from newsum.read import read_paths

    code, out, err = run(capsys, "summarize", RAQQA, "-s", "5", "-w", "100", "-f", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["budget"] == {"words": 100, "sentences": 5}
    assert result["words"] <= 100 and len(result["sentences"]) <= 5
    articles = read_paths([RAQQA])
    both = summarize(articles, words=100, sentences=5)
    assert len(both.text.split()) <= 100 and len(both.sentences) <= 5
    alone = summarize(articles, sentences=5)
    assert alone.budget_words is None and len(alone.sentences) == 5
    assert len(alone.text.split()) > 100  # five whole sentences of this cluster run longer
    assert summarize(articles).budget_words == 100


def test_no_whole_sentence_says_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "teasers.txt"
    path.write_text("Read the full story of the flood here...\n\nWhat the mayor told us:\n")
    code, _, err = run(capsys, "summarize", path)
    assert_one_line_error(code, err, "no sentence can stand in a summary", "ellipsis")


def test_a_message_quoting_several_lines_is_still_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error or warning that carries a tool's multi-line output keeps it, on one line."""
    from newsum.errors import NewsumError

    def failing(*_: object, **__: object) -> None:
        warnings.warn("first line\nsecond line", UserWarning, stacklevel=1)
        raise NewsumError("unexpected ROUGE-1.5.5.pl output:\nIllegal division by zero\n")

    monkeypatch.setattr("newsum.pipeline.summarize", failing)
    code, _, err = run(capsys, "summarize", RAQQA)
    assert code == 1
    assert err.splitlines() == [
        "newsum: warning: first line second line",
        "newsum: error: unexpected ROUGE-1.5.5.pl output: Illegal division by zero",
    ]


def test_embed_with_plain_text_says_it_shows_nothing_and_loads_no_vectors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain text prints the summary alone, so --embed (source matching) cannot change it:
    the same summary, one warning line, and the word vectors never loaded."""
    import newsum.embed

    def refuse() -> None:
        raise AssertionError("plain text loaded the word vectors")

    monkeypatch.setattr(newsum.embed, "load_embedder", refuse)
    code, plain, _ = run(capsys, "summarize", RAQQA)
    code_embed, embedded, err = run(capsys, "summarize", RAQQA, "--embed")
    assert code == code_embed == 0 and plain == embedded
    assert "--embed changes only which sources a sentence cites" in err
    assert len(err.strip().splitlines()) == 1
