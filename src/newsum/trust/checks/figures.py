"""The ``figure`` check: different numbers for the same quantity, from different outlets.

Taken from the figures view (``newsum.trust.figures``): two figures of one counted thing
conflict when their values are apart beyond what their hedges allow ("about 100" allows
90-110, "at least 275" anything from 275), nothing tells them apart as two different counts
(a different verb: "12 killed" / "30 injured"; a part of a whole: "another 300"), and the
clauses around them say the same thing otherwise.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np

from newsum.order import parse_date
from newsum.represent import ClusterView
from newsum.trust.checks import Context
from newsum.trust.figures import Mention, describe, things
from newsum.trust.quantities import Quantity, find_quantities
from newsum.trust.units import clause_bounds
from newsum.types import Disagreement, Side

NAME = "figure"
MIN_CONTEXT = 0.3  # clauses around two figures must match this much (weighted F1) to compare
MIN_SENTENCE = 0.15  # and their sentences this much: the same event, not just the same noun
# Confidence of a conflict, built from what makes two figures one quantity:
BASE = 0.3  # same counted thing, values apart: a bare guess that they count the same
CONTEXT_WEIGHT = 0.6  # the clauses around the figures match: the strongest evidence
SENTENCE_WEIGHT = 0.4  # the whole sentences match: the same event is reported
CAP = 0.95  # never certain: two outlets may count at different times
HEDGED = 0.1  # minus: a hedged figure ("about", "at least") is a looser claim
FAR_APART_RATIO = 4  # values this far apart are more likely two different counts...
FAR_APART = 0.15  # ...so minus this (19 vs 1,034 delegates)
OTHER_ROLE = 0.2  # minus: "working in 80 countries" / "staff from 45 countries"
# plus: the same verb next to both figures ("about 100 IS fighters had surrendered" / "275
# Syrian IS fighters ... surrendered"): the same thing happened, so likely the same event,
# even when the clauses around them are mostly who said it.
SAME_ACTION = 0.25
# With the same verb, the clauses may match less, but not nothing: Raqqa's surrender figures
# match at 0.20-0.22; DUC D105's "148 killed this month" / "nearly 300 killed over two years"
# at 0.10 (two periods, not one event).
MIN_CONTEXT_SAME_ACTION = 0.18
# Both figures stand in the opening sentences of their articles, with the same verb: the
# article's main count of what happened ("killing 60 people" / "About 65 ... died"), which
# word overlap cannot show when the outlets word it apart (Goteborg fire: clauses at 0.09).
LEAD_SENTENCES = 3  # the opening: a news article gives its main count here
LEAD = 0.25  # plus: both figures open their articles
# An update is no contradiction: the later figure is higher and its document is dated later
# (by a day or more), or its sentence says the count grew ("rose to", "so far").
_UPDATE = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|grew|grown|increased|bringing|brought|raising|"
    r"so\s+far|now\s+stands|has\s+reached|toll\s+(?:is\s+)?now|at\s+least\s+\d[\d,]*\s+so)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(r"\b(in|from|of|at|to|by|for|with|on|among|between)\s*$", re.IGNORECASE)


def conflict(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are apart beyond what their hedges allow."""
    low_a, high_a = a.bounds()
    low_b, high_b = b.bounds()
    return high_a < low_b or high_b < low_a


def confidence(
    context: float,
    sentence: float,
    a: Quantity,
    b: Quantity,
    roles: bool,
    same_action: bool,
    lead: bool = False,
) -> float:
    """How sure newsum is that two conflicting figures count the same quantity."""
    value = BASE + CONTEXT_WEIGHT * context + SENTENCE_WEIGHT * sentence
    value += SAME_ACTION if same_action and not roles else 0.0
    value = min(CAP, value + (LEAD if lead and same_action else 0.0))
    if not (a.exact and b.exact):
        value -= HEDGED
    if max(a.value, b.value) / min(a.value, b.value) > FAR_APART_RATIO:
        value -= FAR_APART
    if roles:
        value -= OTHER_ROLE
    return round(float(max(value, 0.0)), 2)


def check(context: Context) -> list[Disagreement]:
    matcher, outlets = context.matcher, context.outlets
    view = matcher.view
    outlet = {m.sentence: outlets.name(view.sentences[m.sentence].doc) for m in context.figures}
    # Each figure meets every other of its thing (hundreds, in a 1,000-article cluster): what
    # belongs to one figure or sentence alone is worked out once, not once per pair.
    bounds = {m.quantity: m.quantity.bounds() for m in context.figures}
    clauses: dict[Mention, set[str]] = {}
    updates = Updates(view)
    candidates: list[tuple[Mention, Mention]] = []
    for members in things([m for m in context.figures if not m.partial]).values():
        for i, fa in enumerate(members):
            low_a, high_a = bounds[fa.quantity]
            for fb in members[i + 1 :]:
                if outlet[fa.sentence] == outlet[fb.sentence]:
                    continue
                low_b, high_b = bounds[fb.quantity]
                if not (high_a < low_b or high_b < low_a):  # ``conflict``
                    continue
                if fa.action and fb.action and not fa.action & fb.action:
                    continue  # "12 killed" / "30 injured": the figures count different events
                candidates.append((fa, fb))
    if not candidates:
        return []
    pairs = sorted({(fa.sentence, fb.sentence) for fa, fb in candidates})
    scores = matcher.score_pairs(np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
    similarity = dict(zip(pairs, scores.tolist(), strict=True))
    found: list[tuple[Disagreement, tuple[str, frozenset[str]]]] = []
    seen: set[tuple[int, int, str, frozenset[str]]] = set()
    for fa, fb in candidates:
        sentence_score = similarity[fa.sentence, fb.sentence]
        for f in (fa, fb):
            if f not in clauses:
                clauses[f] = _clause(context, f)
        context_a = clauses[fa] - {fa.head}
        context_b = clauses[fb] - {fb.head}
        around = matcher.units.weighted_f1(
            {u for u in context_a if not u.startswith("#")},
            {u for u in context_b if not u.startswith("#")},
        )
        same_action = bool(fa.action & fb.action)
        lead = same_action and _in_lead(view, fa) and _in_lead(view, fb)
        if updates.between(fa, fb):
            continue
        if lead:
            pass  # the opening counts of two articles: the same event (see LEAD)
        elif same_action:
            if around < MIN_CONTEXT_SAME_ACTION:
                continue
        elif around < MIN_CONTEXT or sentence_score < MIN_SENTENCE:
            continue
        matter = (fa.head, fa.action & fb.action)  # what is counted, and what happened to it
        key = (min(fa.sentence, fb.sentence), max(fa.sentence, fb.sentence), *matter)
        if key in seen:
            continue
        seen.add(key)
        role_a = _ROLE.search(view.sentences[fa.sentence].text[: fa.quantity.start])
        role_b = _ROLE.search(view.sentences[fb.sentence].text[: fb.quantity.start])
        roles = bool(role_a and role_b and role_a.group(1).lower() != role_b.group(1).lower())
        sure = confidence(
            around, sentence_score, fa.quantity, fb.quantity, roles, same_action, lead
        )
        found.append((_item(context, fa, fb, outlet, sure, around), matter))
    return _merge(found)


def _in_lead(view: ClusterView, m: Mention) -> bool:
    return view.sentences[m.sentence].index < LEAD_SENTENCES


class Updates:
    """Whether a higher figure is a later count (``between``), with each sentence's wording
    and each document's date read once."""

    def __init__(self, view: ClusterView) -> None:
        self.view = view
        self._grew: dict[int, bool] = {}
        self._dates: dict[int, date | None] = {}

    def between(self, fa: Mention, fb: Mention) -> bool:
        """Whether the higher figure is a later count: dated a day later, or said to have
        grown ("rose to", "so far")."""
        low, high = sorted((fa, fb), key=lambda m: m.quantity.value)
        if high.sentence not in self._grew:
            text = self.view.sentences[high.sentence].text
            self._grew[high.sentence] = _UPDATE.search(text) is not None
        if self._grew[high.sentence]:
            return True
        when_low = self._date(self.view.sentences[low.sentence].doc)
        when_high = self._date(self.view.sentences[high.sentence].doc)
        if when_low is None or when_high is None:
            return False
        return when_high > when_low

    def _date(self, doc: int) -> date | None:
        if doc not in self._dates:
            when = parse_date(self.view.documents[doc].article.date)
            self._dates[doc] = None if when is None else when.date()
        return self._dates[doc]


def _clause(context: Context, m: Mention) -> set[str]:
    matcher = context.matcher
    text = matcher.view.sentences[m.sentence].text
    start, end = clause_bounds(text, m.quantity.start, m.quantity.end)
    return matcher.units.in_span(m.sentence, start, end)


def _item(
    context: Context,
    fa: Mention,
    fb: Mention,
    outlet: dict[int, str],
    sure: float,
    around: float,
) -> Disagreement:
    matcher = context.matcher
    view = matcher.view
    noun = fa.quantity.head or ""
    counted = [w for w in fa.quantity.counted[-2:] if w.lower() not in {"ones", "others"}]
    seen = {w.lower() for w in counted}
    shared = [
        w
        for w in matcher.shared(fa.sentence, fb.sentence)
        if not w[0].isdigit() and w.lower() not in seen
    ]
    topic = " ".join([*counted, *shared[:2]]).strip() or noun
    sides = tuple(
        Side(
            claim=describe(matcher, f),
            sentences=(view.sentences[f.sentence],),
            sources=(outlet[f.sentence],),
        )
        for f in (fa, fb)
    )
    reason = (
        f"{outlet[fa.sentence]} gives {fa.quantity.text}, {outlet[fb.sentence]} gives "
        f"{fb.quantity.text} {noun}; the clauses around the figures match at {around:.0%}"
    )
    return Disagreement(NAME, topic, sides, sure, reason)


def _merge(
    items: list[tuple[Disagreement, tuple[str, frozenset[str]]]],
) -> list[Disagreement]:
    """One disagreement per matter (the counted thing and what happened to it): pairs of one
    matter that share a sentence are merged, sides by value."""
    merged: list[Disagreement] = []
    matters: list[tuple[str, frozenset[str]]] = []
    for item, matter in sorted(items, key=lambda d: -d[0].confidence):
        quoted = {s for side in item.sides for s in side.sentences}
        host = next(
            (
                m
                for m, of in zip(merged, matters, strict=True)
                if of == matter and {s for side in m.sides for s in side.sentences} & quoted
            ),
            None,
        )
        if host is None:
            merged.append(item)
            matters.append(matter)
            continue
        sides = list(host.sides)
        for side in item.sides:
            if any(set(side.sentences) <= set(h.sentences) for h in sides):
                continue
            match = next((k for k, h in enumerate(sides) if _same_value(h.claim, side.claim)), None)
            if match is None:
                sides.append(side)
            else:
                h = sides[match]
                sides[match] = Side(
                    h.claim,
                    h.sentences + side.sentences,
                    tuple(dict.fromkeys(h.sources + side.sources)),
                )
        merged[merged.index(host)] = Disagreement(
            host.kind, host.topic, tuple(sides), host.confidence, host.reason
        )
    return merged


def _same_value(a: str, b: str) -> bool:
    qa, qb = find_quantities(a), find_quantities(b)
    return bool(qa and qb) and not conflict(qa[0], qb[0])
