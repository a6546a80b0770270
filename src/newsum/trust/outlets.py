"""The outlet of a document: its name, its headline, and which documents are copies.

This is the one place that names outlets; the trust stage, the renderers, the report, the
page and ``newsum stories`` all read the names made here. An outlet is named from, in order:

1. the article's ``source`` field (for an HTML page, the site name or host trafilatura found);
2. the article's own evidence: the agency in its dateline ("BEIRUT (AP) —"), a credit line
   ("Source: AFP"), a "By ... | Outlet" line in its head, or the domain of its URL;
3. else "Article N" (N its place in the input, from 1).

A file name or a record id is never shown as an outlet or a title. The headline is the
article's title unless the body repeats it (then it is a sub-headline or a teaser).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsum.types import Corroboration, Document, Provenance, Sentence, Support

_AGENCY = re.compile(r"\(([A-Z][A-Za-z&.\- ]{1,30})\)\s*$")
_CREDIT = re.compile(
    r"^\s*(?:source|credit)s?\s*:\s*([A-Z][\w&.\- ]{1,30}?)\s*(?:\||$)", re.I | re.M
)
# "By Jane Doe | Reuters", "By Raqqa - Latest News | Read Breaking News on GLOBAL GATHERING
# Updated at ...": the outlet is the run of capitalised words that ends the last segment.
_BYLINE = re.compile(r"^\s*By\s[^\n|]{1,120}\|([^\n|]{2,120})$", re.M)
_UPDATED = re.compile(r"\s+(?:Updated|Published|Posted)\b.*$|\s+\d{4}-\d{2}-\d{2}.*$", re.I)
_NAME_RUN = re.compile(r"((?:[A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*){0,4})\s*$")
_HEAD_CHARS = 600  # a byline or credit line in the head sits in its first lines
_TAIL_CHARS = 400  # a credit line at the end sits in its last lines
_SPACE = re.compile(r"\s+")

COPY_RATIO = 90
"""Least ``rapidfuzz`` ratio (0-100) of two sentences for one to be a word-for-word copy of the
other (not an independent source). Of the supports in benchmarks/labels/citations.jsonl it
takes 21 of the 36 labelled copies, none of the 421 partial ones, and 21 of the 326 full ones
(mostly ratio 100: two outlets carrying one wire text); 80 would take 30 copies but 34 full."""


def _agency(document: Document) -> str | None:
    if document.dateline:
        agency = _AGENCY.search(document.dateline)
        if agency:
            return agency.group(1).strip()
    return None


def _credit(text: str) -> str | None:
    """A single credit line in the article's tail, else its head ("Source: Xinhua| ...")."""
    for part in (text[-_TAIL_CHARS:], text[:_HEAD_CHARS]):
        credits = {str(c).strip() for c in _CREDIT.findall(part)}
        if len(credits) == 1:
            return credits.pop()
    return None


def _byline(text: str) -> str | None:
    match = _BYLINE.search(text[:_HEAD_CHARS])
    if not match:
        return None
    segment = _UPDATED.sub("", match.group(1).strip())
    name = _NAME_RUN.search(segment)
    if not name:
        return None
    found = name.group(1).strip()
    return found.title() if found.isupper() and len(found) > 4 else found


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def headline(document: Document) -> str | None:
    """The article's own headline: its title, unless the body repeats it word for word (a
    sub-headline or teaser shown above the text is not the story's headline)."""
    title = document.article.title
    if not title or not title.strip():
        return None
    wanted = _SPACE.sub(" ", title).strip()
    body = _SPACE.sub(" ", document.article.text)
    first = body.find(wanted)
    if first >= 0 and body.find(wanted, first + len(wanted)) >= 0:
        return None  # the first line is repeated below: a teaser of the body, not a headline
    return wanted


def provenance(document: Document) -> Provenance:
    """Who published one document, and on what evidence (see the module's docstring)."""
    article = document.article
    name: str | None = None
    evidence = "none"
    found = [
        ("source field", article.source),
        ("dateline", _agency(document)),
        ("credit line", _credit(article.text)),
        ("byline", _byline(article.text)),
        ("site name", article.meta.get("sitename") or _domain(article.url)),
    ]
    for kind, value in found:
        if isinstance(value, str) and value.strip():
            name, evidence = value.strip(), kind
            break
    return Provenance(
        document=document.index,
        outlet=name or f"Article {document.index + 1}",
        evidence=evidence,
        headline=headline(document),
        copy_of=document.duplicate_of,
    )


def outlet_name(document: Document) -> str:
    """The outlet of one document, as every part of newsum names it."""
    return provenance(document).outlet


def is_copy(a: Sentence, b: Sentence) -> bool:
    """Whether two outlets carry the same wire sentence, word for word (or nearly)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a.text, b.text) >= COPY_RATIO


@dataclass(frozen=True)
class Outlets:
    """The outlets of a cluster, named once; a syndicated copy counts as its original."""

    documents: tuple[Document, ...]
    provenance: tuple[Provenance, ...]

    @classmethod
    def of(cls, documents: Sequence[Document]) -> Outlets:
        return cls(tuple(documents), tuple(provenance(d) for d in documents))

    def story(self, doc: int) -> int:
        """The original of a syndicated copy (itself when it is not a copy)."""
        original = self.documents[doc].duplicate_of
        return doc if original is None else original

    def name(self, doc: int) -> str:
        """The outlet behind a document (a copy's original's outlet)."""
        return self.provenance[self.story(doc)].outlet

    def distinct(self, docs: Sequence[int]) -> tuple[str, ...]:
        """Outlets behind these documents, in order of first appearance."""
        return tuple(dict.fromkeys(self.name(d) for d in docs))

    def independent(self, origin: Sentence, support: Sequence[Support]) -> tuple[str, ...]:
        """Outlets backing a sentence, not counting those that only carry a word-for-word
        copy of it."""
        own = [origin.doc, *(s.sentence.doc for s in support if not is_copy(origin, s.sentence))]
        return self.distinct(own)

    def corroboration(
        self, origin: Sentence, support: Sequence[Support], disputed: bool = False
    ) -> Corroboration:
        cited = {origin.doc, *(s.sentence.doc for s in support)}
        return Corroboration(self.independent(origin, support), len(cited), disputed)
