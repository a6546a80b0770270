"""What README shows a user to type works as shown: its Python example, the JSON it posts to
the service and its batch input line each give a summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsum import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_python_example_prints_a_summary_with_its_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    block = re.search(r"```python\n(.*?)```", README, re.DOTALL)
    assert block is not None
    exec(compile(block.group(1), "README.md", "exec"), {})
    lines = capsys.readouterr().out.splitlines()
    assert "Derna" in lines[0]
    spans = [line.split(" ", 3) for line in lines[1:]]
    assert spans and all(
        int(doc) in (0, 1) and int(start) < int(end) for doc, start, end, _ in spans
    )


def test_the_service_example_body_gives_a_summary() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsum.service import ServiceSettings, create_app

    body = re.search(r"-d '(\{.*?\})'", README, re.DOTALL)
    assert body is not None
    with TestClient(create_app(ServiceSettings(workers=1))) as client:
        response = client.post("/v1/summarize", json=json.loads(body.group(1)))
    assert response.status_code == 200, response.text
    data = response.json()
    assert "Derna" in data["summary"] and 0 < data["words"] <= 60
    assert "AFP" in {source for s in data["sentences"] for source in s["sources"]}


def test_the_batch_input_line_gives_a_summary(tmp_path: Path) -> None:
    line = re.search(r"A batch input line is one cluster:\n`(.*?)`", README, re.DOTALL)
    assert line is not None
    source = tmp_path / "clusters.jsonl"
    source.write_text(line.group(1) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["batch", str(source), "-o", str(out), "-j", "1"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "c1" and "Derna" in record["summary"] and "error" not in record
