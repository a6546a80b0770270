"""Trust checks: each finds one kind of disagreement between outlets.

A check is one module of this package with a ``NAME`` and a function
``check(context: Context) -> list[Disagreement]``; ``CHECKS`` lists them, and the report
says which ran. Adding a check is adding its module and its name here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from newsum.trust.figures import Mention
from newsum.trust.matching import Matcher
from newsum.trust.outlets import Outlets
from newsum.types import Disagreement

CHECKS: tuple[str, ...] = ("figures", "denials")
DEFAULT_CONFIDENCE = 0.5  # disagreements below this are not shown (see BENCHMARKS.md, trust)


@dataclass(frozen=True)
class Context:
    """What every check may read: the matcher, the outlets and the cluster's figures."""

    matcher: Matcher
    outlets: Outlets
    figures: tuple[Mention, ...]


def get_check(name: str) -> Callable[[Context], list[Disagreement]]:
    module = importlib.import_module(f"newsum.trust.checks.{name}")
    check: Callable[[Context], list[Disagreement]] = module.check
    return check


def run_checks(
    context: Context, min_confidence: float = DEFAULT_CONFIDENCE, names: tuple[str, ...] = CHECKS
) -> tuple[Disagreement, ...]:
    """Every check's disagreements at or above ``min_confidence``, most certain first."""
    found = [d for name in names for d in get_check(name)(context)]
    found = [d for d in found if d.confidence >= min_confidence]
    return tuple(sorted(found, key=lambda d: -d.confidence))
