"""Disagreements: where outlets state different things about the same matter.

Two kinds are looked for, both between *different* outlets (a syndicated copy is its
original's outlet):

- ``figure``: different numbers for the same quantity ("275 fighters surrendered" /
  "about 100 militants surrendered"). Figures count as the same quantity only when they
  count the same thing and the clauses around them say the same thing otherwise; hedges
  ("about", "at least") widen what a figure allows before a conflict is declared.
- ``denial``: one outlet reports someone denying what another outlet reports as fact ("SDF
  officials deny there are talks to evacuate IS fighters" / "... struck a deal to evacuate
  civilians and local fighters").

A wrong disagreement costs the user's trust, so each carries a confidence and the reason
it was raised, and weak ones are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsum.attribute import NOT_CONTENT, Matcher, source_name, story_of
from newsum.quantities import VERBS, Quantity, find_quantities
from newsum.represent import STOPWORDS
from newsum.types import Sentence

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial\s+of)|refut(?:e|es|ed|ing)|"
    r"(?:rejected|rejects|dismissed|dismisses|disputed|disputes)\s+(?:the\s+)?"
    r"(?:reports?|claims?|allegations?|accounts?|suggestions?|assertions?)|"
    r"(?:was|were|is|are)\s+(?:not\s+true|untrue|false|baseless))\b",
    re.IGNORECASE,
)
# "denied him access", "denied bail": a refusal, not a denial of a claim. "had denied ...
# until" and "the claims she made": a retracted denial, or one whose claim is not stated.
_REFUSAL = re.compile(
    r"^\s*(?:him|her|them|us|me|it|you|the\s+\w+\s+access|access|entry|bail|permission|"
    r"visas?|requests?|applications?|licen[cs]es?|appeals?|parole|a\s+visa)\b",
    re.IGNORECASE,
)
_RETRACTED = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?denied\b|\buntil\b", re.IGNORECASE)
_REFERENCE = re.compile(
    r"^\s*(?:the|these|those|such|any|all)\s+(?:\w+\s+)?(?:claims?|allegations?|reports?|"
    r"accounts?|accusations?|charges?|rumou?rs?|stories|story|suggestions?)\b(?!\s+that)",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|no|never|n't|neither|nor|without|deny|denies|denied)\b", re.I)
_PARTIAL = re.compile(
    r"\b(?:another|other|additional|more|further|including|includes|among|of\s+whom|of\s+them|"
    r"at\s+once|each|per|a\s+day|a\s+week|daily|so\s+far|first|last)\s*$",
    re.IGNORECASE,
)
_PARTIAL_AFTER = re.compile(
    r"^\s*(?:more|other|others|additional|of\s+them|of\s+whom|at\s+once|each|a\s+day|per|a\s+week)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][a-z]+(?:['’][a-z]+)?")
_ROLE = re.compile(r"\b(in|from|of|at|to|by|for|with|on|among|between)\s*$", re.IGNORECASE)
_ANAPHORS = frozenset({"ones", "others", "more", "of"})


@dataclass(frozen=True)
class Side:
    """One position in a disagreement: what is claimed, where, and by which outlets."""

    claim: str
    sentences: tuple[Sentence, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    """Outlets that say different things about one matter, with how sure newsum is."""

    kind: str  # "figure" or "denial"
    topic: str
    sides: tuple[Side, ...]
    confidence: float
    reason: str

    @property
    def level(self) -> str:
        return "high" if self.confidence >= 0.75 else "medium" if self.confidence >= 0.5 else "low"


@dataclass(frozen=True)
class _Figure:
    sentence: int
    quantity: Quantity
    head: str  # stem of the counted noun, or an entity unit


def _figures(matcher: Matcher) -> list[_Figure]:
    """Counts with a counted noun, in the cluster's non-copy documents."""
    view = matcher.view
    active = set(view.active_documents)
    stem = view.stemmer.stem
    figures: list[_Figure] = []
    for k, sentence in enumerate(view.sentences):
        if sentence.doc not in active or not matcher.units.quantities[k]:
            continue
        previous: str | None = None
        for quantity in matcher.units.quantities[k]:
            if quantity.kind != "count" or quantity.value < 10 or not quantity.head:
                continue
            before = sentence.text[: quantity.start]
            after = sentence.text[quantity.end :]
            head = quantity.head
            if head in _ANAPHORS:
                if previous is None:
                    continue
                unit = previous  # "275 local militants ... another 300 foreign ones"
            else:
                unit = _head_unit(matcher, k, quantity) or stem(head)
            previous = unit
            if _PARTIAL.search(before) or _PARTIAL_AFTER.match(after):
                continue  # "another 300", "including 1,130": part of a whole
            if before.rstrip().endswith("(") and re.search(r"\d", before[-25:]):
                continue  # "120 kph (75 mph)": a conversion of the figure before it
            figures.append(_Figure(k, quantity, unit))
    return figures


def _head_unit(matcher: Matcher, sentence: int, quantity: Quantity) -> str | None:
    """The entity a figure counts ("21 Israelis"), when the counted noun is a name."""
    if not quantity.counted:
        return None
    text = matcher.view.sentences[sentence].text
    at = text.find(quantity.counted[-1], quantity.end)
    for start, end, entity in matcher.entities.spans[sentence]:
        if start <= at < end:
            return f"@{entity}"
    return None


def _action(matcher: Matcher, figure: _Figure) -> set[str]:
    """The verbs next to a figure: what happened to what it counts ("were killed",
    "sickened more than 600 people", "delegates needed"), as stems."""
    text = matcher.view.sentences[figure.sentence].text
    quantity = figure.quantity
    after = quantity.end + len(" ".join(quantity.counted)) + 1
    limit = next((m.start() for m in _CLAUSE.finditer(text, after)), len(text))
    stem = matcher.view.stemmer.stem
    before = [w for w in _WORD.findall(text[max(quantity.start - 30, 0) : quantity.start])]
    later = _WORD.findall(text[after : min(after + 40, limit)])
    verbs = [w for w in before if _is_verb(w)][-1:] + [w for w in later if _is_verb(w)][:1]
    return {stem(w.lower()) for w in verbs}


def _is_verb(word: str) -> bool:
    low = word.lower()
    if not word.islower() or low in NOT_CONTENT or low in STOPWORDS:
        return False
    return low.endswith(("ed", "ing")) or low in VERBS


def _clause(matcher: Matcher, sentence: int, start: int, end: int) -> set[str]:
    text = matcher.view.sentences[sentence].text
    breaks = [m.start() for m in _CLAUSE.finditer(text)]
    left = max([b for b in breaks if b < start], default=0)
    right = min([b for b in breaks if b >= end], default=len(text))
    return {u for u, p in matcher.units.positions[sentence] if left <= p < right}


_CLAUSE = re.compile(
    r"[;:(]|,\s+(?:while|but|whereas|though|although|and|in\s+addition\s+to|which|who)\b"
    r"|\s(?:while|but|whereas)\s"
)


def _similarity(matcher: Matcher, a: set[str], b: set[str]) -> float:
    """Weighted F1 of two unit sets (figures left out)."""
    a = {u for u in a if not u.startswith("#")}
    b = {u for u in b if not u.startswith("#")}
    if not a or not b:
        return 0.0
    weight = matcher.units.weights
    column = matcher.units.vocabulary
    overlap = sum(weight[column[u]] for u in a & b)
    if overlap == 0:
        return 0.0
    recall = overlap / sum(weight[column[u]] for u in a)
    precision = overlap / sum(weight[column[u]] for u in b)
    return 2 * recall * precision / (recall + precision)


def _conflict(a: Quantity, b: Quantity) -> bool:
    low_a, high_a = a.bounds()
    low_b, high_b = b.bounds()
    return high_a < low_b or high_b < low_a


def figure_disagreements(
    matcher: Matcher, min_context: float = 0.3, min_sentence: float = 0.15
) -> list[Disagreement]:
    """Different figures for the same quantity, reported by different outlets."""
    view = matcher.view
    documents = view.documents
    figures = _figures(matcher)
    outlet = {
        f.sentence: source_name(documents[story_of(documents, view.sentences[f.sentence].doc)])
        for f in figures
    }
    candidates: list[tuple[_Figure, _Figure]] = []
    for i, fa in enumerate(figures):
        for fb in figures[i + 1 :]:
            if fa.head != fb.head or outlet[fa.sentence] == outlet[fb.sentence]:
                continue
            if not _conflict(fa.quantity, fb.quantity):
                continue
            action_a, action_b = _action(matcher, fa), _action(matcher, fb)
            if action_a and action_b and not action_a & action_b:
                continue  # "12 killed" / "30 injured": the figures count different events
            candidates.append((fa, fb))
    similarity = _pair_scores(matcher, [(fa.sentence, fb.sentence) for fa, fb in candidates])
    found: list[Disagreement] = []
    seen: set[tuple[int, int]] = set()
    for fa, fb in candidates:
        sentence_score = similarity[fa.sentence, fb.sentence]
        context_a = _clause(matcher, fa.sentence, fa.quantity.start, fa.quantity.end)
        context_b = _clause(matcher, fb.sentence, fb.quantity.start, fb.quantity.end)
        context = _similarity(matcher, context_a - {fa.head}, context_b - {fb.head})
        if context < min_context or sentence_score < min_sentence:
            continue
        pair = (min(fa.sentence, fb.sentence), max(fa.sentence, fb.sentence))
        if pair in seen:
            continue
        seen.add(pair)
        confidence = min(0.95, 0.3 + 0.6 * context + 0.4 * sentence_score)
        if not (fa.quantity.exact and fb.quantity.exact):
            confidence -= 0.1
        ratio = max(fa.quantity.value, fb.quantity.value) / min(
            fa.quantity.value, fb.quantity.value
        )
        if ratio > 4:
            confidence -= 0.15  # 19 vs 1,034 delegates: more likely two different counts
        role_a = _ROLE.search(view.sentences[fa.sentence].text[: fa.quantity.start])
        role_b = _ROLE.search(view.sentences[fb.sentence].text[: fb.quantity.start])
        if role_a and role_b and role_a.group(1).lower() != role_b.group(1).lower():
            confidence -= 0.2  # "working in 80 countries" / "staff from 45 countries"
        found.append(_figure_item(matcher, fa, fb, outlet, confidence, context))
    return _merge_figures(found)


def _pair_scores(
    matcher: Matcher, pairs: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """Sentence similarity for just these pairs, scored a block of rows at a time."""
    wanted: dict[int, set[int]] = {}
    for a, b in pairs:
        wanted.setdefault(a, set()).add(b)
    found: dict[tuple[int, int], float] = {}
    for block, scores in matcher.score_blocks(sorted(wanted)):
        for r, a in enumerate(block):
            for b in wanted[a]:
                found[a, b] = float(scores[r, b])
    return found


def _figure_item(
    matcher: Matcher,
    fa: _Figure,
    fb: _Figure,
    outlet: dict[int, str],
    confidence: float,
    context: float,
) -> Disagreement:
    view = matcher.view
    noun = fa.quantity.head or ""
    shared = [
        w
        for w in matcher.shared(fa.sentence, fb.sentence)
        if not w[0].isdigit() and w.lower() != noun
    ]
    topic = " ".join([noun, *shared[:3]]).strip()
    sides = tuple(
        Side(
            claim=f.quantity.text
            + (" " + " ".join(f.quantity.counted) if f.quantity.counted else ""),
            sentences=(view.sentences[f.sentence],),
            sources=(outlet[f.sentence],),
        )
        for f in (fa, fb)
    )
    reason = (
        f"{outlet[fa.sentence]} gives {fa.quantity.text}, {outlet[fb.sentence]} gives "
        f"{fb.quantity.text} {noun}; the clauses around the figures match at {context:.0%}"
    )
    return Disagreement("figure", topic, sides, round(float(max(confidence, 0.0)), 2), reason)


def _merge_figures(items: list[Disagreement]) -> list[Disagreement]:
    """One disagreement per matter: pairs that share a sentence are merged, sides by value."""
    merged: list[Disagreement] = []
    for item in sorted(items, key=lambda d: -d.confidence):
        host = next(
            (
                m
                for m in merged
                if {s for side in m.sides for s in side.sentences}
                & {s for side in item.sides for s in side.sentences}
            ),
            None,
        )
        if host is None:
            merged.append(item)
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
    return bool(qa and qb) and not _conflict(qa[0], qb[0])


def denial_disagreements(
    matcher: Matcher, min_coverage: float = 0.4, min_shared: int = 2
) -> list[Disagreement]:
    """Claims one outlet reports as denied and another reports as fact.

    The denied claim is the clause after the denial ("deny [there are talks to evacuate IS
    fighters]"); another outlet affirms it when a sentence without negation uses at least
    ``min_shared`` of its content words as written (not just their stems: "politically"
    is not "political") and covers ``min_coverage`` of its weight.
    """
    view = matcher.view
    documents = view.documents
    weight, column = matcher.units.weights, matcher.units.vocabulary
    outlets = [source_name(documents[story_of(documents, s.doc)]) for s in view.sentences]
    active = set(view.active_documents)
    words_of: dict[int, set[str]] = {}
    found: list[Disagreement] = []
    for k, sentence in enumerate(view.sentences):
        cue = _DENIAL.search(sentence.text)
        if cue is None or sentence.doc not in active:
            continue
        after = sentence.text[cue.end() :]
        if _REFUSAL.match(after) or _REFERENCE.match(after) or _RETRACTED.search(sentence.text):
            continue
        end = next((m.start() for m in _CLAUSE.finditer(sentence.text, cue.end())), None)
        end = len(sentence.text) if end is None else end
        claim_text = sentence.text[cue.end() : end]
        claim = _content_words(claim_text, matcher)
        names = {u for u, p in matcher.units.positions[k] if cue.end() <= p < end and u[0] == "@"}
        if len(claim) < min_shared:
            continue
        total = sum(weight[column[u]] for u in claim.values()) + sum(
            weight[column[u]] for u in names
        )
        best: list[tuple[float, int]] = []
        for j, other in enumerate(view.sentences):
            if outlets[j] == outlets[k] or other.doc not in active:
                continue
            if _NEGATED.search(other.text) or _DENIAL.search(other.text):
                continue
            if j not in words_of:
                words_of[j] = set(_content_words(other.text, matcher))
            shared = [w for w in claim if w in words_of[j]]
            if len(shared) < min_shared:
                continue
            shared_names = names & set(matcher.units.per_sentence[j])
            covered = sum(weight[column[claim[w]]] for w in shared)
            covered += sum(weight[column[u]] for u in shared_names)
            if covered / total >= min_coverage:
                best.append((covered / total, j))
        if not best:
            continue
        best.sort(reverse=True)
        coverage = best[0][0]
        affirming = [view.sentences[j] for _, j in best[:3]]
        sources = tuple(dict.fromkeys(outlets[j] for _, j in best[:3]))
        verb = "reports" if len(sources) == 1 else "report"
        found.append(
            Disagreement(
                kind="denial",
                topic=claim_text.strip(" .,").removeprefix("that "),
                sides=(
                    Side("reported", tuple(affirming), sources),
                    Side("denied", (sentence,), (outlets[k],)),
                ),
                confidence=round(float(min(0.9, 0.3 + 0.6 * coverage)), 2),
                reason=(
                    f"{outlets[k]} reports a denial; {', '.join(sources)} {verb} what is "
                    f"denied ({coverage:.0%} of its content)"
                ),
            )
        )
    return found


def _content_words(text: str, matcher: Matcher) -> dict[str, str]:
    """Content words as written (lowercased) -> their unit, names left out."""
    words: dict[str, str] = {}
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = word.lower()
        if word[0].isupper() or low in STOPWORDS or low in NOT_CONTENT or len(low) < 3:
            continue
        unit = matcher.view.stemmer.stem(low)
        if unit in matcher.units.vocabulary:
            words[low] = unit
    return words


def find_disagreements(matcher: Matcher, min_confidence: float = 0.5) -> list[Disagreement]:
    """All disagreements at or above ``min_confidence``, most certain first."""
    items = figure_disagreements(matcher) + denial_disagreements(matcher)
    items = [d for d in items if d.confidence >= min_confidence]
    return sorted(items, key=lambda d: -d.confidence)
