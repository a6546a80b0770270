"""The trust report: outlets named from the article's own evidence (never a file name), the
same corroboration words in every output, every figure side by side, no import cycle, and the
indexed matcher finding exactly the pairs an all-pairs comparison finds."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import RAQQA
from newsum.pipeline import Components, prepare, summarize
from newsum.read import read_paths
from newsum.render import to_dict, to_markdown
from newsum.report import to_html
from newsum.trust.matching import SUPPORT_THRESHOLD, build_matcher
from newsum.trust.outlets import Outlets, provenance
from newsum.types import Corroboration, Summary

SRC = Path(__file__).resolve().parents[1] / "src" / "newsum"
BODY = (
    "Rescuers pulled 40 survivors from the collapsed building on Tuesday, officials said. "
    "The building in the old town fell after days of heavy rain, and about 200 people were "
    "evacuated from nearby homes. Engineers will inspect the rest of the street this week."
)


@functools.cache
def raqqa_summary() -> Summary:
    return summarize(read_paths([RAQQA]), words=120, components=Components())


def test_raqqa_outlets_and_headlines_come_from_the_articles() -> None:
    summary = raqqa_summary()
    assert summary.trust is not None
    found = {p.document: p for p in summary.trust.provenance}
    assert (found[0].outlet, found[0].evidence) == ("AFP", "credit line")
    assert (found[1].outlet, found[1].evidence) == ("Global Gathering", "byline")
    assert (found[2].outlet, found[2].evidence) == ("AP", "dateline")
    assert (found[3].outlet, found[3].evidence) == ("Article 4", "none")
    assert (found[4].outlet, found[4].evidence) == ("Xinhua", "dateline")
    # AFP's first line is repeated in its body: a teaser, not the headline
    assert found[0].headline is None
    assert found[3].headline == "US-backed fighters seize infamous Raqqa roundabout from ISIS"
    text = to_markdown(summary) + json.dumps(to_dict(summary)["sentences"]) + to_html(summary)
    for document in summary.documents:
        assert document.article.id not in to_markdown(summary)
        assert document.article.id.removesuffix(".txt") not in to_html(summary)
    assert "The jihadists also suffered setbacks" not in to_html(summary).split("<h2>Summary")[0]
    assert "Article 4" in text


def test_html_pages_are_named_by_their_site(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Building collapses in old town</title>"
        '<meta property="og:site_name" content="Harbour Herald">'
        '<meta property="og:title" content="Building collapses in old town"></head>'
        f"<body><article><h1>Building collapses in old town</h1><p>{BODY}</p>"
        f"<p>{BODY.replace('Tuesday', 'Wednesday')}</p></article></body></html>"
    )
    (tmp_path / "page_001.html").write_text(page, encoding="utf-8")
    (tmp_path / "page_002.txt").write_text(
        "Survivors found\n\nBy Ana Ruiz | Coast Daily\n\n" + BODY, encoding="utf-8"
    )
    summary = summarize(read_paths([tmp_path]), words=60, components=Components())
    assert summary.trust is not None
    outlets = [p.outlet for p in summary.trust.provenance]
    assert outlets == ["Harbour Herald", "Coast Daily"]
    assert summary.trust.provenance[1].evidence == "byline"
    assert "page_00" not in to_markdown(summary)


@pytest.mark.parametrize("with_source", [True, False])
def test_jsonl_with_and_without_source_fields(tmp_path: Path, with_source: bool) -> None:
    records = [
        {"id": "art-1", "title": "Building collapses", "text": BODY},
        {"id": "art-2", "text": "LISBON (Reuters) - " + BODY.replace("40", "about 40")},
    ]
    if with_source:
        records[0]["source"] = "Harbour Herald"
    path = tmp_path / "cluster.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    summary = summarize(read_paths([path]), words=60, components=Components())
    assert summary.trust is not None
    names = [p.outlet for p in summary.trust.provenance]
    assert names == ["Harbour Herald" if with_source else "Article 1", "Reuters"]
    assert summary.trust.provenance[0].headline == "Building collapses"
    markdown = to_markdown(summary)
    assert "art-1" not in markdown and "art-2" not in markdown


@pytest.mark.parametrize(
    ("sources", "articles", "label"),
    [
        (("AP",), 1, "single source"),
        (("AP",), 2, "1 source, 2 copies"),
        (("AP", "AFP", "Xinhua"), 3, "3 sources"),
        (("AP", "AFP", "Xinhua"), 4, "3 sources, 1 copy"),
    ],
)
def test_corroboration_is_said_one_way(sources: tuple[str, ...], articles: int, label: str) -> None:
    assert Corroboration(sources, articles).label == label


def test_every_output_says_copies_the_same_way() -> None:
    summary = raqqa_summary()
    assert summary.trust is not None
    data = to_dict(summary)
    markdown, page = to_markdown(summary), to_html(summary)
    for k, backing in enumerate(summary.trust.corroboration):
        assert data["sentences"][k]["corroboration"] == backing.label
        assert backing.label in markdown
        assert backing.label in page
    assert any("cop" in b.label for b in summary.trust.corroboration)


def test_raqqa_figures_side_by_side_with_their_outlets() -> None:
    summary = raqqa_summary()
    assert summary.trust is not None
    groups = {g.thing: g for g in summary.trust.figures}
    fighters = next(g for g in summary.trust.figures if "fighters" in g.thing)
    given = {(f.value, f.outlet) for f in fighters.figures}
    assert {(100.0, "AP"), (100.0, "Article 4"), (275.0, "AFP"), (275.0, "Xinhua")} <= given
    hedges = {f.value: f.hedge for f in fighters.figures if f.outlet == "AP"}
    assert hedges[100.0] == "about"
    civilians = groups["civilians"]
    assert {(400.0, "Global Gathering"), (4000.0, "AP"), (3500.0, "Xinhua")} <= {
        (f.value, f.outlet) for f in civilians.figures
    }
    markdown = to_markdown(summary)
    assert "about 100 IS fighters had surrendered — Article 4" in markdown
    assert "400 civilians being held — Global Gathering" in markdown
    assert [g["thing"] for g in to_dict(summary)["figures"]] == [
        g.thing for g in summary.trust.figures
    ]


def test_report_lists_the_checks_that_ran() -> None:
    summary = raqqa_summary()
    assert summary.trust is not None
    assert summary.trust.checks == ("figures", "denials")
    assert to_dict(summary)["attribution"]["checks"] == ["figures", "denials"]


def test_bulk_runs_name_outlets_the_same_way() -> None:
    articles = read_paths([RAQQA])
    bulk = summarize(articles, words=120, components=Components(), trust=False)
    full = raqqa_summary()
    assert bulk.trust is not None and full.trust is not None
    assert bulk.trust.provenance == full.trust.provenance
    assert bulk.trust.disagreements == () and bulk.trust.checks == ()


def test_indexed_matcher_finds_every_pair_all_pairs_finds() -> None:
    view = prepare(read_paths([RAQQA]), Components())
    matcher = build_matcher(view)
    rows = list(range(len(view.sentences)))
    everything = matcher.score_rows(rows).toarray()
    pruned = matcher.score_rows(rows, SUPPORT_THRESHOLD).toarray()
    strong = everything >= SUPPORT_THRESHOLD
    assert strong.sum() > len(rows)  # more than each sentence with itself
    assert np.array_equal(np.where(strong, everything, 0), np.where(strong, pruned, 0))
    a, b = np.nonzero(strong)
    assert np.allclose(matcher.score_pairs(a, b), everything[a, b])
    outlets = Outlets.of(view.documents)
    assert outlets.provenance == tuple(provenance(d) for d in view.documents)


def _modules() -> list[str]:
    names = []
    for path in sorted(SRC.rglob("*.py")):
        if "service" in path.parts or path.name == "__main__.py":
            continue
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_module_imports_alone() -> None:
    """A module that only imports after another one has is part of an import cycle."""
    script = (
        "import importlib, subprocess, sys\n"
        "bad = []\n"
        "for name in sys.argv[1:]:\n"
        "    code = f'import {name}'\n"
        "    if subprocess.run([sys.executable, '-c', code], capture_output=True).returncode:\n"
        "        bad.append(name)\n"
        "print(' '.join(bad))\n"
    )
    trust = [
        m
        for m in _modules()
        if m.startswith(
            ("newsum.trust", "newsum.render", "newsum.report", "newsum.types", "newsum.pipeline")
        )
    ]
    assert "newsum.trust.checks.figures" in trust
    done = subprocess.run(
        [sys.executable, "-c", script, *trust], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
