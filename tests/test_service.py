"""The web service: every endpoint and every limit, through real worker processes."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("pebble")

from fastapi.testclient import TestClient

from newsum.cli import main as cli_main
from newsum.pipeline import summarize
from newsum.render import to_dict
from newsum.service import ServiceSettings, create_app
from newsum.service.work import STALL_VARIABLE
from newsum.types import Article

ROOT = Path(__file__).resolve().parents[1]
RAQQA = sorted((ROOT / "examples" / "raqqa").glob("*.txt"))
SCHEMA = ROOT / "src" / "newsum" / "service" / "openapi.json"
WEB = ROOT / "src" / "newsum" / "web"


@pytest.fixture(scope="module")
def raqqa() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in RAQQA]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = ServiceSettings(
        workers=2, max_articles=20, max_article_chars=50_000, max_total_chars=120_000,
        max_body_bytes=400_000, max_words=300, timeout_s=60, max_story_articles=30,
    )  # fmt: skip
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def errors(response: Any) -> list[tuple[tuple[Any, ...], str]]:
    assert response.status_code == 422, response.text
    return [(tuple(e["loc"]), e["msg"]) for e in response.json()["detail"]]


# ---------- endpoints ----------


def test_healthz_and_methods_and_limits(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    methods = client.get("/v1/methods").json()
    names = [m["name"] for m in methods["methods"]]
    assert methods["default"] == names[0] == "concepts"
    assert {"lead", "centroid"} <= set(names)
    limits = client.get("/v1/limits").json()
    assert limits["max_articles"] == 20 and limits["max_words"] == 300


def test_summarize_json_is_the_cli_json(client: TestClient, raqqa: list[str]) -> None:
    articles = [{"text": t, "id": p.name} for t, p in zip(raqqa, RAQQA, strict=True)]
    response = client.post("/v1/summarize", json={"articles": articles, "words": 80})
    assert response.status_code == 200, response.text
    data = response.json()
    expected = to_dict(
        summarize([Article(text=t, id=p.name) for t, p in zip(raqqa, RAQQA, strict=True)], words=80)
    )
    expected = json.loads(json.dumps(expected))
    for result in (data, expected):  # evidence wording varies with the process's hash seed
        for entity in result.get("entities", ()):
            entity.pop("evidence", None)
    assert data == expected
    assert 0 < data["words"] <= 80
    for sentence in data["sentences"]:  # spans point into the text that was sent
        start, end = sentence["span"]
        assert raqqa[sentence["document"]][start:end] == sentence["original_text"]
    assert any(s["source_count"] > 1 for s in data["sentences"])


def test_summarize_plain_strings_sentences_and_method(client: TestClient, raqqa: list[str]) -> None:
    response = client.post(
        "/v1/summarize", json={"articles": raqqa, "sentences": 2, "method": "lead"}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["method"] == "lead" and len(data["sentences"]) == 2
    assert data["budget"] == {"words": None, "sentences": 2}


def test_words_and_sentences_both_hold(client: TestClient, raqqa: list[str]) -> None:
    response = client.post("/v1/summarize", json={"articles": raqqa, "words": 100, "sentences": 5})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["budget"] == {"words": 100, "sentences": 5}
    assert data["words"] <= 100 and len(data["sentences"]) <= 5


def test_summarize_multipart_upload(client: TestClient, raqqa: list[str]) -> None:
    page = (
        "<html><head><title>Raqqa falls</title><script>alert(1)</script></head><body>"
        f"<article><h1>Raqqa falls</h1>{''.join(f'<p>{p}</p>' for p in raqqa[1].split(chr(10)) if p.strip())}"
        "</article><img src='http://127.0.0.1:9/x.png'></body></html>"
    )
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in RAQQA[2:]]
    files.append(("files", ("page.html", page.encode(), "text/html")))
    form = {"articles": json.dumps([{"text": raqqa[0], "source": "AFP"}]), "words": "60"}
    response = client.post("/v1/summarize", data=form, files=files)
    assert response.status_code == 200, response.text
    data = response.json()
    docs = data["documents"]
    assert [d["id"] for d in docs] == ["doc1", *[p.name for p in RAQQA[2:]], "page.html"]
    assert docs[0]["source"] == "AFP" and docs[-1]["title"] == "Raqqa falls"
    assert data["words"] <= 60
    assert "alert(1)" not in json.dumps(data)  # the script is not article text


def test_upload_of_a_wrong_file_type_names_the_file(client: TestClient) -> None:
    files = [("files", ("a.txt", b"Some text here.", "text/plain")), ("files", ("b.pdf", b"%PDF", "application/pdf"))]  # fmt: skip
    ((loc, msg),) = errors(client.post("/v1/summarize", files=files))
    assert loc == ("body", "files", 1) and "b.pdf" in msg


def test_too_many_files(client: TestClient) -> None:
    files = [("files", (f"a{i}.txt", b"Fighters left Raqqa.", "text/plain")) for i in range(21)]
    ((loc, msg),) = errors(client.post("/v1/summarize", files=files))
    assert loc[0] == "body" and ("21" in msg or "20" in msg)


def test_upload_that_is_binary_or_empty(client: TestClient) -> None:
    files = [("files", ("a.txt", b"\x00\x01\x02binary", "text/plain"))]
    ((loc, msg),) = errors(client.post("/v1/summarize", files=files))
    assert loc == ("body", "files", 0) and "binary" in msg


def test_stories_groups_a_mixed_batch(client: TestClient, raqqa: list[str]) -> None:
    pytest.importorskip("newsum.grouping")
    other = [
        "The central bank raised interest rates by half a point on Wednesday to fight inflation, "
        "its governor said. Markets fell after the bank's decision on rates.",
        "Interest rates went up half a point on Wednesday, the central bank said, as inflation "
        "stayed high. The governor said further rate rises were possible.",
    ]
    articles = [{"text": t, "id": f"raqqa{i}"} for i, t in enumerate(raqqa)]
    articles += [{"text": t, "id": f"rates{i}"} for i, t in enumerate(other)]
    response = client.post("/v1/stories", json={"articles": articles})
    assert response.status_code == 200, response.text
    stories = response.json()["stories"]
    groups = [set(s["articles"]) for s in stories]
    assert {"rates0", "rates1"} in groups
    assert not any(g & {"rates0", "rates1"} and g & {"raqqa0", "raqqa1"} for g in groups)


def test_stories_limits(client: TestClient, raqqa: list[str]) -> None:
    found = errors(client.post("/v1/stories", json={"articles": ["Some text."] * 31}))
    assert found == [(("body", "articles"), "31 articles, over the limit of 30")]
    found = errors(client.post("/v1/stories", json={"articles": raqqa, "method": "x"}))
    assert found[0][0] == ("body", "method")
    found = errors(client.post("/v1/stories", json={"articles": raqqa, "sentences": 2}))
    assert found[0][0] == ("body", "sentences")  # stories take a word budget only


# ---------- limits and malformed input ----------


def test_body_over_the_limit_is_413(client: TestClient) -> None:
    big = json.dumps({"articles": ["word " * 100_000]}).encode()
    response = client.post("/v1/summarize", content=big, headers={"content-type": "application/json"})  # fmt: skip
    assert response.status_code == 413 and "limit" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams in
        yield b'{"articles": ["'
        for _ in range(100):
            yield b"word " * 1000
        yield b'"]}'

    response = client.post("/v1/summarize", content=chunks(), headers={"content-type": "application/json"})  # fmt: skip
    assert response.status_code == 413


def test_wrong_content_type_is_415(client: TestClient, raqqa: list[str]) -> None:
    response = client.post("/v1/summarize", content=raqqa[0], headers={"content-type": "text/plain"})  # fmt: skip
    assert response.status_code == 415 and "application/json" in response.json()["detail"]
    assert client.post("/v1/summarize", content=b"{}").status_code == 415


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b'{"articles": ["abc"', "invalid JSON"),
        (b'{"articles": ["caf\xe9 \xff\xfe"]}', "UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"articles": ["a"], "words": 1' + b"0" * 5000 + b"}", "invalid JSON"),
    ],
    ids=["truncated", "invalid-utf8", "deeply-nested", "huge-integer"],
)
def test_malformed_json_is_422(client: TestClient, body: bytes, fragment: str) -> None:
    response = client.post("/v1/summarize", content=body, headers={"content-type": "application/json"})  # fmt: skip
    ((loc, msg),) = errors(response)
    assert loc == ("body",) and fragment in msg


def post(client: TestClient, body: dict[str, Any]) -> Any:
    return client.post("/v1/summarize", json=body)


def test_field_errors_name_the_field(client: TestClient, raqqa: list[str]) -> None:
    cases: list[tuple[dict[str, Any], tuple[Any, ...], str]] = [
        ({"articles": raqqa, "words": 0}, ("body", "words"), "between 1 and 300"),
        ({"articles": raqqa, "words": 301}, ("body", "words"), "between 1 and 300"),
        ({"articles": raqqa, "words": "many"}, ("body", "words"), "integer"),
        ({"articles": raqqa, "sentences": 0}, ("body", "sentences"), "between 1 and 100"),
        ({"articles": raqqa, "method": "gpt"}, ("body", "method"), "choose one of"),
        ({"articles": raqqa, "wrods": 50}, ("body", "wrods"), "Extra inputs"),
        ({"words": 50}, ("body", "articles"), "Field required"),
        ({"articles": []}, ("body", "articles"), "at least one"),
        ({"articles": [{"title": "no text"}]}, ("body", "articles", 0), ""),
        ({"articles": ["short"] * 21}, ("body", "articles"), "21 articles, over the limit of 20"),
        ({"articles": [raqqa[0], "x" * 50_001]}, ("body", "articles", 1, "text"), "50,000"),
        ({"articles": [raqqa[0] * 10] * 4}, ("body", "articles"), "in all"),
    ]
    for body, loc, fragment in cases:
        found = errors(post(client, body))
        assert any(where[: len(loc)] == loc and fragment in m for where, m in found), (
            body.keys(),
            found,
        )


def test_lone_surrogate_is_refused_not_a_crash(client: TestClient) -> None:
    body = b'{"articles": ["Fighters left Raqqa.", {"text": "bad \\ud800 text"}]}'
    found = errors(client.post("/v1/summarize", content=body, headers={"content-type": "application/json"}))  # fmt: skip
    assert found[0][0][:3] == ("body", "articles", 1) and "surrogate" in found[0][1]


def test_nothing_to_summarize_is_422(client: TestClient) -> None:
    ((loc, msg),) = errors(post(client, {"articles": ["   ", "\n\n"]}))
    assert loc == ("body", "articles") and "no usable sentence" in msg


def test_errors_never_echo_the_input(client: TestClient) -> None:
    hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    response = post(client, {"articles": [hostile], "words": -1})
    assert response.status_code == 422
    assert "<script>" not in response.text and "onerror" not in response.text


def test_hostile_html_text_comes_back_only_as_json(client: TestClient, raqqa: list[str]) -> None:
    hostile = (
        raqqa[0] + "\n\n<img src=x onerror=alert(1)> The SDF said <b>300</b> fighters remained."
    )
    response = post(client, {"articles": [hostile, raqqa[1]], "words": 300})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"


# ---------- no outbound network ----------


def test_urls_in_the_input_are_never_fetched(client: TestClient, raqqa: list[str]) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/article"
    try:
        text = f"{raqqa[0]}\n\nRead more at {url} and {url}/more."
        page = (
            f"<html><body><article><p>{raqqa[1]}</p><img src='{url}.png'></article></body></html>"
        )
        response = client.post(
            "/v1/summarize",
            data={"articles": json.dumps([{"text": text, "url": url}])},
            files=[("files", ("page.html", page.encode(), "text/html"))],
        )
        assert response.status_code == 200, response.text
        assert response.json()["documents"][0]["url"] == url  # kept as a label
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def test_workers_refuse_network_connections() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        code = (
            "import socket, sys\n"
            "from newsum.service.work import refuse_network\n"
            "sys.addaudithook(refuse_network)\n"
            f"socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
    assert result.returncode != 0 and "outbound network is disabled" in result.stderr


# ---------- off the event loop: busy, time limit ----------


STALL = "stall-this-request-7f3a"


def test_slow_request_gets_503_and_never_blocks_healthz(
    raqqa: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A request made slow on purpose (it stalls until killed: see work.STALL_VARIABLE), and
    # a limit generous enough for a light request on a slow, loaded machine, cold start included.
    monkeypatch.setenv(STALL_VARIABLE, STALL)  # read by the spawned workers
    limit = 20.0
    settings = ServiceSettings(workers=1, max_queue=0, timeout_s=limit)
    stalled = {"articles": [f"{raqqa[0]} {STALL}", raqqa[1]]}
    with TestClient(create_app(settings)) as client:
        assert post(client, {"articles": raqqa[:2], "words": 30}).status_code == 200
        result: dict[str, Any] = {}
        thread = threading.Thread(target=lambda: result.update(r=post(client, stalled)))
        thread.start()
        for _ in range(3000):  # bounded: the request reaches the worker long before
            if client.get("/healthz").json()["in_progress"] == 1:
                break
            time.sleep(0.01)
        # the stalled job holds the only worker, yet the event loop still answers
        assert client.get("/healthz").json() == {"status": "ok", "workers": 1, "in_progress": 1}
        busy = post(client, {"articles": raqqa[:2]})
        assert busy.status_code == 503 and "busy" in busy.json()["detail"]
        assert "retry-after" in busy.headers
        thread.join(limit * 5)
        late = result["r"]
        assert late.status_code == 503 and f"longer than {limit:g} s" in late.json()["detail"]
        # the stuck worker was replaced: the service keeps working
        again = post(client, {"articles": raqqa[:2], "words": 30})
        assert again.status_code == 200, again.text


# ---------- page and schema ----------


def test_page_and_assets_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200
    assert {"/static/app.js", "/static/app.css"} <= set(re.findall(r'"(/static/[^"]+)"', page.text))
    remote = re.compile(
        r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//"""
    )
    for path in WEB.iterdir():
        assert not remote.search(path.read_text(encoding="utf-8")), f"{path.name} loads remotely"


def test_openapi_schema_matches_the_published_one(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/v1/summarize", "/v1/stories", "/v1/methods", "/v1/limits", "/healthz"} <= set(
        schema["paths"]
    )
    body = schema["paths"]["/v1/summarize"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert "SummarizeRequest" in schema["components"]["schemas"]
    published = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema == published, (
        f"the API changed: regenerate with `newsum serve --openapi > {SCHEMA.relative_to(ROOT)}`"
    )


def test_serve_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["serve", "--openapi"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(SCHEMA.read_text(encoding="utf-8"))
