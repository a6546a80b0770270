"""Article features for grouping: several hashed TF-IDF views of newsum's own cleaned text.

Two articles about one event share names (people, places, organisations), numbers and the
words of their headline and lead; they share little else. Each article is read through
four views of the same hashed, stemmed terms (Miranda et al. 2018 use several such views):
``all`` (every term, boosted when it looks like a name or opens the article), ``body``
(every term, unboosted), ``names`` (capitalised words inside a sentence, and numbers) and
``lead`` (the title and the first words). Terms are hashed into a fixed number of buckets,
so the document-frequency table, and with it memory, stays the same size however long the
stream runs.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter, OrderedDict
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

import numpy as np

from newsum.represent import STOPWORDS, PorterStemmer
from newsum.types import Article

BUCKETS = 1 << 20
"""Hash space for terms; 4 MB of counts, and collisions are rare at news vocabulary sizes."""

VIEWS = ("all", "body", "names", "lead")
"""The views of an article, in the order every per-view tuple keeps them."""
ALL, BODY, NAMES, LEAD = range(len(VIEWS))  # their places (a fifth view must be named here)

HEAD_CHARS = 4000
"""Only the article's first characters (about 650 words) are cleaned and read.

What an article is about is in its headline and first paragraphs; a long article's later
paragraphs wander to background and related events, and bridge stories (issue 14: B-cubed
precision 0.61 for articles over 1,200 words, 0.81 for 300-600). On the full dev pool 4,000
characters gave B-cubed F1 0.866, as 8,000 did (3,000: 0.858); cleaning the head only also
bounds the cost of one article (cleaning is half the time per article).
"""

COPY_WORDS = 120
"""A text this long (cleaned words) that recurs is a syndicated copy; a shorter one is boilerplate.

Identical short texts in the dev sets are crawl notices, "add location to your tweets"
and empty pages, found under 5 and 22 different multinews events; identical texts of 120
words or more are real reports listed in two clusters (31 in duc2002, 9 in duc2003 task 2).
"""

PARAGRAPH_WORDS = 80
"""Paragraphs shorter than this are watched for boilerplate: one seen in two different
stories ("add location to your tweets", cookie and reprint notices) counts for no article
after that. Longer recurring paragraphs are reporting (syndicated copy, quoted passages)."""

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A capitalised word after a letter, digit or comma is a name, not the start of a sentence.
# (Written to start at the space, which the regex engine finds fast, and look back from it.)
_CAPITALISED = r"([A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’][^\W\d_]+)*)"
_NAME = re.compile(r"\s(?<=(?:[^\W_]|[,;%)])\s)\s*" + _CAPITALISED)
# A paragraph's first capitalised word is a name when the paragraph before ends so.
_OPENING = re.compile(r"\s*" + _CAPITALISED)
_OPEN_END = re.compile(r"[^\W_]|[,;%)]")  # of its last character that is not white space
_NOISE = frozenset({"ap", "nyt", "xinhua", "reuters", "afp", "upi", "p", "said", "says", "told"})
_MARKERS = re.compile(r"NEWLINE_CHAR")  # Multi-News line-break placeholders: not words


@dataclass(frozen=True)
class Weights:
    """How much more a term counts when it looks like a name, or opens the article; how many
    terms each view keeps (``all``, ``body``, ``names``, ``lead``)."""

    name: float = 0.5
    title: float = 1.0
    lead: float = 0.5
    lead_tokens: int = 60
    sizes: tuple[int, int, int, int] = (200, 200, 60, 60)


@dataclass(frozen=True)
class Terms:
    """One view of an article: distinct term buckets with their weighted term frequency."""

    buckets: np.ndarray  # uint32, distinct
    weights: np.ndarray  # float64, same length


_EMPTY = Terms(np.zeros(0, np.uint32), np.zeros(0))


@dataclass(frozen=True)
class Features:
    """What grouping reads from one article.

    ``key`` finds copies of the same cleaned text; ``short`` says the text is too short for
    a recurrence to be a syndicated copy (then it is boilerplate). ``notice`` is set when
    the article is no reporting at all (a notice, or nothing left after cleaning).
    """

    views: tuple[Terms, ...]
    words: int
    key: bytes
    short: bool
    notice: str | None = None
    paragraphs: tuple[bytes, ...] = ()
    """Keys of its short paragraphs (what boilerplate is looked for among)."""

    @property
    def buckets(self) -> np.ndarray:
        """Every distinct term bucket of the article (the ``all`` view holds them all)."""
        return self.views[0].buckets


@dataclass(frozen=True)
class Counted:
    """An article's cleaned head, its terms counted paragraph by paragraph (so that
    boilerplate paragraphs can be left out afterwards, and the counting can run ahead of the
    grouping), in a few flat arrays (cheap to send from a worker process).

    Paragraph k holds three runs of (term bucket, occurrences), each in the order of first
    occurrence: ``buckets[starts[3k]:starts[3k + 1]]`` every term, the next run the numbers
    among them, the next its capitalised words inside a sentence (``_NAME``).
    """

    buckets: np.ndarray  # uint32
    counts: np.ndarray  # float64, same length
    starts: np.ndarray  # int64, 3 runs a paragraph, and the end
    openings: np.ndarray
    """int64, per paragraph: the bucket of the capitalised word it opens with (-1: none), a
    name when the paragraph before it ends in a letter, digit or comma (as ``_NAME`` reads
    the paragraphs joined)."""
    ends: np.ndarray
    """int8, per paragraph: 1 when it ends so, 0 when not, -1 when it is only white space."""
    marks: tuple[bytes | None, ...]
    """``paragraph_key`` of each short paragraph (what boilerplate is looked for among)."""
    words: int
    key: bytes
    """Same for the same cleaned text, whatever its spacing or case (finds copies)."""


@dataclass(frozen=True)
class Cleaned:
    """An article's head after cleaning: its paragraphs, its title, why it is a notice, and,
    when counted ahead (``Featurizer.counted``, in a worker process), its terms."""

    paragraphs: tuple[str, ...]
    title: str
    notice: str | None
    counted: Counted | None = field(default=None, compare=False)


def paragraph_key(paragraph: str) -> bytes:
    """Same key for the same paragraph, whatever its spacing or case."""
    return _folded_key(" ".join(paragraph.casefold().split()))


def _folded_key(folded: str) -> bytes:
    """``paragraph_key`` of a paragraph whose words are casefolded and joined already."""
    return hashlib.blake2b(folded.encode(), digest_size=8).digest()


MEMO_WORDS = 400_000
"""Distinct written words whose bucket is remembered (about 40 MB at most); past that the
memo starts again before the next text (a bucket is a pure function of the word, so only
time is lost)."""


MEMO_CHUNKS = 100_000
"""Distinct white-space-separated chunks ("said,", "U.S.-led") whose tokens' buckets are
remembered (about 250 bytes each: some 25 MB); the bound is checked before each paragraph or
text, so one long text may take it past for a while, and past it the memo starts again (only
time is lost). A worker's peak memory on benchmarks/stories_scale.py --workers 2 went from 63
to 69 MB with it."""


CLEANED_TEXTS = 1000
"""Heads (with title and format) whose cleaning is remembered, the latest first: a repeat of
one (a syndicated copy, an article fetched twice) is not cleaned again. At most about 4 MB;
cleaning is most of the cost of an article (42% on benchmarks/stories_scale.py)."""


def clean_head(article: Article) -> Cleaned:
    """The article's head (``HEAD_CHARS``) cleaned with newsum's own cleaner: a pure function
    of the article, so it may run in another process (``newsum.grouping.ahead``)."""
    from newsum.clean import clean_article

    text = article.text[:HEAD_CHARS]
    head = article if len(article.text) <= HEAD_CHARS else replace(article, text=text)
    document = clean_article(head)
    paragraphs = tuple(_MARKERS.sub(" ", p.text) for p in document.passages)
    return Cleaned(paragraphs, _MARKERS.sub(" ", article.title or ""), document.notice)


class Featurizer:
    """Cleans articles (newsum's own cleaner) and turns them into views (buckets memoised)."""

    def __init__(self, stemmer: PorterStemmer | None = None, weights: Weights | None = None):
        self.stemmer = stemmer or PorterStemmer()
        self.weights = weights or Weights()
        self.memo: dict[str, int] = {}
        self.chunks: dict[str, tuple[tuple[int, bool], ...]] = {}
        """Each white-space-separated chunk of text seen lately -> the (bucket, is a number)
        of its tokens that count (``_chunk``); at most ``MEMO_CHUNKS``."""
        self.cleaned: OrderedDict[bytes, Cleaned] = OrderedDict()

    def bucket(self, token: str) -> int:
        """Bucket of a word as written, or -1 for a word that says nothing about the event."""
        found = self.memo.get(token)
        if found is None:
            found = self.memo[token] = self._bucket(token)
        return found

    def _bucket(self, token: str) -> int:
        word = token.lower()
        if word in STOPWORDS or word in _NOISE or (len(word) < 2 and not word.isdigit()):
            return -1
        stem = word if word[0].isdigit() else self.stemmer.stem(word)
        return zlib.crc32(stem.encode("utf-8")) & (BUCKETS - 1)

    def clean(self, article: Article) -> Cleaned:
        """``clean_head(article)``; a text cleaned lately, with the same title and format,
        is not cleaned again (feeds repeat articles)."""
        key = hashlib.blake2b(
            "\0".join(
                (
                    article.text[:HEAD_CHARS],
                    article.title or "",
                    str(article.meta.get("format", "")),
                )
            ).encode(),
            digest_size=16,
        ).digest()
        found = self.cleaned.get(key)
        if found is not None:
            self.cleaned.move_to_end(key)
            return found
        found = self.cleaned[key] = clean_head(article)
        if len(self.cleaned) > CLEANED_TEXTS:
            self.cleaned.popitem(last=False)
        return found

    def read(self, article: Article, boilerplate: Container[bytes] = ()) -> Features:
        """Clean the article's head, then count its terms in every view, leaving out the
        short paragraphs that ``boilerplate`` holds."""
        return self.features(self.clean(article), boilerplate)

    def counted(self, cleaned: Cleaned) -> Cleaned:
        """``cleaned`` with its terms counted (``Counted``), if they are not yet."""
        if cleaned.counted is not None:
            return cleaned
        buckets: list[int] = []
        counts: list[int] = []
        starts = [0]
        openings = []
        ends = []
        marks = []
        folded_text = []  # the text's words casefolded, paragraph by paragraph
        words = 0
        for paragraph in cleaned.paragraphs:
            runs, opening, end, mark, folded, written = self.paragraph(paragraph)
            for run in runs:
                buckets += run
                counts += run.values()
                starts.append(len(buckets))
            openings.append(opening)
            ends.append(end)
            marks.append(mark)
            if folded:
                folded_text.append(folded)
            words += written
        # The key of the paragraphs joined (as _features_of_text makes it): casefolding is
        # done character by character and the joints are white space, so the text's words
        # casefolded are its paragraphs' words casefolded, one paragraph after another.
        key = hashlib.blake2b(" ".join(folded_text).encode(), digest_size=16)
        counted = Counted(
            np.array(buckets, np.uint32),
            np.array(counts, np.float64),
            np.array(starts, np.int64),
            np.array(openings, np.int64),
            np.array(ends, np.int8),
            tuple(marks),
            words,
            key.digest(),
        )
        return replace(cleaned, counted=counted)

    def paragraph(
        self, text: str
    ) -> tuple[tuple[dict[int, int], ...], int, int, bytes | None, str, int]:
        """One paragraph's terms, numbers and capitalised words (bucket -> occurrences),
        the bucket it opens with, how it ends, its mark (see ``Counted``), its words
        casefolded and joined by spaces (what its mark is of), how many words it has."""
        self._bound_memos()
        numbers: dict[int, int] = {}
        words = text.split()
        counts = self._tally_words(words, numbers)
        names = self._tally(_NAME.findall(text))
        opening = _OPENING.match(text)
        end = text.rstrip()[-1:]
        folded = " ".join(text.casefold().split())
        return (
            (counts, numbers, names),
            self.bucket(opening.group(1)) if opening else -1,
            (1 if _OPEN_END.match(end) else 0) if end else -1,
            _folded_key(folded) if len(words) < PARAGRAPH_WORDS else None,
            folded,
            len(words),
        )

    def _bound_memos(self) -> None:
        if len(self.memo) >= MEMO_WORDS:
            self.memo.clear()
        if len(self.chunks) >= MEMO_CHUNKS:
            self.chunks.clear()

    def _chunk(self, chunk: str) -> tuple[tuple[int, bool], ...]:
        """The tokens of one white-space-free chunk that count, as (bucket, is a number)."""
        found = tuple(
            (b, token[0].isdigit())
            for token in _TOKEN.findall(chunk)
            if (b := self.bucket(token)) >= 0
        )
        self.chunks[chunk] = found
        return found

    def _tally_words(self, chunks: list[str], numbers: dict[int, int]) -> dict[int, int]:
        """``_tally(_TOKEN.findall(text), numbers)`` from ``text.split()``: the same dict, in
        the same order, found by looking each distinct chunk up instead of running the
        regex over every occurrence (the regex was a third of the counting's time).

        The same because no ``_TOKEN`` match holds a character ``str.split`` splits at (its
        classes are letters, digits, apostrophes, "." and ","), so the tokens of the text
        are its chunks' tokens one after the other; taking the distinct chunks in order of
        first occurrence, each chunk's tokens in order, meets every bucket first where the
        text first has it, and the counts are sums of whole numbers.
        """
        get, chunk_of = self.chunks.get, self._chunk
        counts: dict[int, int] = {}
        for chunk, count in Counter(chunks).items():
            found = get(chunk)
            if found is None:
                found = chunk_of(chunk)
            for b, number in found:
                counts[b] = counts.get(b, 0) + count
                if number:
                    numbers[b] = numbers.get(b, 0) + count
        return counts

    def _tally(self, tokens: list[str], numbers: dict[int, int] | None = None) -> dict[int, int]:
        """Occurrences of each bucket among ``tokens`` (words that say nothing left out), in
        the order of first occurrence; the numbers among them added to ``numbers`` too."""
        get, bucket = self.memo.get, self.bucket  # the memo looked up inline: a hot loop
        counts: dict[int, int] = {}
        for token, count in Counter(tokens).items():
            b = get(token)
            if b is None:
                b = bucket(token)
            if b >= 0:
                counts[b] = counts.get(b, 0) + count
                if numbers is not None and token[0].isdigit():
                    numbers[b] = numbers.get(b, 0) + count
        return counts

    def features(self, cleaned: Cleaned, boilerplate: Container[bytes] = ()) -> Features:
        """What grouping reads from the cleaned head, leaving out the short paragraphs that
        ``boilerplate`` holds: counted from the kept paragraphs joined or, for a head counted
        ahead (``counted``, in a worker process), added up from its paragraphs' counts (the
        same features; test_stories checks the two ways agree)."""
        counted = cleaned.counted
        if counted is None:
            return self._features_of_text(cleaned, boilerplate)
        marks = [m for m in counted.marks if m is not None]
        kept = [k for k, m in enumerate(counted.marks) if m is None or m not in boilerplate]
        short = counted.words < COPY_WORDS
        if not kept and not short:  # a long text made only of recurring paragraphs is a
            kept = list(range(len(counted.marks)))  # report retold (a wire story repeated)
        views = self.counted_views(counted, kept, cleaned.title)
        return Features(
            views, counted.words, counted.key, short, _notice(cleaned, views), tuple(marks)
        )

    def _features_of_text(self, cleaned: Cleaned, boilerplate: Container[bytes]) -> Features:
        # Each paragraph is split and casefolded once: the paragraphs are joined by white
        # space, so the words of the text (or of the kept paragraphs joined) are theirs one
        # after another, and so are its casefolded words (as in ``counted``).
        split = [paragraph.split() for paragraph in cleaned.paragraphs]
        folded = [" ".join(paragraph.casefold().split()) for paragraph in cleaned.paragraphs]
        words = sum(map(len, split))
        key = hashlib.blake2b(" ".join(f for f in folded if f).encode(), digest_size=16)
        marks = []
        kept = []
        for k, chunks in enumerate(split):
            if len(chunks) < PARAGRAPH_WORDS:
                mark = _folded_key(folded[k])  # paragraph_key of the paragraph
                marks.append(mark)
                if mark in boilerplate:
                    continue
            kept.append(k)
        short = words < COPY_WORDS
        if not kept and not short:  # a long text made only of recurring paragraphs is a
            kept = list(range(len(split)))  # report retold (a wire story repeated)
        views = self.views(
            "\n\n".join(cleaned.paragraphs[k] for k in kept),
            cleaned.title,
            [chunk for k in kept for chunk in split[k]],
        )
        return Features(views, words, key.digest(), short, _notice(cleaned, views), tuple(marks))

    def views(self, text: str, title: str, chunks: list[str] | None = None) -> tuple[Terms, ...]:
        """Counted per distinct word (regexes and Counter do the per-occurrence work, numpy
        the per-term boosts); ``chunks``: ``text.split()``, if already worked out."""
        weights = self.weights
        self._bound_memos()
        bucket = self.bucket
        names: dict[int, int] = {}  # the numbers first, then the capitalised words
        counts = self._tally_words(text.split() if chunks is None else chunks, names)
        for b, count in self._tally(_NAME.findall(text)).items():
            names[b] = names.get(b, 0) + count
        # The first lead_tokens distinct terms of the text: ``counts`` holds them in the order
        # of their first occurrence (distinct words come in that order), title not yet added.
        lead = set(islice(counts, weights.lead_tokens))
        title_terms: set[int] = set()
        for token in _TOKEN.findall(title):
            b = bucket(token)
            if b >= 0:
                counts[b] = counts.get(b, 0) + 1
                title_terms.add(b)
        if not counts:
            return (_EMPTY, _EMPTY, _EMPTY, _EMPTY)
        n = len(counts)
        buckets = np.fromiter(counts, np.uint32, n)
        tf = 1.0 + np.log(np.fromiter(counts.values(), np.float64, n))
        is_name = np.fromiter(map(names.__contains__, counts), np.bool_, n)
        is_lead = np.fromiter(map(lead.__contains__, counts), np.bool_, n)
        is_title = np.fromiter(map(title_terms.__contains__, counts), np.bool_, n)
        return self._weighted(
            buckets, tf, (is_name, is_lead, is_title), _counted(names), lead | title_terms
        )

    def counted_views(self, counted: Counted, kept: Sequence[int], title: str) -> tuple[Terms, ...]:
        """The kept paragraphs' counts added up, as if counted over their text joined (numbers
        first among the names, then the capitalised words, each in order of first
        occurrence), then the title's; numpy does the sums and the per-term boosts."""
        weights = self.weights
        buckets, counts, starts = counted.buckets, counted.counts, counted.starts.tolist()
        title_terms = [b for b in map(self.bucket, _TOKEN.findall(title)) if b >= 0]
        term_runs, term_counts, name_runs, name_counts = [], [], [], []
        for k in kept:
            a, z, end = starts[3 * k], starts[3 * k + 1], starts[3 * k + 2]
            term_runs.append(buckets[a:z])
            term_counts.append(counts[a:z])
            name_runs.append(buckets[z:end])  # the numbers: first among the names
            name_counts.append(counts[z:end])
        open_end = False
        ends, openings = counted.ends.tolist(), counted.openings.tolist()
        for k in kept:
            if ends[k] < 0:  # only white space: as if it were not there
                continue
            if open_end and openings[k] >= 0:
                name_runs.append(np.array(openings[k : k + 1], np.uint32))
                name_counts.append(_ONE)
            a, z = starts[3 * k + 2], starts[3 * k + 3]
            name_runs.append(buckets[a:z])
            name_counts.append(counts[a:z])
            open_end = ends[k] == 1
        in_text = sum(map(len, term_runs))
        term_runs.append(np.array(title_terms, np.uint32))
        term_counts.append(np.ones(len(title_terms)))
        terms, tf, firsts = _first_sums(term_runs, term_counts)
        if not len(terms):
            return (_EMPTY, _EMPTY, _EMPTY, _EMPTY)
        names, named, _ = _first_sums(name_runs, name_counts)
        # The first lead_tokens distinct terms of the text (title not counted): the distinct
        # terms are in the order of their first occurrence, the text's before the title's.
        leading = min(weights.lead_tokens, int(np.count_nonzero(firsts < in_text)))
        lead = set(terms[:leading].tolist())
        title_set = set(title_terms)
        listed, n = terms.tolist(), len(terms)
        is_name = np.fromiter(map(set(names.tolist()).__contains__, listed), np.bool_, n)
        is_lead = np.arange(n) < leading
        is_title = np.fromiter(map(title_set.__contains__, listed), np.bool_, n)
        return self._weighted(
            terms,
            1.0 + np.log(tf),
            (is_name, is_lead, is_title),
            Terms(names, 1.0 + np.log(named)) if len(names) else _EMPTY,
            lead | title_set,
        )

    def _weighted(
        self,
        terms: np.ndarray,
        tf: np.ndarray,
        marks: tuple[np.ndarray, np.ndarray, np.ndarray],
        names: Terms,
        opening: set[int],
    ) -> tuple[Terms, ...]:
        """The views of one head, from its terms and their log term frequencies: every term
        boosted where ``marks`` (name, lead, title) say, the same unboosted, the names, the
        opening terms (``views`` and ``counted_views`` both end here)."""
        weights = self.weights
        is_name, is_lead, is_title = marks
        boost = (
            1.0
            + weights.name * is_name
            + np.maximum(weights.lead * is_lead, weights.title * is_title)
        )
        return (
            Terms(terms, tf * boost),
            Terms(terms, tf),
            names,
            Terms(np.fromiter(opening, np.uint32, len(opening)), np.ones(len(opening))),
        )


def _notice(cleaned: Cleaned, views: tuple[Terms, ...]) -> str | None:
    if cleaned.notice is None and not len(views[0].buckets):
        return "only boilerplate" if cleaned.paragraphs else "no reporting text after cleaning"
    return cleaned.notice


def _counted(counts: Mapping[int, int]) -> Terms:
    if not counts:
        return _EMPTY
    buckets = np.fromiter(counts, np.uint32, len(counts))
    return Terms(buckets, 1.0 + np.log(np.fromiter(counts.values(), np.float64, len(counts))))


_ONE = np.ones(1)


def _first_sums(
    runs: list[np.ndarray], counts: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct buckets of the runs joined, in order of first occurrence, with their
    summed counts and where each first occurs."""
    joined = np.concatenate(runs) if runs else np.zeros(0, np.uint32)
    if not len(joined):
        return joined, np.zeros(0), np.zeros(0, np.int64)
    distinct, first, inverse = np.unique(joined, return_index=True, return_inverse=True)
    sums = np.bincount(inverse.ravel(), weights=np.concatenate(counts), minlength=len(distinct))
    order = np.argsort(first, kind="stable")
    return distinct[order], sums[order], first[order]


INTERNED_TERMS = 200_000
"""Term buckets whose one int object is kept (``DocumentFrequency.interned``; about 15 MB at
most); past that the table starts again (equal keys still match, only more slowly)."""


class DocumentFrequency:
    """In how many articles each term bucket occurs: a fixed-size table, updated online."""

    def __init__(self, counts: np.ndarray | None = None, documents: int = 0):
        self.counts = counts if counts is not None else np.zeros(BUCKETS, np.int32)
        self.documents = documents
        self.objects: dict[int, int] = {}

    def interned(self, buckets: list[int]) -> list[int]:
        """The same buckets, each as the one int object kept for it: a dict lookup of a key
        that is the very object stored finds it without comparing values, and the story
        vectors are looked up by the article's terms in every candidate pair and merge check
        (``dot``: the grouping's hot loop; 12% fewer instructions there)."""
        objects = self.objects
        if len(objects) >= INTERNED_TERMS:
            objects.clear()
        return list(map(objects.setdefault, buckets, buckets))

    def add(self, buckets: np.ndarray, sign: int = 1) -> None:
        self.counts[buckets] += sign
        self.documents += sign

    def idf(self, buckets: np.ndarray) -> np.ndarray:
        n = self.documents
        return np.log((n + 1.0) / (self.counts[buckets] + 1.0)) + 1.0


Vector = dict[int, float]


def vectorize(
    terms: Terms, df: DocumentFrequency, size: int, idf: np.ndarray | None = None
) -> Vector:
    """The view's ``size`` heaviest TF-IDF terms, L2-normalised, as {bucket: weight};
    ``idf``: ``df.idf(terms.buckets)``, if already worked out."""
    if not len(terms.buckets):
        return {}
    weights = terms.weights * (df.idf(terms.buckets) if idf is None else idf)
    if len(weights) > size:
        keep = np.argpartition(-weights, size)[:size]
        buckets, weights = terms.buckets[keep], weights[keep]
    else:
        buckets = terms.buckets
    norm = float(np.sqrt(np.dot(weights, weights))) or 1.0
    return dict(zip(df.interned(buckets.tolist()), (weights / norm).tolist(), strict=True))


def vectors(features: Features, df: DocumentFrequency, weights: Weights) -> tuple[Vector, ...]:
    """Every view of the article as a unit TF-IDF vector (``all`` and ``body`` hold the same
    buckets, so their inverse document frequencies are looked up once)."""
    views = features.views
    shared = views[ALL].buckets
    idf = df.idf(shared) if len(shared) and views[BODY].buckets is shared else None
    return tuple(
        vectorize(view, df, size, idf if view.buckets is shared else None)
        for view, size in zip(views, weights.sizes, strict=True)
    )


def dot(a: Vector, b: Vector) -> float:
    """Sparse dot product over the shared terms (found by a set intersection in C: two
    vectors share few of their terms, so this is 1.7 times the speed of a loop over one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum([a[t] * b[t] for t in b.keys() & a.keys()])


Packed = tuple[np.ndarray, np.ndarray]
"""A vector as two arrays: its buckets in increasing order and their weights."""


def packed(vector: Vector) -> Packed:
    """``vector`` as sorted buckets and their weights (``packed_dot``'s operands). The
    ``all`` and ``body`` views are dotted packed (200 terms an article, 400-800 a story; on
    4,774 of their pairs from ``stories_scale.py``, 25 us a dict intersection against 10 us
    by ``np.searchsorted``, and 15 us to pack a story's view once after each change); the
    ``names`` and ``lead`` views (60-150 terms) stay dicts."""
    n = len(vector)
    buckets = np.fromiter(vector, np.int64, n)
    weights = np.fromiter(vector.values(), np.float64, n)
    order = np.argsort(buckets)
    return buckets[order], weights[order]


def packed_dot(a: Packed, b: Packed) -> float:
    """The dot product of two packed vectors: ``dot`` of the two vectors but for the order
    of the sum (numpy's), so it may differ from ``dot`` in its last bits."""
    if len(a[0]) > len(b[0]):
        a, b = b, a
    small, weights = a
    big, others = b
    if not len(small) or not len(big):
        return 0.0
    at = np.searchsorted(big, small)
    np.minimum(at, len(big) - 1, out=at)
    hit = big[at] == small
    return float(weights[hit] @ others[at[hit]])


def dot_share(a: Vector, b: Vector) -> tuple[float, float]:
    """``dot(a, b)`` (the same sum, in the same order) and the share of ``a``'s summed
    weight that lies on the terms ``b`` also holds (0 for an empty ``a``)."""
    small, big = (b, a) if len(a) > len(b) else (a, b)
    common = big.keys() & small.keys()
    total = sum(a.values())
    shared = sum([a[t] for t in common]) / total if total > 0 else 0.0
    return sum([small[t] * big[t] for t in common]), shared
