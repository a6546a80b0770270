"""The word lists in ``newsum/data/``: one word or phrase a line, ``#`` opens a comment."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/NAME.txt`` in file order, comments and blank lines left out."""
    text = resources.files("newsum").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return tuple(entry for line in text.splitlines() if (entry := line.split("#", 1)[0].strip()))


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` as a set, for membership tests (read once)."""
    return frozenset(word_list(name))
