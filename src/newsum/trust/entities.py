"""Name variants: group the proper names of a cluster into entities.

Outlets spell the same name differently (Raqa / Raqqa, Deir Ezzor / Deir al-Zour, Talal Sello /
Talal Silo) and mix full names with acronyms (Islamic State / IS / ISIS / Daesh). Matching
sentences across outlets only works once these are one thing. Every merge rests on evidence
found in the cluster itself, and the reason is kept so the user can check it:

- ``alias``: the text defines one name by the other, as in "Islamic State (IS)";
- ``initials``: an acronym of three or more letters spells out a name used in the cluster;
- ``spelling``: transliterations with the same consonant skeleton, used by different articles,
  in similar context;
- ``short form``: a name that ends another one ("Bali" for "Mustafa Bali"), when unambiguous.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsum.represent import STOPWORDS
from newsum.types import Entity, Sentence, Variant

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = f"[{_UP}][{_UP}{_LOW}]*(?:-[{_UP}][{_UP}{_LOW}]*)*"
_DOTTED = f"(?:[{_UP}]\\.){{2,}}"  # U.S., U.N.
_TOKEN = f"(?:{_DOTTED}|{_WORD})"
_ARTICLE = f"(?:[ae][lnrsdtz]|ash|ul)-[{_UP}][{_LOW}]+"  # el-Zour, al-Nahda, ad-Dawla
_CONNECTOR = "(?:of|for|bin|ibn|bint|abu|de|del|der|da|dos|du|van|von|la|le|al|el)"
_MENTION = re.compile(
    f"(?<![\\w.])(?:{_TOKEN}|{_ARTICLE})"
    f"(?:[ \\t]+(?:{_CONNECTOR}[ \\t]+)?(?:[{_UP}]\\.(?=[ \\t]+[{_UP}])|{_TOKEN}|{_ARTICLE}))*"
)
_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec"}
)  # fmt: skip
_NOT_LETTER = re.compile(r"[^a-z]")
_SUN_LETTER = re.compile(r"^([ae])l(?=[bcdfgjklmnpqrstvwxz])")
_DOUBLE = re.compile(r"(.)\1+")
_VOWEL = re.compile(r"[aeiouy]")
_POSSESSIVE = re.compile(r"'s?$")
_FOLD_SPLIT = re.compile(r"[\s\-']+")
_CAPITALS = re.compile(f"[{_UP}]")
_LOWERS = re.compile(f"[{_LOW}]")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z']+")
_CONTEXT_WORD = re.compile(r"[a-z]{3,}")
_DATELINE_END = re.compile(r"\s*(?:--|—|–|_|-|:)")
_PARENTHETICAL = re.compile(r"\s*\(\s*[\"“']?([^()\"“”']{1,60}?)[\"”']?\s*\)")
# "East Jerusalem" is not "Jerusalem": qualified place names name another place.
_QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "upper", "lower", "new", "greater", "latin", "southeast", "northeast", "southwest",
     "northwest", "middle"}
)  # fmt: skip
_CONNECTORS = frozenset(_CONNECTOR.strip("(?:)").split("|"))

SPELLING_RATIO = 70
"""Least ``rapidfuzz`` ratio (0-100) between two words with the same skeleton for them to be
spellings of one name. In Raqqa it keeps all 5 variant groups (at 80 "Talal Sello ~ Silo",
ratio 75, is lost); on DUC 2002/2003, TAC 2011 and the Multi-News tune half, 80 drops 6 of 67
merges (one right: Rudolf ~ Rudolph Petschi) and 60 adds 8, most wrong (Chen ~ China, Paris ~
Press, Tampa ~ Tempe)."""

SHORT_SKELETON = 3
"""Least skeleton length of a one-word name for a spelling match: shorter skeletons are shared
by unrelated words. On the same dev sets 2 adds 5 merges, all wrong (Male ~ Mali, Maine ~
Minn), and 4 drops 12, mostly right (Laden ~ Ladin, Labor ~ Labour); Raqqa is unchanged."""

SPELLING_CONTEXT = 0.1
"""Least share of context words two spellings must have in common (``_context_similarity``).
On the same dev sets 0 adds 29 merges, many wrong (Garden ~ Guardian, God ~ Good), and 0.2
drops 16, mostly right (Fayez Zaidan ~ Zeidan, Hasib ~ Hassib Hussain); Raqqa keeps its groups."""

ACRONYM_DOMINANCE = 3
"""An acronym is an entity's display name only when used this many times more often than its
most used full name; a full name is "in common use" at a third of the most used one. A
display choice, not a tuned score: Raqqa's names are the same from 2 to 4; on the same dev
sets 2 shows 129 of 1,657 varied names as a bare surname or acronym ("Arafat", "FAA"), 4
changes 73 the other way ("Castro" -> "Fidel Castro")."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a name: ``start``/``end`` index the sentence text."""

    text: str
    sentence: int
    doc: int
    start: int
    end: int
    initial: bool = False


@dataclass(frozen=True)
class EntityIndex:
    """The entities of a cluster and, per sentence, the spans of their mentions."""

    entities: tuple[Entity, ...]
    spans: tuple[tuple[tuple[int, int, int], ...], ...]  # per sentence: (start, end, entity id)

    def in_sentence(self, sentence: int) -> tuple[int, ...]:
        return tuple(dict.fromkeys(e for _, _, e in self.spans[sentence]))

    def varied(self) -> tuple[Entity, ...]:
        """Entities written in more than one way: the ones worth showing the user."""
        return tuple(e for e in self.entities if len(e.variants) > 1)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.casefold().replace("’", "'")).replace(".", "")
    words = [w for w in _FOLD_SPLIT.split(text) if w]
    if len(words) >= 3:  # "Ernest L. Wester" is "Ernest Wester"
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


@functools.lru_cache(maxsize=8192)
def skeleton(token: str) -> str:
    """Consonant skeleton of a transliterated word: Raqqa/Raqa, Mustafa/Mostafa agree."""
    t = _NOT_LETTER.sub("", token)
    t = t.replace("ou", "u").replace("ee", "i").replace("ph", "f").replace("kh", "k")
    t = t.replace("q", "k").replace("ck", "k")
    t = _SUN_LETTER.sub(r"\1", t)  # al-Zor ~ az-Zor ~ Ezzor
    return _VOWEL.sub("", _collapse(t))


def _collapse(token: str) -> str:
    return _DOUBLE.sub(r"\1", token)


def _signature(key: str) -> tuple[int, str]:
    """Names that may be spellings of each other share this (token count, first letter)."""
    tokens = _tokens(key)
    return len(tokens), (skeleton(tokens[0])[:1] or tokens[0][:1]) if tokens else ""


def _tokens(key: str) -> list[str]:
    """Tokens of a folded name, with Arabic articles joined to their noun (el zour -> elzour)."""
    out: list[str] = []
    parts = key.split()
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in {"al", "el", "ad", "ar", "as", "az", "an", "ash", "at", "ul"} and i + 1 < len(
            parts
        ):
            out.append(part + parts[i + 1])
            i += 2
            continue
        out.append(part)
        i += 1
    return out


def find_mentions(sentences: Sequence[Sentence], lowercase_words: frozenset[str]) -> list[Mention]:
    """Capitalised name sequences, without sentence-initial common words, titles or dates."""
    mentions: list[Mention] = []
    for k, sentence in enumerate(sentences):
        text = sentence.text
        capitals = len(text) - len(_CAPITALS.sub("", text))
        if capitals and capitals > len(text) - len(_LOWERS.sub("", text)):
            continue  # a line in capitals: case says nothing about names
        for match in _MENTION.finditer(text):
            start = match.start()
            words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", match[0])]
            paren = _PARENTHETICAL.match(text, match.end())
            defined = paren is not None and _spells(paren.group(1), match.group(0))
            parts = [words] if defined else _split_of(text, words, lowercase_words)
            for part in parts:
                mention = _trim(text, part, lowercase_words)
                if mention is not None:
                    s, e = mention
                    initial = not text[:s].strip(" \"“‘'([")
                    mentions.append(Mention(text[s:e], k, sentence.doc, s, e, initial))
    return mentions


def _split_of(
    text: str, words: list[tuple[int, int]], lowercase_words: frozenset[str]
) -> list[list[tuple[int, int]]]:
    """Cut "Rachel Aldrich of Clifton Park" in two; keep "Bank of Israel", "University of Chile".
    Also cut between an acronym and a word ("Syrian IS", "Kurdish YPG").

    A name of two or more words before "of", ending in a word never written in lowercase,
    is a person or place followed by where they are from.
    """
    parts: list[list[tuple[int, int]]] = [[]]
    for i, (s, e) in enumerate(words):
        word = text[s:e]
        before = parts[-1]
        if before and _is_acronym(word) != _is_acronym(text[before[-1][0] : before[-1][1]]):
            parts.append([(s, e)])  # "Syrian IS fighters", "Kurdish YPG": two names
            continue
        named = [w for w in before if text[w[0] : w[1]].lower() not in STOPWORDS]
        if word == "of" and len(named) >= 2 and i + 1 < len(words):
            last = text[before[-1][0] : before[-1][1]].lower()
            if last not in lowercase_words:
                parts.append([])
                continue
        before.append((s, e))
    return parts


def _trim(
    text: str, words: list[tuple[int, int]], lowercase_words: frozenset[str]
) -> tuple[int, int] | None:
    """Drop leading dates, titles and sentence-initial common words, and trailing connectors."""
    words = list(words)
    while words:
        word = text[words[0][0] : words[0][1]]
        low = word.lower().rstrip(".")
        initial = not text[: words[0][0]].strip(" \"“‘'([")
        common = low in STOPWORDS or (initial and low in lowercase_words)
        title_like = word.endswith(".") and len(word) <= 5 and len(words) > 1
        if word.isupper() and len(word) > 1 and low not in _CALENDAR:
            break
        if low in _CALENDAR or common or title_like:
            words.pop(0)
            continue
        break
    while words and (
        text[words[-1][0] : words[-1][1]].lower() in _CONNECTORS
        or text[words[-1][0] : words[-1][1]].lower().rstrip(".") in _CALENDAR
    ):
        words.pop()
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    if len(text[s:e]) < 2 or not fold(text[s:e]):
        return None
    return s, e


def _trim_openers(mentions: Sequence[Mention]) -> list[Mention]:
    """Drop a sentence's first word when it is capitalised only for being first.

    "Although Chile" and "Meanwhile" lose the opener; "Mostafa Bali" keeps it, because it
    is another spelling of a name used elsewhere ("Mustafa Bali").
    """
    inside = {w for m in mentions for w in m.text.split()[(1 if m.initial else 0) :]}
    elsewhere: dict[tuple[int, str], set[str]] = defaultdict(set)
    for m in mentions:
        if not m.initial:
            key = fold(m.text)
            elsewhere[_signature(key)].add(key)
    spelled_elsewhere: dict[str, bool] = {}  # per folded key: another article's spelling of it

    def is_spelled_elsewhere(key: str) -> bool:
        if key not in spelled_elsewhere:
            others = elsewhere.get(_signature(key), set())
            spelled_elsewhere[key] = any(_spelling_match(key, other) for other in others)
        return spelled_elsewhere[key]

    kept: list[Mention] = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if m.initial and first not in inside and not _is_acronym(first):
            key = fold(m.text)
            if not rest or not is_spelled_elsewhere(key):
                if not rest:
                    continue
                while rest.split(" ", 1)[0] in _CONNECTORS and " " in rest:
                    rest = rest.split(" ", 1)[1]
                if rest in _CONNECTORS:
                    continue
                offset = m.text.index(rest)
                m = Mention(rest, m.sentence, m.doc, m.start + offset, m.end, False)
        kept.append(m)
    return kept


class _Groups:
    """Union-find over folded name keys, remembering why two groups were joined."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.parent = {k: k for k in keys}
        self.reasons: dict[str, list[str]] = defaultdict(list)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.reasons[ra].extend([*self.reasons.pop(rb, []), reason])


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _CONNECTORS)


def _spells(acronym: str, name: str) -> bool:
    """Whether an acronym abbreviates a name: SOHR, NASA, MSF, IS (Islamic State)."""
    letters = re.sub(r"s$", "", acronym.replace(".", "")).upper()
    words = re.split(r"[\s\-]+", name)
    initials = "".join(w[0] for w in words if w).upper()
    content = "".join(
        w[0] for w in words if w and w.lower() not in _CONNECTORS and w.lower() not in STOPWORDS
    ).upper()
    return letters in {initials, content} and len(letters) >= 2


def _defines_alias(text: str, outer: Mention, inner: Mention, paren: re.Match[str]) -> bool:
    """Whether "OUTER (INNER)" defines one name by the other.

    An acronym must spell the name, unless the name opens a clause or a sentence (so it cannot be the
    tail of a longer name, as "China" is in "... of Falun Gong in China (CIPFG)"). A quoted
    gloss is an alias; other parentheses (places, party codes, regions) are not.
    """
    if _DATELINE_END.match(text, paren.end()):
        return False  # "THE HAGUE, Netherlands (AP) _" names the agency
    if any(c.isdigit() for c in inner.text) or re.fullmatch(r"[IVXLC]+", inner.text):
        return False
    if re.search(r"[\"“']", text[outer.end : paren.start(1)]):
        return True
    if _is_acronym(inner.text) and _spells(inner.text, outer.text):
        return True
    if _is_acronym(outer.text) and _spells(outer.text, inner.text):
        return True
    if _is_acronym(inner.text) and "-" not in inner.text and not _is_acronym(outer.text):
        before = text[: outer.start].rstrip()
        # a sentence's stop opens a clause too: a quotation over several sentences is one
        # unit ('"The battles are continuing in Raqqa city. Daesh (ISIS) is on the verge ...')
        return not before or before[-1] in "\"“‘'(,;:—–.!?"
    return False


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "")
    return letters.isupper() and 2 <= len(letters) <= 6 and letters.isalpha()


def _spelling_match(a: str, b: str) -> bool:
    """Same name in another transliteration: token by token, same skeleton, similar letters."""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) != len(tb) or a.replace(" ", "") == b.replace(" ", ""):
        return a.replace(" ", "") == b.replace(" ", "")
    differing = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    for x, y in differing:
        if _collapse(x) == _collapse(y):
            continue  # Raqa / Raqqa
        sx, sy = skeleton(x), skeleton(y)
        if sx != sy or not sx:
            return False
        if len(ta) == 1 and len(sx) < SHORT_SKELETON:
            return False
        if x[0] != y[0] and not (x[0] in "aeiou" and y[0] in "aeiou"):
            return False  # Osama / Usama, but not Islam / Salam
        if x.startswith(y) or y.startswith(x):
            return False  # Iraq / Iraqi, German / Germany: derived words, not spellings
        if fuzz.ratio(_collapse(x), _collapse(y)) < SPELLING_RATIO:
            return False
    return True


def _most_common(counts: Counter[str]) -> str:
    """``counts.most_common(1)[0][0]``: the first of the most counted, without a heap."""
    if len(counts) == 1:
        return next(iter(counts))
    return max(counts.items(), key=lambda kv: kv[1])[0]


def _context_similarity(a: Counter[str], b: Counter[str]) -> float:
    shared = sum(min(a[w], b[w]) for w in a.keys() & b.keys())
    return shared / max(min(sum(a.values()), sum(b.values())), 1)


def group_entities(
    sentences: Sequence[Sentence],
    lowercase_words: frozenset[str] | None = None,
    min_context: float = SPELLING_CONTEXT,
) -> EntityIndex:
    """Find the names in a cluster's sentences and merge the variants of each."""
    if lowercase_words is None:
        seen: set[str] = set()  # sentence by sentence: no list of every word of the cluster
        for sentence in sentences:
            seen.update(_LOWER_WORD.findall(sentence.text))
        lowercase_words = frozenset(seen)
    mentions = _trim_openers(find_mentions(sentences, lowercase_words))
    folded: dict[str, str] = {}
    keys = [folded.get(m.text) or folded.setdefault(m.text, fold(m.text)) for m in mentions]
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[str, set[int]] = defaultdict(set)
    for mention, key in zip(mentions, keys, strict=True):
        surfaces[key][mention.text] += 1
        docs[key].add(mention.doc)
    top = {k: _most_common(c) for k, c in surfaces.items()}
    counts = {k: c.total() for k, c in surfaces.items()}
    acronyms = {k for k, t in top.items() if _is_acronym(t)}
    groups = _Groups(list(surfaces))

    # 1. Aliases the text defines: "Islamic State (IS)", "Daesh (ISIS)", "ISIS ("Islamic State")".
    by_start = {(m.sentence, m.start): (m, k) for m, k in zip(mentions, keys, strict=True)}
    for mention, key in zip(mentions, keys, strict=True):
        text = sentences[mention.sentence].text
        paren = _PARENTHETICAL.match(text, mention.end)
        inner = paren and by_start.get((mention.sentence, paren.start(1)))
        if not paren or not inner or inner[0].end != paren.end(1) or inner[1] == key:
            continue
        if _defines_alias(text, mention, inner[0], paren):
            groups.union(key, inner[1], f"alias: {text[mention.start : paren.end()]}")

    del by_start
    # 2. Acronyms of three or more letters that spell out a multi-word name.
    words_of = {k: k.split() for k in surfaces}
    long_names = [k for k in surfaces if len(words_of[k]) > 1]
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name in long_names:
        by_initials[_initials(name)].append(name)
    for key in acronyms:
        matches = by_initials.get(key.replace(" ", ""), [])
        if len(key) >= 3 and len(matches) == 1:
            groups.union(matches[0], key, f"initials: {top[key]} = {top[matches[0]]}")

    # 3. Transliterations: same skeleton, used in different articles (or once, as a typo),
    #    with overlapping context.
    by_skeleton: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(surfaces.keys() - acronyms):  # sorted: the same output in every process
        # Spellings of one name have the same skeleton token by token (``_spelling_match``),
        # so only names in one bucket are compared: not every pair of names of the cluster.
        by_skeleton[tuple(skeleton(t) or t for t in _tokens(key))].append(key)
    candidates = [
        (a, b)
        for bucket in by_skeleton.values()
        for i, a in enumerate(bucket)
        for b in bucket[i + 1 :]
        if (not (docs[a] & docs[b]) or min(counts[a], counts[b]) == 1) and _spelling_match(a, b)
    ]
    if candidates:
        context = _contexts(sentences, mentions, keys, {k for pair in candidates for k in pair})
        for a, b in candidates:
            if _context_similarity(context[a], context[b]) >= min_context:
                groups.union(a, b, f"spelling: {top[a]} ~ {top[b]}")

    # 4. Short forms: "Bali" for "Mustafa Bali", "Judge Baltasar Garzon" for "Baltasar Garzon".
    #    News style names someone in full, then shortly: so every article using the short
    #    form must also use the full one, and only one entity may end that way. A surname
    #    must follow a given name, not a name of its own ("Shiite" in "Shiite Muslims"); a
    #    longer short form may only drop titles (words also written in lowercase).
    singles = {k for k in surfaces if " " not in k}
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in long_names:
        words = words_of[name]
        qualified = words[0] in _QUALIFIERS or "of" in words or "for" in words
        if not qualified and "-" not in top[name].split()[-1]:
            by_last[words[-1]].append(name)
    for key in sorted(surfaces.keys() - acronyms):
        words = words_of[key]
        if len(words) == 1 and key in lowercase_words:
            continue
        owners: dict[str, set[int]] = defaultdict(set)
        for name in by_last.get(words[-1], []):
            longer = words_of[name]
            if len(longer) <= len(words) or longer[-len(words) :] != words:
                continue
            extra = longer[: -len(words)]
            if len(words) > 1 and not all(w in lowercase_words for w in extra):
                continue
            if len(words) == 1 and extra[-1] in singles and extra[-1] not in lowercase_words:
                continue
            owners[groups.find(name)] |= docs[name]
        if len(owners) == 1:
            owner, owner_docs = owners.popitem()
            if groups.find(key) != owner and docs[key] <= owner_docs:
                groups.union(owner, key, f"short form: {top[key]}")

    return _build_index(sentences, mentions, keys, surfaces, groups)


def _contexts(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    keys: Sequence[str],
    wanted: set[str],
) -> dict[str, Counter[str]]:
    """Content words around each wanted name: what the articles say about it."""
    context: dict[str, Counter[str]] = defaultdict(Counter)
    for mention, key in zip(mentions, keys, strict=True):
        if key in wanted:
            own = set(key.split())
            words = _CONTEXT_WORD.findall(sentences[mention.sentence].text.lower())
            context[key].update(w for w in words if w not in STOPWORDS and w not in own)
    return context


def _build_index(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    keys: Sequence[str],
    surfaces: dict[str, Counter[str]],
    groups: _Groups,
) -> EntityIndex:
    members: dict[str, list[str]] = defaultdict(list)
    for key in surfaces:
        members[groups.find(key)].append(key)
    ordered = sorted(
        members.items(), key=lambda kv: (-sum(surfaces[k].total() for k in kv[1]), kv[0])
    )
    entity_of = {key: number for number, (_, group) in enumerate(ordered) for key in group}
    variant_docs: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    variant_count: dict[int, Counter[str]] = defaultdict(Counter)
    per_sentence: list[list[tuple[int, int, int]]] = [[] for _ in sentences]
    for mention, key in zip(mentions, keys, strict=True):
        number = entity_of[key]
        variant_docs[number][mention.text].add(mention.doc)
        variant_count[number][mention.text] += 1
        per_sentence[mention.sentence].append((mention.start, mention.end, number))
    entities: list[Entity] = []
    for number, (root, _) in enumerate(ordered):
        variants = _merge_case_variants(variant_count[number], variant_docs[number])
        name = _display_name(variants)
        entities.append(
            Entity(
                id=number,
                name=name.text,
                variants=tuple(variants),
                evidence=tuple(groups.reasons.get(root, ())),
                acronym=_is_acronym(name.text),
            )
        )
    return EntityIndex(tuple(entities), tuple(tuple(s) for s in per_sentence))


def _merge_case_variants(counts: Counter[str], documents: dict[str, set[int]]) -> list[Variant]:
    """One variant per spelling; forms differing only in case or possessive merge."""
    by_fold: dict[str, list[str]] = defaultdict(list)
    for text in counts:
        by_fold[fold(text).replace(" ", "")].append(text)
    variants = []
    for texts in by_fold.values():
        best = max(texts, key=lambda t: (counts[t], t))
        variants.append(
            Variant(
                best,
                sum(counts[t] for t in texts),
                tuple(sorted({d for t in texts for d in documents[t]})),
            )
        )
    variants.sort(key=lambda v: (-v.count, v.text))
    return variants


def _display_name(variants: Sequence[Variant]) -> Variant:
    """The fullest name in common use; an acronym only when it dominates the full names."""
    full = [v for v in variants if not _is_acronym(v.text)]
    if not full or max(v.count for v in full) * ACRONYM_DOMINANCE < variants[0].count:
        return variants[0]
    common = [v for v in full if v.count * ACRONYM_DOMINANCE >= max(f.count for f in full)]
    return max(common, key=lambda v: (len(v.text.split()), v.count, v.text))
