"""Clean stage: turn raw web or wire text into body passages, keeping a map to the original.

Real inputs carry newsletter prompts, copyright lines, navigation blocks, SGML markup,
wire-service editing codes, datelines and repeated headlines. Each rule below removes one
kind of noise seen in practice; every kept character remembers where it came from, so
citations stay exact.

Markdown is stripped here too, with regular expressions over a ``TrackedText`` rather than
a Markdown library: libraries such as markdown-it-py give source positions only per block
(line ranges), not per character, so their rendered text could not be mapped back to the
exact span of the original that a citation points at.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.entities import html5

from newsum.types import Article, Document, Passage


class Hints:
    """Whether a lowercased text contains any of a set of literal fragments, in one pass.

    Each rule family below is a regular expression too slow to try on every paragraph, plus
    literal fragments one of which every match contains; an Aho-Corasick automaton
    (pyahocorasick) finds any of them in a single scan, where testing each fragment with ``in``
    scanned the text once per fragment (about five times slower on news sentences).
    """

    def __init__(self, fragments: Sequence[str]) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        for fragment in fragments:
            self._automaton.add_word(fragment, fragment)
        self._automaton.make_automaton()

    def found(self, lower: str) -> bool:
        for _ in self._automaton.iter(lower):
            return True
        return False


class _Rules:
    """Regular expressions, each tried only on a text holding one of the literal fragments
    (lowercase) that every match of it contains.

    A family of rules (page furniture, boilerplate) tried as one alternation scans the text once
    per alternative; here one Aho-Corasick pass finds the fragments, and only the few rules
    that need them are tried. ``search`` is True exactly when the alternation of all the rules
    would find a match (tests/test_clean.py checks it on every dev set).

    ``hints``: further sets of fragments, which the same pass finds (``scan``), so that other
    tests of the same text need no pass of their own.
    """

    def __init__(
        self,
        rules: Sequence[tuple[tuple[str, ...], str]],
        flags: int,
        hints: Sequence[Sequence[str]] = (),
    ) -> None:
        import ahocorasick

        self._rules = [rule for _, rule in rules]
        self._flags = flags
        # each compiled when a text first holds one of its fragments: a process that meets
        # few kinds of furniture compiles few of them (compiling all costs about 0.03 s)
        self._patterns: list[re.Pattern[str] | None] = [None] * len(rules)
        needing: dict[str, list[int]] = {}
        for number, (fragments, _) in enumerate(rules):
            for fragment in fragments:
                needing.setdefault(fragment, []).append(number)
        masks: dict[str, int] = {}  # a fragment of the i-th set of hints sets bit i
        for bit, hinting in enumerate(hints):
            for fragment in hinting:
                masks[fragment] = masks.get(fragment, 0) | 1 << bit
        self._automaton = ahocorasick.Automaton()
        for fragment in {**needing, **masks}:
            found = (tuple(needing.get(fragment, ())), masks.get(fragment, 0))
            self._automaton.add_word(fragment, found)
        self._automaton.make_automaton()

    def search(self, text: str, lower: str) -> bool:
        """Whether a rule matches ``text`` (``lower`` is ``text.lower()``)."""
        tried: set[int] = set()
        for _, (numbers, _hints) in self._automaton.iter(lower):
            for number in numbers:
                if number not in tried:
                    tried.add(number)
                    if self._pattern(number).search(text):
                        return True
        return False

    def scan(self, lower: str) -> tuple[list[int], int]:
        """The rules whose fragments ``lower`` holds (a rule may come more than once), and the
        mask of the sets of hints it holds a fragment of, in one pass."""
        numbers: list[int] = []
        mask = 0
        for _, (rules, hints) in self._automaton.iter(lower):
            numbers += rules
            mask |= hints
        return numbers, mask

    def tries(self, text: str, numbers: Sequence[int]) -> bool:
        """``search``, given the rules that ``scan`` found."""
        return any(self._pattern(number).search(text) for number in dict.fromkeys(numbers))

    def _pattern(self, number: int) -> re.Pattern[str]:
        pattern = self._patterns[number]
        if pattern is None:
            pattern = self._patterns[number] = re.compile(self._rules[number], self._flags)
        return pattern


# --- character-level normalisation -------------------------------------------------------


@dataclass(frozen=True)
class TrackedText:
    """A string plus, for each character, its index in the original text.

    ``offsets`` is a ``range`` while the text is (a stretch of) the original unchanged, so that
    a text no rule changes costs no offset table; a change makes it a tuple.
    """

    text: str
    offsets: Sequence[int]

    @classmethod
    def of(cls, text: str) -> TrackedText:
        return cls(text, range(len(text)))

    def sub(
        self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]
    ) -> TrackedText:
        """Like ``re.sub``; replacement characters map to the start of what they replace."""
        if callable(repl) or "\\" in repl:
            return self._sub_each(pattern, repl)
        return self.replace_spans([match.span() for match in pattern.finditer(self.text)], repl)

    def replace_spans(self, spans: Sequence[tuple[int, int]], repl: str) -> TrackedText:
        """``sub`` with a literal replacement, of the given spans (in order, not overlapping)."""
        text = self.text
        if not spans:
            return self
        # a literal replacement: the kept stretches joined by it, each replacement's
        # characters mapped to the original index where the replaced text started
        source = self.offsets
        kept: list[str] = []
        offsets: list[int] = []
        width = len(repl)
        last = 0
        for start, end in spans:
            kept.append(text[last:start])
            offsets += source[last:start]
            if width:
                offsets += (source[start] if start < len(source) else self._end(),) * width
            last = end
        kept.append(text[last:])
        offsets += source[last:]
        return TrackedText(repl.join(kept), tuple(offsets))

    def _sub_each(
        self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]
    ) -> TrackedText:
        """``sub`` with a replacement made per match (a function, or a template with groups)."""
        pieces: list[str] = []
        offsets: list[int] = []
        last = 0
        for match in pattern.finditer(self.text):
            start, end = match.span()
            pieces.append(self.text[last:start])
            offsets.extend(self.offsets[last:start])
            new = repl(match) if callable(repl) else match.expand(repl)
            anchor = self.offsets[start] if start < len(self.offsets) else self._end()
            pieces.append(new)
            offsets.extend([anchor] * len(new))
            last = end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        return TrackedText("".join(pieces), tuple(offsets))

    def keep(self, pattern: re.Pattern[str], group: str = "keep") -> TrackedText:
        """Replace each match by its named group, whose characters keep their own offsets.

        This is how markup around text (``**bold**``, ``[link](url)``) is removed without
        losing where the text itself came from.
        """
        pieces: list[str] = []
        offsets: list[int] = []
        last = 0
        for match in pattern.finditer(self.text):
            start, end = match.span()
            inner_start, inner_end = match.span(group)
            pieces.append(self.text[last:start])
            offsets.extend(self.offsets[last:start])
            if inner_start >= 0:
                pieces.append(self.text[inner_start:inner_end])
                offsets.extend(self.offsets[inner_start:inner_end])
            last = end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        return TrackedText("".join(pieces), tuple(offsets))

    def slice(self, start: int, end: int) -> TrackedText:
        return TrackedText(self.text[start:end], self.offsets[start:end])

    def strip(self, chars: str | None = None) -> TrackedText:
        stripped = self.text.strip(chars)
        if not stripped:
            return TrackedText("", ())
        start = len(self.text) - len(self.text.lstrip(chars))
        return self.slice(start, start + len(stripped))

    def _end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0


_NAMED_ENTITY_FALLBACK = {"nbsp": " ", "apos": "'"}
# Typesetting codes of 1990s wire feeds (&QL; quad left, &UR; upper rail, ...). A code at
# the start or end of a line marks a line of its own (an editor's note, a subhead, the end
# of a paragraph); inside a line it is just a gap.
_WIRE_CODE_LINE = re.compile(
    r"(?m)^[ \t]*(?:&(?:UR|LR|QL|QC|QR|HT|TF|MD);[ \t]*)+|(?:[ \t]*&(?:QL|QC|QR|HT|TF);)+[ \t]*$"
)
_WIRE_CODE = re.compile(r"&(?:UR|LR|QL|QC|QR|HT|TF|MD);")


def _wire_code_lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``_WIRE_CODE_LINE.finditer(text)``, searched for only in the lines that
    hold an "&".

    A match holds a code, which opens with "&", and stays inside one line ("^", "$" and the
    blanks around the codes match no line break); searched from a line's start to its end, the
    pattern sees the same line starts and ends as in the whole text. The search of the whole
    text tried both alternatives at every character (a third of normalise's time on wire copy).
    """
    spans: list[tuple[int, int]] = []
    at = text.find("&")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        spans += [match.span() for match in _WIRE_CODE_LINE.finditer(text, start, end)]
        at = text.find("&", end)
    return spans


_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_DROPPED_ELEMENT = re.compile(
    r"<(script|style|noscript|annotation|head|nav|footer|aside|figcaption)\b[^>]*>.*?</\1\s*>"
    r"|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_PARAGRAPH_TAG = re.compile(
    r"</?\s*(p|br|div|li|ul|ol|h\d|text|tr|td|th|table|blockquote|section|article|hr)\b[^>]*>",
    re.IGNORECASE,
)
_OTHER_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9_:-]*(\s[^<>]*)?/?>")
_NEWLINE_TOKEN = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
_TEX_QUOTES = re.compile(r"``|''")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NBSP = re.compile(r"[\u00a0\u2007\u2009\u202f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# any character that _INVISIBLE, _NBSP or _CONTROL changes: one scan decides whether to try them
_ODD_CHARACTER = re.compile(
    r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u2007\u2009\u202f\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_CARRIAGE_RETURN = re.compile(r"\r\n?")


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        try:
            code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            return chr(code) if code > 31 else " "
        except (ValueError, OverflowError):
            return " "
    known = html5.get(name + ";") or html5.get(name.lower() + ";")
    if known:
        return " " if known == "\xa0" else known
    if name.isupper() and len(name) <= 4:
        return " "  # an unknown SGML code such as &UR;: markup, not text
    return _NAMED_ENTITY_FALLBACK.get(name.lower(), match.group(0))


# --- Markdown -------------------------------------------------------------------------

_MD_FENCE = re.compile(r"(?ms)^[ \t]{0,3}(```|~~~).*?^[ \t]{0,3}\1[^\n]*$")
_MD_RULE = re.compile(r"(?m)^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_SETEXT = re.compile(r"(?m)^[ \t]{0,3}(=+|-+)[ \t]*$")
_MD_HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(?P<keep>[^\n]*?)(?:[ \t]+#+)?[ \t]*$")
_MD_QUOTE = re.compile(r"(?m)^[ \t]{0,3}(?:>[ \t]?)+")
_MD_BULLET = re.compile(r"(?m)^[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+(?=\S)")
_MD_TABLE_RULE = re.compile(
    r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$"
)
_MD_REF_DEF = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_MD_LINK = re.compile(r"\[(?P<keep>[^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_MD_AUTOLINK = re.compile(r"<(?P<keep>(?:https?|ftp|mailto):[^>\s]+)>")
_MD_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(?P<keep>.+?)(?<=\S)\1(?![\w*])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(?P<keep>[^*_\n]+?)(?<=\S)\1(?![\w*])")
_MD_STRIKE = re.compile(r"~~(?=\S)(?P<keep>.+?)(?<=\S)~~")
_MD_CODE = re.compile(r"`(?P<keep>[^`\n]+)`")
_MD_ESCAPE = re.compile(r"\\(?P<keep>[\\`*_{}\[\]()#+\-.!|>~])")


def strip_markdown(tracked: TrackedText) -> TrackedText:
    """Remove Markdown syntax (headings, emphasis, links, lists, code, tables), keep text."""
    tracked = tracked.sub(_MD_FENCE, "\n\n")
    tracked = tracked.sub(_MD_RULE, "\n\n")
    tracked = tracked.sub(_MD_TABLE_RULE, "")
    tracked = tracked.sub(_MD_SETEXT, "\n")
    tracked = tracked.sub(_MD_REF_DEF, "")
    tracked = tracked.keep(_MD_HEADING)
    tracked = tracked.sub(_MD_QUOTE, "")
    tracked = tracked.sub(_MD_BULLET, "")
    tracked = tracked.sub(_MD_IMAGE, "")
    tracked = tracked.keep(_MD_LINK)
    tracked = tracked.keep(_MD_AUTOLINK)
    tracked = tracked.keep(_MD_STRONG)
    tracked = tracked.keep(_MD_EMPHASIS)
    tracked = tracked.keep(_MD_STRIKE)
    tracked = tracked.keep(_MD_CODE)
    return tracked.keep(_MD_ESCAPE)


def normalise(text: str, markdown: bool = False) -> TrackedText:
    """Undo markup and wire-service conventions, keeping the offset map."""
    # Each rule is tried only when the character it needs is there (a tag needs "<", an
    # entity or wire code "&"): a substring test is far cheaper than a regex scan, and most
    # texts need few of these rules. No rule makes text that an earlier rule would change.
    tracked = TrackedText.of(text)
    if "\r" in text:
        tracked = tracked.sub(_CARRIAGE_RETURN, "\n")
    if markdown:
        tracked = strip_markdown(tracked)
    if "NEWLINE_CHAR" in tracked.text:
        tracked = tracked.sub(_NEWLINE_TOKEN, "\n\n")
    if "<" in tracked.text:
        tracked = tracked.sub(_DROPPED_ELEMENT, "\n\n")
        tracked = tracked.sub(_PARAGRAPH_TAG, "\n\n")
        tracked = tracked.sub(_OTHER_TAG, " ")
    if "&" in tracked.text:
        tracked = tracked.replace_spans(_wire_code_lines(tracked.text), "\n\n")
        tracked = tracked.sub(_WIRE_CODE, " ")
        tracked = tracked.sub(_ENTITY, _entity)
    if "``" in tracked.text or "''" in tracked.text:
        tracked = tracked.sub(_TEX_QUOTES, '"')
    if _ODD_CHARACTER.search(tracked.text):
        tracked = tracked.sub(_INVISIBLE, "")
        tracked = tracked.sub(_NBSP, " ")
        tracked = tracked.sub(_CONTROL, " ")
    return tracked


# --- paragraph-level noise ---------------------------------------------------------------

# Phrases of page furniture and wire-service notes. Each is phrased as the furniture says
# it ("Join our newsletter", not just "newsletter"), so that reporting which merely uses
# the word ("the newsletter said", "cell phone subscribers") is kept. Checked only on
# paragraphs of fewer than SHORT_PARAGRAPH_WORDS words (or on a parenthesised note of any length).
_BOILERPLATE_RULES = (  # (fragments, rule): every match of the rule contains a fragment
    (("newsletter",), r"(join|get|sign\ up\ for|subscribe\ to)\ (our|the|a)\ .{0,30}newsletter"),
    (("newsletter",), r"newsletter\ (sign|subscri)"),
    (("subscribe",), r"^\W*subscribe\b"),
    (("subscribe",), r"subscribe\ (now|today|to\ (our|the))"),
    (("signup", "sign up", "signin", "sign in", "logup", "log up", "login", "log in"), r"^\W*(sign|log)\ ?(up|in)\b"),
    (("sign up",), r"sign\ up\ (now|today|for\ (our|free))"),
    (("register now",), r"register\ now"),
    (("share this", "share on", "share via"), r"share\ (this\ (article|story|page)|on\ (facebook|twitter|x\b)|via)"),
    (("follow us",), r"follow\ us"),
    (("like us on",), r"like\ us\ on"),
    (("click here",), r"click\ here"),
    (("read more",), r"^\W*read\ more"),
    (("read more",), r"read\ more\W*$"),
    (("rights reserved",), r"all\ rights\ reserved"),
    (("copyright",), r"copyright\s*(\(c\)|©|\d{4})"),
    (("copyright",), r"^\W*copyright\b"),
    (("(c)",), r"\(c\)\ \d{4}"),
    (("©",), r"©"),
    (("video",), r"video\s*player"),
    (("playerclose",), r"playerclose"),
    ((), r"^\W*advertisement\W*$"),
    ((), r"^\s*ad\s*$"),
    (("polic",), r"^\W*(our\ )?(cookies?|privacy)\ polic"),
    (("terms of",), r"^\W*terms\ of\ (use|service)"),
    (("top stories",), r"^\W*top\ stories"),
    (("choice",), r"^\W*editor.?s\ choice"),
    (("most viewed", "most read", "most popular", "most shared"), r"^\W*most\ (viewed|read|popular|shared)\W*$"),
    (("xinhuanet",), r"explore\ xinhuanet"),
    (("related",), r"^\W*related\ (stories|articles|news|coverage|content)"),
    (("recommended for you",), r"recommended\ for\ you"),
    (("source",), r"^\s*source\s*:"),
    (("editor",), r"\|\s*editor\s*:"),
    (("photo", "image", "credit"), r"^\s*(photo|image|credit|file\ photo)\b.{0,60}$"),
    (("photo",), r"\((file\ )?photos?\b"),
    (("updated at",), r"updated\ at\ \d{4}-\d\d-\d\d"),
    (("latest news on",), r"latest\ news\ on"),
    (("breaking news",), r"read\ breaking\ news"),
    (("comment",), r"^\W*\d*\s*comments?\W*$"),
    (("ajustar",), r"ajustar\ comentario"),
    (("print this", "print article"), r"print\ (this|article)"),
    (("mail",), r"e-?mail\ this"),
    (("loading", "please wait"), r"^\s*(loading|please\ wait)\b"),
    (("javascript",), r"(enable|requires?)\ javascript"),
    (("javascript",), r"javascript\ is"),
    (("getty",), r"getty\ images"),
    (("reuters/",), r"reuters/\w+"),
    (("ap photo",), r"ap\ photo"),
    (("story can end",), r"story\ can\ end\ here"),
    (("optional",), r"optional\ (material|add|trim)"),
    (("end of story",), r"end\ of\ story"),
    ((), r"^\W*more\W*$"),
    (("for use by",), r"for\ use\ by\ (the\ )?clients"),
    (("service clients",), r"news\ service\ clients"),
    (("distributed by",), r"^\W*distributed\ by"),
    (("syndicate", "special features"), r"(times|news)\ (syndicate|special\ features)"),
    (("contributed to this",), r"contributed\ to\ this\ (report|story)"),
    # AP's sign-off, a paragraph of its own ("Nicole Winfield reported from Vatican City.",
    # "Ben Finley reported from Norfolk, Virginia.": Multi-News even half)
    (("reported from",), r"^\W*(?-i:[A-Z][\w.'’-]*)(\ (?-i:[A-Z][\w.'’-]*)){1,3}\ reported\ from\ (?-i:[A-Z][\w.'’-]*)(,?\ (?-i:[A-Z][\w.'’-]*)){0,3}\W*$"),
    (("writer",), r"\b(associated\ press|staff|science|special)\ writer\b"),
    (("graf",), r"\d+(st|nd|rd|th)\s+graf"),
    (("graf",), r"\bgraf\s+\d+"),
    (("pvs",), r"\bpvs\b"),
    (("writethru",), r"ld-writethru"),
    ((":",), r"^\W*eds?\s*:"),
    (("editor",), r"editor.?s\ note"),
    (("reached at",), r"can\ be\ reached\ at\ .{0,40}(\d{3}|@|\(at\))"),
    (("(at)",), r"\w\((at|AT)\)\w"),
    (("you can",), r"you\ can\ (reach|contact|e-?mail)\ (him|her|them)"),
    (("mail",), r"^\W*e-?mail\s*:"),
    (("columnist", "correspondent", "writer", "reporter", "editor"), r"^\W*([A-Z][\w.'-]*\ ){1,4}is\ (an?\ |the\ )?(\w+\ ){0,2} (columnist|correspondent|writer|reporter|editor)\ (for|at|with|of)\b"),
    (("web",), r"(visit|available)\ .{0,60}\bon\ the\ (world\ wide\ )?web"),
    (("web", "on the net"), r"^\W*on\ the\ (net|web)\s*:"),
    (("filed by",), r"story\ filed\ by"),
    (("filed by",), r"filed\ by\ cosmos"),
    (("nyt-",), r"^\W*nyt-\d"),
    (("nnnn",), r"\bnnnn\b"),
    ((), r"^\W*(nn|xxxx)\W*$"),
)  # fmt: skip


# The rules as one expression (what a paragraph of one word, which may hold no fragment, is
# tested against): "MORE", "Ad", "nn" alone are wire and page furniture.
@functools.cache
def _boilerplate() -> re.Pattern[str]:
    """``_BOILERPLATE``, compiled when a one-word paragraph first asks (2 ms at every import
    before, and most clusters have none)."""
    return re.compile(
        "|".join(f"(?:{rule})" for _, rule in _BOILERPLATE_RULES), re.IGNORECASE | re.VERBOSE
    )


def _is_boilerplate(text: str, lower: str, words: int, found: Sequence[int] | None = None) -> bool:
    """Whether a paragraph (also given lowercased, and its word count) matches ``_BOILERPLATE``
    (``found``: the rules ``_BOILERPLATE_TEST.scan`` found in it, where already scanned)."""
    if words <= 1:
        return bool(_boilerplate().search(text))
    if found is None:
        return _BOILERPLATE_TEST.search(text, lower)
    return _BOILERPLATE_TEST.tries(text, found)


# Notices long enough to pass for reporting, but worded so that no reporting says them: web
# archive crawl notes (frequent in crawled news corpora such as Multi-News), syndication terms.
@functools.cache
def _notice() -> re.Pattern[str]:
    """The notice pattern, compiled when a paragraph first holds one of its hints
    (``_NOTICE_HINTS``)."""
    return re.compile(
        r"""these\ crawls\ are\ part\ of\ an\ effort | fix\ all\ broken\ links\ on\ the\ web
        | no\ more\ 404 | donating\ their\ crawl\ data | wayback\ machine\ after\ an\ embargo
        | the\ seed\ for\ this\ crawl | archived\ pages\ will\ be\ put\ in\ place
        | this\ crawl\ was\ run\ at | warc\ files\ associated\ with\ this\ crawl
        | collection\ contains\ .{0,40}\ crawls | (data|files)\ (is|are)\ currently\ not\ publicly\ accessible
        | the\ seed(\ ?list)?\ for\ (this\ crawl|wide\d+) | slash\ pages\ from\ every\ domain
        | incoming\ inter-domain\ link | \bweb\ wide\ crawl | crawler\ configuration | these\ wide\ crawls
        | experimental\ crawl\ for\ us | this\ set\ of\ crawl\ data | crawl\ of\ outlinks
        | ^\W*what.s\ in\ the\ data\ set\W*$ | archive-it\ service\ of\ the\ internet\ archive
        | these\ web\ captures\ are | reach\ a\ page\ from\ a\ bookmark
        | ^\W*you.re\ almost\ there\W*$ | custom\ domain\ mapping | mapping\ a\ new\ custom\ domain
        | may\ not\ be\ published,?\ broadcast,?\ rewritten,?\ or\ redistributed
        | ^\W*(enlarge\ this\ image|toggle\ caption|story\ highlights|image\ copyright)\b""",
        re.IGNORECASE | re.VERBOSE,
    )


# What a whole "article" that is only a notice says, with the reason a warning gives for it:
# crawled corpora (Multi-News) hold archive notes and error pages in place of the article.
_NOTICE_KINDS = (
    ("a web-archive crawl notice", re.compile(
        r"crawl|wayback\ machine|warc\ files|archive-it|the\ seed\ for\ wide\d+", re.I | re.X)),
    ("a domain-mapping notice", re.compile(r"custom\ domain\ mapping", re.I | re.X)),
    ("a page-not-found notice", re.compile(
        r"page\ (you\ requested\ )?(could\ not|cannot|can.t)\ be\ found|page\ not\ found"
        r"|\b404\b", re.I | re.X)),
    ("a JavaScript notice", re.compile(r"javascript\ is\ disabled|enable\ javascript", re.I | re.X)),
    ("a Twitter location notice", re.compile(r"tweet\ with\ a\ location", re.I | re.X)),
    ("a sign-in or subscription prompt", re.compile(r"sign\ in|subscri|newsletter", re.I | re.X)),
)  # fmt: skip
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|gov|edu)\b", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d{12,}")
_PARENTHESISED = re.compile(r"^\s*\(.*\)\W*$", re.DOTALL)
_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:['’][^\W\d_]+)?")  # (one letter first: sre skips to it)
_TERMINAL = re.compile(r"""[.!?]["'”’)\]]*\s*$""")
_LINE_END = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")
_LINE_END_MARKS = (".", "!", "?", ":", ";")
_CLOSERS = "\"'”’)]"


def _ends_line(stripped: str) -> bool:
    """``_LINE_END.search`` for a text without whitespace at its ends, without a regex scan."""
    return stripped.rstrip(_CLOSERS).endswith(_LINE_END_MARKS)


_BYLINE = re.compile(
    r"""^\s*by\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w.'’-]*\s*){1,4})?
    (?:[,|/–—-]\s*[\w .'’-]{0,60})?$""",
    re.VERBOSE,
)
# Codes that wire editors appended to a story or a paragraph: "(MORE)", "enditem", "-30-".
_TRAILER = re.compile(
    r"""\s*(?:\(MORE\)|\bMORE|\benditem|\(END\)|\.?EOF|-30-|\#\#\#|\bNNNN|\bnn
    |\((?:[a-z]{1,4}[-/])*[a-z]{1,4}\)|(?<=[.!?"”'])\s*\((?:AP|AFP|Reuters|Xinhua|UPI)\))\s*$""",
    re.VERBOSE,
)
_TRAILER_LAST = frozenset(")EmF-#Nn")  # the last character of each alternative of _TRAILER

# "BEIRUT (AP) —", "DAMASCUS, Oct. 17 (Xinhua) --", "LONDON (AP) _", "WASHINGTON (Reuters) -"
_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Za-z .'\-]{1,40}?(?:,\s*[A-Z][A-Za-z.]{1,20}(?:\s+[A-Z][A-Za-z.]*){0,2})?)
    (?:\s*\([A-Z][A-Za-z .]{1,30}\)(?=,))?
    (?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?
    \s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?
    \s*(?:--|—|–|_|-|:)\s+""",
    re.VERBOSE,
)
# A match of _DATELINE ends on a separator and a space, and every character before that
# separator is one of _DATELINE_PREFIX (a word character, a space, ".'-,()&/"); so where the
# first separator followed by a space comes after a character of any other kind (a quotation
# mark, a "$", a ";"), or no such separator occurs, _DATELINE cannot match. These two scans
# without backtracking leave it to about one paragraph in eight of the dev sets (its lazy
# place, retried at each of 40 lengths, made it the slowest pattern of the clean stage).
_DATELINE_SEPARATOR = re.compile(r"[-—–_:]\s")
_DATELINE_PREFIX = re.compile(r"[\w\s.'\-,()&/]*")
# "Meadow Lake, Saskatchewan – The council ..." (a dateline in title case, dash-separated)
_TITLE_DATELINE = re.compile(
    r"""^\s*(?P<place>[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,3},\ [A-Z][a-z]+(?:\ [A-Z][a-z]+){0,2})
    \s+(?:--|—|–)\s+(?=[A-Z"“])""",
    re.VERBOSE,
)
# "Saturday, January 8, 2005" opening a WikiNews story (sometimes glued to the first word)
_LEADING_DATE = re.compile(
    r"""^\s*(?P<date>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+
    (?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+),?\s+\d{4})\s*""",
    re.VERBOSE,
)
# "WASHINGTON The Senate passed ...", "DUBAI A Bahraini court ...", "CLOSE The Dow ...": a place
# (or a player's button) in capitals whose separator the scraper lost, before a word that opens
# sentences (Multi-News validation, even ids). Only the first paragraph is tested.
_BARE_DATELINE = re.compile(
    r"""^\s*(?P<place>[A-Z]{3,}(?:\ [A-Z]{2,}){0,2})\ (?=(?:The|A|An|He|She|It|They|We|His|Her|Its
    |Their|This|That|These|Those|There|In|On|At|After|When|While|Police|Officials|Authorities)\ )""",
    re.VERBOSE,
)
_BULLET = re.compile(r"^\s*(?:[*•·▪◦●_-]|--|\d{1,2}[.)])\s+(?=\S)")
_BULLET_FIRST = frozenset("*•·▪◦●_-")  # (or a digit) where _BULLET can match
# "*BCS FUTURE:* The Bowl Championship ...": a run-in subhead in capitals.
_LABEL = re.compile(r"^\s*\*[A-Z0-9][A-Z0-9 .,'&/-]{2,40}:\*\s+(?=[A-Z0-9\"“])")
# ... and one without the stars, a phrase of four words or more in capitals, one of them a
# function word, before a sentence in mixed case: "PERSONALIZATION IS ON THE RISE, INCLUDING
# CHANGES IN VENUES: Couples are showing their unique style ...", "USING SMARTPHONES FOR
# PLANNING: Couples are researching ..." (Multi-News even half 018, a list of trends). Not a
# transcript's speaker ("PRESIDENT OBAMA: Great to be here.", 144; "JOHN KING, CNN ANCHOR:"):
# two words, or a role among them; the speaker is the quotation's attribution.
_CAPS_LABEL = re.compile(
    r"^(?=(?:[A-Z0-9'’&/.-]+[ ,]+){3,}[A-Z0-9'’&/.-]+:)"
    r"(?=[^:]*\b(?:IS|ARE|WAS|MEANS|FOR|ON|IN|TO|THE|AND|OF|WITH)\b)"
    r"(?![^:]*\b(?:ANCHOR|HOST|CORRESPONDENT|REPORTER|PRESIDENT|SENATOR|SEN|REP|GOV|SECRETARY|"
    r"CHAIRMAN|DIRECTOR|MINISTER|SPOKESMAN|SPOKESWOMAN|CANDIDATE|MODERATOR|CHIEF)\b)"
    r"[A-Z0-9][A-Z0-9 ,'’&/.-]{10,100}:\s+(?=[\"“]?[A-Z][a-z])"
)


# Sentences of page furniture that web pages put inside body paragraphs: player and caption
# lines, photo credits, newsletter and subscription prompts, social and contact lines, comment
# and update notes, tweet embeds. Found in Multi-News validation (the clusters whose id hashes
# even): each alternative is worded as the furniture words it, so reporting that mentions a
# newsletter, a photo or a comment is kept (DUC/TAC: see tests/test_clean.py).
# ("Editor's Picks Pierre Thomas, who had just been out with Will Smith, still in ...": ESPN's
# list of its other stories, each a headline glued to its teaser, Multi-News even half)
_FURNITURE_START = re.compile(  # at the start of the sentence only (tried with ``match``)
    r"""\W*(?: story\ highlights | (photos?|images?|pictures?|video|caption|credit|gallery)\s*:
    | caption\b | \(\s*(ap\ |file\ |reuters\ )?(photos?|image|credit)\b
    | \([^()]{0,80}/[^()]{0,80}\)\W*$ | advertisement\b | updated\ (at|on)\b
    | (last\ )?updated\W*: | sign\ in\b | learn\ more\W*$ | more\ from\b
    | (related|read\ more|see\ also)\W*: | copyright\b | in\ this\ .{0,40}\d{4},?\ (file\ )?photo
    | (this|a)\ (file\ )?photo\ (released|provided) | file\ photo\ of | sign\ up\b | to\ sign\ up
    | \(?published\ [\w ,.]{0,30}\d{4}\)?\W*$ | \(courtesy\ of\ [^()]*\)\W*$
    | \[[^\]]*\b(photos?|video|related)\b[^\]]*\]\W*$ | related\ \w+\s*: | follow\ (me|us)\b
    | in\ this\ (file\ |handout\ |undated\ )?(photo|image|picture)\ (provided|released|taken|made|obtained|posted)\b
    | buy\ photo\b | file\ [-–—]\ | (photo|image|picture)\ (from|via|courtesy\ of)\ [^.]{0,60}\.?$
    | (?-i:[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3})\ ?/\ ?(?:AP|AFP|Reuters|Getty\ Images|EPA|Bloomberg)\b )
    | editor.?s\ picks\b
    | \s*\|""",
    re.IGNORECASE | re.VERBOSE,
)
_FURNITURE_RULES = (  # (fragments, rule): anywhere in the sentence
    (("media playback",), r"media\ playback\ is\ unsupported"),
    (("media caption",), r"\bmedia\ caption\b"),
    (("image ",), r"\bimage\ (copyright|caption|source)\b"),
    (("hide caption",), r"\bhide\ caption\b"),
    (("enlarge this",), r"\benlarge\ this\ image"),
    (("toggle caption",), r"toggle\ caption"),
    ((" photo",), r"\(\s*(ap|afp|reuters)\ photo\b"),
    (("getty",), r"getty\ images"),
    (("getty",), r"/\s*getty\b"),
    (("(associated press)",), r"\(associated\ press\)\W*$"),
    (("advertisement", "photos"), r"\b\d+\ of\ \d+\ (advertisement|photos)\b"),
    (("signing up",), r"by\ signing\ up"),
    (("sign up",), r"sign\ up\ (here|now|today|for\ (our|free))"),
    (("sign up",), r"sign\ up\ for\ .{0,40}(newsletter|alerts)"),
    (("sign up", "subscrib"), r"(sign\ up|subscribe)\ (for|to)\ .{0,40}newsletter"),
    (("newsletter",), r"email\ newsletter"),
    (("newsletter",), r"newsletter\ sign"),
    (("unsubscribe",), r"you\ can\ unsubscribe"),
    (("subscrib",), r"thank\ you\ for\ subscribing"),
    (("subscrib",), r"already\ a\ subscriber"),
    (("subscrib",), r"consider\ subscribing"),
    (("subscrib",), r"subscribe\ (now|today|here)"),
    (("newsletter",), r"select\ a\ newsletter"),
    (("your inbox",), r"(delivered|directly|straight|right)\ (to|in)\ your\ inbox"),
    (("your inbox",), r"in\ your\ inbox\W*$"),
    (("daily news",), r"get\ daily\ news\ updates"),
    (("mailing list",), r"mailing\ list"),
    (("robot",), r"not\ a\ robot"),
    (("journalism",), r"support\ our\ journalism"),
    (("click ",), r"click\ (here|below|on\ the\ link|to\ (enlarge|see|view|read|watch))"),
    (("click ",), r"\bclick\ here\b"),
    (("follow ",), r"follow\ (us|me|him|her|them)\ (on|at|@)"),
    (("follow ",), r"follow\ @\w"),
    (("twitter.com",), r"twitter\.com/\w"),
    (("twitter.com",), r"pic\.twitter\.com"),
    (("(@",), r"\(@\w+\)\ \w+\ \d{1,2},\ \d{4}"),
    (("us on ",), r"(like|join|find)\ us\ on\ (facebook|twitter)"),
    (("reached at",), r"can\ be\ reached\ at"),
    (("you can ",), r"you\ can\ (reach|contact|e-?mail)\ (him|her|them|me|us)"),
    (("call ", "contact", "mail"), r"(call|contact|e-?mail)\ .{0,60}\ at\ .{0,40}(\d{3}.\d{4}|@)"),
    (("closed",), r"comments?\ .{0,20}(are|is)\ (now\ )?closed"),
    (("the comments",), r"(tell|let)\ us\ (know\ )?in\ the\ comments"),
    (("the comments",), r"in\ the\ comments\W*$"),
    (("conversation",), r"join\ the\ conversation"),
    (("share your",), r"share\ your\ (comments|thoughts)"),
    (("leave a comment",), r"leave\ a\ comment"),
    (("continued below",), r"story\ continued\ below"),
    (("continue reading",), r"continue\ reading\ the\ main\ story"),
    (("updated", "corrected"), r"(article|story|post)\ (has\ been|was)\ (updated|corrected)"),
    (("posted by",), r"[-|]\s*posted\ by\b"),
    (("submitting",), r"by\ submitting\ your"),
    (("agree to",), r"agree\ to\ (our|the)\ (terms|privacy)"),
    (("confirmation",), r"confirmation\ e-?mail"),
    (("check your",), r"please\ check\ your\ e-?mail"),
    (("have an account",), r"already\ have\ an\ account"),
    (("add to this story",), r"want\ to\ add\ to\ this\ story"),
    (("ideas for stories",), r"share\ ideas\ for\ stories"),
    (("on sale now",), r"is\ on\ sale\ now"),
    (("newsstands",), r"on\ newsstands"),
    (("pick up",), r"pick\ up\ (a|your)\ copy"),
    (("tweet",), r"tweet\ with\ a\ location"),
    (("tweet",), r"location\ information\ to\ your\ tweets"),
    (("tweet",), r"tweet\ location\ history"),
    (("page not found",), r"page\ not\ found"),
    (("be found",), r"page\ (you\ requested\ )?(could\ not|cannot|can.t)\ be\ found"),
    (("javascript",), r"javascript"),
    (("cookies",), r"(use|accept|enable)\ cookies"),
    (("cookies",), r"uses\ cookies"),
    (("licensing",), r"for\ any\ licensing\ requests"),
    (("rights reserved",), r"all\ rights\ reserved"),
    (("(c)",), r"\(c\)\ \d{4}"),
    (("©",), r"©"),
    (("newline_char",), r"\bnewline_char\b"),
    (("photograph provided",), r"in\ this\ (file\ )?photograph\ provided"),
    (("shown in this",), r"shown\ in\ this\ .{0,30}\ photo\W*$"),
    (("newsletter",), r"view\ all\ .{0,40}newsletters"),
    (("skip in",), r"skip\ in\ skip"),
    (("embed x",), r"embed\ x\ share"),
    (("final form",), r"may\ not\ be\ in\ its\ final\ form"),
    (("press materials",), r"selected\ from\ press\ materials"),
    # captions and credits of web photos, promos for a video on the page (Multi-News, even ids)
    (("file photo", "file image"), r"\bin\ (a|this)\ (.{0,30}\ )?file\ (photo|image)\W*$"),
    (("reuters/",), r"reuters/(?-i:[A-Z][\w'’-]*)(\ (?-i:[A-Z][\w'’-]*)){0,2}\W*$"),
    (("(associated press) file",), r"\(associated\ press\)\ file\b"),
    (("above", "below"), r"\b(clip|video|videos|footage|interview|segment|trailer)\ (above|below)\W*$"),
    # a broadcaster's promos and a newsroom's error page inside the text (Multi-News, even ids)
    (("weeknights", "weekdays"), r"\b(weeknights|weekdays)\ at\ \d{1,2}(:\d\d)?\ ?([ap]\.?m\b|et\b|pt\b)"),
    (("stream live tv", "watch full seasons"), r"stream\ live\ tv|watch\ full\ seasons"),
    # a channel's description under its video ("The Late Show with Stephen Colbert is the
    # premier late night talk show on CBS, airing at 11:35pm EST, ...")
    (("airing at",), r"\bairing\ at\ \d{1,2}(:\d\d)?\ ?([ap]\.?m\b|et\b|pt\b)"),
    (("viewers can expect",), r"\bviewers\ can\ expect\b"),
    (("also find",), r"you.?ll\ also\ find\ .{0,60}\b(videos|exclusives|photos|clips)\b"),
    (("if you are",), r"if\ you\ are\ (trying\ to\ reach\ a\ page|looking\ for\ an\ older\ (news\ )?story)"),
    (("archives of stories",), r"free\ archives\ of\ stories"),
    (("reach out directly",), r"please\ reach\ out\ directly\ if\ you\ have\ any\ questions"),
    # a photo's caption: a name, an action in the present tense, the day it was taken
    # ("Russian President Vladimir Putin takes part in a friendly hockey match at The Bolshoy
    # Ice Dome in Sochi, Russia, on Saturday.", Multi-News even half; a report tells the day's
    # action in the past: "Egyptian President Hosni Mubarak flew to Damascus on Sunday ...");
    # only a picture's verbs, not a schedule's ("Pope Francis arrives in Brazil on Monday.")
    (("on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday"),
     r"^(?-i:[A-Z][\w.'’-]*)(\ (?-i:[A-Z][\w.'’-]*)){0,5}\ (gestures|looks\ on|waves|poses|takes\ part|listens|reacts|greets|shakes\ hands|smiles|celebrates|prays|watches|kneels|hugs)\b[^\x22“”]*\bon\ (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W*$"),
    (("seen", "pictured", "shown", "greeted"),
     r"\b(is|are)\ (seen|pictured|shown|greeted)\b.*,\ (January|February|March|April|May|June|July|August|September|October|November|December)\ \d{1,2},\ \d{4}\W*$"),
)  # fmt: skip
_FURNITURE_TEST = _Rules(_FURNITURE_RULES, re.IGNORECASE | re.VERBOSE)
# A live-blog time stamp opening a paragraph or sentence: "11:24 A.M. Five mortar shells ...",
# "7.57 pm." (alone, the whole sentence is the stamp), "Published on Dec 29, 2016", "Updated |".
_TIMESTAMP = re.compile(
    r"""^\s*(?:
      \d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\b\.?)(?:\s*(?:(?-i:[A-Z]{2,4}T)|GMT|UTC|local\ time)\b)?\s*[:,-]?
    | \d{1,2}:\d{2}\b\s*(?:(?-i:[A-Z]{2,4}T)|GMT|UTC)?\s*[:,-]?(?=\s+(?-i:[A-Z]))
    | (?:published|posted|uploaded)\ on\ [A-Z][a-z]{2,8}\.?\ \d{1,2},\ \d{4}
    | updated\s*\|
    )\s*(?:(?:_|--|—|–)\s+)?""",
    re.IGNORECASE | re.VERBOSE,
)
# A teaser cut off by the page: "... the footprint of a ..." (an ellipsis after a word that
# cannot end a sentence, outside a quotation: a speaker trailing off is kept).
_CUT_TEASER = re.compile(
    r"""^[^"“”]*\b(?:a|an|the|of|to|and|for|with|his|her|its|their|by|from)\s*(?:\.\.\.|…)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

MIN_LEFT_WORDS = 4
"""A dateline or time stamp is cut off a paragraph only when at least this many words are
left: what is shorter is a heading or a caption, not reporting (a rule of the first release,
kept; no figure was recorded for it)."""


def _enough_left(rest: TrackedText) -> bool:
    return len(rest.text.split()) >= MIN_LEFT_WORDS


def strip_timestamp(passage: TrackedText) -> TrackedText:
    """Drop a live-blog time stamp opening a paragraph ("11:24 A.M. Five mortar shells ..."),
    unless fewer than MIN_LEFT_WORDS words would be left."""
    cut = timestamp_end(passage.text)
    return passage.slice(cut, len(passage.text)) if cut else passage


# Besides a digit, what a _TIMESTAMP match opens with after its spaces ("published on",
# "posted on", "uploaded on", "updated |"; IGNORECASE matches no other character to p or u)
_TIMESTAMP_LETTERS = frozenset("pPuU")


def _timestamp(text: str) -> re.Match[str] | None:
    """``_TIMESTAMP.match(text)``, tried only where the first character after the leading
    spaces (``\\s`` is ``str.isspace``, ``\\d`` ``str.isdecimal``) can open a stamp: most
    sentences open with a capital that cannot."""
    first = text.lstrip()[:1]
    if first and not first.isdecimal() and first not in _TIMESTAMP_LETTERS:
        return None
    return _TIMESTAMP.match(text)


def timestamp_end(text: str) -> int:
    """Where the text after a live-blog time stamp opening ``text`` starts (0: no stamp, or
    fewer than MIN_LEFT_WORDS words after it)."""
    match = _timestamp(text)
    if not match or not match.group(0).strip():
        return 0
    return match.end() if len(text[match.end() :].split()) >= MIN_LEFT_WORDS else 0


# A list item's mark left opening a sentence, where a paragraph ran several items on: AP's "_"
# ("... at the Space Telescope Science Institute in Baltimore. _ Eric J. Chaisson, ..."), the
# Los Angeles Times' "(check)" and "(box)" ("... being Thomas' confirmation.;   (check) A
# television ad supporting Thomas ...", DUC 2002: the archive joins its paragraphs with ";").
_LIST_MARK = re.compile(r"""(?:_|\((?:check|box)\))\s+(?=["“]?[A-Z0-9])""")


def list_mark_end(text: str) -> int:
    """Where the text after a list item's mark opening ``text`` starts (0: none)."""
    if text[:1] not in "_(":
        return 0
    match = _LIST_MARK.match(text)
    return match.end() if match else 0


def is_furniture(sentence: str, hinted: bool = True) -> bool:
    """True for a sentence that is page furniture (a caption, promo, prompt, credit, embed).

    A sentence that is nothing but a time stamp, or has no word at all, counts too. ``hinted``
    False: the sentence is known to hold none of the fragments of ``_FURNITURE_RULES``.
    """
    text = sentence.strip()
    if not _WORD.search(text):
        return True
    match = _timestamp(text)
    if match and not _WORD.search(text[match.end() :]):
        return True
    if text.endswith(("...", "…")) and _CUT_TEASER.search(text):
        return True
    if _FURNITURE_START.match(text):
        return True
    return hinted and _FURNITURE_TEST.search(text, text.lower())


# Where a paragraph of web text is cut into rough sentences to test each for furniture (the
# split stage cuts precisely; this is only to drop paragraphs that are furniture throughout).
# The cut is group 1, after the stop: the pattern opens with the stop itself, not with a
# lookbehind for it, so that the search skips to a stop in C (four times as fast on dev-set
# paragraphs as the lookahead-and-lookbehind form, which matched the same cuts).
_ROUGH_SENTENCE_END = re.compile(r"""[.!?](["'”’)]*\s+)(?=["“‘(]?[A-Z0-9])""")


def _rough_sentences(paragraph: str) -> Iterator[str]:
    start = 0
    for match in _ROUGH_SENTENCE_END.finditer(paragraph):
        yield paragraph[start : match.start(1)]
        start = match.end()
    yield paragraph[start:]


def is_furniture_paragraph(paragraph: str, hinted: bool = True) -> bool:
    """Every rough sentence of the paragraph is furniture (found out at the first that is not);
    ``hinted`` as for ``is_furniture``, of the whole paragraph."""
    return all(is_furniture(part, hinted) for part in _rough_sentences(paragraph) if part)


# ``_WORD`` on ASCII text (where "’" cannot occur and the letters are A-Z, a-z): the same
# words, found faster than through the negated Unicode class (about 1.5x on dev-set paragraphs)
_ASCII_WORD = re.compile(
    r"[A-Za-z][A-Za-z]*(?:'[A-Za-z]+)?"
)  # (opens on one letter: sre skips to it)


def _words(text: str) -> list[str]:
    return _ASCII_WORD.findall(text) if text.isascii() else _WORD.findall(text)


# Every byte but an ASCII letter: what ``bytes.translate`` deletes to leave a text's letters
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha()) + bytes(range(128, 256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _letters(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``).

    An ASCII character is a letter exactly when it is one of A-Z, a-z: those are counted in C
    (the text's ASCII bytes less every other byte), and only the other characters one by one.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTER))
    ascii_letters = text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER)
    return len(ascii_letters) + sum(map(str.isalpha, _NON_ASCII.findall(text)))


SHORT_PARAGRAPH_WORDS = 25
"""Boilerplate is looked for only in a paragraph of fewer words than this (or a parenthesised
note): longer ones are reporting (a rule of the first release, kept; no figure recorded)."""
# At least SHORT_PARAGRAPH_WORDS words, as _words finds them: each repetition skips what is no
# letter, then takes one word whole (possessive: it cannot split a word to make up the count)
_SHORT_WORDS_ASCII = re.compile(
    rf"(?:[^A-Za-z]*+[A-Za-z]++(?:'[A-Za-z]++)?+){{{SHORT_PARAGRAPH_WORDS}}}"
)
_SHORT_WORDS = re.compile(
    rf"(?:[\W\d_]*+[^\W\d_]++(?:['’][^\W\d_]++)?+){{{SHORT_PARAGRAPH_WORDS}}}"
)


def _capped_word_count(text: str) -> int:
    """``min(len(_words(text)), SHORT_PARAGRAPH_WORDS)``: a long paragraph's words are not
    listed, only counted up to the cap by one match (about 4x faster than listing them)."""
    ascii = text.isascii()
    if (_SHORT_WORDS_ASCII if ascii else _SHORT_WORDS).match(text):
        return SHORT_PARAGRAPH_WORDS
    return len(_ASCII_WORD.findall(text) if ascii else _WORD.findall(text))


# Literal fragments, at least one of which (lowercased) every match of ``_notice()`` or
# ``_URL`` contains: a substring test is far cheaper than a case-insensitive alternation.
_NOTICE_HINTS = (
    "crawl", "broken links", "404", "wayback", "archived pages", "redistributed",
    "enlarge", "toggle", "highlights", "copyright", "publicly accessible",
    "seed", "slash pages", "inter-domain", "data set", "archive-it", "web captures", "bookmark",
    "almost there", "custom domain",
)  # fmt: skip
_URL_HINTS = ("http", "www.", ".com", ".org", ".net", ".gov", ".edu")
# The boilerplate rules' fragments and both sets of hints, found in one pass over a paragraph
# (``scan``): three passes before, each about as slow as the one (Aho-Corasick's time grows
# with its fragments less than with the text's characters)
# The fragments of the furniture rules too: a kept paragraph that holds none of them needs
# no search of its sentences for them (``_noise``, ``clean_article``); what a paragraph holds
# none of, each stretch of it holds none of (lowercasing maps a character alike wherever it
# stands, but for the Greek capital sigma, whose lowercase forms no fragment holds).
_FURNITURE_FRAGMENTS = tuple(
    dict.fromkeys(f for fragments, _ in _FURNITURE_RULES for f in fragments)
)
_BOILERPLATE_TEST = _Rules(
    _BOILERPLATE_RULES,
    re.IGNORECASE | re.VERBOSE,
    hints=(_NOTICE_HINTS, _URL_HINTS, _FURNITURE_FRAGMENTS),
)
# the bits of the hints in ``_BOILERPLATE_TEST.scan``
_NOTICE_HINTED, _URL_HINTED, _FURNITURE_HINTED = 1, 2, 4


def is_noise(paragraph: str) -> bool:
    """True for a paragraph that is page furniture rather than reporting."""
    return _noise(paragraph)[0]


def _noise(paragraph: str) -> tuple[bool, bool]:
    """``is_noise``, and whether the paragraph may hold a fragment of ``_FURNITURE_RULES``
    (False only where it is not noise and its scan found none)."""
    text = paragraph.strip()
    if not text:
        return True, True
    count = _capped_word_count(text)  # the words, exact below SHORT_PARAGRAPH_WORDS
    if not count:
        return True, True
    # Cheap tests first; every test is independent, so their order does not change the answer.
    # navigation blocks: short lines in capitals ("TOP STORIES", "WORLD NEWS")
    if count <= 6 and text.isupper():
        return True, True
    # navigation bars and tables: "Home | World | Sports", "| 2017 | 3,250 |"
    bars = text.count("|")
    if bars >= 2 and _word_count(text, count) / (bars + 1) < 8:
        return True, True
    if _letters(text) / max(len(text), 1) < 0.5:
        return True, True
    if count < 12 and _DIGIT_RUN.search(text):
        return True, True
    if _BYLINE.match(text) and not _TERMINAL.search(text):
        return True, True
    lower = text.lower()
    found, hinted = _BOILERPLATE_TEST.scan(lower)
    if (count < SHORT_PARAGRAPH_WORDS or _PARENTHESISED.match(text)) and _is_boilerplate(
        text, lower, count, found
    ):
        return True, True  # an author's note in parentheses can be long
    if hinted & _NOTICE_HINTED and _notice().search(text):
        return True, True
    # links with little else: "Schulz tribute strips: www.snoopy.com"
    if hinted & _URL_HINTED:
        urls = _URL.findall(text)
        if urls and _word_count(text, count) - sum(len(_words(u)) for u in urls) < 8:
            return True, True
    if _widget(text):
        return True, True
    return False, bool(hinted & _FURNITURE_HINTED)


# A video's card: its title or caption, then its running time in brackets: "ESPN legal analyst
# Ryan Smith details the surveillance video which appears to show ... before Smith was fatally
# shot. (3:31)", "Wedding costs soar to new highs (3:40) As Americans feel better about the
# economy, ..." (Multi-News even half 032 and 018, the first in a summary). On the tune sets'
# articles (Multi-News even half, DUC 2003, TAC 2011) it finds these two alone. The time ends
# the paragraph or a capital opens the caption after it, and no clock's "a.m."/"pm" is before
# it: "Kickoff is at 7 p.m. (19:00) local time." is reporting. (It opens on the bracket, so
# that a search skips to one.)
_VIDEO_LENGTH = re.compile(
    r"\((?<=[\w.!?\"”] \()(?<![ap]\.m\. \()(?<![\d ][ap]m \()"
    r"\d{1,2}:[0-5]\d\)(?=\s*$|\s+[A-Z])"
)
# A photo's caption closed by its credit, the photographer or agency and a slash after the last
# stop: "New surveillance video shows a vehicle matching the description of Smith's Mercedes
# bumping a Hummer, ... Mike Triplett/ESPN" (even half 032, in a summary), "... the correct
# spelling. AP Photo/David Zalubowski", "... on September 20, 2005. Michael Nagle/Getty Images",
# "..., May 24, 2000. REUTERS/Stringer": the four such paragraph ends of the tune sets' articles,
# each a caption. The stop ends no short capitalised abbreviation ("St.", "U.S."): "... Dallas and
# St. Louis/Kansas City", "... the U.S. Army/Navy" are reporting.
_CREDIT_CLOSES = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])"
    r"[.!?][\"”’]?\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+\s?/\s?[A-Z][\w.&-]*"
    r"(?:\s[A-Z][\w.&-]*){0,2}\s*$"
)
CREDIT_REACH = 120  # characters at a paragraph's end searched for the credit (4 names, 3 words)
# A local station's weather box: "STORMY MORNING Wednesday (59/53) Clouds/Showers Thursday (57/48)
# ... Many of us woke to the sound of thunder this a.m. ... Friday into the weekend begins a milder
# and drier stretch." (even half 016, the last line in a summary): days with their high and low.
_FORECAST_DAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \(\d{1,3}/\d{1,3}\)")
# Words the page broke in two, a letter left alone after them: "... from cheetahs to wildebeest
# s, ...", "so many facts and interestin g informatio n." (a TripAdvisor review of even half 109,
# whose "he was extremely knowledgab le" was in a summary). Not "v" ("Plessy v. Ferguson") nor
# "x" ("Embed x Share"); on the tune sets' articles one paragraph has two or more, that review.
# A lone "t", "u" or "y" never counts, nor an "s" or "n" before a space: they are words whose
# apostrophe was lost ("the firm s debt", "didn t"), Spanish "y", text-speak ("went home n watched").
# (It opens on the space before the letter, so that a search skips from space to space: the
# same matches, counted, at a third of the time of opening on the letter.)
_BROKEN_WORD = re.compile(r" (?<=[a-z]{4} )(?:[b-hj-mo-rwz](?=[ ,.;:])|[ns](?=[,.;:]))")
BROKEN_WORDS = 2  # broken words that make a paragraph garbled (the review has 3; others 0 or 1)


def _widget(text: str) -> bool:
    """The paragraph is a video's card (``_VIDEO_LENGTH``), a photo caption closed by its credit
    (``_CREDIT_CLOSES``), a weather box (two days of ``_FORECAST_DAY``) or text whose words the
    page broke (``BROKEN_WORDS`` of ``_BROKEN_WORD``)."""
    if "(" in text and _VIDEO_LENGTH.search(text):
        return True
    if "/" in text[-CREDIT_REACH:] and _CREDIT_CLOSES.search(
        text, max(0, len(text) - CREDIT_REACH)
    ):
        return True
    if "day (" in text and len(_FORECAST_DAY.findall(text)) >= 2:
        return True
    broken = itertools.islice(_BROKEN_WORD.finditer(text), BROKEN_WORDS)
    return sum(1 for _ in broken) >= BROKEN_WORDS


def _word_count(text: str, capped: int) -> int:
    """``len(_words(text))``, given its ``_capped_word_count``."""
    return capped if capped < SHORT_PARAGRAPH_WORDS else len(_words(text))


def is_heading(paragraph: str) -> bool:
    """A short line without final punctuation: a headline, subhead, caption or list stub."""
    text = paragraph.strip()
    return not _ends_line(text) and len(text.split()) <= 20


_AGENCY_TAG = re.compile(
    r"^\s*\((?P<agency>CNN|AP|AFP|Reuters|Xinhua|UPI|Bloomberg|AAP|dpa|PTI|IANS)\)\s*(?:[-—–_]+|:)?\s+"
)


def _may_open_dateline(text: str) -> bool:
    """False where ``_DATELINE`` cannot match ``text`` (see ``_DATELINE_SEPARATOR``)."""
    separator = _DATELINE_SEPARATOR.search(text)
    if separator is None:
        return False
    return _DATELINE_PREFIX.fullmatch(text, 0, separator.start()) is not None


def strip_dateline(passage: TrackedText) -> tuple[TrackedText, str | None]:
    """Remove a leading dateline and return it, so sentences read as plain reporting."""
    first = passage.text.lstrip()[:1]
    if first != "(" and not "A" <= first <= "Z":
        return passage, None  # both patterns open with "(" or a capital (after whitespace)
    tag = _AGENCY_TAG.match(passage.text)
    if tag:
        rest = passage.slice(tag.end(), len(passage.text)).strip()
        if _enough_left(rest) and rest.text[:1].isupper():
            return rest, tag.group("agency")
    match = _DATELINE.match(passage.text) if _may_open_dateline(passage.text) else None
    if match:
        town = match.group("place").split(",")[0].split()
        # A marker that this really is a dateline: an all-caps place ("THE HAGUE _"), or a
        # capitalised one before an agency tag ("Nairobi, February 9 (Xinhua) --").
        agency = match.group("agency")
        caps = all(w.isupper() for w in town) and len("".join(town)) > 1
        named = all(w[0].isupper() for w in town) and town[0].lower() not in {"a", "an", "the"}
        real = (caps and (agency or not match.group(0).rstrip().endswith(":"))) or (
            agency and named and len(town) <= 4
        )
        rest = passage.slice(match.end(), len(passage.text)).strip()
        if real and _enough_left(rest) and not rest.text[:1].islower():
            return rest, match.group(0).strip(" -—–_:")
    return passage, None


def _strip_bare_dateline(passage: TrackedText) -> tuple[TrackedText, str | None]:
    match = _BARE_DATELINE.match(passage.text)
    if not match:
        return passage, None
    rest = passage.slice(match.end(), len(passage.text))
    return (rest, match.group("place")) if _enough_left(rest) else (passage, None)


def _strip_title_dateline(passage: TrackedText) -> tuple[TrackedText, str | None]:
    match = _TITLE_DATELINE.match(passage.text) or _LEADING_DATE.match(passage.text)
    if not match:
        return passage, None
    rest = passage.slice(match.end(), len(passage.text)).strip()
    if not _enough_left(rest):
        return passage, None
    return rest, match.group(0).strip(" -—–_:")


def strip_trailer(passage: TrackedText) -> TrackedText:
    """Drop end-of-story codes ("(MORE)", "enditem", "(ms-aet)") from a paragraph's end."""
    while True:
        # Every trailer ends in one of _TRAILER_LAST (then only whitespace): test that first.
        if passage.text.rstrip()[-1:] not in _TRAILER_LAST:
            return passage
        # Trailers are short: look only at the end (the pattern is anchored there anyway).
        match = _TRAILER.search(passage.text, max(0, len(passage.text) - 60))
        if not match or match.start() == 0:
            return passage
        passage = passage.slice(0, match.start()).strip()


# --- paragraphs ------------------------------------------------------------------------

_INDENTED_LINE = re.compile(r"\n(?=[\t]| {3,})")
# Whitespace to collapse: a single space is already fine, and skipping it keeps this fast.
_SPACES = re.compile(r"[ \t\n]{2,}|[\t\n]")


def _wrap_width(stripped: Sequence[str]) -> int | None:
    """The column a hard-wrapped text (wire copy) is wrapped at, or None if not wrapped.

    ``stripped``: the text's lines, each stripped. In hard-wrapped text a single line break is
    a space; elsewhere (web text, one paragraph per line) it ends a paragraph.
    """
    lengths = [len(line) for line in stripped if line]
    if len(lengths) < 4:
        return None
    longest = sorted(lengths)[int(len(lengths) * 0.9)]
    if longest > 100 or statistics.median(lengths) < 30:
        return None
    return longest


def _is_paragraph_break(line: str, following: str, width: int | None) -> bool:
    """Whether a single line break between two lines ends a paragraph."""
    if not line or not following:
        return True
    if following[0].islower() and not _ends_line(line):
        return False  # the sentence runs on
    if width is None:
        return True  # one paragraph per line
    return len(line) < 0.6 * width and _ends_line(line)


def _collapse_spaces(piece: TrackedText) -> TrackedText:
    """``piece.sub(_SPACES, " ")`` for a paragraph with whitespace to collapse.

    A hard-wrapped paragraph (wire copy) mostly has only lone line breaks: no tab and no two
    whitespace characters side by side. Then each match is one line break, replaced by one
    space at its own index, so the offsets stay as they are and ``str.replace`` gives the text
    (the regular expression's scan was half of ``paragraphs``' time on DUC 2003 task 2).
    """
    text = piece.text
    if "\t" in text or "  " in text or "\n\n" in text or " \n" in text or "\n " in text:
        return piece.sub(_SPACES, " ")
    return TrackedText(text.replace("\n", " "), piece.offsets)


def paragraphs(tracked: TrackedText) -> list[TrackedText]:
    """Split on blank lines (and on indented lines, as in wire copy); unwrap each paragraph."""
    text = tracked.text
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    cuts = {0, len(text)}
    cuts.update(m.start() for m in _INDENTED_LINE.finditer(text))
    width = _wrap_width(stripped)
    at = -1  # where the line break after the current line is
    for line, raw, following in zip(stripped, lines, stripped[1:], strict=False):
        at += len(raw) + 1
        if _is_paragraph_break(line, following, width):
            cuts.add(at)
    result: list[TrackedText] = []
    offsets = tracked.offsets
    for start, end in itertools.pairwise(sorted(cuts)):
        raw = text[start:end]
        piece = raw.strip()
        if not piece:
            continue
        # stripping first, then collapsing the whitespace inside, gives the same text and
        # offsets as collapsing, then stripping (the runs at the ends are dropped either way)
        first = start + len(raw) - len(raw.lstrip())
        kept = TrackedText(piece, offsets[first : first + len(piece)])
        if "\n" in piece or "\t" in piece or "  " in piece:
            kept = _collapse_spaces(kept)
        result.append(kept)
    return result


# A headline printed twice before the story's first words, as local TV pages are scraped:
# "Hunting Park Fire Displaces 18 People Hunting Park Fire Displaces 18 People A fire has
# destroyed ..." (Multi-News validation, even ids): 4 to 30 words, mostly capitalised, twice.
_REPEATED_HEADLINE = re.compile(r"^((?:\S+ ){4,30}?)\1(?=\S)")


def strip_repeated_headline(para: TrackedText) -> TrackedText:
    """Cut a headline repeated twice off the paragraph it opens (see _REPEATED_HEADLINE)."""
    text = para.text
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or text.find(" " + first + " ", len(first), 400) < 0:
        return para  # the first word must come back soon: a cheap test before the regex
    match = _REPEATED_HEADLINE.match(text)
    if not match:
        return para
    words = match.group(1).split()
    capitalised = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    rest = para.slice(match.end(), len(text))
    if capitalised < 0.6 * len(words) or not _enough_left(rest):
        return para
    return rest


def _strip_bullet(para: TrackedText) -> TrackedText:
    """Drop a list bullet or a run-in label opening a paragraph (each needs its first mark)."""
    first = para.text.lstrip()[:1]
    if first in _BULLET_FIRST or first.isdigit():
        para = para.sub(_BULLET, "")
        first = para.text.lstrip()[:1]
    if first == "*":
        para = para.sub(_LABEL, "")
    elif first.isupper() and para.text[1:2].isupper() and ":" in para.text[:110]:
        para = para.sub(_CAPS_LABEL, "")
    return para.strip()


# A photo's caption run into the paragraph under it, closed by the agency's credit in brackets
# and with no stop of its own: "There have been widespread reports that Libyan soldiers have
# used live ammunition on protesters [Reuters] Libyan leader Muammar Gaddafi has appeared on
# state television ..." (Multi-News even half 176, an Al Jazeera page): caption and credit go.
_CREDITED_CAPTION = re.compile(
    r"""^[^.!?\[\]\n]{10,300}?\s\[(?:Reuters|AP|AFP|EPA|Getty(?:\ Images)?|Al\ Jazeera)\]\s+"""
    r"""(?=["“]?[A-Z])"""
)
# A photo's caption that opens the page, then the photographer's credit after a bar and the
# headline: "Senate Minority Leader Chuck Schumer and Majority Leader Mitch McConnell walk to the
# Senate floor Wednesday. | John Shinkle/POLITICO Congressional leaders reach budget deal ...",
# "Congressman Bob Goodlatte's son made the surprise announcement on Twitter Sunday night. |
# Manuel Balce Ceneta/AP Photo Goodlatte's son ..." (Multi-News even half 146 and 208, POLITICO
# pages; the first opened a summary): the caption goes, and what is left opens with the bar,
# furniture that the sentence test drops (``_FURNITURE_START``).
_BAR_CREDITED_CAPTION = re.compile(
    r"""^[^|\n]{10,400}?[.!?]["”’]?\s+(?=\|\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+\s?/\s?[A-Z])"""
)
# A link's label left inside a paragraph: "... speaking outside his house on Tuesday. LIVE BLOG On
# Monday, William Hague, the British foreign minister, had suggested ..." (the same page).
_LINK_LABEL = re.compile(r"""(?<![^\s])LIVE\ BLOG\s+(?=["“]?[A-Z])""")


# The Hill's card of a person its copy names, left after the name: the full name glued to the
# first of the card's headlines, then "MORE": "Donald Trump Donald John TrumpTrump Jr. getting
# 0k to speak at UNT ... offered a winning tax plan MORE panned Democratic National Committee
# chairwoman Debbie Wasserman Schultz ..." (Multi-News even half 214). The name stays.
_NAME_CARD = re.compile(
    r"(?P<keep>(?:[A-Z][\w'’.-]+ ){0,2}(?P<last>[A-Z][\w'’-]+) )(?:[A-Z(][\w'’.()-]* ){1,3}"
    r"(?P=last)(?P=last).{0,300}? MORE (?=[a-z(,])"
)


def _strip_run_in(para: TrackedText) -> TrackedText:
    """Drop a credited caption opening a paragraph (the credit in brackets, or after a bar), a
    link's label inside one, and a name's card left after the name."""
    if "]" in para.text[:320]:
        para = para.sub(_CREDITED_CAPTION, "")
    if "|" in para.text[:420] and "/" in para.text:
        para = para.sub(_BAR_CREDITED_CAPTION, "")
    if "LIVE BLOG" in para.text:
        para = para.sub(_LINK_LABEL, "")
    if " MORE " in para.text:
        para = para.keep(_NAME_CARD)
    return para


# The Hill's note under an opinion piece, and the author's card it follows: "Plaskett represents
# the United States Virgin Islands' at-large district in the United States House of
# Representatives. Plaskett currently serves on ..." | "The views expressed by this author are
# their own and are not the views of The Hill." (Multi-News even half 058): neither is reporting.
_HILL_DISCLAIMER = re.compile(
    r"The views expressed by (?:this author|authors|contributors) are their own and (?:are )?"
    r"not (?:necessarily )?the views? of The Hill\.?"
)
_AUTHOR_CARD = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+,?\s+(?:is|was|represents|serves|has|teaches|"
    r"writes|directs|chairs|leads|works)\b"
)


# A box of the site's other stories, each a headline run into its teaser, from "Editor's Picks"
# to the count of related links: "Editor's Picks Pierre Thomas, who had just been out with Will
# Smith, still in disbelief Pierre Thomas, ...", "Hayes' lawyer suggests 2nd gun at Smith killing
# John Fuller, the attorney for Cardell Hayes, ...", "Keenan Lewis challenges others ... for
# years. 2 Related" (an ESPN page, Multi-News even half 032: the middle item, headline and all,
# was in a summary). The items between its first and last paragraph have no mark of their own.
_PICKS_OPENING = re.compile(r"\W*editor.?s\ picks\b", re.IGNORECASE)
_RELATED_CLOSING = re.compile(r"\b\d{1,2}\ Related\s*$")
PICKS_ITEMS = 6  # paragraphs searched after the opening for the box's close (ESPN's has 3)


def _picks_box(pieces: Sequence[TrackedText]) -> set[int]:
    """The indices of the paragraphs of each box of other stories (``_PICKS_OPENING`` to
    ``_RELATED_CLOSING``, at most ``PICKS_ITEMS`` paragraphs on); none where it never closes."""
    boxed: set[int] = set()
    for k, piece in enumerate(pieces):
        if "icks" in piece.text[:30].lower() and _PICKS_OPENING.match(piece.text):
            for j in range(k, min(k + PICKS_ITEMS + 1, len(pieces))):
                if _RELATED_CLOSING.search(pieces[j].text):
                    boxed.update(range(k, j + 1))
                    break
    return boxed


# A list set out as indented lines, one item a line, most without a sentence's end: under "Terror
# Timetable", "    Sidique Khan and Tanweer meet Lindsay at Luton Station at 8:10 a.m." / "    The
# three buy tickets and catch a train to King's Cross" / ... (TAC 2011, the London bombings: the
# first item was in a summary). Its items are a table's entries, the punctuated ones too, not
# the report's sentences. On the tune sets' articles (Multi-News even half, DUC 2003, TAC 2011)
# four such lists, all in TAC 2011 (the timetable, a death toll by country, the Bali agenda's
# items, help-line numbers: 14 items, 4 of them candidates before); DUC's indented wire
# paragraphs run over several lines or stand between tags. TAC R1/R2 51.95/22.42 -> 52.03/22.50
# (one summary changes, the timetable's line out); the other five sets' summaries unchanged.
LIST_ITEMS = 3  # indented one-line paragraphs in a row that make a list (TAC 2011's: 3 and 4)


def _indented_line(piece: TrackedText, source: str) -> bool:
    """Whether the paragraph is one line of ``source`` (the article's text) that opens indented
    by a tab or three spaces."""
    if not piece.text:
        return False
    first, last = piece.offsets[0], piece.offsets[-1]
    indent = source[source.rfind("\n", 0, first) + 1 : first]
    return (
        indent.startswith(("\t", "   ")) and not indent.strip() and "\n" not in source[first:last]
    )


def _indented_lists(pieces: Sequence[TrackedText], source: str) -> set[int]:
    """The indices of the paragraphs of each run of at least ``LIST_ITEMS`` indented one-line
    paragraphs (``_indented_line``) on consecutive lines, of which at least half have no final
    punctuation. A blank line or a tag's line between two ends the run: DUC 2003's "<P>" wire
    paragraphs ("No more." over "Story Filed By Cox Newspapers") are no list."""
    listed: set[int] = set()
    run: list[int] = []
    for k in range(len(pieces) + 1):
        line = k < len(pieces) and _indented_line(pieces[k], source)
        if line and (not run or _next_line(pieces[run[-1]], pieces[k], source)):
            run.append(k)
            continue
        open_items = sum(not _ends_line(pieces[j].text) for j in run)
        if len(run) >= LIST_ITEMS and 2 * open_items >= len(run):
            listed.update(run)
        run = [k] if line else []
    return listed


def _next_line(piece: TrackedText, following: TrackedText, source: str) -> bool:
    """Whether ``following`` opens on the line right after the one ``piece`` ends on."""
    return source[piece.offsets[-1] + 1 : following.offsets[0]].count("\n") == 1


def _looks_like_title(paragraph: str, title: str | None) -> bool:
    """The headline again: the same words, or a short line that the headline contains."""
    if not title:
        return False
    a = " ".join(_words(paragraph.lower()))
    b = " ".join(_words(title.lower()))
    if not a or not b:
        return False
    return a == b or (is_heading(paragraph) and len(a) > 20 and (a in b or b in a))


def _is_markdown(article: Article) -> bool:
    return str(article.meta.get("format", "")).lower() == "markdown"


def clean_article(article: Article, index: int = 0) -> Document:
    """Clean one article into passages of reporting text."""
    tracked = normalise(article.text, markdown=_is_markdown(article))
    paras = []
    split = paragraphs(tracked)
    pieces = [
        strip_repeated_headline(strip_trailer(_strip_run_in(_strip_bullet(para)))) for para in split
    ]
    boxed = _picks_box(pieces) | _indented_lists(split, article.text)
    for k, para in enumerate(pieces):
        if para.text and k not in boxed:
            noise, hinted = _noise(para.text)
            if not noise:
                paras.append((para, hinted))
    kept: list[TrackedText] = []
    dateline: str | None = None
    for para, hinted in paras:
        if _looks_like_title(para.text, article.title):
            continue
        if is_heading(para.text):
            continue  # headlines, subheads, captions, cut-off lines: not sentences to quote
        if para.text.startswith("The views") and _HILL_DISCLAIMER.fullmatch(para.text):
            if kept and _AUTHOR_CARD.match(kept[-1].text):
                kept.pop()  # the author's card the note follows
            continue
        para, found = strip_dateline(para)
        if not found and not kept:
            para, found = _strip_title_dateline(para)
        if not found and len(kept) < 2:  # after a photo caption too
            para, found = _strip_bare_dateline(para)
        if len(kept) < 2:
            dateline = dateline or found
        para = strip_timestamp(para)
        # a paragraph already passed is_noise; only one that lost a dateline is checked again
        if not para.text or (found is not None and is_noise(para.text)):
            continue
        if is_furniture_paragraph(para.text, hinted):  # (para is a stretch of what was scanned)
            continue
        kept.append(para)
    # offsets kept as a range where no rule changed the passage's text: a tuple of an int per
    # character held 68 MB at 1,000 articles (benchmarks/scale.py's pool, tracemalloc)
    passages = tuple(
        Passage(p.text, p.offsets if isinstance(p.offsets, range) else tuple(p.offsets))
        for p in kept
        if p.text
    )
    notice = None if passages or not _WORD.search(article.text) else notice_reason(tracked.text)
    return Document(
        article=article, index=index, passages=passages, dateline=dateline, notice=notice
    )


def notice_reason(text: str) -> str:
    """Why an article with no reporting left is a notice (an archive note, an error page)."""
    for reason, pattern in _NOTICE_KINDS:
        if pattern.search(text):
            return reason
    return "no reporting text (only headings, captions or page furniture)"


def clean_articles(articles: Sequence[Article]) -> list[Document]:
    """Clean a cluster and mark syndicated near-copies so they count once."""
    documents = [clean_article(a, i) for i, a in enumerate(articles)]
    return mark_duplicates(documents)


# An ASCII text's words, found in C: every byte but a letter or an apostrophe made a space,
# the text split on spaces. An apostrophe is inside a word of ``_ASCII_WORD`` only between two
# letters, and then only the first of the word's: the others are made spaces first, and a text
# with a word of two ("rock'n'roll") is read by the regex.
_WORD_RUN_BYTES = bytes(b if chr(b).isalpha() or b == ord("'") else 32 for b in range(128)) + (
    b" " * 128
)
# (both open on the apostrophe: sre skips to it)
_LONE_APOSTROPHE = re.compile(r"'(?:(?<![A-Za-z]')|(?![A-Za-z]))")
_CHAINED_APOSTROPHES = re.compile(r"'(?<=[A-Za-z]')[A-Za-z]+'[A-Za-z]")


def _ascii_words(text: str) -> list[str]:
    """``_ASCII_WORD.findall(text)`` of an ASCII text."""
    if "'" in text:
        if _CHAINED_APOSTROPHES.search(text):
            return _ASCII_WORD.findall(text)
        text = _LONE_APOSTROPHE.sub(" ", text)
    return text.encode("ascii").translate(_WORD_RUN_BYTES).decode("ascii").split()


def _shingle_words(text: str) -> list[str]:
    """The lowercased words that ``_shingles`` runs over."""
    # ASCII: lowercasing first finds the same words, lowercased, without a call per word
    return _ascii_words(text.lower()) if text.isascii() else list(map(str.lower, _words(text)))


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    """Each run of ``size`` lowercased words, as a tuple (the words of a short text: one run).

    ``zip`` over the word list shifted by 0 to ``size - 1`` builds them without a Python loop
    per word; tuples of words compare exactly as the words joined by spaces would.
    """
    tokens = _shingle_words(text)
    if len(tokens) <= size:
        return {tuple(tokens)}
    return set(zip(*(tokens[k:] for k in range(size)), strict=False))


def mark_duplicates(documents: list[Document], threshold: float = 0.7) -> list[Document]:
    """Flag a document whose 5-word shingles are mostly inside an earlier, longer one.

    Documents are taken longest first; each is compared only with the earlier kept documents
    that share a shingle with it (an inverted index from shingle to documents), and marked a
    copy of the first of them, in that order, that holds ``threshold`` of its shingles.
    """
    shingles = [_shingles(d.text) for d in documents]
    order = sorted(range(len(documents)), key=lambda i: -len(shingles[i]))
    rank_of = {i: rank for rank, i in enumerate(order)}
    postings: dict[tuple[str, ...], tuple[int, ...]] = {}
    seen = postings.keys()
    result = list(documents)
    for i in order:
        mine = shingles[i]
        common = seen & mine  # only the shingles already indexed (a set intersection in C)
        if mine and documents[i].passages:
            shared = Counter(itertools.chain.from_iterable(map(postings.__getitem__, common)))
            size = len(mine)
            copies = [j for j, count in shared.items() if count / size >= threshold]
            if copies:
                j = min(copies, key=rank_of.__getitem__)
                d = documents[i]
                result[i] = Document(d.article, d.index, d.passages, d.dateline, duplicate_of=j)
                continue
        for shingle in common:
            postings[shingle] += (i,)
        postings.update(dict.fromkeys(mine - common, (i,)))  # new shingles, in C
    return result


@functools.cache
def _furniture() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{rule})" for _, rule in _FURNITURE_RULES), re.IGNORECASE | re.VERBOSE
    )


def __getattr__(name: str) -> re.Pattern[str]:
    """``_BOILERPLATE`` and ``_FURNITURE``: each family of rules as one alternation, what the
    rules tried through their fragments (``_Rules``) are tested against; compiled only when
    asked for (the furniture one costs 3.5 ms, and only tests ask for it)."""
    if name == "_BOILERPLATE":
        return _boilerplate()
    if name == "_FURNITURE":
        return _furniture()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
