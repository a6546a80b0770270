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
