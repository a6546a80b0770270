"""A self-contained HTML page for one summary: citations that open the supporting sentences
of each outlet side by side, disagreements, name variants and the per-outlet table.

Everything is inline (no network, no CDN) and a Content-Security-Policy forbids loading
anything. Every piece of article text is HTML-escaped before it enters the page, and the
script only toggles classes, so article text never reaches the script.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib import resources
from string import Template
from typing import Any

from newsum.render import to_dict
from newsum.types import Summary


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _outlet_list(names: Sequence[str]) -> str:
    return ", ".join(_e(n) for n in names)


def _summary(data: dict[str, Any], number: dict[int, int]) -> str:
    if not data["sentences"]:
        return '<p class="none">The summary is empty.</p>'
    items = []
    for k, sentence in enumerate(data["sentences"]):
        panel = f"support-{k}"
        refs = [sentence, *sentence["support"]]
        docs = sorted({r["document"] for r in refs}, key=lambda d: number[d])
        buttons = "".join(
            f'<button type="button" class="cite" data-panel="{panel}" data-doc="{d}" '
            f'aria-expanded="false" title="{_e(_label(data, d))}">{number[d]}</button>'
            for d in docs
        )
        independent = sentence["independent_sources"]
        kind = "single" if sentence["single_source"] else "multi"
        badge = (
            f'<span class="badge {kind}" title="{_outlet_list(independent)}">'
            f"{_e(sentence['corroboration'])}</span>"
        )
        if sentence["disputed"]:
            badge += '<span class="badge single">disputed</span>'
        cards = [_card(data, sentence, number, origin=True)]
        cards += [_card(data, s, number, origin=False) for s in sentence["support"]]
        items.append(
            f'<li><span class="text">{_e(sentence["text"])}</span> {buttons}{badge}'
            f'<div class="panel" id="{panel}">{"".join(cards)}</div></li>'
        )
    return f'<ol class="summary">{"".join(items)}</ol>'


def _label(data: dict[str, Any], doc: int) -> str:
    document = data["documents"][doc]
    return " · ".join(str(x) for x in (document["outlet"], document["headline"]) if x)


def _card(data: dict[str, Any], ref: dict[str, Any], number: dict[int, int], origin: bool) -> str:
    doc = ref["document"]
    if origin:
        note = "summary sentence taken from here"
    else:
        note = f"match {ref['score']:.2f}" + (" · word-for-word copy" if ref["verbatim"] else "")
    text = ref["original_text"] if origin else ref["text"]
    return (
        f'<div class="card{" origin" if origin else ""}" data-doc="{doc}">'
        f'<h3>[{number[doc]}] {_e(ref["outlet"])}<span class="score">{_e(note)}</span></h3>'
        f"<q>{_e(text)}</q></div>"
    )


def _disagreements(data: dict[str, Any]) -> str:
    if not data["disagreements"]:
        return (
            '<p class="none">No disagreement between outlets was found with enough confidence.</p>'
        )
    blocks = []
    for item in data["disagreements"]:
        sides = "".join(
            '<div class="card">'
            f"<h3>{_e(side['claim'])} — {_outlet_list(side['sources'])}</h3>"
            + "".join(f"<p><q>{_e(s['text'])}</q></p>" for s in side["sentences"])
            + "</div>"
            for side in item["sides"]
        )
        blocks.append(
            f'<div class="dis {_e(item["level"])}">'
            f'<div class="head">{_e(item["kind"])}: {_e(item["topic"])} '
            f'<span class="level">· {_e(item["level"])} confidence ({item["confidence"]:.2f})'
            f"</span></div>"
            f'<div class="reason">{_e(item["reason"])}</div>'
            f'<div class="sides">{sides}</div></div>'
        )
    return "".join(blocks)


def _figures(data: dict[str, Any]) -> str:
    if not data["figures"]:
        return '<p class="none">No counted thing is given a figure by two outlets.</p>'
    rows = []
    for group in data["figures"]:
        figures = "".join(
            f'<span class="variant"><b>{_e(f["text"])}</b> '
            f'<span class="who">({_e(f["outlet"])})</span></span>'
            for f in group["figures"]
        )
        flag = " (outlets disagree)" if group["contradiction"] else ""
        rows.append(f"<tr><td>{_e(group['thing'])}{flag}</td><td>{figures}</td></tr>")
    return (
        "<table><thead><tr><th>Counted thing</th><th>Figures (by)</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _entities(data: dict[str, Any]) -> str:
    varied = [e for e in data["entities"] if len(e["variants"]) > 1]
    if not varied:
        return '<p class="none">Every name is written the same way by all outlets.</p>'
    rows = []
    for entity in varied:
        variants = "".join(
            f'<span class="variant"><b>{_e(v["text"])}</b> '
            f'<span class="who">({_outlet_list(v["sources"])})</span></span>'
            for v in entity["variants"]
        )
        evidence = "; ".join(_e(x) for x in entity["evidence"])
        rows.append(
            f"<tr><td>{_e(entity['name'])}</td><td>{variants}</td>"
            f'<td class="evidence">{evidence}</td></tr>'
        )
    return (
        "<table><thead><tr><th>Entity</th><th>Written as (by)</th><th>Why grouped</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _sources(data: dict[str, Any]) -> str:
    if not data["source_table"]:
        return '<p class="none">No outlet information.</p>'

    def numbers(indices: Sequence[int]) -> str:
        return ", ".join(str(i + 1) for i in indices) or "–"

    rows = "".join(
        f"<tr><td>{_e(row['source'])}</td><td>{len(row['documents'])}</td>"
        f"<td>{numbers(row['summary_sentences'])}</td><td>{numbers(row['backs'])}</td>"
        f"<td>{numbers(row['only_source_for'])}</td>"
        f"<td>{row['uncorroborated_sentences']} of {row['sentences']}</td></tr>"
        for row in data["source_table"]
    )
    return (
        "<table><thead><tr><th>Outlet</th><th>Articles</th><th>Summary sentences from it</th>"
        "<th>It backs</th><th>Only it reports</th><th>Its sentences no other outlet matches</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        '<p class="hint">Summary sentences are numbered from 1, as above.</p>'
    )


def _articles(data: dict[str, Any], number: dict[int, int]) -> str:
    items = []
    for document in sorted(data["documents"], key=lambda d: number.get(d["index"], 10**6)):
        parts = [_e(x) for x in (document["headline"], document["outlet"]) if x]
        if document["date"]:
            parts.append(_e(document["date"]))
        if document["notice"]:
            parts.append(f"{_e(document['notice'])}, not a source")
        if document["duplicate_of"] is not None:
            parts.append(f"copy of article {number.get(document['duplicate_of'], '?')}")
        if document["url"]:
            parts.append(f'<span class="who">{_e(document["url"])}</span>')
        items.append(f'<li value="{number.get(document["index"], 0)}">{" · ".join(parts)}</li>')
    return f'<ol class="articles">{"".join(items)}</ol>'


def to_html(summary: Summary, title: str = "newsum report") -> str:
    """The whole report page as one string."""
    data = to_dict(summary)
    number = {d["index"]: d["index"] + 1 for d in data["documents"]}  # [n]: the n-th article
    sources = [d for d in data["documents"] if not d["notice"]]  # a notice is no source
    outlets = {d["outlet"] for d in sources}
    meta = (
        f"{len(sources)} articles from {len(outlets)} outlets · "
        f"{data['words']} words · method {data['method']}"
    )
    warnings = "".join(f'<p class="warning">{_e(w)}</p>' for w in data["warnings"])
    template = Template(
        resources.files("newsum").joinpath("web/report.html").read_text(encoding="utf-8")
    )
    return template.substitute(
        title=_e(title),
        meta=_e(meta),
        warnings=warnings,
        summary=_summary(data, number),
        disagreements=_disagreements(data),
        figures=_figures(data),
        entities=_entities(data),
        sources=_sources(data),
        articles=_articles(data, number),
    )
