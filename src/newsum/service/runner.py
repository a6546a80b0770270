"""Worker processes for the CPU-heavy work, so that the event loop stays free for /healthz.

Each job has a deadline (queueing included); past it the client gets 503 and the worker
running the job is killed and replaced, so a pathological input cannot keep a core busy.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Awaitable, Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from newsum.service.settings import RETRY_AFTER_S, ServiceSettings
from newsum.service.work import init_worker, warm_up

T = TypeVar("T")


class Unavailable(Exception):
    """The job cannot be done now (queue full, deadline passed, worker died): answer 503."""

    def __init__(self, message: str, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ClientGone(Exception):
    """The client disconnected while its job ran; the job was stopped."""


class Runner:
    """A pool of spawned worker processes with a bounded queue and per-job deadlines."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.active = 0
        self._pool: ProcessPool | None = None

    def start(self) -> None:
        # spawn, not fork: the server has threads, and a worker replaced after a timeout
        # must not inherit their locks.
        self._pool = ProcessPool(
            max_workers=self.settings.workers,
            max_tasks=self.settings.worker_max_tasks,
            initializer=init_worker,
            context=multiprocessing.get_context("spawn"),
        )
        for _ in range(self.settings.workers):  # in the background: start-up is not delayed
            self._pool.schedule(warm_up, timeout=self.settings.timeout_s)

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None

    @property
    def capacity(self) -> int:
        return self.settings.workers + self.settings.max_queue

    async def run(
        self,
        function: Callable[[Any], T],
        job: Any,
        gone: Callable[[], Awaitable[None]] | None = None,
    ) -> T:
        """The function's result for this job, run in a worker; raises Unavailable.

        ``gone`` returns when the client has disconnected: the job is then stopped (its
        worker is replaced) and ClientGone raised, so that nobody's work is done for no one.
        """
        if self._pool is None:
            raise Unavailable("the service is starting or stopping")
        if not self._pool.active:  # every worker died (e.g. killed for memory): start afresh
            self.stop()
            self.start()
        if self.active >= self.capacity:
            raise Unavailable(f"the service is busy ({self.active} requests in progress)")
        self.active += 1
        timeout = self.settings.timeout_s
        try:
            future = self._pool.schedule(function, (job,), timeout=timeout)
            result: asyncio.Future[T] = asyncio.wrap_future(future)
            if gone is None:
                return await asyncio.wait_for(result, timeout)
            watcher: asyncio.Future[Any] = asyncio.ensure_future(gone())
            try:
                done, _ = await asyncio.wait(
                    [result, watcher], timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                watcher.cancel()
            if result in done:
                return result.result()
            result.cancel()  # cancels the pebble future: its worker is stopped and replaced
            if watcher in done:
                raise ClientGone("the client disconnected; its request was stopped")
            raise TimeoutError
        except TimeoutError:
            raise Unavailable(
                f"the request took longer than {timeout:g} s and was stopped; "
                "send fewer or shorter articles",
                retry_after=int(timeout),
            ) from None
        except (ProcessExpired, BrokenProcessPool) as exc:
            raise Unavailable(f"the worker stopped ({exc}); try again") from None
        finally:
            self.active -= 1
