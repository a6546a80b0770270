"""A process start stays light: `newsum --help` loads no numerical or NLP library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("numpy", "scipy", "nupunkt", "trafilatura", "lxml", "Stemmer", "rapidfuzz",
         "pebble", "distributed", "dask", "newsum.pipeline", "newsum.batch", "newsum.backend")  # fmt: skip

LOADED = """
import json, sys
from newsum import cli
try:
    cli.main(sys.argv[1:])
finally:
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


# typer (0.29) builds a pydantic adapter for each option of the command it runs, so a
# command's own --help loads pydantic; the top-level --help must not.
@pytest.mark.parametrize(
    ("argv", "also_heavy"),
    [(["--help"], ("pydantic",)), (["batch", "--help"], ()), (["evaluate", "--help"], ())],
)
def test_help_loads_nothing_heavy(argv: list[str], also_heavy: tuple[str, ...]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *argv], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout  # the help was printed
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "newsum.cli" in loaded
    heavy = sorted(
        m for m in loaded if m.split(".")[0] in HEAVY + also_heavy or m in HEAVY + also_heavy
    )
    assert heavy == []


BATCH = """
import json, sys
from pathlib import Path
from newsum.batch import BatchSettings, summarize_cluster
from newsum.read import Cluster, read_paths
record = summarize_cluster(Cluster("raqqa", tuple(read_paths([Path(sys.argv[1])]))), BatchSettings())
print(json.dumps([record["summary"], sorted(sys.modules)]))
"""


def test_the_batch_path_never_imports_scipy() -> None:
    # TF-IDF rows and their cosines are numpy alone (represent.TermRows): scipy costs a process
    # about 0.14 s CPU to import, more than two clusters' work
    from conftest import RAQQA

    done = subprocess.run(
        [sys.executable, "-c", BATCH, str(RAQQA)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    summary, loaded = json.loads(done.stdout)
    assert "Raqqa" in summary
    assert "numpy" in loaded and "newsum.methods.concepts" in loaded
    assert [m for m in loaded if m.split(".")[0] == "scipy"] == []


def test_plain_text_summarize_skips_the_trust_analysis() -> None:
    # the text format prints the summary alone: the trust stage (scipy.sparse, the matcher,
    # the checks) is only for Markdown and JSON, and the summary is the same without it
    from conftest import RAQQA

    runs = {}
    for fmt in ("text", "json"):
        done = subprocess.run(
            [sys.executable, "-c", LOADED, "summarize", str(RAQQA), "--format", fmt],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        runs[fmt] = (done.stdout, set(json.loads(done.stderr.strip().splitlines()[-1])))
    text, loaded = runs["text"]
    report, loaded_for_json = runs["json"]
    assert text.strip() == json.loads(report)["summary"]
    assert "Raqqa" in text
    assert "newsum.trust.matching" in loaded_for_json and "scipy" in loaded_for_json
    assert sorted(
        m for m in loaded if m.split(".")[0] == "scipy" or m.startswith("newsum.trust.")
    ) == [
        "newsum.trust.lexical",
        "newsum.trust.outlets",
    ]
