"""Order stage: the picked sentences as one text.

The event first (the block that holds the earliest sentence of its article, where news
states what happened), then each article's sentences together and in their order, articles by
date: never every outlet's opening in turn, each restating the event. A person named by surname
alone ("Lowe was regarded ...") comes after the block that gives the full name ("Alex Lowe and
David Bridges were swept away"). A sentence opening on a definite phrase that another
article's sentence introduces ("The charges come amid ..." and "... faces a litany of
charges") comes right after that sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from newsum.coherence import (
    _pinned,
    definite_head,
    full_names,
    gives_name,
    reads_after_previous,
    unintroduced,
    verb_forms,
    weak_opening,
)
from newsum.compress import compress
from newsum.represent import STOPWORDS
from newsum.types import Document, Sentence

_FORMATS = (
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y%m%d", "%Y/%m/%d",
    "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%a, %d %b %Y %H:%M:%S",
)  # fmt: skip


def parse_date(value: str | None) -> datetime | None:
    """Best-effort parse of the date formats seen in news feeds; None when unknown."""
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=None)
    except ValueError:
        pass
    text = re.sub(r"\s+", " ", re.sub(r"\s*([+-]\d{4}|[A-Z]{3})$", "", text))
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def order_sentences(
    sentences: Sequence[Sentence],
    documents: Sequence[Document],
    names: dict[str, str] | None = None,
) -> list[Sentence]:
    """One block per article, in reading order; the block that opens nearest its article's
    top first, then the others by article date (undated ones keep input order). ``names`` is
    ``full_names`` of the documents when the caller has it already."""
    dates = {d.index: parse_date(d.article.date) for d in documents}
    known = [d for d in dates.values() if d is not None]
    fallback = min(known) if known else datetime.min
    blocks: dict[int, list[Sentence]] = {}
    for sentence in sorted(sentences, key=lambda s: (s.doc, s.index)):
        blocks.setdefault(sentence.doc, []).append(sentence)

    def when(doc: int) -> datetime:
        return dates.get(doc) or fallback

    def opening(doc: int) -> tuple[bool, int, datetime, int, int]:
        head = blocks[doc][0]
        # read as the summary shows it: "But the emotional highlight was ..." loses its "But"
        weak = weak_opening(compress(head.text, head.index == 0), head.index)
        return (weak, head.index, when(doc), -len(blocks[doc]), doc)

    if not blocks:
        return []
    first = min(blocks, key=opening)
    rest = sorted((d for d in blocks if d != first), key=lambda d: (when(d), blocks[d][0].index, d))
    if names is None:
        names = full_names([d.text for d in documents])
    order = introductions_first([first, *rest], blocks, names)
    texts = {d.index: d.article.text for d in documents}
    return definites_after([s for doc in order for s in blocks[doc]], texts)


_WORD = re.compile(r"[\w’'-]+")
# Before a noun, a word that says the reader has met it already ("the charges", "its
# charges"): the sentence that holds it does not introduce the noun.
_KNOWN_BEFORE = frozenset(["the", "this", "that", "these", "those", "its", "their", "his", "her"])
_OWNED = ("'s", "’s", "s'", "s’")  # "the government's case" (DUC 2003 task 2) is a known one
DEFINITE_NOUN_LETTERS = 4
"""Shortest head word matched: shorter ones ("two", "man") are numbers or too common to say
which thing an opening phrase means."""


def _noun(word: str) -> str:
    """A word without its plural "s" ("charges" and "charge" are one noun; not "news",
    "status", "crisis")."""
    word = word.removesuffix("'s").removesuffix("’s")
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "ws", "us", "is")) else word


def _content_words(text: str) -> set[str]:
    return {
        _noun(w)
        for w in (w.lower() for w in _WORD.findall(text))
        if len(w) >= DEFINITE_NOUN_LETTERS and w not in STOPWORDS
    }


def _head_nouns(text: str) -> set[str]:
    """The nouns of a sentence's opening definite phrase: its words long enough to say which
    thing, less the verbs ("The court ruled Monday ...": "court", not "ruled", which "ruled
    out" would match; stop 23's review)."""
    verbs = verb_forms()
    return {
        _noun(w)
        for w in definite_head(text)
        if len(w) >= DEFINITE_NOUN_LETTERS and w not in verbs and not w.endswith("ed")
    }


def _introduces(text: str, nouns: set[str]) -> bool:
    """The text uses one of the nouns without a determiner that takes it as known ("a litany
    of charges", not "the charges" nor "the government's case")."""
    words = [w.lower() for w in _WORD.findall(text)]
    return any(
        _noun(w) in nouns
        and not (k and (words[k - 1] in _KNOWN_BEFORE or words[k - 1].endswith(_OWNED)))
        for k, w in enumerate(words)
    )


def definites_after(ordered: Sequence[Sentence], texts: dict[int, str]) -> list[Sentence]:
    """Move a sentence that opens on a definite phrase ("The charges come amid a climate of
    fear ...", Multi-News even half) to just after the first later sentence of another article
    that introduces its noun ("Christos Vasiliades faces a litany of charges ..."), when no
    sentence before it uses the noun, its own article (``texts``: original texts by document)
    did not use it before (then the phrase means that article's thing, not another's), it is
    not the summary's opening sentence, and it neither follows nor precedes its article's
    neighbour (which it could lean on or which could lean on it)."""
    result = list(ordered)
    moved: set[int] = set()  # each sentence moves once at most: the loop ends
    k = 1  # the summary's opening sentence is the order's choice (``opening``)
    while k < len(result):
        here = result[k]
        head = definite_head(here.text)
        nouns = _head_nouns(here.text)
        if not nouns or _pinned(head) or id(here) in moved:
            k += 1
            continue
        before = {_noun(w.lower()) for s in result[:k] for w in _WORD.findall(s.text)}
        neighbours = [s for s in result[max(0, k - 1) : k + 2] if s is not here]
        told = texts.get(here.doc, "")[: here.start]
        if (
            nouns & before
            or nouns & {_noun(w.lower()) for w in _WORD.findall(told)}
            or any(s.doc == here.doc and abs(s.index - here.index) == 1 for s in neighbours)
        ):
            k += 1
            continue
        j = next(
            (
                j
                for j in range(k + 1, len(result))
                if result[j].doc != here.doc and _introduces(result[j].text, nouns)
            ),
            None,
        )
        if j is None:
            k += 1
            continue
        while j + 1 < len(result) and (result[j + 1].doc, result[j + 1].index) == (
            result[j].doc,
            result[j].index + 1,
        ):
            j += 1  # not between the introducing sentence and the next that may lean on it
        own_words = _content_words(here.text)
        if (
            # not past a later sentence of its article whose opening phrase it told of ("The
            # lawsuit seeks damages from the mall's owner" before "The owner's lawyer ...")
            any(
                s.doc == here.doc and s.index > here.index and own_words & _head_nouns(s.text)
                for s in result[k + 1 : j + 1]
            )
            or reads_after_previous(result[k + 1].text)  # "She called ..." keeps what it leans on
            or (j + 1 < len(result) and reads_after_previous(result[j + 1].text))
        ):
            k += 1
            continue
        moved.add(id(here))
        result.insert(j, result.pop(k))  # k's successor now stands at k
    return result


def introductions_first(
    order: Sequence[int], blocks: dict[int, list[Sentence]], names: dict[str, str]
) -> list[int]:
    """Move a block that introduces a person by full name before the first block that names
    them by surname alone, while a move leaves fewer people unintroduced (so this ends, and two
    blocks that each introduce someone the other names keep the better order)."""

    def missing(blocks_order: Sequence[int]) -> list[tuple[int, str]]:
        return unintroduced([s.text for doc in blocks_order for s in blocks[doc]], names)

    result = list(order)
    left = missing(result)
    while left:
        owner = [doc for doc in result for _ in blocks[doc]]
        texts = [s.text for doc in result for s in blocks[doc]]
        best: list[int] | None = None
        for k, last in left:
            for j in range(k + 1, len(texts)):
                if owner[j] != owner[k] and gives_name(names[last], texts[j]):
                    trial = [d for d in result if d != owner[j]]
                    trial.insert(trial.index(owner[k]), owner[j])
                    if len(missing(trial)) < len(left) and (
                        best is None or len(missing(trial)) < len(missing(best))
                    ):
                        best = trial
                    break
        if best is None:
            break
        result, left = best, missing(best)
    return result
