"""Compress stage: trim words that carry no content, so the budget buys more facts.

Only deletions are made (the result's words are a subsequence of the sentence's words, save a
stray ";" cut off a word),
so every summary sentence stays a faithful extract of one input sentence. Only what is safe
to delete goes: a connective that opens the sentence and is set off by a comma (or a bare
"And"/"But"), a short parenthesis that is not an attribution, and a second sentence the
splitter left glued on; and what is no word at all: a dateline left on an opening, a trader's
instrument code, a semicolon an HTML entity decoder left. The attribution of a claim
(", the Syrian military said Saturday") always stays: without it a claim reads as plain fact,
and the trust stage needs it.
"""

from __future__ import annotations

import re
from functools import cache

from newsum.split import quotation_open
from newsum.wordlists import word_list

# A connective is dropped only with the comma that sets it off: without one the word may be
# part of the grammar ("In addition to the new boarding process, ..." must not lose "In
# addition"; "Still the rain fell", "Further tests showed", "So far, ..."). "And" and "But"
# opening a sentence are plain conjunctions and may go without a comma. "Then," stays: it says
# the sentence continues a sequence the sentence before began ("Then, near the intersection of
# Magazine and St. Andrew, more surveillance video captures the Hummer ...", Multi-News even
# half), and the leaning rules must see it. A writer's "Well," / "Yes," / "Sure," goes too
# ("Well, Republicans have a convenient sound bite for next year's election ...", the opening
# of a Multi-News even-half article: refused whole as the writer's aside, its cluster lost
# its lead); the rest of the writer's interjections refuse the sentence (``coherence``).
_LEADING = re.compile(
    r"^(?:(?:and|but)\s*,?\s+|(?:so|yet|also|meanwhile|however|separately|still|"
    r"further(?:more)?|moreover|in\ addition|additionally|finally|indeed|instead|nonetheless|"
    r"nevertheless|in\ any\ case|at\ the\ same\ time|in\ turn|well|yes|sure)\s*,\s+)(?=[A-Za-z\"“])",
    re.IGNORECASE | re.VERBOSE,
)
# A short aside in brackets without figures ("(R-N.Y.)" is not one: it has no digit but is an
# affiliation; it goes too). One that attributes ("(police said)") or quotes stays.
_PARENTHETICAL = re.compile(r"\s*\((?:[^()\d]{1,40})\)(?=[\s,.;:])")
_ATTRIBUTING = re.compile(r"\b(?:said|says|according|told|reported|claimed)\b|[\"“”]", re.I)
# ... nor one after a word that needs what follows it (``data/needs_what_follows.txt``: a
# preposition, an article, a conjunction, a form of "be"), unless the aside is one adverb in
# "-ly", which the sentence does without ("was (reportedly) killed").
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_LY_ADVERB = re.compile(r"\s*\(\s*[A-Za-z]+ly\s*\)")


@cache
def _needs_what_follows() -> frozenset[str]:
    """``data/needs_what_follows.txt``: "to", "the", "and", "was" and the rest of their kind."""
    return frozenset(word_list("needs_what_follows"))


# Where a second sentence starts that the splitter left glued on ("... Lula da Silva. da Silva,
# who leads the Workers Party, ..." (DUC 2003 task 2); "to go back to school today.Their
# return"): the first sentence is kept whole, the glued one goes (a deletion, like the rest).
# The match opens on the first sentence's stop (sre skips to it), the glued one a character on.
_GLUED_TAIL = re.compile(
    r"[.!?](?<=[a-z]{2}[.!?])(?:(?=[A-Z][a-z])|\s+(?=(?:The|Their|They|He|She|It|This|But|We|I)\s)|"
    r"\s+(?=(?:da|de|di|du|dos|van|von|der|del|bin|al|el)\s+[A-Z][a-z]))"
)


# A Reuters instrument code after a company's name ("Michael Kors agreed to buy luxury shoemaker
# Jimmy Choo CHOO.L for $1.2 billion", "rival handbag maker Coach COH.N struck a deal"): a symbol
# for traders, no word of the sentence. Two or more capitals, a dot and an exchange's suffix, so
# "U.S." and "D.C." never match; only after a capitalised word, so a code that stands for the
# name ("Shares in BP.L fell") stays. (The dev sets we tune on hold none; the bracketed "(NYSE: XOXO)"
# goes as an aside.)
_TICKER = re.compile(
    r"\b(?P<name>[A-Z][\w&'’-]*)\s+[A-Z][A-Z0-9]{1,5}\.(?:N|O|OQ|L|PA|DE|T|HK|TO|AS|MI|MC|SS|SZ|KS|AX|SI|F|"
    r"BR|ST|CO|HE|OL|SW|VX|S|BO|NS)(?=[\s,;:)]|\.?$)"
)
# What every code holds: a capital or figure, its dot and the exchange's capital. ``_TICKER``
# opens on a word boundary, no literal the search can skip to, so it is tried only where this
# cheap search finds them (3% of the 16,741 sentences with a dot of DUC 2003 task 2, the
# Multi-News even half and TAC 2011; test_prefilters.py)
_TICKER_GATE = re.compile(r"[A-Z0-9]\.[A-Z]")
# An ampersand name the source's HTML left a semicolon on ("the '60s R&B; group", "Grateful Dead
# Q&A;:", "Copyright 2010 E&E; Publishing", Multi-News validation): the ";" is what an entity
# decoder left, not a clause break; one before a clause's first word ("the S&P; the case was
# dropped") is a real semicolon.
_ENTITY_RESIDUE = re.compile(
    r"(?<=[A-Z]&[A-Z]);(?=:|$|\s+(?!(?:the|a|an|he|she|it|they|we|i|this|that|but|and|or|so)\b)"
    r"[A-Za-z0-9])"
)


# A dateline left on an article's first sentence ("WASHINGTON—An attorney for senior White House
# aide Jared Kushner said Thursday ...", "MIAMI—When speaking about his oft-criticized and
# overanalyzed star, ...", Multi-News even half): a city in capitals and a dash, no word of the
# sentence. Only on an article's first sentence, and never before a second dash ("Obama — Biden's
# former boss — said ..." is an aside) nor on a two-letter word ("US – China trade talks").
_DATELINE = re.compile(
    r"^(?!.*[—–].*[—–])(?:(?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,2})(?:,\s+[A-Z][A-Za-z.]+)?"
    r"\s*[—–]\s*(?=[A-Z\"“])"
    # "Flint — Sixteen months after it was identified as a likely source ..." (Multi-News even
    # half): a city in title case, a spaced dash, and the sentence
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[—–]\s+(?=[A-Z][a-z]))"
)
# The dash a dateline's place left on an article's first sentence when the page kept only the
# dash ("— For years, the weather has been a scapegoat ...", Multi-News even half): no word of
# the sentence, and the leaning rules read an opening dash as a quotation's tail. A dash before
# a name and a comma ("— Claire Danes, asked how she'll tell ...") is that tail, and stays. An
# em or an en dash only: an opening hyphen ("- Law enforcement officials announced ...") is a
# bullet, and clean._BULLET strips it first.
_BARE_DASH = re.compile(r"^[—–]\s+(?=[A-Z\"“])(?![A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},)")
DATELINE_WINDOW = 40
"""Characters of a first sentence searched for a dash before ``_DATELINE`` is tried: a place
and its state ("SALT LAKE CITY, Utah —", dash at 21) ends well inside (the 4 datelines among
the 33,811 Multi-News validation sentences: dash at 10 at most; test_prefilters.py)."""


# A photo credit or byline run into the sentence with no stop: "Christina House / For The
# Times James Price, 22, wears ..." (Multi-News even half; one on all tune sets), "Jane Doe,
# Business Insider Facebook is buying ..." (constructed): a name of two or three capitalised
# words, "/" or a comma, then an
# outlet that ends on a word only an outlet's or an agency's name ends on, and a capitalised
# word after it. Not "Fox News anchor" (a lowercase word goes on), nor a name the outlet's goes
# on with ("The New York Times Company chairman"). Not cut off in the split stage (a cut there
# changes the sentences both shipped models were trained on): an article's first sentence has
# it cut off here, as a dateline is, and any other sentence that holds one is refused
# (``coherence.opens_with_credit``).
_CREDIT_OUTLET_END = (
    r"(?:Times|Insider|Images|Press|News|Herald|Tribune|Journal|Globe|Chronicle|Gazette|"
    r"Telegraph|Guardian|Reuters|AP|AFP|EPA|TODAY|Bloomberg|Shutterstock|Corbis|WireImage|"
    r"FilmMagic)"
)
# (after stop 23's review: not "On Wednesday, White House Press Secretary Sarah Sanders said
# ..." nor "Mark Thompson, Times Chief Executive, said ...": a time phrase is no name, and a
# title-case role may follow an outlet's name)
CREDIT_OPENING = re.compile(
    r"[\"“]?(?!(?:On|In|At|By|For|From|Early|Late|Last|This|Since|After|Before|During|Until)\b)"
    r"(?:[A-Z][\w'’.-]+[ \t]+){1,2}[A-Z][\w'’-]+(?:[ \t]*/[ \t]*|,[ \t]+)"
    rf"(?:(?:For|The)[ \t]+)*(?:[A-Z][\w.&'’-]*[ \t]+){{0,2}}{_CREDIT_OUTLET_END}"
    r"(?=[ \t]+[\"“]?[A-Z][a-z])(?![ \t]+(?:Company|Co|Corp|Inc|Group|Channel|Network|Media|"
    r"Service|Bureau|Building|Square|Magazine|Editorial|Foundation|Center|Radio|Digital|Chief|"
    r"Executive|Reporter|Anchor|Editor|Secretary|Correspondent|Writer|Columnist|Publisher|"
    r"President|Chairman|Director|Host|Nightly|Staff|Senior|Managing|Political|White)\b)"
)


CREDIT_WINDOW = 60
"""Characters of a first sentence searched for the "/" or comma of a credit before
``CREDIT_OPENING`` is tried: the name before it is two or three words."""


def _aside(match: re.Match[str]) -> str:
    aside = match.group(0)
    if _ATTRIBUTING.search(aside):
        return aside
    before = _WORD_BEFORE.search(match.string, 0, match.start())
    if (
        before
        and before.group(1).lower() in _needs_what_follows()
        and not _LY_ADVERB.fullmatch(aside)
    ):
        return aside
    return ""


def compress(text: str, first: bool = False) -> str:
    """A shorter version of ``text``: an opening connective and short asides removed;
    ``first``: the sentence opens its article (where a dateline may be left on it)."""
    if "." in text and _TICKER_GATE.search(text):
        text = _TICKER.sub(r"\g<name>", text)
    if "&" in text:
        text = _ENTITY_RESIDUE.sub("", text)
    if first and ("—" in text[:DATELINE_WINDOW] or "–" in text[:DATELINE_WINDOW]):
        text = _DATELINE.sub("", text, count=1)
    if first and text[:1] in "—–":
        text = _BARE_DASH.sub("", text, count=1)
    if first and ("/" in text[:CREDIT_WINDOW] or "," in text[:CREDIT_WINDOW]):
        credit = CREDIT_OPENING.match(text)
        if credit:  # the lede stays, without the credit glued to it
            text = text[credit.end() :].lstrip()
    if text.startswith(('"', "“")):
        return text
    result = _LEADING.sub("", text, count=1)
    dropped = result != text
    glued = _GLUED_TAIL.search(result)
    cut = glued.start() + 1 if glued else 0  # past the stop: where the glued sentence starts
    # a quotation that runs on over several sentences is one unit (``split.quote_units``)
    if glued and len(result[:cut].split()) >= 5 and not quotation_open(result[:cut]):
        result = result[:cut]
    if "(" in result:  # (no bracket, no aside: the search would try every character)
        result = _PARENTHETICAL.sub(_aside, result)
    if result[:1].isspace():  # "(WANE) The Fort Wayne mother ...": the aside opened it
        result = result.lstrip()
    if dropped and result and result[0].islower():
        # the word after a dropped connective opens the sentence now; a sentence that began in
        # lowercase ("who was involved in the three-year effort.", cut from the one before) keeps
        # it, so the leaning rules still see the cut
        result = result[0].upper() + result[1:]
    return result if len(result.split()) >= 5 else text
