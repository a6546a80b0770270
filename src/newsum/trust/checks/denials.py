"""The ``denial`` check: a claim one outlet reports as denied and another reports as fact
("SDF officials deny there are talks to evacuate IS fighters" / "... struck a deal to
evacuate civilians and local fighters").

The denied claim is the clause after the denial cue; another outlet affirms it when one of
its sentences, not negated, uses at least ``MIN_SHARED`` of the claim's content words as
written (not just their stems: "politically" is not "political") and covers ``MIN_COVERAGE``
of its weight. Sentences are found through an index of their words, not by reading all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsum.represent import STOPWORDS, token_spans
from newsum.trust.checks import Context
from newsum.trust.matching import Matcher
from newsum.trust.units import CLAUSE_BREAK, NOT_CONTENT
from newsum.types import Disagreement, Side

NAME = "denial"
MIN_COVERAGE = 0.4  # share of the denied claim's weight an affirming sentence must carry
MIN_SHARED = 2  # content words of the claim it must use as written
BASE = 0.3  # a denial cue and a sentence with the claim's words: a guess on its own
COVERAGE_WEIGHT = 0.6  # the more of the claim the other outlet states, the surer
CAP = 0.9  # the affirming sentence may report the claim without endorsing it
SHOWN = 3  # affirming sentences quoted

DENIAL = re.compile(
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


def content_words(text: str, matcher: Matcher) -> dict[str, str]:
    """Content words as written (lowercased) -> their unit, names left out."""
    words: dict[str, str] = {}
    for match in token_spans(text):
        word = match.group(0)
        low = word.lower()
        if not word[0].isalpha() or word[0].isupper() or len(low) < 3:
            continue
        if low in STOPWORDS or low in NOT_CONTENT:
            continue
        unit = matcher.view.stemmer.stem(low)
        if unit in matcher.units.vocabulary:
            words[low] = unit
    return words


def _written(text: str) -> set[str]:
    """The lowercased tokens of a text that do not start with a capital."""
    return {m.group(0).lower() for m in token_spans(text) if not m.group(0)[0].isupper()}


def check(context: Context) -> list[Disagreement]:
    matcher, outlets = context.matcher, context.outlets
    view = matcher.view
    units = matcher.units
    names_of = [outlets.name(s.doc) for s in view.sentences]
    active = set(view.active_documents)
    claims = []
    cues = [DENIAL.search(s.text) if s.doc in active else None for s in view.sentences]
    for k, sentence in enumerate(view.sentences):
        cue = cues[k]
        if cue is None:
            continue
        after = sentence.text[cue.end() :]
        if _REFUSAL.match(after) or _REFERENCE.match(after) or _RETRACTED.search(sentence.text):
            continue
        end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence.text, cue.end())), None)
        end = len(sentence.text) if end is None else end
        claim = content_words(sentence.text[cue.end() : end], matcher)
        if len(claim) >= MIN_SHARED:
            claims.append((k, cue, end, claim))
    if not claims:
        return []
    # An index of the words that denied claims use: sentence lists, only for those words.
    wanted = {w for _, _, _, claim in claims for w in claim}
    index: dict[str, list[int]] = defaultdict(list)
    negative = matcher.negated
    for j, other in enumerate(view.sentences):
        if other.doc not in active or negative[j] or cues[j] is not None:
            continue
        # ``content_words`` of the sentence that are wanted: a wanted word already passed
        # every test but the case of its first letter, so only that is checked here.
        for word in _written(other.text) & wanted:
            index[word].append(j)
    found: list[Disagreement] = []
    for k, cue, end, claim in claims:
        sentence = view.sentences[k]
        claim_text = sentence.text[cue.end() : end]
        names = {u for u in units.in_span(k, cue.end(), end) if u[0] == "@"}
        total = sum(units.weight(u) for u in claim.values()) + sum(units.weight(u) for u in names)
        hits: Counter[int] = Counter(j for w in claim for j in index.get(w, ()))
        best: list[tuple[float, int]] = []
        for j, shared_count in hits.items():
            if shared_count < MIN_SHARED or names_of[j] == names_of[k]:
                continue
            other_words = content_words(view.sentences[j].text, matcher)
            covered = sum(units.weight(claim[w]) for w in claim if w in other_words)
            covered += sum(units.weight(u) for u in names & set(units.per_sentence[j]))
            if covered / total >= MIN_COVERAGE:
                best.append((covered / total, j))
        if not best:
            continue
        best.sort(reverse=True)
        coverage = best[0][0]
        affirming = tuple(view.sentences[j] for _, j in best[:SHOWN])
        sources = tuple(dict.fromkeys(names_of[j] for _, j in best[:SHOWN]))
        verb = "reports" if len(sources) == 1 else "report"
        found.append(
            Disagreement(
                kind=NAME,
                topic=claim_text.strip(" .,").removeprefix("that "),
                sides=(
                    Side("reported", affirming, sources),
                    Side("denied", (sentence,), (names_of[k],)),
                ),
                confidence=round(float(min(CAP, BASE + COVERAGE_WEIGHT * coverage)), 2),
                reason=(
                    f"{names_of[k]} reports a denial; {', '.join(sources)} {verb} what is "
                    f"denied ({coverage:.0%} of its content)"
                ),
            )
        )
    return found
