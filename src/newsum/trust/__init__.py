"""Trust stage: who reports each summary sentence, how names and figures vary between
outlets, and where outlets disagree; all of it as one typed ``TrustReport``.

Modules: ``outlets`` (naming, independence, copies), ``units`` (the tokenizer, clause
splitter and negation rule), ``matching`` (sentence similarity through an inverted index),
``learned`` (the support decision, a shipped logistic regression), ``support``
(corroboration and the per-outlet table), ``entities`` (name variants),
``quantities`` and ``figures`` (every counted thing, side by side), and ``checks`` (one
module per kind of disagreement, behind a registry).

Importing this package is cheap; the parts load when ``analyse`` runs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsum.types import Sentence, Support, TrustReport

if TYPE_CHECKING:
    from newsum.represent import ClusterView
    from newsum.trust.matching import Embedder
    from newsum.trust.outlets import Outlets


@dataclass(frozen=True)
class TrustResult:
    """What the trust stage adds to a summary: per sentence its support and outlets, and
    the report every renderer reads."""

    supports: tuple[tuple[Support, ...], ...]
    sources: tuple[tuple[str, ...], ...]
    report: TrustReport


MAX_ENTITIES_SHOWN = 40  # names in the report: beyond this a reader no longer scans them


def analyse(
    view: ClusterView,
    sentence_indices: Sequence[int],
    embedder: Embedder | None = None,
    min_confidence: float | None = None,
    full: bool = True,
) -> TrustResult:
    """Support and outlets for each summary sentence, plus the cluster's name variants,
    figures, disagreements and per-outlet table.

    ``full=False`` is for bulk runs that only need sources: support by TF-IDF cosine alone,
    and no entities, figures, disagreements or table (about a third of the cost).
    """
    from newsum.trust.lexical import LEXICAL_THRESHOLD, lexical_support
    from newsum.trust.outlets import Outlets

    outlets = Outlets.of(view.documents)
    origins = [view.sentences[i] for i in sentence_indices]
    if not full:
        quick = tuple(lexical_support(view, sentence_indices))
        report = TrustReport(
            matching="tfidf",
            support_threshold=LEXICAL_THRESHOLD,
            provenance=outlets.provenance,
            corroboration=tuple(
                outlets.corroboration(o, sup) for o, sup in zip(origins, quick, strict=True)
            ),
        )
        return TrustResult(quick, _sources(outlets, origins, quick), report)
    with _collector_paused():
        return _analyse(view, sentence_indices, outlets, origins, embedder, min_confidence)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the trust stage runs, and resume it after (if it
    was running: a caller that paused it keeps it paused).

    The stage builds hundreds of thousands of small objects (name mentions, units, sets) and
    no reference cycles; each time they grow by a quarter the collector walks everything the
    process holds. At 1,000 articles that was 11 full collections, 0.7-1.0 s of the stage's
    5.5-6.3 s CPU (benchmarks/trust_scale.py's cluster), for nothing to collect. What a
    concurrent caller allocates meanwhile is collected once the collector resumes."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _analyse(
    view: ClusterView,
    sentence_indices: Sequence[int],
    outlets: Outlets,
    origins: list[Sentence],
    embedder: Embedder | None,
    min_confidence: float | None,
) -> TrustResult:
    from newsum.trust.checks import CHECKS, DEFAULT_CONFIDENCE, Context, run_checks
    from newsum.trust.entities import group_entities
    from newsum.trust.figures import mentions
    from newsum.trust.figures import view as figures_view
    from newsum.trust.learned import load_model
    from newsum.trust.matching import build_matcher
    from newsum.trust.support import find_support, source_table

    entities = group_entities(view.sentences)
    matcher = build_matcher(view, entities, embedder)
    model = load_model()
    supports = tuple(find_support(matcher, outlets, sentence_indices, model))
    context = Context(matcher, outlets, tuple(mentions(matcher)))
    threshold = DEFAULT_CONFIDENCE if min_confidence is None else min_confidence
    disagreements = run_checks(context, threshold)
    disputed = {(s.doc, s.index) for d in disagreements for side in d.sides for s in side.sentences}
    corroboration = []
    for origin, support in zip(origins, supports, strict=True):
        quoted = [
            (origin.doc, origin.index),
            *((s.sentence.doc, s.sentence.index) for s in support),
        ]
        corroboration.append(
            outlets.corroboration(origin, support, any(q in disputed for q in quoted))
        )
    shown = tuple(e for e in entities.entities if len(e.variants) > 1 or len(e.documents) > 1)
    report = TrustReport(
        matching="learned (units+embeddings)" if embedder is not None else "learned (units)",
        support_threshold=model.threshold,
        provenance=outlets.provenance,
        corroboration=tuple(corroboration),
        entities=shown[:MAX_ENTITIES_SHOWN],
        figures=figures_view(matcher, outlets, list(context.figures), disagreements),
        disagreements=disagreements,
        source_table=source_table(matcher, outlets, origins, supports),
        checks=CHECKS,
    )
    return TrustResult(supports, _sources(outlets, origins, supports), report)


def _sources(
    outlets: Outlets, origins: Sequence[Sentence], supports: Sequence[Sequence[Support]]
) -> tuple[tuple[str, ...], ...]:
    """Outlets behind each summary sentence: its own, then its supporters'."""
    return tuple(
        outlets.distinct([o.doc, *(s.sentence.doc for s in sup)])
        for o, sup in zip(origins, supports, strict=True)
    )
