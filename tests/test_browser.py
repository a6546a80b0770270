"""The page in a real browser: Debian's Chromium driven by Playwright, against a live server.

Screenshots go to $NEWSUM_SCREENSHOTS when set (else to pytest's tmp folder) for a person
to look at.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("playwright")
pytest.importorskip("fastapi")

import uvicorn
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    FilePayload,
    Page,
    expect,
    sync_playwright,
)

from newsum.service import ServiceSettings, create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

ROOT = Path(__file__).resolve().parents[1]
RAQQA = sorted((ROOT / "examples" / "raqqa").glob("*.txt"))
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(ServiceSettings(workers=2)), log_level="warning")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(30)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("NEWSUM_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def raqqa() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in RAQQA]


class Watched:
    """A page plus everything it logged and every URL it asked for."""

    def __init__(self, browser: Browser, base_url: str, viewport: dict[str, int]) -> None:
        self.page: Page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(base_url + "/")
        self.base_url = base_url

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def check_clean(self) -> None:
        assert not self.errors, self.errors
        outside = [u for u in self.requests if not u.startswith((self.base_url, "data:", "blob:"))]
        assert not outside, f"the page fetched from outside the service: {outside}"


def paste(page: Page, texts: list[str]) -> None:
    for i, text in enumerate(texts, start=1):
        if page.locator(f"#article-{i}").count() == 0:
            page.click("#add-article")
        page.fill(f"#article-{i}", text)


def summarize(page: Page) -> dict[str, Any]:
    with page.expect_response("**/v1/summarize") as answer:
        page.click("#summarize")
    response = answer.value
    assert response.status == 200, response.text()
    expect(page.locator("#result")).to_be_visible()
    data: dict[str, Any] = response.json()
    return data


def test_summary_and_citation_popover(
    browser: Browser, base_url: str, raqqa: list[str], shots: Path
) -> None:
    watched = Watched(browser, base_url, DESKTOP)
    page = watched.page
    paste(page, raqqa)
    page.fill("#articles li:nth-child(1) .source", "AFP")
    data = summarize(page)
    sentences = page.locator("#summary .sentence")
    expect(sentences).to_have_count(len(data["sentences"]))
    assert data["sentences"], "the Raqqa articles gave an empty summary"
    for k, sentence in enumerate(data["sentences"]):
        shown = sentences.nth(k)
        assert sentence["text"] in shown.inner_text()
        marks = shown.locator(".cite")
        cited = {sentence["document"], *(s["document"] for s in sentence["support"])}
        expect(marks).to_have_count(len(cited))
    assert "AFP" in page.locator("#sources").inner_text()
    # every figure for one counted thing, side by side with its outlet
    figures = page.locator("#figures")
    expect(figures).to_be_visible()
    assert data["figures"]
    for figure in data["figures"][0]["figures"]:
        assert figure["text"] in figures.inner_text()
    assert "about 100 IS fighters had surrendered" in figures.inner_text()
    page.screenshot(path=str(shots / "desktop-summary.png"), full_page=True)

    # the popover of a sentence that other articles back: every source, side by side
    k = next(i for i, s in enumerate(data["sentences"]) if s["support"])
    sentence = data["sentences"][k]
    marker = sentences.nth(k).locator(".cite").last
    marker.click()
    dialog = page.locator("dialog#evidence")
    expect(dialog).to_be_visible()
    columns = dialog.locator(".column")
    expect(columns).to_have_count(1 + len(sentence["support"]))
    assert sentence["original_text"] in columns.nth(0).inner_text()
    for n, support in enumerate(sentence["support"], start=1):
        assert support["text"] in columns.nth(n).inner_text()
    boxes = [columns.nth(n).bounding_box() for n in range(columns.count())]
    assert boxes[0] and boxes[1] and abs(boxes[0]["y"] - boxes[1]["y"]) < 1  # side by side
    page.screenshot(path=str(shots / "desktop-popover.png"))
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('cite')")

    download = page.locator("#download")
    assert download.get_attribute("href", timeout=1000).startswith("blob:")  # type: ignore[union-attr]
    watched.check_clean()
    page.close()


def test_keyboard_only(browser: Browser, base_url: str, raqqa: list[str]) -> None:
    watched = Watched(browser, base_url, DESKTOP)
    page = watched.page

    def tab_to(selector: str, limit: int = 40) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#article-1")
    page.keyboard.insert_text(raqqa[0])
    tab_to("#article-2")
    page.keyboard.insert_text(raqqa[1])
    for n in range(3, len(raqqa) + 1):
        tab_to("#add-article")
        page.keyboard.press("Enter")  # opens a new box and moves the focus into it
        assert page.evaluate("document.activeElement.id") == f"article-{n}"
        page.keyboard.insert_text(raqqa[n - 1])
    tab_to("#summarize")
    with page.expect_response("**/v1/summarize") as answer:
        page.keyboard.press("Enter")
    assert answer.value.status == 200
    expect(page.locator("#summary .cite").first).to_be_visible()
    tab_to("#summary .cite")
    page.keyboard.press("Enter")
    expect(page.locator("dialog#evidence")).to_be_visible()
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    expect(page.locator("dialog#evidence")).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('#summary .cite')")
    watched.check_clean()
    page.close()


def test_phone_sized_screen(browser: Browser, base_url: str, raqqa: list[str], shots: Path) -> None:
    watched = Watched(browser, base_url, PHONE)
    page = watched.page
    paste(page, raqqa)
    page.screenshot(path=str(shots / "phone-input.png"))
    data = summarize(page)
    assert data["sentences"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the phone"
    button = page.locator("#summarize").bounding_box()
    assert button and button["height"] >= 40  # big enough for a thumb
    page.screenshot(path=str(shots / "phone-summary.png"), full_page=True)
    page.locator("#summary .cite").first.click()
    dialog = page.locator("dialog#evidence")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=str(shots / "phone-popover.png"))
    watched.check_clean()
    page.close()


def test_files_from_the_file_picker(browser: Browser, base_url: str, raqqa: list[str]) -> None:
    watched = Watched(browser, base_url, DESKTOP)
    page = watched.page
    page.fill("#article-1", raqqa[0])
    page.set_input_files("#file-input", [str(p) for p in RAQQA[1:3]])
    expect(page.locator("#files .file")).to_have_count(2)
    data = summarize(page)
    assert [d["id"] for d in data["documents"]] == ["Article 1", RAQQA[1].name, RAQQA[2].name]
    watched.check_clean()
    page.close()


def test_pasted_html_is_shown_as_text_never_run(
    browser: Browser, base_url: str, raqqa: list[str], shots: Path
) -> None:
    watched = Watched(browser, base_url, DESKTOP)
    page = watched.page
    hostile = (
        "Kurdish officials said <img src=x onerror=\"window.__xss='img'\"> about 300 fighters "
        "remained in Raqqa on Tuesday. <script>window.__xss='script'</script> The SDF said the "
        "stadium would fall within days."
    )
    paste(page, [hostile, raqqa[1]])
    page.fill("#articles li:nth-child(1) .source", "<img src=y onerror=\"window.__xss='source'\">")
    name = "<img src=z onerror=\"window.__xss='file'\">.txt"
    upload = FilePayload(name=name, mimeType="text/plain", buffer=raqqa[2].encode())
    page.set_input_files("#file-input", [upload])
    expect(page.locator("#files")).to_contain_text("<img src=z")
    page.select_option("#method", "lead")
    page.select_option("#words", "400")
    data = summarize(page)
    assert any("300 fighters" in s["text"] for s in data["sentences"])
    assert not any("<img" in s["text"] or "<script" in s["text"] for s in data["sentences"])
    first = page.locator("#summary .cite").first
    first.click()
    expect(page.locator("dialog#evidence")).to_be_visible()
    page.wait_for_timeout(300)  # time for an injected handler to have fired
    assert page.evaluate("window.__xss") is None
    assert page.locator("#result img, dialog img, #files img").count() == 0
    sources = page.locator("#sources").inner_text()
    assert "<img src=y" in sources  # shown as text
    page.screenshot(path=str(shots / "xss-as-text.png"))
    watched.check_clean()
    page.close()


def test_errors_are_shown_next_to_the_input(browser: Browser, base_url: str) -> None:
    watched = Watched(browser, base_url, DESKTOP)
    page = watched.page
    page.click("#summarize")
    expect(page.locator("#status")).to_contain_text("Paste at least one article")
    page.fill("#article-1", "...")
    page.click("#summarize")
    expect(page.locator("#status.error")).to_contain_text("no usable sentence")
    expect(page.locator("#result")).to_be_hidden()
    page.close()
