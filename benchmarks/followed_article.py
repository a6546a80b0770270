"""Which article does a Multi-News reference follow? Per-article leads and an article chooser.

    python benchmarks/followed_article.py [--data DIR] [--words 250] [--folds 5] [--show 15]

On the Multi-News even half (the half selection tunes on; never the odd half), for each cluster
and each of its active articles, the article's opening (its candidates in order, as newsum's
cleaning, splitting and compression leave them, while they fit the budget) is scored with
LongBench ROUGE-L against the references. Printed: the score of always taking the best
article's opening (the per-article oracle), of round-robin lead (``methods.lead``), and of the
opening of the longest, the first and the most central article (TF-IDF cosine of its stems to
the other articles'); then article choosers (one feature's ranking, or a logistic regression
over the article features), chosen by cross-validation over 5 folds by SHA-1 of the id
(``prior_cv.fold_of``): accuracy against the oracle article, and the ROUGE of the chosen
article's opening, alone or with round-robin lead filling what is left of the budget. Last, the
policies that would ship it: a share of the budget from the chosen article's opening, the rest
round-robin lead, with every sentence or only those ``concepts`` finds eligible; and ``concepts``
with a bonus on the chosen article's opening (a ``Concepts`` subclass here, nothing shipped).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsum.backend import default_components
from newsum.coherence import (
    about_the_page,
    authors_voice,
    page_furniture,
    quote_allowed,
    quote_role,
    whole_sentence,
)
from newsum.evaluation import score
from newsum.evaluation.run import as_lines
from newsum.methods._prior import load_prior
from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.methods.lead import Lead
from newsum.pipeline import prepare
from newsum.represent import ClusterView
from prior_cv import fold_of
from train_prior import tune_clusters

SET = "multinews_val/validation250.jsonl.gz#even"
OPENING = 250  # words of an article's opening that its features read (the web budget)

ARTICLE_FEATURES = (
    "rank",  # the article's place in the input (0: first)
    "first",  # the first article
    "log_words",  # log of the article's words
    "longest",  # the longest article
    "word_share",  # its words over the longest article's
    "central",  # TF-IDF cosine of its stems to the other articles' together
    "open_central",  # the same for its opening alone
    "names",  # share of the capitalised words other articles use that its opening uses
    "dateline",  # cleaning found a dateline
    "quoted",  # share of its opening's sentences in a quotation
    "sentence_words",  # mean words of its opening's sentences
    "prior",  # mean shipped sentence prior over its opening
    "said",  # "said"/"says" per sentence of its opening
)


@dataclass(frozen=True)
class ArticleRow:
    doc: int
    features: tuple[float, ...]


def opening_of(view: ClusterView, doc: int, words: int) -> list[int]:
    """Candidate indices of ``doc``'s opening: its candidates in order while they fit."""
    budget = Budget(words=words)
    chosen: list[int] = []
    used = 0
    for i, candidate in enumerate(view.candidates):
        if view.sentences[candidate.sentence].doc != doc:
            continue
        if budget.allows(used, len(chosen), candidate.words):
            chosen.append(i)
            used += candidate.words
    return chosen


def with_fill(view: ClusterView, first: list[int], words: int) -> list[int]:
    """``first``, then round-robin lead's sentences (its order, unlimited) while they fit."""
    used = sum(view.candidates[i].words for i in first)
    out = list(first)
    taken = set(first)
    for i in Lead().select(view, Budget(words=None)):
        if i not in taken and used + view.candidates[i].words <= words:
            out.append(i)
            used += view.candidates[i].words
    return out


def text_of(view: ClusterView, picked: Sequence[int]) -> str:
    return as_lines([view.candidates[i].text for i in picked])


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0) * idf[k] ** 2 for k, v in a.items())
    na = math.sqrt(sum((v * idf[k]) ** 2 for k, v in a.items()))
    nb = math.sqrt(sum((v * idf[k]) ** 2 for k, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def _capitalised(text: str) -> set[str]:
    tokens = text.split()
    return {
        t.strip(".,;:'\"()") for k, t in enumerate(tokens) if k and t[:1].isupper() and len(t) > 1
    }


def article_rows(view: ClusterView, words: int) -> list[ArticleRow]:
    active = list(view.active_documents)
    n = len(active)
    stems: dict[int, Counter[str]] = {d: Counter() for d in active}
    texts: dict[int, list[str]] = {d: [] for d in active}
    for sentence, terms in zip(view.sentences, view.terms, strict=True):
        if sentence.doc in stems:
            stems[sentence.doc].update(terms.content)
            texts[sentence.doc].append(sentence.text)
    df = view.document_frequency
    idf = {s: math.log(1 + n / df[s]) for d in active for s in stems[d]}
    sizes = {d: sum(len(t.split()) for t in texts[d]) for d in active}
    longest = max(sizes.values())
    prior = load_prior()
    caps = {d: _capitalised(" ".join(texts[d])) for d in active}
    rows = []
    for rank, d in enumerate(active):
        others: Counter[str] = Counter()
        other_caps: Counter[str] = Counter()
        for e in active:
            if e != d:
                others.update(stems[e])
                other_caps.update(caps[e])
        opening = opening_of(view, d, words)
        open_stems: Counter[str] = Counter()
        for i in opening:
            open_stems.update(view.candidate_terms[i].content)
        open_text = " ".join(view.candidates[i].text for i in opening)
        shared_caps = set(other_caps)
        names = len(_capitalised(open_text) & shared_caps) / len(shared_caps) if shared_caps else 0
        sents = [view.sentences[view.candidates[i].sentence] for i in opening]
        quoted = sum(s.quote != "none" for s in sents) / max(len(sents), 1)
        mean_words = (
            sum(view.candidates[i].words for i in opening) / len(opening) if opening else 0.0
        )
        p = float(prior.score(view, opening).mean()) if opening else 0.0
        said = sum(w in ("said", "says") for w in open_text.lower().split()) / max(len(sents), 1)
        features = (
            float(rank),
            float(rank == 0),
            math.log(max(sizes[d], 1)),
            float(sizes[d] == longest),
            sizes[d] / max(longest, 1),
            _cosine(stems[d], others, idf) if n > 1 else 1.0,
            _cosine(open_stems, others, idf) if n > 1 else 1.0,
            names,
            float(view.documents[d].dateline is not None),
            quoted,
            mean_words,
            p,
            said,
        )
        rows.append(ArticleRow(d, features))
    return rows


class FollowedConcepts(Concepts):
    """``concepts`` with ``bonus`` added to the prior of the sentences in ``opening`` (an
    experiment: how much a known followed article is worth to the method)."""

    def __init__(self, opening: set[int], bonus: float) -> None:
        super().__init__()
        self.opening = opening
        self.bonus = bonus

    def prior(self, view: ClusterView, eligible: Sequence[int]) -> np.ndarray:
        out = super().prior(view, eligible)
        if len(view.active_documents) < 2:
            return out
        return out + self.bonus * np.array([i in self.opening for i in eligible], dtype=float)


def rl(texts: list[str], refs: list[list[str]]) -> np.ndarray:
    result = score("longbench", texts, refs, 250)
    assert result.per_cluster is not None
    return np.array([p["rouge-l-f"] for p in result.per_cluster])


def restricted_opening(view: ClusterView, doc: int, words: int, allowed: set[int]) -> list[int]:
    """``opening_of`` over the candidates in ``allowed`` only."""
    chosen, used = [], 0
    for i, candidate in enumerate(view.candidates):
        doc_of = view.sentences[candidate.sentence].doc
        if doc_of == doc and i in allowed and used + candidate.words <= words:
            chosen.append(i)
            used += candidate.words
    return chosen


def restricted_fill(
    view: ClusterView, first: list[int], words: int, allowed: set[int]
) -> list[int]:
    """``with_fill`` over the candidates in ``allowed`` only."""
    out, used = list(first), sum(view.candidates[i].words for i in first)
    for i in Lead().select(view, Budget(words=None)):
        if i in allowed and i not in out and used + view.candidates[i].words <= words:
            out.append(i)
            used += view.candidates[i].words
    return out


def refusal(view: ClusterView, i: int, words: int) -> str:
    """The first of ``Concepts.eligible``'s rules that refuses candidate ``i`` (as ordered
    there; "other": the statement, transcript, tweet and speaker rules)."""
    rules = Concepts()
    candidate = view.candidates[i]
    text = candidate.text
    role = quote_role(view.sentences[candidate.sentence], text)
    if text.rstrip('"”').endswith("?"):
        return "question"
    if not whole_sentence(text):
        return "not a whole sentence"
    if about_the_page(text) or page_furniture(text):
        return "page or furniture"
    if not quote_allowed(role, text, words):
        return f"quotation policy ({role})"
    if authors_voice(text):
        return "writer's voice"
    if not rules.min_words <= candidate.words <= rules.max_words:
        return "length"
    return "other"


def paired(label: str, s: np.ndarray, base: np.ndarray, fold: np.ndarray, folds: int) -> None:
    d = s - base
    print(f"    {label:44s} {s.mean():6.2f}  paired {d.mean():+.2f} +- "
          f"{d.std(ddof=1) / math.sqrt(len(d)):.2f}; folds "
          + " ".join(f"{d[fold == f].mean():+.2f}" for f in range(folds)), flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", type=int, default=15, help="clusters to print for reading")
    parser.add_argument("--limit", type=int, default=0, help="first N clusters only (sampling)")
    args = parser.parse_args()
    words, folds = args.words, args.folds
    components = default_components()
    clusters = tune_clusters(str(args.data / SET))
    if args.limit:
        clusters = clusters[: args.limit]
    views = [prepare(list(c.articles), components) for c in clusters]
    refs = [list(c.references) for c in clusters]
    rows = [article_rows(v, words) for v in views]
    budget = Budget(words=words)
    everything = [set(range(len(v.candidates))) for v in views]
    eligible = [set(Concepts().eligible(v, budget)) for v in views]
    fold = np.array([fold_of(c.id, folds) for c in clusters])

    def openings(allowed: list[set[int]]) -> list[list[float]]:
        """Each article's opening (over ``allowed``) scored, per cluster."""
        texts, owner = [], []
        for k, (view, found) in enumerate(zip(views, rows, strict=True)):
            for row in found:
                texts.append(text_of(view, restricted_opening(view, row.doc, words, allowed[k])))
                owner.append(k)
        scores = rl(texts, [refs[k] for k in owner])
        table: list[list[float]] = [[] for _ in clusters]
        for k, value in zip(owner, scores, strict=True):
            table[k].append(float(value))
        return table

    per_alone = openings(everything)
    per_eligible = openings(eligible)
    lead = rl([text_of(v, Lead().select(v, budget)) for v in views], refs)
    lead_eligible = rl(
        [
            text_of(v, restricted_fill(v, [], words, e))
            for v, e in zip(views, eligible, strict=True)
        ],
        refs,
    )
    concepts = rl([text_of(v, Concepts().select(v, budget)) for v in views], refs)
    best = [int(np.argmax(a)) for a in per_alone]
    n_docs = np.array([len(a) for a in per_alone])

    multi = [k for k in range(len(clusters)) if n_docs[k] > 1]

    def accuracy(pick: Sequence[int]) -> float:
        """The share of multi-article clusters where ``pick`` is the oracle article."""
        return float(np.mean([pick[k] == best[k] for k in multi]))

    def figure(pick: Sequence[int], table: list[list[float]]) -> float:
        return float(np.mean([table[k][j] for k, j in enumerate(pick)]))

    def by_feature(name: str, sign: float = 1.0) -> list[int]:
        col = ARTICLE_FEATURES.index(name)
        return [int(np.argmax([sign * r.features[col] for r in found])) for found in rows]

    print(f"{SET}: {len(clusters)} clusters, {words} words, LongBench RL")
    print(f"  concepts                             {concepts.mean():6.2f}")
    print(f"  round-robin lead                     {lead.mean():6.2f}   eligible only "
          f"{lead_eligible.mean():6.2f}")  # fmt: skip
    best_eligible = [int(np.argmax(a)) for a in per_eligible]
    print(f"  oracle article's opening             {figure(best, per_alone):6.2f}   eligible "
          f"only {figure(best_eligible, per_eligible):6.2f}")  # fmt: skip
    for label, pick in (
        ("first article", [0] * len(clusters)),
        ("longest article", by_feature("log_words")),
        ("most central article", by_feature("central")),
        ("most central opening", by_feature("open_central")),
        ("mean opening (any article)", None),
    ):
        if pick is None:
            print(f"  {label:36s} {np.mean([np.mean(a) for a in per_alone]):6.2f}")
            continue
        acc = accuracy(pick)
        print(f"  {label:36s} {figure(pick, per_alone):6.2f}   accuracy {acc:.2f}")
    for m in (2, 3, 4):
        sel = np.where(n_docs == m if m < 4 else n_docs >= 4)[0]
        print(f"  {m}{'+' if m == 4 else ''} articles ({len(sel)} clusters): best opening "
              f"{np.mean([max(per_alone[k]) for k in sel]):.2f}, mean "
              f"{np.mean([np.mean(per_alone[k]) for k in sel]):.2f}, worst "
              f"{np.mean([min(per_alone[k]) for k in sel]):.2f}, lead {lead[sel].mean():.2f}")  # fmt: skip
    short = multi
    print(
        f"  oracle is the first article in {np.mean([best[k] == 0 for k in short]):.2f} of "
        f"{len(short)} multi-article clusters (chance {np.mean(1 / n_docs[short]):.2f}); the "
        f"shortest in {np.mean([best[k] == by_feature('log_words', -1)[k] for k in short]):.2f}"
    )

    refused: Counter[str] = Counter()
    total = 0
    for k, view in enumerate(views):
        for i in opening_of(view, rows[k][best[k]].doc, words):
            total += view.candidates[i].words
            if i not in eligible[k]:
                refused[refusal(view, i, words)] += view.candidates[i].words
    print(
        f"  the oracle openings' {total} words: refused by concepts' eligibility "
        f"{sum(refused.values()) / total:.1%}: "
        + ", ".join(f"{r} {n / total:.1%}" for r, n in refused.most_common())
    )
    print("  choosers (accuracy vs oracle article, multi-article clusters; RL of its opening):")
    picks: dict[str, list[int]] = {}
    for name in ARTICLE_FEATURES:
        for sign in (1.0, -1.0):
            pick = by_feature(name, sign)
            acc = accuracy(pick)
            label = ("max " if sign > 0 else "min ") + name
            picks[label] = pick
            print(f"    {label:22s} acc {acc:.2f}  {figure(pick, per_alone):6.2f}")
    held = logistic_chooser(rows, best, fold, folds)
    acc = accuracy(held)
    print(f"    {'logistic (held out)':22s} acc {acc:.2f}  {figure(held, per_alone):6.2f}")

    print("  policies (paired against concepts, per fold):")
    for share in (0.6, 0.8):
        cut = int(share * words)
        for name, pick in (("oracle", best), ("max prior", picks["max prior"]), ("logistic", held)):
            for allowed, kind in ((everything, "any"), (eligible, "eligible")):
                texts = [
                    text_of(
                        v,
                        restricted_fill(
                            v,
                            restricted_opening(v, rows[k][pick[k]].doc, cut, allowed[k]),
                            words,
                            allowed[k],
                        ),
                    )
                    for k, v in enumerate(views)
                ]
                paired(f"{name} {share:.1f} of budget + lead, {kind}", rl(texts, refs), concepts,
                       fold, folds)  # fmt: skip
    paired("round-robin lead", lead, concepts, fold, folds)
    for name, pick in (("oracle", best), ("max prior", picks["max prior"])):
        for bonus in (1.0, 3.0):
            texts = []
            for k, view in enumerate(views):
                followed = set(opening_of(view, rows[k][pick[k]].doc, int(0.8 * words)))
                texts.append(text_of(view, FollowedConcepts(followed, bonus).select(view, budget)))
            paired(f"concepts, bonus {bonus:.0f} on {name}'s 0.8 opening", rl(texts, refs),
                   concepts, fold, folds)  # fmt: skip

    for k in range(min(args.show, len(clusters))):
        view = views[k]
        print(f"\n== {clusters[k].id} ({len(rows[k])} articles; lead {lead[k]:.1f}); "
              f"oracle article {best[k]}")  # fmt: skip
        print(f"   reference: {refs[k][0][:300]}")
        for j, row in enumerate(rows[k]):
            opening = opening_of(view, row.doc, words)
            head = view.candidates[opening[0]].text[:160] if opening else ""
            feats = " ".join(
                f"{n}={v:.2f}"
                for n, v in zip(ARTICLE_FEATURES, row.features, strict=True)
                if n in ("log_words", "central", "names", "quoted", "dateline", "prior")
            )
            print(f"   [{j}] RL {per_alone[k][j]:.1f} (eligible {per_eligible[k][j]:.1f}) {feats}"
                  f"\n       {head}")  # fmt: skip


def logistic_chooser(
    rows: list[list[ArticleRow]], best: list[int], fold: np.ndarray, folds: int
) -> list[int]:
    """For each fold, a logistic regression (is this the oracle article?) trained on the other
    folds' articles; each cluster picks its most probable article."""
    from sklearn.linear_model import LogisticRegression

    x = [np.array([r.features for r in found]) for found in rows]
    y = [np.eye(len(found))[b] for found, b in zip(rows, best, strict=True)]
    picks = [0] * len(rows)
    for f in range(folds):
        train = [k for k in range(len(rows)) if fold[k] != f and len(rows[k]) > 1]
        xs = np.vstack([x[k] for k in train])
        ys = np.concatenate([y[k] for k in train])
        mean, scale = xs.mean(axis=0), xs.std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=1.0, max_iter=1000).fit((xs - mean) / scale, ys)
        for k in range(len(rows)):
            if fold[k] == f:
                p = model.predict_proba((x[k] - mean) / scale)[:, 1]
                picks[k] = int(np.argmax(p))
    return picks


if __name__ == "__main__":
    main()
