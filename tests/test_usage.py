"""Usage and input messages a new user meets: one `newsum: error:` line for every usage
error, --version, plain help, one meaning per short flag, batch lines in either schema,
and the smaller input messages (JSONL, stdin size, links, what a folder skips)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RAQQA
from newsum import __version__, cli
from newsum.read import Cluster, ClusterError, InputWarning, read_clusters, read_paths, read_stdin

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(RAQQA.glob("*.txt"))]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code: int, err: str, *fragments: str) -> str:
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsum: error: ") and "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["summarize", RAQQA, "--words", "0"], ["--words", "greater than or equal to 1"]),
        (["summarize", RAQQA, "--words", "abc"], ["--words", "valid integer"]),
        (["summarize", RAQQA, "--format", "pdf"], ["--format", "'pdf'", "markdown"]),
        (["summarize"], ["missing argument"]),
        (["summarize", RAQQA, "--bogus"], ["--bogus"]),
        (["nosuch"], ["nosuch"]),
        (["batch", "x.jsonl"], ["--output"]),
        (["evaluate", "x.jsonl", "-s", "out.jsonl"], ["-s"]),  # -s is --sentences only
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str | Path], fragments: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    line = one_error_line(code, err, *fragments)
    assert code == 2 and out == ""
    assert "--help'" in line  # says where to look


def test_usage_error_from_the_installed_command_is_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsum.cli", "summarize", str(RAQQA), "--words", "0"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    one_error_line(result.returncode, result.stderr, "--words")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0 and out.strip() == f"newsum {__version__}" and err == ""


COMMANDS = ["summarize", "methods", "batch", "evaluate", "report", "serve", "stories",
            "evaluate-stories"]  # fmt: skip


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_shows_plain_value_names(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0 and "Usage: newsum" in out
    assert not re.search(r"<(bool|list\[|str>|int|float|path)", out), out


def test_a_short_flag_means_one_thing_in_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    meaning: dict[str, set[str]] = {}
    for command in COMMANDS:
        _, out, _ = run(capsys, command, "--help")
        for long, short in re.findall(r"(--[a-z][a-z-]+)\s+(-[a-zA-Z])\b", out):
            meaning.setdefault(short, set()).add(long)
    assert meaning["-s"] == {"--sentences"}
    assert {k: v for k, v in meaning.items() if len(v) > 1} == {}


def test_batch_help_says_what_a_line_looks_like(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "batch", "--help")
    flat = " ".join(out.split())
    assert '"documents"' in flat and '"articles"' in flat and "plain string" in flat


# ---------- batch lines: "documents" or "articles", objects or plain strings ----------


def test_batch_lines_take_articles_and_plain_strings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "docs", "documents": [{"text": t} for t in TEXTS[:3]]},
        {"id": "api", "articles": [{"text": TEXTS[0], "source": "AP"}, *TEXTS[1:3]]},
        {"id": "strings", "documents": TEXTS[:3]},
        {"id": "both", "documents": TEXTS[:1], "articles": TEXTS[1:2]},
    ]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, _, err = run(capsys, "batch", source, "-o", tmp_path / "out.jsonl", "-w", "40",
                       "-j", "1")  # fmt: skip
    records = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert code == 1 and "both" in err  # only the ambiguous line fails
    assert [r["id"] for r in records] == ["docs", "api", "strings", "both"]
    assert "not both" in records[3]["error"]
    assert all(r["summary"] for r in records[:3])
    parsed = [c for c in read_clusters(source) if isinstance(c, Cluster)]
    assert parsed[1].articles[0].source == "AP" and parsed[2].articles[1].text == TEXTS[1]
    assert records[0]["summary"] == records[2]["summary"]  # strings read as texts


def test_batch_line_without_articles_names_both_keys(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "x", "docs": TEXTS[:2]}) + "\n", encoding="utf-8")
    [error] = list(read_clusters(source))
    assert isinstance(error, ClusterError) and "'documents' (or 'articles')" in str(error)


# ---------- smaller input messages ----------


def test_jsonl_whose_first_line_is_an_array_names_that_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('[1, 2]\n{"text": "The city fell on Tuesday."}\n', encoding="utf-8")
    code, _, err = run(capsys, "summarize", path)
    one_error_line(code, err, "a.jsonl, line 1: expected a JSON object")
    assert "Extra data" not in err


def test_oversized_stdin_is_called_standard_input() -> None:
    with pytest.raises(Exception, match="standard input is over the 50 MB limit") as caught:
        read_stdin(b"a" * 50_000_001)
    assert "file is" not in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_that_loop_or_break_are_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(capsys, "summarize", loop)
    one_error_line(code, err, "loop.txt: is a symbolic link that loops")
    code, _, err = run(capsys, "summarize", broken)
    one_error_line(code, err, "broken.txt: is a broken symbolic link")
    code, _, err = run(capsys, "summarize", tmp_path / "absent.txt")
    one_error_line(code, err, "absent.txt: no such file or folder")


def test_a_folder_says_what_it_skipped_and_skips_its_readme(tmp_path: Path) -> None:
    for i, text in enumerate(TEXTS[:2]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "# About this folder\n\nThese are the articles we collected for the Raqqa story.\n"
    )
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "more.txt").write_text(TEXTS[2], encoding="utf-8")
    if hasattr(os, "symlink"):
        (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.warns(InputWarning) as caught:
        articles = read_paths([tmp_path])
    assert [a.id for a in articles] == ["0.txt", "1.txt"]
    said = " ".join(str(w.message) for w in caught)
    for fragment in ["README.md", "photo.png", "sub: subfolder", "loop.txt: is a symbolic link"]:
        if fragment.startswith("loop") and not hasattr(os, "symlink"):
            continue
        assert fragment in said, said
    # named on its own, a README is read like any file
    assert read_paths([tmp_path / "README.md"])[0].id == "README.md"
