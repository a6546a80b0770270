"""`newsum --version` loads nothing the version does not need: no numerical or NLP library,
and neither pydantic (typer's option adapters) nor rich (its help pages)."""

from __future__ import annotations

import json
import subprocess
import sys

from test_imports import HEAVY, LOADED


def test_version_loads_neither_the_pipeline_nor_pydantic_nor_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "--version"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("newsum ")
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "newsum.cli" in loaded
    unused = (*HEAVY, "pydantic", "rich")
    assert sorted(m for m in loaded if m.split(".")[0] in unused or m in unused) == []
