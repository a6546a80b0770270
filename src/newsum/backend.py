"""Where the work runs: in this process, in a pool of worker processes, or on a Dask cluster.

A backend runs one job over many items and yields the results in input order, with a bounded
number of items in flight, so a corpus of any size streams through in constant memory. A
worker that dies costs at most the item it held: that item is retried once, and comes back as
``Lost`` if it fails again. Another engine is one more class with ``map`` and ``close``.

A job is a picklable callable ``job(item, components)`` (a module-level function, or a frozen
dataclass with ``__call__``) that does not raise for a bad item: it returns an error record.
Worker processes build their components once, from a picklable factory.
"""

from __future__ import annotations

import gc
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items in flight per worker: enough that no worker waits while the oldest result is awaited
# (a DUC cluster takes 0.05-0.3 s, ten times the scheduling cost), few enough that memory
# stays bounded by the window, not the corpus (scale benchmark: 2 -> 4 raised --jobs 2
# throughput, 4 -> 16 did not).
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True)
class Lost:
    """An item whose worker died, and died again on the retry (or whose pool kept breaking)."""

    reason: str


def default_components() -> Any:
    """The pipeline's default components (splitter, stemmer), built once per worker."""
    from newsum.pipeline import Components

    return Components()


class Backend(Protocol):
    """Runs ``job(item, components)`` over items, yielding results (or ``Lost``) in order."""

    workers: int

    def map(self, job: Callable[[T, Any], R], items: Iterable[T]) -> Iterator[R | Lost]: ...

    def close(self) -> None: ...


# --- in this process ---------------------------------------------------------------------


class InProcess:
    """Every item in this process, one after the other, with the components given."""

    workers = 1

    def __init__(self, components: Any = None) -> None:
        self._components = components

    def map(self, job: Callable[[T, Any], R], items: Iterable[T]) -> Iterator[R | Lost]:
        if self._components is None:
            self._components = default_components()
        for item in items:
            yield job(item, self._components)

    def close(self) -> None:
        pass

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


# --- in worker processes -----------------------------------------------------------------

_local = threading.local()  # this worker's components (one per thread on a Dask worker)


def _components_here(factory: Callable[[], Any]) -> Any:
    cache: dict[Any, Any] = getattr(_local, "components", None) or {}
    if factory not in cache:
        cache[factory] = factory()
        _local.components = cache
        # What the worker holds by now (its engine's modules, the models) lives as long as
        # the worker: out of the collector's sight, a full collection no longer walks it
        # (a Dask worker holds many more such objects than a pool worker).
        gc.freeze()
    return cache[factory]


def run_here(job: Callable[[T, Any], R], item: T, factory: Callable[[], Any]) -> R:
    """What a worker runs: the job on one item with this worker's components."""
    return job(item, _components_here(factory))


def run_chunk(job: Callable[[T, Any], R], items: list[T], factory: Callable[[], Any]) -> list[R]:
    components = _components_here(factory)
    return [job(item, components) for item in items]


def _warm(factory: Callable[[], Any]) -> None:
    _components_here(factory)


def _ordered(
    submit: Callable[[T], Any],
    collect: Callable[[T, Any], R | Lost],
    items: Iterable[T],
    window: int,
) -> Iterator[R | Lost]:
    pending: deque[tuple[T, Any]] = deque()
    for item in items:
        pending.append((item, submit(item)))
        while len(pending) >= window:
            yield collect(*pending.popleft())
    while pending:
        yield collect(*pending.popleft())


MAX_DEATHS = 2  # a worker that dies twice on one item: the item is lost, not retried again
POLL_SECONDS = 1.0
"""How often a wait on an item looks whether its pool is still the one in use: pebble can
leave a future unresolved when its pool is stopped after breaking (a worker killed while it
starts: test_a_worker_killed_before_it_takes_an_item_costs_nothing hung on such a future in 5
of 40 runs under load before this wait, in 0 of 40 after). A second costs nothing to an item
that runs."""
MAX_BREAKS = 3  # pool breaks one item may meet: one death can break the pool after expiring
# an item whose retry was already sent to it (test_a_worker_killed_mid_run_costs_no_cluster
# lost a cluster that way, once in several full-suite runs, when two were allowed in all)


class ProcessPool:
    """A pool of worker processes (pebble): a worker that dies is replaced, and only the
    item it held is retried.

    pebble breaks the whole pool when a worker dies while it holds no acknowledged task (killed
    while it starts, or between two items): every future then fails with ``BrokenProcessPool``.
    The pool is then replaced by a fresh one and the items still in flight are sent again, so
    a death at any moment costs no item.
    """

    def __init__(self, workers: int, factory: Callable[[], Any] = default_components) -> None:
        self.workers = max(1, workers)
        self._factory = factory
        self._pool = self._start()

    def _start(self) -> Any:
        from pebble import ProcessPool as Pool

        return Pool(max_workers=self.workers, initializer=_warm, initargs=(self._factory,))

    def _replace(self, broken: Any) -> None:
        """A fresh pool in place of ``broken``, once, however many futures report it."""
        if self._pool is broken:
            broken.stop()
            broken.join()
            self._pool = self._start()

    def map(self, job: Callable[[T, Any], R], items: Iterable[T]) -> Iterator[R | Lost]:
        from concurrent.futures.process import BrokenProcessPool

        from pebble import ProcessExpired

        def submit(item: T) -> tuple[Any, Any]:
            if not self._pool.active:  # broke since the last item was sent
                self._replace(self._pool)
            pool = self._pool
            return pool, pool.schedule(run_here, (job, item, self._factory))

        def collect(item: T, sent: tuple[Any, Any]) -> R | Lost:
            pool, future = sent
            deaths = breaks = 0
            while True:
                try:
                    return future.result(timeout=POLL_SECONDS)
                except TimeoutError:
                    if future.done():
                        raise  # the job's own TimeoutError, as any error of the job
                    if pool is self._pool and pool.active:
                        continue  # still running: wait on
                    # its pool was stopped under it (another item found it broken) and left
                    # the future unresolved: send the item again, counted as a break
                    breaks += 1
                    if breaks == MAX_BREAKS:
                        return Lost(f"the worker pool broke {MAX_BREAKS} times")
                except ProcessExpired as exc:
                    # the worker died holding this item: once more on a fresh worker; twice,
                    # and the item is taken for the cause
                    deaths += 1
                    if deaths == MAX_DEATHS:
                        return Lost(f"the worker died twice ({exc})")
                except BrokenProcessPool as exc:
                    # the pool broke around the item, not in it (a death may expire one
                    # item and then break the pool under the retry already sent to it)
                    breaks += 1
                    self._replace(pool)
                    if breaks == MAX_BREAKS:
                        return Lost(f"the worker pool broke {MAX_BREAKS} times ({exc})")
                pool, future = submit(item)

        return _ordered(submit, collect, items, IN_FLIGHT_PER_WORKER * self.workers)

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


# --- on a Dask cluster -------------------------------------------------------------------

# Clusters per Dask task: each task costs the client, the scheduler and the worker a message
# and some bookkeeping, so several clusters ride together. On small clusters the cost shows:
# 600 clusters of 3 documents (scale benchmark, 2 workers on loopback) took 19.9 s CPU in all
# processes with 4 per task and 17.4 s with 16 (the scheduler's share halved), against 16.8 s
# for --jobs 2; on DUC-sized clusters 4 and 16 cost the same (90 vs 92 ms per cluster). Once
# the batch path got faster (this stop), 16 per task fell to 0.85-0.90 of --jobs 2 on 2,000
# small clusters, and 64 gave 1.02 (43.0 vs 44.0 s wall, 38.4 vs 38.3 s CPU, same run).
DASK_CHUNK = 64
DASK_CHUNK_CHARS = 600_000
"""Characters of text a task carries at most, for a job that weighs its items (``weight``):
some 60 small clusters (3 documents, about 10,000 characters) ride together, DUC-sized ones
(about 35,000, DUC 2003 task 2) 17 to a task, near the 16 that cost them no more than 4, so
that 30 of them still make two tasks for two workers, a killed worker's task reruns a bounded
amount of work, and the window of tasks in flight stays small."""
UNWEIGHED_CHUNK = 16  # items per task for a job without ``weight`` (the earlier default)


class Dask:
    """Items run on a dask.distributed cluster: ``"local"`` starts one on this machine with
    ``workers`` processes; an address (``tcp://host:8786``) joins a running scheduler.

    The scheduler reruns the tasks of a worker that dies on another worker; on a local
    cluster a task is retried once (``allowed-failures``) and then comes back as ``Lost``.
    A task carries up to ``chunk`` items, and up to ``chars`` characters of text when the job
    weighs its items (``job.weight(item)``, as the batch and evaluate jobs do).
    """

    def __init__(
        self,
        scheduler: str,
        workers: int = 2,
        factory: Callable[[], Any] = default_components,
        chunk: int = DASK_CHUNK,
        chars: int = DASK_CHUNK_CHARS,
    ) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            from newsum.errors import InputError

            raise InputError(
                "--scheduler needs dask.distributed: pip install 'newsum[dask]'"
            ) from None
        self._factory = factory
        self._chunk = max(1, chunk)
        self._chars = chars
        self._cluster: Any = None
        if scheduler == "local":
            import logging

            with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
                self._cluster = LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(scheduler, timeout="10s")
                self._client.wait_for_workers(1, timeout=60)
            except (OSError, ValueError, TimeoutError) as exc:
                from newsum.errors import InputError

                detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise InputError(f"cannot use the Dask scheduler {scheduler} ({detail})") from None
        threads = self._client.nthreads()
        self.workers = max(1, sum(threads.values()))

    def map(self, job: Callable[[T, Any], R], items: Iterable[T]) -> Iterator[R | Lost]:
        from distributed import KilledWorker

        def submit(chunk: list[T]) -> Any:
            return self._client.submit(run_chunk, job, chunk, self._factory, pure=False)

        def collect(chunk: list[T], future: Any, last_try: bool = False) -> list[R | Lost]:
            try:
                return future.result()
            except KilledWorker as exc:
                if len(chunk) == 1:
                    if last_try:
                        return [Lost(f"the worker died twice ({exc})")]
                    # it may have shared a dying worker with the culprit: once more, alone,
                    # now that every item collected before it is settled
                    return collect(chunk, submit(chunk), last_try=True)
                # one item of the chunk may be the culprit: each alone, so only it is lost
                futures = [submit([item]) for item in chunk]
                return [collect([item], f)[0] for item, f in zip(chunk, futures, strict=True)]

        # two chunks per worker at least: one running, one on its way (hides the round trip)
        window = max(2 * self.workers + 1, IN_FLIGHT_PER_WORKER * self.workers // self._chunk)
        weigh = getattr(job, "weight", None)
        chunks = _chunks(items, self._chunk, weigh, self._chars)
        for results in _ordered(submit, collect, chunks, window):
            yield from results  # type: ignore[misc]

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> Dask:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _chunks(
    items: Iterable[T],
    size: int,
    weigh: Callable[[T], int] | None = None,
    chars: int = DASK_CHUNK_CHARS,
) -> Iterator[list[T]]:
    """Consecutive items, ``size`` at most to a chunk; with ``weigh``, a chunk also closes once
    its items weigh ``chars``; without, it holds ``UNWEIGHED_CHUNK`` at most."""
    if weigh is None:
        size = min(size, UNWEIGHED_CHUNK)
    chunk: list[T] = []
    weight = 0
    for item in items:
        chunk.append(item)
        if weigh is not None:
            weight += weigh(item)
        if len(chunk) >= size or weight >= chars:
            yield chunk
            chunk = []
            weight = 0
    if chunk:
        yield chunk


def check_scheduler(scheduler: str | None) -> None:
    """Refuse a --scheduler value that is neither 'local' nor an address."""
    if scheduler is not None and scheduler != "local" and "://" not in scheduler:
        from newsum.errors import InputError

        raise InputError(
            f"--scheduler {scheduler}: expected 'local' or an address such as tcp://HOST:8786"
        )


def make_backend(
    jobs: int,
    scheduler: str | None = None,
    factory: Callable[[], Any] = default_components,
    components: Any = None,
) -> Backend:
    """The backend the CLI options ask for: Dask with a scheduler, else a process pool for
    more than one job, else this process (with ``components`` when given)."""
    check_scheduler(scheduler)
    if scheduler:
        return Dask(scheduler, workers=jobs, factory=factory)
    if jobs > 1:
        return ProcessPool(jobs, factory)
    return InProcess(components)
