"""Represent stage: sentences as stemmed terms, bigram concepts and TF-IDF vectors.

Methods share this view of a cluster so that they differ only in how they select.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from itertools import chain, compress, pairwise
from operator import or_
from typing import Any

import numpy as np

from newsum.types import Document, Sentence

# (its first character alone, not "[a-z0-9]+": sre skips to a class that opens a pattern, where
# it tried a leading repeat at every character)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9]*(?:['’][a-z]+)?")


def _load_stopwords() -> frozenset[str]:
    text = resources.files("newsum").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w != "#")


STOPWORDS = _load_stopwords()
_NOT_CONTENT = STOPWORDS | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
"""Tokens that are no content word: a stopword, or one character (``_TOKEN`` finds no other
token shorter than two characters)."""


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens (letters and digits, with inner apostrophes)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


# ``_TOKEN`` in any case, spelt out: the letters re.IGNORECASE matches to "[a-z]" are A-Z, a-z and
# four more ("İ", "ı", "ſ" and the Kelvin sign); written as classes, the search skips to them
# (an IGNORECASE class folds each character first, and sre skips to none)
_FOLDING_LETTERS = "A-Za-z\u0130\u0131\u017f\u212a"
_TOKEN_ANY_CASE = re.compile(
    rf"[{_FOLDING_LETTERS}0-9][{_FOLDING_LETTERS}0-9]*(?:['’][{_FOLDING_LETTERS}]+)?"
)


def token_spans(text: str) -> Iterator[re.Match[str]]:
    """``tokenize``'s tokens as matches in ``text`` itself (as written, with offsets), for
    stages that must point back into the sentence (the trust stage)."""
    return _TOKEN_ANY_CASE.finditer(text)


STEM_CACHE_WORDS = 500_000
"""Words whose stems a stemmer keeps before it starts afresh: a news vocabulary stays far
below it (the five dev sets together hold about 60,000 distinct tokens), so the cache is
cleared only in a worker that has read an archive's worth of names and misspellings."""


class PorterStemmer:
    """Porter's stemmer (the one ROUGE uses), memoised per word."""

    def __init__(self) -> None:
        import Stemmer  # PyStemmer: the Snowball C implementation

        self._stemmer = Stemmer.Stemmer("porter")
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stems = self._stems
        found = stems.get(word)
        if found is None:
            if len(stems) >= STEM_CACHE_WORDS:
                stems.clear()
            found = stems[word] = str(self._stemmer.stemWord(word))
        return found

    def stem_all(self, words: Sequence[str]) -> list[str]:
        """``stem`` of each word, in one call: a dict lookup per word once it has been seen
        (a cluster repeats its words; PyStemmer's own cache costs a C call per word)."""
        stems = self._stems
        try:
            return list(map(stems.__getitem__, words))
        except KeyError:
            if len(stems) >= STEM_CACHE_WORDS:
                stems.clear()
            new = [w for w in dict.fromkeys(words) if w not in stems]
            stems.update(zip(new, self._stemmer.stemWords(new), strict=True))
            return [stems[w] for w in words]


@dataclass(frozen=True)
class SentenceTerms:
    """What methods need to know about one sentence."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    content: tuple[str, ...]
    bigrams: tuple[tuple[str, str], ...]


def analyse(text: str, stemmer: PorterStemmer) -> SentenceTerms:
    tokens = tokenize(text)
    stems = stemmer.stem_all(tokens)
    # which tokens are content words, and the bigrams with one at least (a pair of stopwords
    # is no concept), filtered in C: itertools.compress over flags
    kept = [t not in _NOT_CONTENT for t in tokens]
    content = tuple(compress(stems, kept))
    bigrams = tuple(compress(pairwise(stems), map(or_, kept, kept[1:])))
    return SentenceTerms(tuple(tokens), tuple(stems), content, bigrams)


def analysed(
    texts: Sequence[str], stemmer: PorterStemmer, known: Mapping[str, SentenceTerms] | None = None
) -> tuple[SentenceTerms, ...]:
    """``analyse`` of each text, each distinct text analysed once: a cluster repeats sentences
    word for word (a syndicated copy, a wire story told by two outlets), 19% of the sentences
    of DUC 2003 task 2 (8,064 analyses of 6,544 distinct texts before). ``known``: texts
    already analysed (a candidate left whole is its sentence's text)."""
    found: dict[str, SentenceTerms] = dict(known or {})
    result: list[SentenceTerms] = []
    for text in texts:
        terms = found.get(text)
        if terms is None:
            terms = found[text] = analyse(text, stemmer)
        result.append(terms)
    return tuple(result)


@dataclass(frozen=True)
class Candidate:
    """A sentence that may enter the summary, possibly in compressed form."""

    sentence: int
    text: str

    @cached_property
    def words(self) -> int:  # read many times by selection: counted once
        return len(self.text.split())


@dataclass(frozen=True)
class ClusterView:
    """A cleaned, split cluster with lazily computed representations shared by methods."""

    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    candidates: tuple[Candidate, ...]
    stemmer: PorterStemmer
    names: dict[str, str] | None = None  # coherence.full_names of the documents, found once
    # coherence.unintroduced_speakers of the documents, found with the names
    unknown_speakers: frozenset[str] | None = None

    @cached_property
    def candidate_terms(self) -> tuple[SentenceTerms, ...]:
        known = dict(zip((s.text for s in self.sentences), self.terms, strict=True))
        return analysed([c.text for c in self.candidates], self.stemmer, known)

    @cached_property
    def candidate_facts(self) -> dict[int, Any]:
        """A memo the methods fill: candidate -> its ``coherence.facts_of`` (several filters of
        one selection read the same candidates' facts; kept here so the memo lives and dies
        with its cluster)."""
        return {}

    @cached_property
    def candidate_tests(self) -> dict[tuple[Callable[[str], bool], int], bool]:
        """A memo the methods fill: (a test of a text, candidate) -> the test of the
        candidate's text (both selection tries ask ``coherence.authors_voice`` and
        ``reads_after_previous`` of mostly the same candidates)."""
        return {}

    @cached_property
    def terms(self) -> tuple[SentenceTerms, ...]:
        return analysed([s.text for s in self.sentences], self.stemmer)

    @cached_property
    def sentence_at(self) -> dict[tuple[int, int], int]:
        """(document, index in it) -> the sentence's position in ``sentences``; read only."""
        return {(s.doc, s.index): k for k, s in enumerate(self.sentences)}

    @cached_property
    def candidate_at(self) -> dict[tuple[int, int], int]:
        """(document, index in it) -> the candidate made from that sentence; read only."""
        return {
            (self.sentences[c.sentence].doc, self.sentences[c.sentence].index): i
            for i, c in enumerate(self.candidates)
        }

    @cached_property
    def active_documents(self) -> tuple[int, ...]:
        """Documents that are not syndicated copies of another one."""
        return tuple(d.index for d in self.documents if d.duplicate_of is None and d.passages)

    @cached_property
    def document_frequency(self) -> Counter[str]:
        """In how many (distinct) documents each content stem occurs."""
        active = set(self.active_documents)
        per_doc: dict[int, set[str]] = {}
        for sentence, terms in zip(self.sentences, self.terms, strict=True):
            if sentence.doc in active:
                per_doc.setdefault(sentence.doc, set()).update(terms.content)
        return Counter(chain.from_iterable(per_doc.values()))

    @cached_property
    def bigram_document_frequency(self) -> Counter[tuple[str, str]]:
        active = set(self.active_documents)
        per_doc: dict[int, set[tuple[str, str]]] = {}
        for sentence, terms in zip(self.sentences, self.terms, strict=True):
            if sentence.doc in active:
                per_doc.setdefault(sentence.doc, set()).update(terms.bigrams)
        return Counter(chain.from_iterable(per_doc.values()))

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        stems = dict.fromkeys(chain.from_iterable(terms.content for terms in self.terms))
        return {stem: column for column, stem in enumerate(stems)}

    @cached_property
    def tfidf_rows(self) -> TermRows:
        """Sentence x term TF-IDF rows, L2-normalised (idf over documents), as CSR arrays."""
        vocab = self.vocabulary
        n_docs = max(len(self.active_documents), 1)
        df = self.document_frequency
        idf = np.array([math.log((1 + n_docs) / (1 + df.get(term, 0))) + 1.0 for term in vocab])
        lengths: list[int] = []
        columns: list[int] = []
        counts: list[int] = []
        for terms in self.terms:
            found = Counter(terms.content)
            columns.extend([vocab[term] for term in found])
            counts.extend(found.values())
            lengths.append(len(found))
        return TermRows.build(
            np.array(columns, dtype=np.int32),
            np.array(counts, dtype=np.intp),
            np.array(lengths, dtype=np.intp),
            idf,
        )

    @cached_property
    def tfidf(self) -> Any:
        """``tfidf_rows`` as a ``scipy.sparse.csr_matrix`` (for methods that want matrix
        algebra; scipy is imported only here, so the default path never loads it)."""
        from scipy import sparse

        rows = self.tfidf_rows
        return sparse.csr_matrix((rows.data, rows.indices, rows.indptr), shape=rows.shape)

    def cosines(self, rows: Sequence[int], others: Sequence[int] | None = None) -> np.ndarray:
        """TF-IDF cosine of each sentence of ``rows`` with each of ``others`` (default:
        ``rows``), dense, as ``tfidf[rows] @ tfidf[others].T`` gives it."""
        return self.tfidf_rows.cosines(rows, rows if others is None else others)


@dataclass(frozen=True)
class TermRows:
    """L2-normalised TF-IDF rows of sentences over terms, in compressed sparse row arrays.

    Built and multiplied with numpy alone, bit for bit as scipy.sparse did it before (the
    batch path then never imports scipy, about 0.14 s CPU per process): within a row the terms
    run from the highest column down (the order scipy's product with the diagonal of inverse
    norms left them in), and a cosine adds its products in that order, from 0.0, as scipy's
    ``csr_matmat`` does (``np.bincount`` adds its weights in input order).
    tests/test_represent.py compares both with scipy on real clusters.
    """

    data: np.ndarray  # float64, one value per (sentence, term) present
    indices: np.ndarray  # int32 term columns
    indptr: np.ndarray  # int32, where each row starts in ``data``
    shape: tuple[int, int]

    @classmethod
    def build(
        cls, columns: np.ndarray, counts: np.ndarray, lengths: np.ndarray, idf: np.ndarray
    ) -> TermRows:
        """Rows from each row's terms (``lengths`` per row, in any order, no repeats), their
        counts in the sentence and each term's idf: ``(1 + log count) * idf``, normalised."""
        n_rows = len(lengths)
        row_of = np.repeat(np.arange(n_rows), lengths)
        weight = np.array([1 + math.log(k) if k else 0.0 for k in range(counts.max(initial=0) + 1)])
        values = weight[counts] * idf[columns]
        # the squares of each row summed from its lowest term up, by ``np.add.reduceat`` as
        # scipy's row sums do; the rows are then kept from their highest term down
        rising = np.lexsort((columns, row_of))
        starts = np.cumsum(lengths) - lengths
        filled = np.flatnonzero(lengths)
        squares = np.zeros(n_rows)
        if len(filled):
            squares[filled] = np.add.reduceat(np.square(values[rising]), starts[filled])
        falling = np.lexsort((-columns.astype(np.int64), row_of))
        columns, values = columns[falling], values[falling]
        norms = np.sqrt(squares)
        norms[norms == 0] = 1.0
        values = (1.0 / norms)[row_of] * values
        indptr = np.zeros(n_rows + 1, dtype=np.int32)
        np.cumsum(lengths, out=indptr[1:])
        return cls(values, columns.astype(np.int32), indptr, (n_rows, len(idf)))

    def cosines(self, rows: Sequence[int], others: Sequence[int]) -> np.ndarray:
        """``len(rows)`` x ``len(others)`` dot products of the rows (each one's products
        summed in its row order, highest term first)."""
        a_row, a_col, a_val = self._entries(rows)
        b_row, b_col, b_val = self._entries(others)
        by_term = np.argsort(b_col, kind="stable")
        b_row, b_col, b_val = b_row[by_term], b_col[by_term], b_val[by_term]
        first = np.searchsorted(b_col, np.arange(self.shape[1] + 1))
        partners = first[a_col + 1] - first[a_col]  # the others that hold each entry's term
        pair = np.repeat(np.arange(len(a_col)), partners)
        starts = np.cumsum(partners) - partners
        partner = first[a_col][pair] + np.arange(len(pair)) - np.repeat(starts, partners)
        width = len(others)
        cells = a_row[pair] * width + b_row[partner]
        products = a_val[pair] * b_val[partner]
        sums = np.bincount(cells, products, minlength=len(rows) * width)
        return sums.astype(np.float64, copy=False).reshape(len(rows), width)  # float if none

    def _entries(self, rows: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row number (in ``rows``), term and value of each entry of the given rows, in order."""
        picked = np.asarray(rows, dtype=np.intp)
        begin = self.indptr[picked]
        lengths = self.indptr[picked + 1] - begin
        starts = np.cumsum(lengths) - lengths
        where = np.repeat(begin - starts, lengths) + np.arange(int(lengths.sum()))
        number = np.repeat(np.arange(len(picked)), lengths)
        return number, self.indices[where], self.data[where]


def build_view(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    candidates: Sequence[Candidate],
    stemmer: PorterStemmer | None = None,
    names: dict[str, str] | None = None,
    unknown_speakers: frozenset[str] | None = None,
) -> ClusterView:
    return ClusterView(
        tuple(documents),
        tuple(sentences),
        tuple(candidates),
        stemmer or PorterStemmer(),
        names,
        unknown_speakers,
    )
