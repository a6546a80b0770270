from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
import pytest

from conftest import RAQQA, dev_clusters
from newsum.pipeline import Components, prepare
from newsum.represent import ClusterView, PorterStemmer, analyse, tokenize
from newsum.types import Article


def _raqqa_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(RAQQA.glob("*.txt")))


def test_stem_all_agrees_with_stem_word_by_word() -> None:
    stemmer = PorterStemmer()
    words = tokenize(_raqqa_text())
    assert stemmer.stem_all(words) == [stemmer.stem(w) for w in words]
    terms = analyse("The fighters were retreating from Raqqa's stadium.", stemmer)
    assert terms.stems == ("the", "fighter", "were", "retreat", "from", "raqqa'", "stadium")
    assert ("retreat", "from") in terms.bigrams and "the" not in terms.content


def test_stems_stay_right_when_the_cache_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsum.represent as represent

    words = tokenize(_raqqa_text())
    expected = PorterStemmer().stem_all(words)
    monkeypatch.setattr(represent, "STEM_CACHE_WORDS", 50)
    stemmer = PorterStemmer()
    for _ in range(2):  # the second pass reads what the first one left in the cache
        for start in range(0, len(words), 30):
            assert stemmer.stem_all(words[start : start + 30]) == expected[start : start + 30]
            assert len(stemmer._stems) <= 50 + 30  # cleared when full, never far past it
        assert [stemmer.stem(w) for w in reversed(words)] == expected[::-1]


def _scipy_tfidf(view: ClusterView) -> Any:
    """The TF-IDF matrix as scipy.sparse built it before ``TermRows`` (the reference)."""
    from scipy import sparse

    vocab = view.vocabulary
    n_docs = max(len(view.active_documents), 1)
    df = view.document_frequency
    idf = np.array([math.log((1 + n_docs) / (1 + df.get(term, 0))) + 1.0 for term in vocab])
    indptr, columns, counts = [0], [], []
    for terms in view.terms:
        found = Counter(terms.content)
        columns.extend([vocab[term] for term in found])
        counts.extend(found.values())
        indptr.append(len(columns))
    column = np.array(columns, dtype=np.int32)
    count = np.array(counts, dtype=np.intp)
    weight = np.array([1 + math.log(k) if k else 0.0 for k in range(count.max(initial=0) + 1)])
    shape = (len(view.terms), len(vocab))
    matrix = sparse.csr_matrix((weight[count] * idf[column], column, indptr), shape=shape)
    matrix.sort_indices()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _same_as_scipy(view: ClusterView) -> None:
    reference = _scipy_tfidf(view)
    rows = view.tfidf_rows
    assert rows.shape == reference.shape
    for mine, theirs in [(rows.data, reference.data), (rows.indices, reference.indices),
                         (rows.indptr, reference.indptr)]:  # fmt: skip
        assert np.array_equal(mine, theirs)  # bit for bit, not approximately
    n = reference.shape[0]
    some = list(range(0, n, 3))
    few = [0, n // 2, n - 1]
    products = np.asarray((reference[some] @ reference[some].T).todense())
    assert np.array_equal(view.cosines(some), products)
    assert np.array_equal(view.cosines(few, range(n)), (reference[few] @ reference.T).todense())
    filled = [i for i in some if reference.indptr[i] < reference.indptr[i + 1]]
    assert np.allclose(np.diag(view.cosines(filled)), 1.0)  # normalised rows
    assert view.cosines(some).dtype == np.float64
    assert np.array_equal(view.tfidf.toarray(), reference.toarray())


def test_tfidf_rows_are_scipys_bit_for_bit(raqqa: list[Article], components: Components) -> None:
    _same_as_scipy(prepare(raqqa, components))


@pytest.mark.parametrize("name", ["duc2003-task2", "tac2011"])
def test_tfidf_rows_are_scipys_bit_for_bit_on_dev_sets(name: str, components: Components) -> None:
    for cluster in dev_clusters(name)[:10]:
        _same_as_scipy(prepare(list(cluster.articles), components))


def test_tfidf_rows_with_empty_sentences(components: Components) -> None:
    # a sentence of stopwords only has no term: a zero row, and a zero cosine with the others
    view = prepare(
        [Article(text="It was what it was. The rebels took the city of Raqqa on Tuesday.")],
        components,
    )
    rows = view.tfidf_rows
    empty = [i for i in range(rows.shape[0]) if rows.indptr[i] == rows.indptr[i + 1]]
    assert empty
    assert not view.cosines(empty, range(rows.shape[0])).any()
    _same_as_scipy(view)


@pytest.mark.parametrize("name", ["duc2003-task2", "tac2011"])
def test_each_sentence_and_candidate_has_its_own_terms(name: str, components: Components) -> None:
    """A text repeated in a cluster is analysed once: every sentence and every candidate still
    gets the analysis of its own text, in its own place."""
    stemmer = PorterStemmer()
    repeated = 0
    for cluster in dev_clusters(name)[:12]:
        view = prepare(list(cluster.articles), components)
        texts = [s.text for s in view.sentences]
        repeated += len(texts) - len(set(texts))
        assert view.terms == tuple(analyse(text, stemmer) for text in texts)
        want = tuple(analyse(c.text, stemmer) for c in view.candidates)
        assert view.candidate_terms == want
    assert repeated > 0  # the dev clusters do repeat sentences word for word
