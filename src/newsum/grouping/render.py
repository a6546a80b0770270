"""Stories as JSON records (one per line), plain text or Markdown with citations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsum.grouping import Story
from newsum.order import parse_date

FORMATS = ("text", "markdown", "json", "jsonl")


def story_record(story: Story, rank: int) -> dict[str, Any]:
    """The JSON shape of one story: ids to check the grouping, and the summary as in batch.
    An article in no story is a record with ``"story": null`` and the reason."""
    if story.unassigned is not None:
        return {"story": None, "rank": rank, "unassigned": story.unassigned,
                "articles": [a.id for a in story.articles],
                "titles": [a.title for a in story.articles]}  # fmt: skip
    record: dict[str, Any] = {
        "story": story.id,
        "rank": rank,
        "size": story.size,
        "sources": list(story.sources),
        "first_date": story.first_date,
        "last_date": story.last_date,
        "articles": [a.id for a in story.articles],
        "titles": [a.title for a in story.articles],
    }
    if story.summary is not None:
        from newsum.render import to_dict

        full = to_dict(story.summary)
        keep = ("text", "document_id", "span", "sources", "source_count")
        record["summary"] = full["summary"]
        record["words"] = full["words"]
        record["sentences"] = [{k: s[k] for k in keep} for s in full["sentences"]]
        record["warnings"] = full["warnings"]
    elif story.error is not None:
        record["summary"] = ""
        record["error"] = story.error
    return record


def _heading(story: Story, rank: int) -> str:
    if story.unassigned is not None:
        return f"Unassigned: {story.unassigned}"
    span = ""
    if story.first_date:
        first, last = _shown(story.first_date), _shown(story.last_date)
        span = f", {first}" + (f" to {last}" if last != first else "")
    outlets = ", ".join(story.sources[:6]) + (", ..." if len(story.sources) > 6 else "")
    return (
        f"Story {rank} (#{story.id}): {story.size} article{'s' if story.size != 1 else ''}, "
        f"{len(story.sources)} source{'s' if len(story.sources) != 1 else ''} ({outlets}){span}"
    )


def _shown(date: str | None) -> str:
    """A date as one reader-facing form (feeds write "11/06/1998 08:36:00" beside
    "1998-11-06 21:16"): the day, and the minute when the input gives a time of day."""
    parsed = parse_date(date)
    if parsed is None:
        return date or ""
    return parsed.strftime(
        "%Y-%m-%d %H:%M" if (parsed.hour, parsed.minute) != (0, 0) else "%Y-%m-%d"
    )


def _label(article: Any) -> str:
    parts = [article.title or article.id]
    if article.title:
        parts.append(article.id)
    parts += [p for p in (article.source, article.date) if p]
    return " — ".join(parts)


def to_text(stories: Sequence[Story]) -> str:
    blocks = []
    for rank, story in enumerate(stories, start=1):
        lines = [_heading(story, rank)]
        lines += [f"  - {_label(a)}" for a in story.articles]
        if story.summary is not None:
            lines += ["", story.summary.text or "(empty summary)"]
        elif story.error:
            lines += ["", f"(no summary: {story.error})"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_markdown(stories: Sequence[Story]) -> str:
    from newsum.render import to_markdown as summary_markdown

    blocks = []
    for rank, story in enumerate(stories, start=1):
        lines = [f"## {_heading(story, rank)}", ""]
        if story.summary is not None:
            lines.append(summary_markdown(story.summary).rstrip())
            lines.append("")
        elif story.error:
            lines += [f"_(no summary: {story.error})_", ""]
        lines.append("**Articles**")
        lines.append("")
        lines += [f"- {_label(a)}" for a in story.articles]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def render(stories: Sequence[Story], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(
            json.dumps(story_record(s, r), ensure_ascii=False) + "\n"
            for r, s in enumerate(stories, start=1)
        )
    if fmt == "json":
        records = [story_record(s, r) for r, s in enumerate(stories, start=1)]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(stories)
    return to_text(stories)


def format_for(path: str | None, fmt: str | None) -> str:
    """An explicit format wins; else the output's suffix decides (.jsonl, .json, .md); else text."""
    if fmt:
        return fmt
    name = (path or "").lower()
    for suffix, chosen in ((".jsonl", "jsonl"), (".json", "json"), (".md", "markdown")):
        if name.endswith(suffix):
            return chosen
    return "text"
