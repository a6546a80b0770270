"""Numbers in news sentences, with what they count and how exact they claim to be.

Two outlets that give the same specific figure are very likely reporting the same fact;
two that give different figures for the same thing disagree. Both need the figure as a
value ("3,500" = "3.5 thousand"), the thing counted ("civilians"), and the hedge ("about",
"at least") that decides whether two figures really conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsum.represent import STOPWORDS

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 100}
_APPROX = (
    r"about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|"
    r"estimated|up\s+to|as\s+many\s+as|at\s+least|more\s+than|over|less\s+than|fewer\s+than|"
    r"under|at\s+most|no\s+more\s+than|no\s+fewer\s+than|only|just"
)
_LOWER_BOUND = {"at least", "more than", "over", "no fewer than"}
_UPPER_BOUND = {
    "up to",
    "as many as",
    "less than",
    "fewer than",
    "under",
    "at most",
    "no more than",
}
# A figure, with its hedge, starts a word: the leading guard keeps a hedge from starting
# inside one ("rec-over two", "Chromo-some 13") and lets the engine skip every other position
# at once (three times faster on the dev sets' sentences).
_NUMBER = re.compile(
    r"(?<!\w)(?=\w)"
    rf"(?:(?P<hedge>{_APPROX})\s+)?"
    r"(?P<number>(?<![\w.,:/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,:/-]|\.\d)"
    r"|(?<![\w.,:/-])\d+(?:\.\d+)?(?![\w:/-]|[.,]\d)"
    rf"|\b(?:{'|'.join(_SMALL)})(?:[\s-](?:{'|'.join(_SMALL)}))?\b(?!-))"
    rf"(?:\s+(?P<scale>{'|'.join(_SCALE)})\b)?"
    r"(?P<percent>\s*(?:%|percent\b|per\s+cent\b))?",
    re.IGNORECASE,
)
_MAYBE = re.compile(rf"\d|\b(?:{'|'.join(_SMALL)})\b", re.IGNORECASE)
# ``_MAYBE`` on lowercased ASCII text, where it finds the same: a third of the time of the
# case-insensitive search (25,852 sentences of 1,000 articles: 0.23 -> 0.06 s).
_MAYBE_LOWER = re.compile(_MAYBE.pattern)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+|No\.|number)\s+$")
# Characters before a figure searched for a month or a name ("Oct. 17", "Flight 447"): the
# two patterns above end at the figure, so only its last few words can match (a whole-prefix
# search tried every start in the sentence: a fifth of the trust stage at 1,000 articles).
_BEFORE = 60
_NOT_NAMES = STOPWORDS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "since",
    "until", "some", "about", "around", "nearly", "almost", "only", "another", "all", "total",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Common irregular past forms: where the counted noun phrase ends ("3,500 civilians left").
VERBS = frozenset(
    {"left", "fled", "fell", "went", "came", "took", "fought", "won", "lost", "held", "stood",
     "gave", "got", "made", "met", "ran", "rose", "sent", "spent", "kept", "found", "saw",
     "became", "began", "brought", "built", "caught", "felt", "heard", "led", "paid", "put",
     "set", "shot", "struck", "thought", "wrote", "remain", "remains", "die", "dies", "face",
     "say", "says", "said", "told", "are", "were", "have", "had", "has", "will", "would"}
)  # fmt: skip
# "about", "around", "nearly" allow a few per cent either way beyond the rounding the figure
# shows (benchmarks/labels/RULES-disagreements.md: "about 65" fits 67, not 60).
HEDGE_SLACK = 0.05
_SKIP_HEADS = frozenset({"of", "percent", "per", "cent"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a sentence: value, what it counts, and its hedge (``start``/``end`` index
    the sentence text)."""

    value: float
    text: str
    start: int
    end: int
    kind: str  # "count", "percent" or "year"
    counted: tuple[str, ...]  # the words naming what is counted, e.g. ("local", "militants")
    hedge: str | None = None

    @property
    def head(self) -> str | None:
        """The counted noun ("fighters" in "275 Syrian IS fighters")."""
        return self.counted[-1].lower() if self.counted else None

    @property
    def exact(self) -> bool:
        return self.hedge is None or self.hedge in {"only", "just"}

    def bounds(self, tolerance: float = HEDGE_SLACK) -> tuple[float, float]:
        """The values this figure allows: a hedge widens it, a bound opens one side, and a
        round figure from 100 up is read as rounded to its last non-zero digit (250 allows
        245-255)."""
        hedge = " ".join((self.hedge or "").lower().split())
        if hedge in _LOWER_BOUND:
            return self.value, float("inf")
        if hedge in _UPPER_BOUND:
            return 0.0, self.value
        slack = _rounding(self.value) + (0.0 if self.exact else tolerance * self.value)
        return self.value - slack, self.value + slack


def _rounding(value: float) -> float:
    """Half the unit of a whole figure's last non-zero digit (0 when it has no trailing 0).
    Under 100 a figure is read as exact: a toll of 60 is a count, not a rounded 55-65."""
    if value < 100 or value != int(value):
        return 0.0
    unit, number = 1, int(value)
    while number % 10 == 0:
        number //= 10
        unit *= 10
    return unit / 2 if unit > 1 else 0.0


def _value(number: str, scale: str | None) -> float | None:
    text = number.lower().replace(",", "")
    try:
        value = float(text)
    except ValueError:
        parts = re.split(r"[\s-]+", text)
        if not all(p in _SMALL for p in parts):
            return None
        value = float(sum(_SMALL[p] for p in parts)) if parts[0] != "hundred" else 100.0
    if scale:
        value *= _SCALE[scale.lower()]
    return value


def counted_after(text: str, end: int) -> tuple[str, ...]:
    """The counted noun phrase that starts at ``end`` (e.g. after "65 of the")."""
    return _counted(text, end)


def _counted(text: str, end: int) -> tuple[str, ...]:
    """The noun phrase after a figure, up to the first function word or punctuation."""
    words: list[str] = []
    position = end
    for match in _WORD.finditer(text, end):
        gap = text[position : match.start()]
        if gap.strip() or len(words) >= 4:
            break
        word = match.group(0)
        if word.islower() and (word in STOPWORDS or word in _SKIP_HEADS):
            break
        if words and word.islower() and (word.endswith(("ed", "ing")) or word in VERBS):
            break  # "3,500 civilians evacuated", "3,500 civilians left": the verb starts here
        words.append(word)
        position = match.end()
    return tuple(words)


def find_quantities(text: str) -> list[Quantity]:
    """Figures in a sentence; dates, times, ordinals and codes are left out."""
    found: list[Quantity] = []
    if not (_MAYBE_LOWER.search(text.lower()) if text.isascii() else _MAYBE.search(text)):
        return found
    for match in _NUMBER.finditer(text):
        number = match.group("number")
        value = _value(number, match.group("scale"))
        if value is None or (number[0] == "0" and len(number) > 1 and number[1].isdigit()):
            continue
        start, end = match.span()
        at = match.start("number")
        window = max(at - _BEFORE, 0)
        if _DATE_BEFORE.search(text, window, at) or _DATE_AFTER.match(text[end:]):
            continue  # "Oct. 17", "17 October"
        before = _NAME_BEFORE.search(text, window, at)
        if not match.group("hedge") and before and before.group(1).lower() not in _NOT_NAMES:
            continue  # "Flight 447", "Resolution 1441": part of a name, not a count
        if number[0].isalpha() and number.lower() == "one" and not match.group("scale"):
            continue  # "one of the", "no one": rarely a count worth comparing
        is_year = (
            number.isdigit() and len(number) == 4 and 1800 <= value <= 2100 and not match["scale"]
        )
        kind = "percent" if match.group("percent") else "year" if is_year else "count"
        hedge = match.group("hedge")
        counted = () if kind != "count" else _counted(text, end)
        found.append(
            Quantity(
                value=value,
                text=text[start:end].strip(),
                start=start,
                end=end,
                kind=kind,
                counted=counted,
                hedge=" ".join(hedge.lower().split()) if hedge else None,
            )
        )
    return found
