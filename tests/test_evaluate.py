"""`newsum evaluate` end to end on a small cluster file with a human-written reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsum.cli import main
from newsum.evaluation.run import evaluate_clusters

ROOT = Path(__file__).resolve().parents[1]
# Written for this test from the Raqqa articles (not taken from any of them).
REFERENCE = (
    "US-backed Syrian Democratic Forces captured Raqqa, the Islamic State group's de facto "
    "capital in Syria, after a four-month offensive. A deal brokered by tribal leaders let "
    "civilians and local IS fighters leave; about 300 foreign fighters stayed. Syrian "
    "government forces took Mayadeen in Deir ez-Zor province."
)


@pytest.fixture()
def cluster_file(tmp_path: Path) -> Path:
    documents = [
        {"text": p.read_text(encoding="utf-8"), "source": p.stem}
        for p in sorted((ROOT / "examples" / "raqqa").glob("*.txt"))
    ]
    path = tmp_path / "raqqa.jsonl"
    path.write_text(
        json.dumps({"id": "raqqa", "documents": documents, "references": [REFERENCE]}) + "\n",
        encoding="utf-8",
    )
    return path


def test_method_scores_and_the_oracle_bounds_it(cluster_file: Path) -> None:
    result = evaluate_clusters(cluster_file, method="concepts", words=50, protocol="duc")
    method, oracle = result.runs
    assert method.name == "concepts" and oracle.name == "oracle"
    assert method.rouge.scores["rouge-1-r"] > 20  # a summary about the event shares its words
    # The oracle maximises bigram recall against the reference: the ceiling for selection.
    assert method.rouge.scores["rouge-2-r"] <= oracle.rouge.scores["rouge-2-r"] <= 100
    assert all(len(s.split()) <= 50 for s in method.summaries + oracle.summaries)


def test_oracle_beats_lead(cluster_file: Path) -> None:
    lead = evaluate_clusters(cluster_file, method="lead", words=50, protocol="duc")
    assert lead.runs[1].rouge.scores["rouge-2-r"] > lead.runs[0].rouge.scores["rouge-2-r"]


@pytest.mark.parametrize("protocol", ["duc", "longbench", "rouge-score"])
def test_command_prints_a_table_and_writes_json(
    cluster_file: Path, tmp_path: Path, protocol: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "scores.json"
    code = main(
        ["evaluate", str(cluster_file), "--words", "60", "-p", protocol, "--json", str(out)]
    )
    assert code == 0
    assert "oracle" in capsys.readouterr().out
    payload = json.loads(out.read_text())
    assert payload["clusters"] == 1 and payload["protocol"] == protocol
    for system in payload["systems"]:
        assert all(0 <= value <= 100 for value in system["scores"].values())


def test_unknown_protocol_and_missing_file_are_one_line_errors(
    cluster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(cluster_file), "-p", "bleu"]) == 1
    assert main(["evaluate", str(tmp_path / "missing.jsonl")]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(errors) == 2
    assert "unknown protocol" in errors[0] and "no such file" in errors[1]


def test_clusters_without_references_cannot_be_scored(tmp_path: Path) -> None:
    path = tmp_path / "norefs.jsonl"
    path.write_text(json.dumps({"id": "x", "documents": [{"text": "A b c."}]}) + "\n")
    with pytest.raises(Exception, match="no cluster with references"):
        evaluate_clusters(path)


def test_batch_output_scores_like_the_method_run_in_process(
    cluster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(cluster_file), "-o", str(out), "--words", "50", "--jobs", "1"]) == 0
    scored = evaluate_clusters(cluster_file, words=50, summaries=out, oracle=False)
    direct = evaluate_clusters(cluster_file, words=50, oracle=False)
    (from_file,), (in_process,) = scored.runs, direct.runs
    assert from_file.name == "out.jsonl" and from_file.seconds_per_cluster is None
    assert from_file.summaries == in_process.summaries
    assert from_file.rouge.scores == in_process.rouge.scores
    capsys.readouterr()
    assert main(["evaluate", str(cluster_file), "-w", "50", "--summaries", str(out)]) == 0
    assert "out.jsonl" in capsys.readouterr().out


def test_summaries_file_must_cover_every_cluster(
    cluster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "not-raqqa", "summary": "Raqqa fell."}) + "\n")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n")
    assert main(["evaluate", str(cluster_file), "--summaries", str(other)]) == 1
    assert main(["evaluate", str(cluster_file), "--summaries", str(broken)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(errors) == 2
    assert "no summary for 1 of 1 clusters (first: raqqa)" in errors[0]
    assert "line 1: invalid JSON" in errors[1]


def test_fallback_scorer_is_announced_on_stderr(
    cluster_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsum.evaluation import _perl155

    monkeypatch.setattr(_perl155.shutil, "which", lambda _name: None)
    assert main(["evaluate", str(cluster_file), "-w", "50", "--no-oracle"]) == 0
    captured = capsys.readouterr()
    assert "FALLBACK: pure-Python replica of ROUGE-1.5.5 (perl is not on PATH)" in captured.err
    assert "concepts" in captured.out and "oracle" not in captured.out
