"""The service as `newsum serve` runs it (uvicorn, over loopback), against slow, idle,
vanishing and lying clients. Every wait is a bounded loop; no assert is about speed."""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

import uvicorn
from fastapi.testclient import TestClient

from newsum.service import ServiceSettings, create_app
from newsum.service.server import server_config
from newsum.service.work import STALL_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "raqqa").glob("*.txt"))]
BOUND_S = 30.0  # what "never" means here: far beyond every limit the servers below set


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self) -> list[str]:
        return [r.getMessage() for r in self.records]


@contextmanager
def serving(**limits: Any) -> Iterator[tuple[int, Records]]:
    """A real server on 127.0.0.1 (a free port) with `newsum serve`'s configuration."""
    settings = ServiceSettings(workers=1, timeout_s=60, **limits)
    config = server_config(create_app(settings), settings, "127.0.0.1", 0)
    server = uvicorn.Server(config)
    records = Records()
    logger = logging.getLogger("uvicorn.error")
    logger.addHandler(records)
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        for _ in range(600):
            if server.started or not thread.is_alive():
                break
            time.sleep(0.1)
        assert server.started, "the server did not start"
        yield listener.getsockname()[1], records
    finally:
        server.should_exit = True
        thread.join(60)
        logger.removeHandler(records)
        listener.close()


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=BOUND_S)


def closed_by_server(sock: socket.socket, trickle: bytes = b"") -> bool:
    """Send ``trickle`` a byte at a time until the server closes the connection (True), or
    give up after BOUND_S (False)."""
    sock.settimeout(0.05)
    end = time.monotonic() + BOUND_S
    sent = 0
    while time.monotonic() < end:
        try:
            data = sock.recv(65536)
        except TimeoutError:
            data = None
        except (ConnectionResetError, BrokenPipeError):
            return True
        if data == b"":
            return True
        if data and data.startswith(b"HTTP/1.1 408"):
            return True
        if sent < len(trickle):
            try:
                sock.send(trickle[sent : sent + 1])
            except (ConnectionResetError, BrokenPipeError):
                return True
            sent += 1
            time.sleep(0.05)
    return False


def get(port: int, path: str, method: str = "GET", **headers: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=BOUND_S)
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def in_progress(port: int) -> int:
    return int(json.loads(get(port, "/healthz").body)["in_progress"])  # type: ignore[attr-defined]


# ---------- slow and idle clients ----------


def test_headers_sent_slowly_or_never_lose_the_connection() -> None:
    with serving(header_timeout_s=0.5, keep_alive_s=1) as (port, _):
        with connect(port) as idle:
            assert closed_by_server(idle)  # connected, never sent a byte
        with connect(port) as slow:
            head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: " + b"a" * 2000
            assert closed_by_server(slow, head)  # one byte every 50 ms, never a full request
        # a keep-alive connection: the second request's headers are held to the deadline too
        with connect(port) as kept:
            kept.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert kept.recv(4096).startswith(b"HTTP/1.1 200")
            assert closed_by_server(kept, b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"a" * 2000)
        assert json.loads(get(port, "/healthz").body)["status"] == "ok"  # type: ignore[attr-defined]


def read_rest(sock: socket.socket, start: bytes) -> bytes:
    """The rest of a response whose first bytes are ``start``: its body may come in a later
    segment on a loaded machine. Reads until the body is complete or the server closes."""
    received = start
    sock.settimeout(BOUND_S)
    while True:
        head, found, body = received.partition(b"\r\n\r\n")
        lengths = [
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        ]
        if found and len(body) >= (lengths[0] if lengths else 0):
            break
        try:
            chunk = sock.recv(65536)
        except (TimeoutError, ConnectionResetError):
            break
        if not chunk:
            break
        received += chunk
    return received[len(start) :]


def test_a_body_sent_slowly_gets_408_and_the_connection_closes() -> None:
    with serving(body_timeout_s=0.5, header_timeout_s=60) as (port, records):
        with connect(port) as sock:
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
            )
            sock.settimeout(0.05)
            answer = b""
            end = time.monotonic() + BOUND_S
            while time.monotonic() < end and not answer:
                try:
                    sock.send(b" ")
                    answer = sock.recv(65536)
                except TimeoutError:
                    time.sleep(0.05)
                except (ConnectionResetError, BrokenPipeError):
                    break
            assert answer.startswith(b"HTTP/1.1 408"), answer
            answer += read_rest(sock, answer)
            assert b"did not arrive within 0.5 s" in answer
            assert closed_by_server(sock)
        assert not [r for r in records.records if r.exc_info]


def test_connections_over_the_cap_are_refused_and_the_cap_frees_up() -> None:
    cap = 4
    with serving(max_connections=cap, header_timeout_s=120) as (port, _):
        held = [connect(port) for _ in range(cap)]
        try:
            with connect(port) as extra:
                extra.settimeout(BOUND_S)
                assert extra.recv(4096).startswith(b"HTTP/1.1 503")
        finally:
            for sock in held:
                sock.close()
        for _ in range(300):  # the server notices the closed sockets
            try:
                if get(port, "/healthz").status == 200:
                    break
            except (ConnectionError, http.client.HTTPException):
                pass
            time.sleep(0.1)
        assert get(port, "/healthz").status == 200


# ---------- clients that leave ----------


def test_a_client_that_leaves_mid_body_is_one_log_line() -> None:
    with serving() as (port, records):
        with connect(port) as sock:
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                b'{"articles": ["' + b"a" * 1000
            )
        for _ in range(300):
            if any("disconnected" in line for line in records.lines()):
                break
            time.sleep(0.1)
        said = [line for line in records.lines() if "disconnected" in line]
        assert len(said) == 1 and "before its request body was complete" in said[0]
        assert not [r for r in records.records if r.exc_info], records.lines()
        assert not any("Exception in ASGI" in line for line in records.lines())


def test_a_client_that_leaves_during_its_job_frees_the_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    marker = "stall-until-the-client-leaves-41c2"
    monkeypatch.setenv(STALL_VARIABLE, marker)
    with serving(max_queue=0) as (port, records):
        body = json.dumps({"articles": [f"{TEXTS[0]} {marker}", TEXTS[1]]}).encode()
        with connect(port) as sock:
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            for _ in range(300):
                if in_progress(port) == 1:
                    break
                time.sleep(0.1)
            assert in_progress(port) == 1
        for _ in range(300):  # the job stops although its 60 s limit is far away
            if in_progress(port) == 0:
                break
            time.sleep(0.1)
        assert in_progress(port) == 0
        assert any("client disconnected" in line for line in records.lines())
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        light = json.dumps({"articles": TEXTS[:2], "words": 30})
        conn.request("POST", "/v1/summarize", light, {"Content-Type": "application/json"})
        assert conn.getresponse().status == 200  # a fresh worker took its place
        conn.close()
        assert not [r for r in records.records if r.exc_info], records.lines()


# ---------- what the server answers ----------


def test_no_redirect_is_built_from_the_host_header_and_head_is_get() -> None:
    with serving() as (port, _):
        for path in ["/static", "/healthz/", "/v1/methods/"]:
            response = get(port, path, Host="evil.example")
            assert "evil.example" not in (response.getheader("location") or ""), path
            assert response.status in {200, 404}, (path, response.status)
        head = get(port, "/", method="HEAD")
        page = get(port, "/")
        assert head.status == page.status == 200
        assert head.getheader("content-type") == page.getheader("content-type")
        assert head.body == b"" and b"<html" in page.body  # type: ignore[attr-defined]
        assert get(port, "/healthz", method="HEAD").status == 200
        assert get(port, "/static/app.js", method="HEAD").status == 200


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServiceSettings(workers=1, timeout_s=120))) as test_client:
        yield test_client


@pytest.mark.parametrize("value", [True, False, 60.0, "60", [60]])
def test_words_must_be_an_integer(client: TestClient, value: Any) -> None:
    for field in ("words", "sentences"):
        response = client.post("/v1/summarize", json={"articles": TEXTS[:2], field: value})
        assert response.status_code == 422, (field, value, response.text)
        assert response.json()["detail"][0]["loc"] == ["body", field]


def test_form_words_still_read_as_a_number(client: TestClient) -> None:
    form = {"articles": json.dumps(TEXTS[:2]), "words": "40"}
    files = [("files", ("a.txt", TEXTS[2].encode(), "text/plain"))]
    response = client.post("/v1/summarize", data=form, files=files)
    assert response.status_code == 200, response.text
    assert 0 < response.json()["words"] <= 40
    form["words"] = "true"
    refused = client.post("/v1/summarize", data=form, files=files)
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "words"]


def test_chinese_text_is_refused_with_the_real_reason(client: TestClient) -> None:
    chinese = (
        "周一，救援队抵达了被洪水淹没的城镇。官员说，大约两百人被转移到避难所。河水在夜间漫过堤岸。"
    )
    response = client.post("/v1/summarize", json={"articles": [chinese, chinese]})
    assert response.status_code == 422
    assert "without spaces" in response.json()["detail"][0]["msg"]
