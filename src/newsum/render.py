"""Render stage: a Summary as plain text, Markdown with numbered citations, or JSON.

The JSON shape (``to_dict``) is shared by ``--format json``, ``batch`` and the web service;
its fields are documented on ``to_dict``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsum.types import (
    Corroboration,
    Disagreement,
    Document,
    Entity,
    FigureGroup,
    Provenance,
    Sentence,
    SourceRow,
    Summary,
    SummarySentence,
    TrustReport,
)


def _report(summary: Summary) -> TrustReport:
    """The summary's trust report; a Summary built by hand without one gets an empty one."""
    if summary.trust is not None:
        return summary.trust
    from newsum.trust.outlets import Outlets

    outlets = Outlets.of(summary.documents)
    return TrustReport(
        matching="none",
        support_threshold=0.0,
        provenance=outlets.provenance,
        corroboration=tuple(outlets.corroboration(s.origin, s.support) for s in summary.sentences),
    )


def _cited_documents(summary: Summary) -> list[int]:
    """Documents cited anywhere in the summary, in input order."""
    cited = {
        doc
        for sentence in summary.sentences
        for doc in [sentence.origin.doc, *(s.sentence.doc for s in sentence.support)]
    }
    return sorted(cited)


def to_text(summary: Summary) -> str:
    return summary.text


def _document_label(document: Document, provenance: Provenance) -> str:
    article = document.article
    parts = [provenance.label]
    if provenance.copy_of is not None:
        parts.append(f"copy of [{provenance.copy_of + 1}]")
    if article.date:
        parts.append(article.date)
    if article.url:
        parts.append(article.url)
    return " — ".join(parts)


def _cell(text: str) -> str:
    """Text safe inside one Markdown table cell or list item."""
    return " ".join(text.split()).replace("|", "\\|")


def _outlets_of(report: TrustReport, docs: Sequence[int]) -> list[str]:
    return list(dict.fromkeys(report.provenance[d].outlet for d in docs))


def corroboration_note(corroboration: Corroboration) -> str:
    """ "single source", "1 source, 2 copies: Article 4", "3 sources: Xinhua, AP, AFP"."""
    if corroboration.single_source and corroboration.articles <= 1:
        return corroboration.label
    return f"{corroboration.label}: {', '.join(corroboration.sources)}"


def _figure_line(group: FigureGroup) -> list[str]:
    flag = " (outlets disagree, see Disagreements)" if group.contradiction else ""
    lines = [f"- **{_cell(group.thing)}**{flag}"]
    for figure in group.figures:
        lines.append(f"  - {_cell(figure.text)} — {_cell(figure.outlet)}")
    return lines


def to_markdown(summary: Summary) -> str:
    """The summary with numbered citations ([n] is the n-th input article), then sources,
    figures, name variants, disagreements and the per-outlet table."""
    report = _report(summary)
    docs = summary.documents
    lines = []
    for sentence, backing in zip(summary.sentences, report.corroboration, strict=True):
        cites = sorted({sentence.origin.doc, *(s.sentence.doc for s in sentence.support)})
        marks = "".join(f"[{d + 1}]" for d in cites)
        note = f" _({_cell(corroboration_note(backing))})_"
        if backing.disputed:
            note += " _(disputed, see below)_"
        lines.append(f"{sentence.text} {marks}{note}")
    body = "\n".join(f"- {line}" for line in lines) if lines else "_(empty summary)_"
    parts = [body]
    cited = _cited_documents(summary)
    if cited:
        parts.append(
            "**Sources**\n\n"
            + "\n".join(
                f"{d + 1}. {_cell(_document_label(docs[d], report.provenance[d]))}" for d in cited
            )
        )
    if report.figures:
        items = [line for group in report.figures for line in _figure_line(group)]
        parts.append(
            "**Figures** (every figure the outlets give for the same counted thing)\n\n"
            + "\n".join(items)
        )
    entities = [e for e in report.entities if len(e.variants) > 1]
    if entities:
        items = []
        for entity in entities:
            variants = "; ".join(
                f"{_cell(v.text)} ({', '.join(_outlets_of(report, v.documents))})"
                for v in entity.variants
            )
            items.append(f"- **{_cell(entity.name)}**: {variants}")
        parts.append("**Name variants**\n\n" + "\n".join(items))
    if report.disagreements:
        items = []
        for item in report.disagreements:
            items.append(
                f"- **{item.kind}** ({item.level} confidence, {item.confidence:.2f}): "
                f"{_cell(item.topic)}"
            )
            for side in item.sides:
                quote = _cell(side.sentences[0].text)
                items.append(f"  - {_cell(side.claim)} by {', '.join(side.sources)}: “{quote}”")
        parts.append("**Disagreements**\n\n" + "\n".join(items))
    if report.source_table and summary.sentences:
        rows = [
            "| Outlet | Articles | Summary sentences from it | It backs | Only it reports "
            "| Its sentences no other outlet matches |",
            "|---|---|---|---|---|---|",
        ]
        for row in report.source_table:
            rows.append(
                f"| {_cell(row.source)} | {len(row.documents)} | {_numbers(row.origin)} "
                f"| {_numbers(row.backs)} | {_numbers(row.only)} "
                f"| {row.exclusive} of {row.sentences} |"
            )
        parts.append("**By outlet** (summary sentences numbered from 1)\n\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"


def _numbers(indices: Sequence[int]) -> str:
    return ", ".join(str(i + 1) for i in indices) or "–"


def _sentence_ref(report: TrustReport, document: Document, sentence: Sentence) -> dict[str, Any]:
    article = document.article
    provenance = report.provenance[sentence.doc]
    return {
        "document": sentence.doc,
        "document_id": article.id,
        "sentence_index": sentence.index,
        "span": [sentence.start, sentence.end],
        "text": sentence.text,
        "title": provenance.headline,
        "source": article.source,
        "outlet": provenance.outlet,
        "date": article.date,
        "url": article.url,
    }


def _sentence_dict(
    report: TrustReport, docs: Sequence[Document], s: SummarySentence, backing: Corroboration
) -> dict[str, Any]:
    from newsum.trust.outlets import is_copy

    return {
        "text": s.text,
        **{
            k: v
            for k, v in _sentence_ref(report, docs[s.origin.doc], s.origin).items()
            if k != "text"
        },
        "original_text": s.origin.text,
        "sources": list(s.sources),
        "source_count": len(s.sources),
        "independent_sources": list(backing.sources),
        "single_source": backing.single_source,
        "corroboration": backing.label,
        "cited_articles": backing.articles,
        "disputed": backing.disputed,
        "support": [
            {
                **_sentence_ref(report, docs[sup.sentence.doc], sup.sentence),
                "score": round(sup.score, 4),
                "verbatim": is_copy(s.origin, sup.sentence),
            }
            for sup in s.support
        ],
    }


def _entity_dict(report: TrustReport, entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "acronym": entity.acronym,
        "mentions": entity.mentions,
        "documents": list(entity.documents),
        "sources": _outlets_of(report, entity.documents),
        "variants": [
            {
                "text": v.text,
                "count": v.count,
                "documents": list(v.documents),
                "sources": _outlets_of(report, v.documents),
            }
            for v in entity.variants
        ],
        "evidence": list(entity.evidence),
    }


def _disagreement_dict(
    report: TrustReport, docs: Sequence[Document], item: Disagreement
) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "topic": item.topic,
        "confidence": item.confidence,
        "level": item.level,
        "reason": item.reason,
        "sides": [
            {
                "claim": side.claim,
                "sources": list(side.sources),
                "sentences": [_sentence_ref(report, docs[s.doc], s) for s in side.sentences],
            }
            for side in item.sides
        ],
    }


def _figure_dict(
    report: TrustReport, docs: Sequence[Document], group: FigureGroup
) -> dict[str, Any]:
    return {
        "thing": group.thing,
        "contradiction": group.contradiction,
        "outlets": list(group.outlets),
        "figures": [
            {
                "value": f.value,
                "text": f.text,
                "hedge": f.hedge,
                "outlet": f.outlet,
                "sentence": _sentence_ref(report, docs[f.sentence.doc], f.sentence),
            }
            for f in group.figures
        ],
    }


def _source_row_dict(row: SourceRow) -> dict[str, Any]:
    return {
        "source": row.source,
        "documents": list(row.documents),
        "summary_sentences": list(row.origin),
        "backs": list(row.backs),
        "only_source_for": list(row.only),
        "sentences": row.sentences,
        "uncorroborated_sentences": row.exclusive,
    }


def to_dict(summary: Summary) -> dict[str, Any]:
    """The JSON shape shared by ``--format json``, ``batch`` and the web service.

    - ``summary``, ``method``, ``words``, ``budget``, ``warnings``: the summary text and how
      it was made.
    - ``sentences``: per summary sentence, where it comes from (``document``, ``span`` in
      the original article text, ``outlet``...), ``sources`` (outlets reporting it, a
      syndicated copy counted as its original), ``independent_sources`` (the same, without
      outlets that only carry a word-for-word copy), ``single_source``, ``corroboration``
      (the words every output uses: "single source", "1 source, 2 copies", "3 sources"),
      ``cited_articles``, and ``support``: the best-matching sentence of each other
      article, with its ``score`` (0-1) and ``verbatim`` when it is a copy; ``disputed``
      when it is quoted in a disagreement. A quoted sentence's ``title`` is its article's
      headline (never a sub-headline).
    - ``documents``: the input articles, in input order (``duplicate_of`` marks copies,
      ``notice`` says why an article is a notice, not a source),
      with ``outlet`` and ``outlet_evidence`` (source field, dateline, credit line, byline,
      site name, or none: then the outlet is "Article N") and ``headline``.
    - ``figures``: every counted thing at least two outlets give figures for: ``thing``,
      ``figures`` (each ``value``, ``text`` as written, ``hedge``, ``outlet``, ``sentence``)
      and ``contradiction`` (a figure disagreement quotes them).
    - ``entities``: names written in several ways or by several articles: ``name``,
      ``variants`` (each with the ``sources`` that use it) and the ``evidence`` for merging.
    - ``disagreements``: ``kind`` ("figure" or "denial"), ``topic``, ``confidence`` (0-1)
      and ``level``, ``reason``, and ``sides``, each quoting its sentences and outlets.
    - ``source_table``: per outlet, the summary sentences it gave, backs, or alone reports
      (indices into ``sentences``), and how many of its sentences no other outlet matches.
    - ``attribution``: how sentences were matched, and the ``checks`` that ran.
    All of it is read from ``Summary.trust``; nothing is recomputed here.
    """
    docs = summary.documents
    report = _report(summary)
    result: dict[str, Any] = {
        "summary": summary.text,
        "method": summary.method,
        "words": summary.words,
        "budget": {"words": summary.budget_words, "sentences": summary.budget_sentences},
        "sentences": [
            _sentence_dict(report, docs, s, backing)
            for s, backing in zip(summary.sentences, report.corroboration, strict=True)
        ],
        "documents": [
            {
                "index": d.index,
                "id": d.article.id,
                "title": d.article.title,
                "headline": p.headline,
                "source": d.article.source,
                "outlet": p.outlet,
                "outlet_evidence": p.evidence,
                "date": d.article.date,
                "url": d.article.url,
                "dateline": d.dateline,
                "duplicate_of": d.duplicate_of,
                "notice": d.notice,
            }
            for d, p in zip(docs, report.provenance, strict=True)
        ],
        "warnings": list(summary.warnings),
        "entities": [_entity_dict(report, e) for e in report.entities],
        "figures": [_figure_dict(report, docs, g) for g in report.figures],
        "disagreements": [_disagreement_dict(report, docs, d) for d in report.disagreements],
        "source_table": [_source_row_dict(r) for r in report.source_table],
        "attribution": {
            "matching": report.matching,
            "support_threshold": report.support_threshold,
            "checks": list(report.checks),
        },
    }
    return result


def to_json(summary: Summary) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2)


RENDERERS = {"text": to_text, "markdown": to_markdown, "json": to_json}


def render(summary: Summary, fmt: str) -> str:
    return RENDERERS[fmt](summary)
