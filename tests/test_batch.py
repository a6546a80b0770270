"""Batch mode: one output line per input line, in order; bad clusters never cost good ones."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from conftest import DEV_SETS, RAQQA
from newsum import cli
from newsum.batch import BatchSettings, run_batch

STORIES = sorted(RAQQA.glob("*.txt"))


def cluster(cluster_id: str, *files: Path) -> str:
    documents = [{"text": f.read_text(encoding="utf-8"), "source": f.stem} for f in files]
    return json.dumps({"id": cluster_id, "documents": documents, "references": []})


@pytest.fixture
def cluster_file(tmp_path: Path) -> Path:
    furniture = "TOP STORIES\n\nMOST VIEWED\n\nJoin our Newsletter for the latest news\n"
    lines = [
        cluster("first", *STORIES[:3]),
        cluster("second", *STORIES[3:]),
        '{"id": "broken", "documents": [',
        json.dumps({"id": "furniture", "documents": [{"text": furniture}]}),
        cluster("third", STORIES[2]),
        json.dumps({"id": "nodocs", "documents": []}),
        cluster("fourth", *STORIES),
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_clusters_are_reported_and_good_ones_written_in_input_order(
    capsys: pytest.CaptureFixture[str], cluster_file: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out" / "summaries.jsonl"
    code = cli.main(["batch", str(cluster_file), "-o", str(out), "--words", "60", "-j", jobs])
    _, err = capsys.readouterr()
    assert code == 1
    result = records(out)
    assert [r["id"] for r in result] == [
        "first", "second", None, "furniture", "third", "nodocs", "fourth"]  # fmt: skip
    good = [r for r in result if "error" not in r]
    assert [r["id"] for r in good] == ["first", "second", "third", "fourth"]
    for record in good:
        assert 0 < record["words"] <= 60
        assert record["summary"] == " ".join(s["text"] for s in record["sentences"])
    broken, furniture, nodocs = result[2], result[3], result[5]
    assert broken["line"] == 3 and "line 3: invalid JSON" in broken["error"]
    assert "no usable sentence" in furniture["error"]
    assert nodocs["line"] == 6 and "'documents'" in nodocs["error"]
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    assert sum(line.startswith("newsum: warning: cluster") for line in lines) == 3
    assert "newsum: wrote 4 summaries" in err
    assert lines[-1].startswith("newsum: error: 3 cluster(s) failed")


def test_jobs_do_not_change_the_summaries(cluster_file: Path, tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        cli.main(["batch", str(cluster_file), "-o", str(out), "-w", "40", "--jobs", jobs])
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_missing_input_touches_no_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    code = cli.main(["batch", str(tmp_path / "nope.jsonl.gz"), "-o", str(out)])
    assert code == 1 and not out.exists()
    assert capsys.readouterr().err.startswith("newsum: error: ")


def test_output_may_not_overwrite_input(
    capsys: pytest.CaptureFixture[str], cluster_file: Path
) -> None:
    before = cluster_file.read_text(encoding="utf-8")
    code = cli.main(["batch", str(cluster_file), "-o", str(cluster_file)])
    assert code == 1 and "overwrite the input" in capsys.readouterr().err
    assert cluster_file.read_text(encoding="utf-8") == before


def test_gzip_cluster_file_from_the_real_entry_has_no_progress_bar_off_a_tty(
    tmp_path: Path,
) -> None:
    source = tmp_path / "c.jsonl.gz"
    source.write_bytes(gzip.compress((cluster("only", *STORIES) + "\n").encode("utf-8")))
    out = tmp_path / "o.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "newsum.cli", "batch", str(source), "-o", str(out), "-w", "50"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stderr == f"newsum: wrote 1 summaries to {out}\n"  # no progress bar
    [record] = records(out)
    assert record["id"] == "only" and record["words"] <= 50


def test_dev_set_batch_with_two_jobs(tmp_path: Path) -> None:
    source = DEV_SETS["duc2003-task2"]
    if not source.exists():
        pytest.skip("dev sets not present")
    out = tmp_path / "o.jsonl"
    assert cli.main(["batch", str(source), "-o", str(out), "--words", "100", "--jobs", "2"]) == 0
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        expected = [json.loads(line)["id"] for line in lines]
    result = records(out)
    assert [r["id"] for r in result] == expected
    assert all(0 < r["words"] <= 100 and "error" not in r for r in result)


def test_every_line_carries_its_number_and_blank_lines_are_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    furniture = "TOP STORIES\n\nMOST VIEWED\n\nJoin our Newsletter for the latest news\n"
    lines = [
        cluster("first", *STORIES[:2]),
        "",
        "   ",
        json.dumps({"id": "furniture", "documents": [{"text": furniture}]}),  # fails in summarize
        "",
        '{"id": "broken"',
        cluster("last", STORIES[3]),
    ]
    source = tmp_path / "c.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli.main(["batch", str(source), "-o", str(out), "-w", "40", "-j", "1"]) == 1
    result = records(out)
    assert [(r["id"], r["line"]) for r in result] == [
        ("first", 1), ("furniture", 4), (None, 6), ("last", 7)]  # fmt: skip
    assert "no usable sentence" in result[1]["error"]
    assert "line 6: invalid JSON" in result[2]["error"]
    assert "file" not in result[0]  # one input: no file field


def test_a_worker_killed_mid_run_costs_no_cluster(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    # enough clusters that the run is still going when the first summaries reach the file
    # (2 cores: about 20 ms a cluster, so some 2 s of work for 2 workers)
    lines = [cluster(f"c{i}", STORIES[i % len(STORIES)], STORIES[(i + 1) % len(STORIES)])
             for i in range(192)]  # fmt: skip
    source = tmp_path / "c.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = io.StringIO()
    run_batch(source, expected, BatchSettings(words=40))
    out = tmp_path / "o.jsonl"
    command = [sys.executable, "-m", "newsum.cli", "batch", str(source), "-o", str(out)]
    run = subprocess.Popen([*command, "-w", "40", "-j", "2"], stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(run.pid)
    workers: list = []
    while len(workers) < 2 and run.poll() is None:  # the pool's processes, not its helpers
        workers = [p for p in parent.children() if p.cmdline() == parent.cmdline()]
    # killed once the run has written its first summaries (the workers are mid-run), not after
    # a fixed pause that a much faster machine could outlast
    while run.poll() is None and not (out.exists() and out.stat().st_size > 0):
        time.sleep(0.005)
    assert run.poll() is None, "the batch ended before a worker could be killed"
    os.kill(workers[0].pid, signal.SIGKILL)
    _, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == expected.getvalue()


def _gzip_cut_inside_line(lines: list[str], cut_in: int) -> bytes:
    """A gzip of ``lines`` that breaks off in the middle of line ``cut_in`` (1-based)."""
    packer = zlib.compressobj(wbits=31)
    data, ends = b"", []
    for line in lines:
        data += packer.compress((line + "\n").encode("utf-8")) + packer.flush(zlib.Z_FULL_FLUSH)
        ends.append(len(data))
    data += packer.flush()
    start, end = ends[cut_in - 2], ends[cut_in - 1]
    return data[: (start + end) // 2]


def test_a_truncated_gzip_writes_every_cluster_before_the_cut(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = [cluster(f"c{i}", STORIES[i % len(STORIES)]) for i in range(1, 8)]
    source = tmp_path / "cut.jsonl.gz"
    source.write_bytes(_gzip_cut_inside_line(lines, 6))
    out = tmp_path / "o.jsonl"
    code = cli.main(["batch", str(source), "-o", str(out), "-w", "30", "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert [(r["id"], r["line"]) for r in records(out)] == [(f"c{i}", i) for i in range(1, 6)]
    assert f"newsum: wrote 5 summaries to {out}" in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("newsum: error: ") and "cannot read" in last
    assert "5 line(s) before it were written" in last


def test_many_inputs_by_glob_in_order_with_their_file(tmp_path: Path) -> None:
    for part in range(3):
        lines = [cluster(f"p{part}c{i}", STORIES[(part + i) % len(STORIES)]) for i in range(2)]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (tmp_path / f"part{part}.jsonl.gz").write_bytes(gzip.compress(data))
    out = tmp_path / "o.jsonl"
    assert cli.main(["batch", str(tmp_path / "part*.jsonl.gz"), "-o", str(out), "-w", "30"]) == 0
    result = records(out)
    assert [r["id"] for r in result] == [f"p{p}c{i}" for p in range(3) for i in range(2)]
    assert [Path(r["file"]).name for r in result] == [
        f"part{p}.jsonl.gz" for p in range(3) for _ in range(2)]  # fmt: skip
    assert [r["line"] for r in result] == [1, 2] * 3
