"""The HTTP server around the app: uvicorn on h11, held against slow and idle clients.

uvicorn times out an idle keep-alive connection, but not a client that connects and then
sends its request headers slowly (or never), and it keeps every idle socket open. Here:

- a request's headers must arrive within ``header_timeout_s`` of its first byte (and a
  new connection must start one within that time), else the connection is closed;
- at most ``max_connections`` connections are open; one more is answered 503 and closed;
- headers over ``max_header_bytes`` are refused by h11 (400);
- the body must arrive within ``body_timeout_s`` (``BodyDeadline`` in middleware.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from newsum.service.settings import RETRY_AFTER_S, ServiceSettings

_REFUSED_BODY = b"too many connections; retry later\n"
REFUSED = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"retry-after: %d\r\nconnection: close\r\ncontent-length: %d\r\n\r\n%s"
    % (RETRY_AFTER_S, len(_REFUSED_BODY), _REFUSED_BODY)
)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline on request headers and a connection cap."""

    header_timeout_s: float = 10.0
    max_connections: int = 1000

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_deadline: asyncio.TimerHandle | None = None
        if len(self.connections) > self.max_connections:
            self.logger.warning("refused a connection: %d are open", len(self.connections) - 1)
            transport.write(REFUSED)
            transport.close()
            return
        self._arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        if self._waiting_for_request() and self._header_deadline is None:
            self._arm_header_deadline()  # the next request on a kept-alive connection
        super().data_received(data)
        if not self._waiting_for_request():
            self._disarm_header_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_deadline()
        super().connection_lost(exc)

    def _waiting_for_request(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm_header_deadline(self) -> None:
        self._header_deadline = self.loop.call_later(self.header_timeout_s, self._headers_late)

    def _disarm_header_deadline(self) -> None:
        deadline = getattr(self, "_header_deadline", None)
        if deadline is not None:
            deadline.cancel()
            self._header_deadline = None

    def _headers_late(self) -> None:
        self._header_deadline = None
        if self._waiting_for_request() and not self.transport.is_closing():
            where = "{}:{} - ".format(*self.client) if self.client else ""
            self.logger.info("%sclosed: no complete request headers in time", where)
            self.transport.close()


def protocol_for(settings: ServiceSettings) -> type[GuardedH11Protocol]:
    """The protocol class with this service's limits (one class per server, no globals)."""
    return type(
        "NewsumH11Protocol",
        (GuardedH11Protocol,),
        {
            "header_timeout_s": settings.header_timeout_s,
            "max_connections": settings.max_connections,
        },
    )


def server_config(app: Any, settings: ServiceSettings, host: str, port: int) -> uvicorn.Config:
    """uvicorn's configuration for ``newsum serve`` (and the tests that serve over loopback)."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol_for(settings),
        log_level="info",
        server_header=False,
        timeout_keep_alive=int(max(1, settings.keep_alive_s)),
        h11_max_incomplete_event_size=settings.max_header_bytes,
        limit_concurrency=settings.max_connections + 1,  # requests in flight (tasks)
    )
