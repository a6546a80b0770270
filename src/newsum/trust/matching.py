"""Matching: how far two sentences of a cluster state the same thing (0 to 1).

Two sentences match by the weighted F-measure of their shared units (``units.py``), with
corrections for what word overlap misses: the same words about different people or places,
a shared specific figure, a negated sentence. The optional ``embed`` extra adds
word-embedding similarity, so that "killed" meets "died" and "deal" meets "agreement".

Only pairs that share a unit can match, so pairs are found through an inverted index (the
units' posting lists, as a sparse product) instead of scoring every sentence against every
other: the cost grows with the pairs that share something, not with sentences squared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from scipy import sparse

from newsum.represent import ClusterView
from newsum.trust.entities import EntityIndex, group_entities
from newsum.trust.units import Units, build_units, clause_bounds, is_specific_figure, negated

SUPPORT_THRESHOLD = 0.3  # weighted F-measure from which a sentence supports another (see below)
# A unit found in more sentences than this is left out of the index that proposes pairs (it
# still counts in every pair's score). Such a unit ("IS", "said" in a 1,000-article cluster)
# would alone propose millions of pairs; a pair that shares nothing rarer than it seldom
# reaches the support threshold. Clusters under this many sentences are scored exactly.
POSTING_LIMIT = 2000
# A figure in more sentences than this is a common number of the cluster, not the signature
# of one fact: it gets no bonus and proposes no pairs. In 724 pooled dev-set articles "10" is
# in 112 sentences, "20" in 85, and their pairs cost more than all the rest of the table;
# a real shared figure ("275 fighters") is in a handful (in Raqqa the most repeated is in 3).
FIGURE_POSTING_LIMIT = 40
BLOCK_ROWS = 128  # rows scored at once: bounds the memory of one block of candidate pairs


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (rows), e.g. ``newsum.embed.WordLlamaEmbedder``."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


PAIR_CHUNK = 16384
"""Pairs whose rows are gathered at once in ``_pair_dot``: the gathered rows of a block of the
per-outlet table (tens of thousands of pairs at 1,000 articles) took more memory than the
matcher itself; each pair's dot is its own, so chunks give the same numbers."""


def _pair_dot(
    x: sparse.csr_matrix, y: sparse.csr_matrix, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """Row ``a[i]`` of ``x`` dotted with row ``b[i]`` of ``y``, for every i."""
    if len(a) == 0:
        return np.zeros(0)
    if len(a) > PAIR_CHUNK:
        return np.concatenate(
            [
                _pair_dot(x, y, a[start : start + PAIR_CHUNK], b[start : start + PAIR_CHUNK])
                for start in range(0, len(a), PAIR_CHUNK)
            ]
        )
    return np.asarray(x[a].multiply(y[b]).sum(axis=1)).ravel()


@dataclass(frozen=True)
class Matcher:
    """Scores how far two sentences of a cluster state the same thing (0 to 1)."""

    view: ClusterView
    entities: EntityIndex
    units: Units
    related: sparse.csr_matrix | None = None  # unit x unit similarity (embeddings), or None
    no_shared_name: float = 0.6  # factor when both name people/places and share none
    shared_figure: float = 0.15  # bonus when both give the same specific figure
    no_shared_figure: float = 0.8  # factor when both give specific figures, none the same
    negation: float = 0.6  # factor when one is negated and the other is not
    recall_weight: float = 1.5  # beta of the F-measure: how much more the row's coverage counts
    _totals: np.ndarray = field(init=False, repr=False, compare=False)
    _weighted: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _found: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _index: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _names: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _figures: sparse.csr_matrix = field(init=False, repr=False, compare=False)
    _negated: np.ndarray = field(init=False, repr=False, compare=False)
    _partial_index: bool = field(init=False, repr=False, compare=False)
    _specific: frozenset[str] = field(init=False, repr=False, compare=False)
    _clauses: dict[tuple[int, str], set[str]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _prefixes: dict[float, sparse.csr_matrix] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    # Transposes (as CSR) of the matrices that ``candidates`` multiplies by: made once, not
    # once per block of rows (scipy converts the transpose of a CSR operand on every product).
    _transposes: dict[object, sparse.csr_matrix] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        presence = self.units.presence
        totals = np.asarray(presence @ self.units.weights).ravel()
        set_ = object.__setattr__
        set_(self, "_totals", np.maximum(totals, 1e-9))
        set_(self, "_weighted", presence.multiply(self.units.weights).tocsr())
        found = presence
        if self.related is not None:
            found = (presence + presence @ self.related).tocsr()
            found.data = np.minimum(found.data, 1.0)
        set_(self, "_found", found.tocsr())
        # The index proposes pairs: units in at most POSTING_LIMIT sentences.
        postings = np.asarray((presence > 0).sum(axis=0)).ravel()
        keep = sparse.diags((postings <= POSTING_LIMIT).astype(float))
        set_(self, "_index", (found.tocsr() @ keep).tocsr())
        set_(self, "_partial_index", bool((postings > POSTING_LIMIT).any()))
        columns = self.units.vocabulary
        names = [c for u, c in columns.items() if u.startswith("@")]
        figures = [
            c
            for u, c in columns.items()
            if is_specific_figure(u) and postings[c] <= FIGURE_POSTING_LIMIT
        ]
        figure_columns = set(figures)
        set_(self, "_specific", frozenset(u for u, c in columns.items() if c in figure_columns))
        set_(self, "_names", presence[:, names].tocsr())
        set_(self, "_figures", presence[:, figures].tocsr())
        set_(self, "_negated", np.array([negated(s.text) for s in self.view.sentences]))

    @property
    def negated(self) -> np.ndarray:
        """Per sentence of the view: whether it is negated (``units.negated``)."""
        return self._negated

    def candidates(
        self, rows: Sequence[int], floor: float = 0.0, keep: bool = True
    ) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (row, other sentence) that share an indexed unit, or a specific figure.

        With ``floor`` > 0, only pairs that can score ``floor`` or more are wanted, and a
        sentence is indexed by its rarer units alone (prefix filtering): a weighted F1 of
        ``floor`` (2 x shared / (W + W'), shared <= W') needs shared units of weight
        ``floor * W / (2 - floor)`` at least (W the sentence's total), so its commonest
        units, weighing less than that together, need not propose pairs: any pair that
        reaches ``floor`` also shares one of the rarer units of both, in one global order.
        (Modifiers only lower a score, except a shared figure, which the figure index adds.)
        The prefix index of a ``floor`` is kept for the next call, unless ``keep`` is False
        (a floor used once: it would hold two copies of the index).
        """
        rows_array = np.asarray(rows, dtype=np.int64)
        if len(rows_array) == 0:
            return rows_array, rows_array
        if floor <= 0 or self.related is not None:
            shared = (self._index[rows_array] @ self._transpose("index", self._index)).tocsr()
        else:
            beta2 = self.recall_weight**2
            as_row = self._prefix(floor * beta2 / (1 + beta2 - floor), keep)
            share = floor / (1 + beta2 - floor * beta2)
            as_column = self._transposes.get(share)
            if as_column is None:
                as_column = self._prefix(share, keep=False).T.tocsr()
                if keep:
                    self._transposes[share] = as_column
            shared = (as_row[rows_array] @ as_column).tocsr()
        figures = self._transpose("figures", self._figures)
        shared = shared + (self._figures[rows_array] @ figures).tocsr()
        coo = shared.tocoo()
        return rows_array[coo.row], coo.col.astype(np.int64)

    def _transpose(self, key: object, matrix: sparse.csr_matrix) -> sparse.csr_matrix:
        found = self._transposes.get(key)
        if found is None:
            found = self._transposes[key] = matrix.T.tocsr()
        return found

    def reaches(self, a: np.ndarray, b: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray]:
        """The rows that some of the pairs (``a[i]``, ``b[i]``) show to score ``floor`` or more
        (``score_pairs``) with a sentence: every row of ``a`` that has such a pair, and rows of
        ``b`` whose reverse pair (``b[i]``, ``a[i]``) does and is one ``candidates(b, floor)``
        proposes (so a caller that then skips those rows counts what scoring them would).

        Less work than scoring every pair: a clause score only raises a pair's score, so it
        is computed only for rows that no pair reaches without it; and, without ``related``,
        a pair's shared weight is the same both ways, so the reverse pairs cost little."""
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        if len(a) == 0:
            return a, a
        overlap = _pair_dot(self._weighted, self._found, a, b)
        good = self._scores(a, b, floor, False, overlap) >= floor
        has_figures = np.diff(self._figures.indptr) > 0
        need = ~good & has_figures[a] & has_figures[b] & (a != b) & ~np.isin(a, a[good])
        if need.any():
            need[need] = _pair_dot(self._figures, self._figures, a[need], b[need]) > 0
            good[need] = self.score_pairs(a[need], b[need], floor) >= floor
        rows = np.unique(a[good])
        if self.related is not None or floor <= 0:
            return rows, np.zeros(0, dtype=np.int64)
        # The reverse pairs whose plain F-measure reaches ``floor`` (others are left to be
        # scored as rows of their own), scored as ``score_pairs`` scores them.
        totals = self._totals
        beta2 = self.recall_weight**2
        with np.errstate(invalid="ignore", divide="ignore"):
            reverse = (1 + beta2) * overlap / (beta2 * totals[b] + totals[a])
        maybe = np.flatnonzero((reverse >= floor * (1 - 1e-9)) & ~np.isin(b, rows))
        back, front = b[maybe], a[maybe]
        if self._partial_index:
            # A pair may then share only units the index leaves out, and not be proposed.
            proposed = (
                _pair_dot(
                    self._prefix(floor * beta2 / (1 + beta2 - floor)),
                    self._prefix(floor / (1 + beta2 - floor * beta2)),
                    back,
                    front,
                )
                > 0
            )
            proposed |= _pair_dot(self._figures, self._figures, back, front) > 0
            back, front = back[proposed], front[proposed]
        reached = back[self.score_pairs(back, front, floor) >= floor]
        return rows, np.unique(reached)

    def score_pairs(
        self, a: np.ndarray, b: np.ndarray, floor: float = 0.0, clauses: bool = True
    ) -> np.ndarray:
        """The score of each pair (``a[i]``, ``b[i]``): weighted F1 of shared units, with the
        corrections of this class's fields. With ``floor``, a pair that cannot reach it may
        score 0: the corrections only lower a score, except where both give a figure, so
        the other pairs under ``floor`` before them are not corrected (in the per-outlet
        table, most of the pairs the index proposes). ``clauses=False`` leaves out the
        clause score of pairs sharing a figure (which can only raise a score)."""
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        if len(a) == 0:
            return np.zeros(0)
        return self._scores(a, b, floor, clauses, _pair_dot(self._weighted, self._found, a, b))

    def _scores(
        self, a: np.ndarray, b: np.ndarray, floor: float, clauses: bool, overlap: np.ndarray
    ) -> np.ndarray:
        """``score_pairs``, given each pair's ``overlap``: the weight of ``a``'s units found
        in ``b``."""
        totals = self._totals
        recall = overlap / totals[a]
        if self.related is None:
            precision = recall * totals[a] / totals[b]
        else:
            precision = _pair_dot(self._found, self._weighted, a, b) / totals[b]
        beta2 = self.recall_weight**2
        total = beta2 * precision + recall
        with np.errstate(invalid="ignore", divide="ignore"):
            f1 = np.where(total > 0, (1 + beta2) * recall * precision / total, 0.0)
        if floor > 0:
            has_figures = np.diff(self._figures.indptr) > 0
            keep = (f1 >= floor) | (has_figures[a] & has_figures[b])
            if not keep.all():
                scores = np.zeros(len(a))
                scores[keep] = self._corrected(a[keep], b[keep], f1[keep], clauses)
                return scores
        return self._corrected(a, b, f1, clauses)

    def _corrected(
        self, a: np.ndarray, b: np.ndarray, f1: np.ndarray, clauses: bool = True
    ) -> np.ndarray:
        """``score_pairs``' corrections of the plain weighted F1 of each pair."""
        # Same words about different people or places ("China won gold" / "Pakistan won
        # gold") are not the same statement; the same specific figure nearly always is.
        has_names = np.diff(self._names.indptr) > 0
        apart = has_names[a] & has_names[b] & (_pair_dot(self._names, self._names, a, b) == 0)
        has_figures = np.diff(self._figures.indptr) > 0
        figures = _pair_dot(self._figures, self._figures, a, b) > 0
        other_figures = has_figures[a] & has_figures[b] & ~figures
        f1 = np.where(apart, f1 * self.no_shared_name, f1)
        f1 = np.where(other_figures, f1 * self.no_shared_figure, f1)
        f1 = np.where(figures & (f1 > 0), f1 + self.shared_figure, f1)
        # A sentence often packs several facts; where a figure is shared, also compare just
        # the clauses around it ("... in addition to 275 local IS militants, while ...").
        for k in np.flatnonzero(figures & (a != b)) if clauses else ():
            f1[k] = max(f1[k], self._clause_score(int(a[k]), int(b[k])))
        # "Neither team has recovered any debris" does not back "A team has recovered debris".
        f1 = np.where(self._negated[a] != self._negated[b], f1 * self.negation, f1)
        return np.asarray(np.minimum(f1, 1.0))

    def _prefix(self, share: float, keep: bool = True) -> sparse.csr_matrix:
        """The index restricted to each sentence's prefix of rarer units: those left out weigh
        less than ``share`` of the sentence's total together (see ``candidates``). Kept for
        later calls unless ``keep`` is False. Arrays of the index's size are let go as soon
        as they are used (at 1,000 articles each is 3 MB, and a dozen were held at once)."""
        cached = self._prefixes.get(share)
        if cached is not None:
            return cached
        index = self._index
        weights = self.units.weights
        order_of_column = np.empty(len(weights), dtype=np.int64)
        order_of_column[np.lexsort((np.arange(len(weights)), -weights))] = np.arange(len(weights))
        counts = np.diff(index.indptr)
        row_of = np.repeat(np.arange(index.shape[0], dtype=np.int32), counts)
        columns = index.indices
        order = np.lexsort((order_of_column[columns], row_of))  # by row, rarest unit first
        row_sorted, column_sorted = row_of[order], columns[order]
        del order, row_of
        weight = weights[column_sorted]
        before = np.cumsum(weight)
        before -= weight
        del weight
        before -= np.repeat(before[index.indptr[:-1][counts > 0]], counts[counts > 0])
        totals = self._totals[row_sorted]
        suffix = totals - before  # this unit and all commoner ones
        del before
        kept = suffix >= share * totals - 1e-9
        del suffix, totals
        starts = np.zeros(index.shape[0] + 1, dtype=np.int32)
        np.cumsum(np.bincount(row_sorted[kept], minlength=index.shape[0]), out=starts[1:])
        prefix = sparse.csr_matrix(
            (np.ones(int(kept.sum())), column_sorted[kept].astype(np.int32), starts),
            shape=index.shape,
        )
        prefix.sort_indices()  # as built from coordinates: columns in order within a row
        if keep:
            self._prefixes[share] = prefix
        return prefix

    def score_rows(self, rows: Sequence[int], floor: float = 0.0) -> sparse.csr_matrix:
        """``len(rows)`` x sentences, sparse: the score of every pair that can match (pairs
        sharing no unit score 0 and are left out); with ``floor``, every pair scoring
        ``floor`` or more (others may be left out)."""
        a, b = self.candidates(rows, floor)
        scores = self.score_pairs(a, b)
        position = {row: k for k, row in enumerate(rows)}
        local = np.array([position[int(x)] for x in a], dtype=np.int64)
        keep = scores > 0
        return sparse.csr_matrix(
            (scores[keep], (local[keep], b[keep])), shape=(len(rows), len(self.view.sentences))
        )

    def score_blocks(
        self, rows: Sequence[int], floor: float = 0.0, size: int = BLOCK_ROWS
    ) -> Iterator[tuple[Sequence[int], sparse.csr_matrix]]:
        """``score_rows`` for ``size`` rows at a time, with the rows of each block."""
        for start in range(0, len(rows), size):
            block = rows[start : start + size]
            yield block, self.score_rows(block, floor)

    def scores(self, rows: Sequence[int]) -> np.ndarray:
        """``len(rows)`` x sentences, dense (for a few rows: tests and benchmarks)."""
        return np.asarray(self.score_rows(list(rows)).toarray())

    def _clause_score(self, a: int, b: int) -> float:
        units_a, units_b = self.units.per_sentence[a], self.units.per_sentence[b]
        shared = {u for u in units_a if u in self._specific} & set(units_b)
        best = 0.0
        for figure in shared:
            clause_a = self.clause_units(a, figure)
            clause_b = self.clause_units(b, figure)
            f1 = self.units.weighted_f1(clause_a, clause_b)
            names_a = {u for u in clause_a if u.startswith("@")}
            names_b = {u for u in clause_b if u.startswith("@")}
            if names_a and names_b and not names_a & names_b:
                f1 *= self.no_shared_name
            best = max(best, f1 + self.shared_figure)
        return best

    def clause_units(self, sentence: int, unit: str) -> set[str]:
        """The units of the clause where ``unit`` first occurs in a sentence."""
        key = (sentence, unit)
        if key not in self._clauses:
            text = self.view.sentences[sentence].text
            at = next(p for u, p in self.units.positions(sentence) if u == unit)
            start, end = clause_bounds(text, at, at + 1)
            self._clauses[key] = self.units.in_span(sentence, start, end)
        return self._clauses[key]

    def shared(self, a: int, b: int) -> tuple[str, ...]:
        """The units two sentences have in common, as written, rarest first."""
        units_b = set(self.units.per_sentence[b])
        common = [u for u in self.units.per_sentence[a] if u in units_b]
        common.sort(key=lambda u: -self.units.weight(u))
        return tuple(self._show(u) for u in common)

    def _show(self, unit: str) -> str:
        if unit.startswith("@"):
            return self.entities.entities[int(unit[1:])].name
        return self.units.surface.get(unit, unit)


RELATED_SIMILARITY = 0.5
"""Cosine of two words' vectors from which one is found where the other is written ("killed"
~ "died"). In Raqqa it relates 176 pairs among 555 words (at most 3 per word)."""

RELATED_NEIGHBOURS = 10
"""Most related words kept per word (the closest): beyond them a word's neighbours are mostly
sub-word look-alikes ("re" ~ "rebutting", "onions" ~ "lessions"). In a 300-article pool
(benchmarks/trust_scale.py, seed 13) it cuts 96 of 13,298 pairs (42 of 6,635 words), none in
Raqqa; and it bounds the matrix to words x 10 entries however big the cluster."""

RELATED_BLOCK = 256
"""Words compared with the whole vocabulary at once: a block is 256 x words floats (7 MB for
the 6,635 words of 300 articles) instead of the dense words x words matrix (168 MB there)."""


def related_units(
    units: Units,
    embedder: Embedder,
    threshold: float = RELATED_SIMILARITY,
    neighbours: int = RELATED_NEIGHBOURS,
) -> sparse.csr_matrix:
    """Unit x unit similarity from word embeddings: "killed" ~ "died", "deal" ~ "agreement".

    Each word keeps its ``neighbours`` closest words at ``threshold`` or more, found block by
    block (``RELATED_BLOCK`` words at a time), so memory grows with the vocabulary, not its
    square."""
    words = [u for u in units.vocabulary if not u.startswith(("@", "#"))]
    n = len(units.vocabulary)
    if len(words) < 2:
        return sparse.csr_matrix((n, n))
    vectors = embedder.embed([units.surface.get(w, w) for w in words])
    columns = np.array([units.vocabulary[w] for w in words])
    rows: list[np.ndarray] = []
    others: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for start in range(0, len(words), RELATED_BLOCK):
        similarity = vectors[start : start + RELATED_BLOCK] @ vectors.T
        local = np.arange(similarity.shape[0])
        similarity[local, start + local] = 0.0
        i, j = np.nonzero(similarity >= threshold)
        value = similarity[i, j]
        order = np.lexsort((j, -value, i))  # per word, closest first
        i, j, value = i[order], j[order], value[order]
        first = np.searchsorted(i, i)  # where each word's run starts
        keep = np.arange(len(i)) - first < neighbours
        rows.append(columns[start + i[keep]])
        others.append(columns[j[keep]])
        values.append(value[keep])
    return sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(others))), shape=(n, n)
    )


def build_matcher(
    view: ClusterView, entities: EntityIndex | None = None, embedder: Embedder | None = None
) -> Matcher:
    entities = entities or group_entities(view.sentences)
    units = build_units(view, entities)
    related = related_units(units, embedder) if embedder is not None else None
    return Matcher(view, entities, units, related)
