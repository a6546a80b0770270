"""Output: JSON and Markdown carry the trust information; the HTML report is self-contained,
escapes article text and works in a real browser."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import RAQQA
from newsum.cli import main
from newsum.pipeline import Components, summarize
from newsum.read import read_paths
from newsum.render import to_dict, to_json, to_markdown
from newsum.report import to_html
from newsum.types import Article, Summary

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@functools.cache
def raqqa_summary() -> Summary:
    return summarize(read_paths([RAQQA]), words=120, components=Components())


def test_json_shape_has_sources_entities_disagreements_and_table() -> None:
    data = json.loads(to_json(raqqa_summary()))
    for sentence in data["sentences"]:
        assert sentence["sources"][0] == sentence["outlet"]
        assert sentence["single_source"] == (len(sentence["independent_sources"]) == 1)
        for support in sentence["support"]:
            assert 0 < support["score"] <= 1 and isinstance(support["verbatim"], bool)
    variants = {v["text"]: v["sources"] for e in data["entities"] for v in e["variants"]}
    assert variants["Raqa"] == ["AFP"]
    denial = next(d for d in data["disagreements"] if d["kind"] == "denial")
    assert denial["level"] in {"medium", "high"}
    assert {s["claim"] for s in denial["sides"]} == {"reported", "denied"}
    assert all(s["sentences"][0]["text"] for s in denial["sides"])
    rows = {r["source"]: r for r in data["source_table"]}
    assert {"AFP", "AP", "Xinhua"} <= set(rows)
    assert sorted(i for r in rows.values() for i in r["summary_sentences"]) == list(
        range(len(data["sentences"]))
    )


def test_markdown_lists_variants_disagreements_and_outlets() -> None:
    text = to_markdown(raqqa_summary())
    assert "**Name variants**" in text and "Deir Ezzor (AFP)" in text
    assert "**Disagreements**" in text and "denied by AP" in text
    assert "| Outlet |" in text


def hostile_summary() -> Summary:
    articles = [
        Article(
            f"Officials said 40 people died in the flood {HOSTILE} in the river town on Monday. "
            "Rescue teams searched the river banks for survivors through the night.",
            id="one",
            title=f"Flood {HOSTILE}",
            source=f"Daily {HOSTILE}",
            url="javascript:alert(1)",
        ),
        Article(
            f"The flood in the river town killed 40 people {HOSTILE}, officials said on Monday. "
            "Teams searched the banks of the river for survivors.",
            id="two",
            source="Evening Post",
        ),
    ]
    return summarize(articles, words=60, components=Components())


def test_report_escapes_article_text() -> None:
    page = to_html(hostile_summary())
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert page.count("<script>") == 1  # the page's own toggle script, which reads no text


def test_report_loads_nothing_from_anywhere() -> None:
    page = to_html(raqqa_summary())
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<(?:link|iframe|object|embed)\b", page)
    assert not re.search(r"\b(?:src|href)\s*=", page)
    assert not re.search(r"@import|url\(", page)
    for variant in ("Deir el-Zour", "Talal Sello", "Bukamal"):
        assert variant in page


def test_report_command_writes_a_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(RAQQA), "-o", str(out), "--words", "80"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Name variants" in page


def test_report_command_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsum: error:") and "\n" not in err
    assert main(["report", str(RAQQA), "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.browser
def test_report_citations_open_side_by_side_in_chromium(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium on this machine")
    path = tmp_path / "raqqa.html"
    path.write_text(to_html(raqqa_summary()), encoding="utf-8")
    data = to_dict(raqqa_summary())
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        panel = page.locator("#support-0")
        assert not panel.is_visible()
        page.locator("#support-0").locator("xpath=..").locator("button.cite").last.click()
        assert panel.is_visible()
        cards = panel.locator(".card")
        assert cards.count() == 1 + len(data["sentences"][0]["support"])
        assert panel.locator(".card.focus").count() == 1
        browser.close()
    assert requests == [path.as_uri()]


# A whole article that is only the web archive's crawl notice (as in Multi-News), kept word
# for word: the clean stage marks it a notice, and it is nobody's source.
CRAWL_NOTICE = (
    "These crawls are part of an effort to archive pages as they are created and archive "
    "the pages that they refer to. That way, as the pages that are referenced are changed or "
    "taken from the web, a link to the version that was live when the page was written will "
    "be preserved.Then the Internet Archive hopes that references to these archived pages "
    "will be put in place of a link that would be otherwise be broken, or a companion link to "
    "allow people to see what was originally intended by a page's authors.The goal is to fix "
    'all broken links on the web . Crawls of supported "No More 404" sites.'
)


def test_a_notice_article_is_no_source_in_header_table_or_outlet_counts() -> None:
    articles = [*read_paths([RAQQA]), Article(CRAWL_NOTICE, "crawl", source="Internet Archive")]
    summary = summarize(articles, words=120, components=Components())
    notice = next(d for d in summary.documents if d.article.id == "crawl")
    assert notice.notice is not None
    data = to_dict(summary)
    assert next(d for d in data["documents"] if d["id"] == "crawl")["notice"]
    assert "Internet Archive" not in {row["source"] for row in data["source_table"]}
    assert all("Internet Archive" not in s["sources"] for s in data["sentences"])
    page = to_html(summary)
    outlets = {d["outlet"] for d in data["documents"] if not d["notice"]}
    assert len(outlets) == 5
    assert f"{len(summary.documents) - 1} articles from {len(outlets)} outlets" in page
    assert "not a source" in page
