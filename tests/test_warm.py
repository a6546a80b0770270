"""The process pool's warm-up: run once in the parent, before the workers are forked."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import Any

import pytest

from newsum.backend import ProcessPool, default_components
from newsum.batch import WARM_UP, BatchSettings, summarize_cluster

FORKS = multiprocessing.get_start_method() == "fork"


def test_the_warm_up_cluster_is_summarized_from_both_articles() -> None:
    """A warm-up that failed would warm nothing: it must take the whole path."""
    record = summarize_cluster(WARM_UP, BatchSettings(words=100), default_components())
    assert "error" not in record
    assert {s["document_id"] for s in record["sentences"]} == {"a", "b"}
    assert "Senate" in record["summary"]


@dataclass(frozen=True)
class _Marks:
    """A job whose warm-up leaves a mark in the parent; its workers report what they see."""

    def warm(self) -> None:
        os.environ["NEWSUM_TEST_WARMED"] = (
            f"{os.getpid()}:{os.environ.get('NEWSUM_TEST_WARMED', '')}"
        )

    def __call__(self, item: int, components: Any) -> tuple[int, str, int]:
        return item, os.environ.get("NEWSUM_TEST_WARMED", ""), os.getpid()


@pytest.mark.skipif(not FORKS, reason="only forked workers inherit the warm-up")
def test_the_pool_warms_once_in_the_parent_and_its_workers_inherit_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NEWSUM_TEST_WARMED", raising=False)
    with ProcessPool(2) as pool:
        first = list(pool.map(_Marks(), range(6)))
        second = list(pool.map(_Marks(), range(3)))
    parent = f"{os.getpid()}:"
    assert os.environ["NEWSUM_TEST_WARMED"] == parent  # once, in this process, not again
    for item, (got, seen, pid) in [*enumerate(first), *enumerate(second)]:
        assert got == item
        assert seen == parent  # the worker was forked after the warm-up
        assert pid != os.getpid()
