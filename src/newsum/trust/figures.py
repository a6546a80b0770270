"""The figures view: every counted thing of a cluster, with each outlet's figure and hedge.

A reader needs all the figures given for one kind of thing side by side ("about 100 IS
fighters surrendered" next to "275 Syrian IS fighters ... surrendered"; "400 civilians being
held", "an estimated 4,000 civilians ... still trapped", "around 3,500 civilians evacuated"),
whether or not they contradict each other: the ``figures`` check decides that from here.

A counted thing is the counted noun ("civilians"), or the name it counts ("21 Israelis");
two nouns counting the same named group ("IS fighters", "IS militants") are one thing when
the cluster says the same happened to both (the same verb next to a figure of each).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from newsum.represent import STOPWORDS, token_spans
from newsum.trust.matching import Matcher
from newsum.trust.outlets import Outlets
from newsum.trust.quantities import VERBS, Quantity, counted_after
from newsum.trust.units import CLAUSE_BREAK, NOT_CONTENT
from newsum.types import Disagreement, Figure, FigureGroup

MIN_COUNT = 10  # smaller counts ("two officials") are rarely figures worth comparing
_PARTIAL = re.compile(
    r"\b(?:another|other|additional|more|further|including|includes|among|of\s+whom|of\s+them|"
    r"at\s+once|each|per|a\s+day|a\s+week|daily|so\s+far|first|last)\s*$",
    re.IGNORECASE,
)
_PARTIAL_AFTER = re.compile(
    r"^\s*(?:more|other|others|additional|of\s+them|of\s+whom|at\s+once|each|a\s+day|per|a\s+week)\b",
    re.IGNORECASE,
)
_CONVERSION = re.compile(r"\d")
# "65 of the young people": the counted noun follows (not "65 of the 200 passengers")
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|these|those|its|their)\s+(?!\d)", re.IGNORECASE)
# A figure without a noun counts the thing of the figure before it when a verb is next to it:
# "injuring 155", "more than 190 were seriously injured" ("injuring 162 others" is no part).
_VERB_BEFORE = re.compile(r"\b[a-z]+(?:ed|ing)\s+$")
_VERB_AFTER = re.compile(r"^\s+(?:were|was|have|had|are|died|[a-z]+ed\b)")
# The first figure of a sentence, bare, next to a verb of death or injury counts people:
# "the blaze that killed 60 and injured 162", "60 died", "12 were wounded" (news style; the
# Goteborg fire's AP lead, duc2003 d31022t, tune half).
_CASUALTY_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|injured|injuring|injures|wounded|wounding|wounds)\s+$"
)
_CASUALTY_AFTER = re.compile(
    r"^\s+(?:died|dead|(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:killed|injured|wounded|hurt))\b"
)
_PEOPLE = "people"
_ANAPHORS = frozenset({"ones", "others", "more", "of"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "had", "has", "have"})
_ACTION_BEFORE = 30  # characters before a figure searched for its verb ("killed 12 people")
# Verbs that say the same happened to what a figure counts ("65 died" / "killing 60").
_SAME_ACTION = {
    **dict.fromkeys(("killed", "killing", "kill", "kills", "died", "die", "dies"), "kill"),
    **dict.fromkeys(("injured", "injuring", "wounded", "wounding", "hurt"), "injur"),
}
_JOINERS = frozenset({"and", "or", "but", "while", "as", "when", "after"})
_SAYING = frozenset({"said", "says", "say", "told", "reported", "reporting", "saying"})
_ACTION_AFTER = 40  # characters after the counted noun searched for it ("12 people died")


@dataclass(frozen=True, slots=True)
class Mention:
    """A count in a sentence of a non-copy document, with what it counts and what happened."""

    sentence: int
    quantity: Quantity
    head: str  # unit of the counted thing: a noun stem, or an entity unit
    name: str | None  # the entity unit the counted words name ("@3" for "IS"), if any
    action: frozenset[str]  # stems of the verbs next to the figure
    partial: bool  # "another 300", "including 1,130": part of a whole, not a total


def mentions(matcher: Matcher) -> list[Mention]:
    """Counts with a counted noun, in the cluster's non-copy documents."""
    view = matcher.view
    active = set(view.active_documents)
    stem = view.stemmer.stem
    found: list[Mention] = []
    for k, sentence in enumerate(view.sentences):
        if sentence.doc not in active or not matcher.units.quantities[k]:
            continue
        previous: tuple[str, str | None] | None = None
        first = matcher.units.quantities[k][0]
        for quantity in matcher.units.quantities[k]:
            if quantity.kind != "count" or quantity.value < MIN_COUNT:
                continue
            before = sentence.text[: quantity.start]
            after = sentence.text[quantity.end :]
            partitive = _PARTITIVE.match(after)
            if not quantity.head and partitive:  # "about 65 of the young people died"
                counted = counted_after(sentence.text, quantity.end + partitive.end())
                quantity = replace(quantity, counted=counted)
            if quantity.head in _ANAPHORS or not quantity.head:
                # "275 local militants ... another 300 foreign ones"; "65 people died and
                # more than 190 were injured"; "killing 60 people and injuring 155"
                bare = not quantity.head
                if (
                    previous is None
                    and bare
                    and quantity.start == first.start
                    and (_CASUALTY_BEFORE.search(before) or _CASUALTY_AFTER.match(after))
                ):
                    previous = (stem(_PEOPLE), None)
                if previous is None or (
                    bare and not (_VERB_BEFORE.search(before) or _VERB_AFTER.match(after))
                ):
                    continue
                head, name = previous
            else:
                head = _head_entity(matcher, k, quantity, last=True) or stem(quantity.head)
                name = _head_entity(matcher, k, quantity, last=False)
            previous = (head, name)
            if before.rstrip().endswith("(") and _CONVERSION.search(before[-25:]):
                continue  # "120 kph (75 mph)": a conversion of the figure before it
            after_part = _PARTIAL_AFTER.match(after)
            if after_part and after_part.group(0).strip().lower() == "others":
                after_part = None if _VERB_BEFORE.search(before) else after_part
            partial = bool(_PARTIAL.search(before) or after_part)
            action = frozenset(_action(matcher, k, quantity))
            found.append(Mention(k, quantity, head, name, action, partial))
    return found


def _head_entity(matcher: Matcher, sentence: int, quantity: Quantity, last: bool) -> str | None:
    """The entity the counted words name: the last word ("21 Israelis") or any ("IS fighters")."""
    if not quantity.counted:
        return None
    text = matcher.view.sentences[sentence].text
    words = quantity.counted[-1:] if last else quantity.counted
    position = quantity.end
    for word in quantity.counted:
        at = text.find(word, position)
        position = at + len(word)
        if word not in words:
            continue
        for start, end, entity in matcher.entities.spans[sentence]:
            if start <= at < end:
                return f"@{entity}"
    return None


def _action(matcher: Matcher, sentence: int, quantity: Quantity) -> set[str]:
    """The verbs next to a figure: what happened to what it counts ("were killed",
    "sickened more than 600 people", "delegates needed"), as stems."""
    text = matcher.view.sentences[sentence].text
    after = quantity.end + len(" ".join(quantity.counted)) + 1
    limit = next((m.start() for m in CLAUSE_BREAK.finditer(text, after)), len(text))
    stem = matcher.view.stemmer.stem
    start = max(quantity.start - _ACTION_BEFORE, 0)
    before = [m for m in token_spans(text[start : quantity.start])]
    if start > 0 and text[start - 1].isalnum() and before:
        before = before[1:]  # the window starts inside a word ("sociated" of "Associated")
    later = list(token_spans(text[after : min(after + _ACTION_AFTER, limit)]))
    verb_before = [m for m in before if _is_verb(m.group(0))][-1:]
    verb_after = [m for m in later if _is_verb(m.group(0))][:1]
    # One verb when there are two: the one right before the figure ("killing 60 people and
    # injuring 162": the 60 were killed), else the one after it ("died and more than 190 were
    # seriously injured"); a verb of saying ("said 12 people were killed") tells nothing.
    if verb_before and verb_after:
        gap = text[start + verb_before[0].end() : quantity.start]
        adjacent = not gap.strip() and verb_before[0].group(0).lower() not in _SAYING
        if adjacent:
            verb_after = []
        else:
            verb_before = []
    words = [m.group(0).lower() for m in verb_before + verb_after]
    return {_SAME_ACTION.get(w, stem(w)) for w in words}


def _is_verb(word: str) -> bool:
    low = word.lower()
    if not word.islower() or low in NOT_CONTENT or low in STOPWORDS or not low.isalpha():
        return False
    return low.endswith(("ed", "ing")) or low in VERBS


def things(found: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by counted thing (see the module's docstring), keyed by a head."""
    parent: dict[str, str] = {m.head: m.head for m in found}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # Heads naming the same group, with the same verb next to a figure of each, are one thing.
    by_name_action: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in found:
        if m.name is not None and m.name != m.head:
            for verb in m.action:
                by_name_action[m.name, verb].append(m.head)
    for heads in by_name_action.values():
        for other in heads[1:]:
            a, b = root(heads[0]), root(other)
            if a != b:
                parent[b] = a
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        groups[root(m.head)].append(m)
    return dict(groups)


def describe(matcher: Matcher, m: Mention) -> str:
    """The figure as written with its counted words and, when it follows them, its verb:
    "about 100 IS fighters had surrendered"."""
    text = matcher.view.sentences[m.sentence].text
    end = m.quantity.end
    for word in m.quantity.counted:
        end = text.find(word, end) + len(word)
    phrase = text[m.quantity.start : end]
    limit = next((x.start() for x in CLAUSE_BREAK.finditer(text, end)), len(text))
    tail = text[end : min(limit, end + _ACTION_AFTER)]
    words: list[str] = []
    verb = 0  # words up to the last verb of the run after the counted words
    run = tail.split()[:4] if tail[:1].isspace() else []
    for at, word in enumerate(run):
        clean = word.strip(".,;:\"'”")
        if not clean.isalpha():
            break
        following = run[at + 1].strip(".,;:\"'”") if at + 1 < len(run) else ""
        if clean.lower() in _JOINERS and _is_verb(following):
            break  # "killing 60 people and injuring 162": that verb is another count's
        words.append(clean)
        if _is_verb(clean) or clean in _AUXILIARIES or clean.endswith("ed"):
            verb = len(words)
        elif verb and clean != "still" and not clean.endswith("ly"):
            break
        if clean != word:
            break
    if verb:
        phrase += " " + " ".join(words[:verb])
    return phrase.strip(" .,;:\"'”")


def view(
    matcher: Matcher,
    outlets: Outlets,
    found: list[Mention],
    disagreements: tuple[Disagreement, ...],
) -> tuple[FigureGroup, ...]:
    """Counted things that at least two outlets give a figure for, most reported first."""
    flagged = {
        (s.doc, s.index)
        for d in disagreements
        if d.kind == "figure"
        for side in d.sides
        for s in side.sentences
    }
    sentences = matcher.view.sentences
    groups: list[FigureGroup] = []
    for members in things(found).values():
        names = {outlets.name(sentences[m.sentence].doc) for m in members}
        if len(names) < 2 or len({m.quantity.value for m in members}) < 2:
            continue
        figures = tuple(
            Figure(
                value=m.quantity.value,
                text=describe(matcher, m),
                hedge=m.quantity.hedge,
                outlet=outlets.name(sentences[m.sentence].doc),
                sentence=sentences[m.sentence],
            )
            for m in sorted(members, key=lambda m: (m.quantity.value, m.sentence))
        )
        contradiction = any((f.sentence.doc, f.sentence.index) in flagged for f in figures)
        groups.append(FigureGroup(_thing(matcher, members), figures, contradiction))
    groups.sort(key=lambda g: (-len(g.outlets), -len(g.figures), g.thing))
    return tuple(groups)


def _thing(matcher: Matcher, members: list[Mention]) -> str:
    """A name for the counted thing: its most used counted words, as written."""
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        words = [w for w in m.quantity.counted if w.lower() not in _ANAPHORS]
        if words:
            counts[" ".join(words[-2:])] += 1
    if not counts:
        return matcher.units.surface.get(members[0].head, members[0].head)
    return max(counts, key=lambda k: (counts[k], -len(k), k))
