"""``newsum stories`` (group a mixed stream into events and summarize each) and
``newsum evaluate-stories`` (B-cubed, pairwise F1 and ARI of the grouping against known
clusters)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsum.commands.options import Inputs, Jobs, MethodName, Words, read_stdin

if TYPE_CHECKING:
    from newsum.grouping import Story


class StoryFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class Shared(StrEnum):
    merge = "merge"
    drop = "drop"


Window = Annotated[
    str | None,
    typer.Option(
        "--window",
        help="Close a story to articles dated this long after its latest one: 3d, 36h, 2w "
        "(default: none; a window bounds memory on long feeds).",
    ),
]


def stories_command(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write (default: standard output)."),
    ] = None,
    fmt: Annotated[
        StoryFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from the output suffix .jsonl/.json/.md, else text).",
        ),
    ] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", help="Hide stories reported by fewer outlets.", min=1)
    ] = 1,
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            help="Folder that keeps the stories between runs (SQLite); "
            "only the stories this run changed are written.",
        ),
    ] = None,
    window: Window = None,
    words: Words = None,
    method: MethodName = "concepts",
    no_summary: Annotated[
        bool, typer.Option("--no-summary", help="Only group; write no summaries.")
    ] = False,
    jobs: Jobs = 0,
) -> None:
    """Group a mixed stream of articles into stories, then summarize each.

    With --jobs above 1 (0: one per core), worker processes clean the articles ahead of the grouping, which stays one sequence: the same stories. --state adds articles one by one."""
    from newsum.errors import InputError
    from newsum.grouping import stories, update
    from newsum.grouping.render import format_for, render
    from newsum.read import read_paths

    chosen = format_for(str(output) if output else None, fmt.value if fmt else None)
    from newsum.pipeline import DEFAULT_WORDS

    words = words or DEFAULT_WORDS
    articles = read_paths(inputs, stdin=read_stdin() if "-" in inputs else None)
    ids: set[str] = set()
    for article in articles:
        if article.id in ids:
            raise InputError(
                f"two articles share the id {article.id!r}; give each a unique 'id' field"
            )
        ids.add(article.id)
    settings = dict(words=words, method=method, window=window, min_sources=min_sources,
                    summarize=not no_summary)  # fmt: skip

    def write(found: list[Story]) -> None:
        failed = sum(1 for s in found if s.error)
        if failed:
            typer.echo(f"newsum: warning: {failed} stories have no summary (see 'error')", err=True)
        text = render(found, chosen)
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")

    if state is not None:
        if jobs > 1:
            typer.echo("newsum: warning: --jobs has no effect with --state", err=True)
        result = update(articles, state, deliver=lambda r: write(list(r.stories)), **settings)  # type: ignore[arg-type]
        found = list(result.stories)
        note = (
            f"added {result.added} articles ({result.skipped} already in the state); the state "
            f"holds {result.total_articles} articles in {result.total_stories} stories; "
            f"{_count(found)} changed stories"
        )
    else:
        from newsum.batch import default_jobs

        found = stories(articles, jobs=jobs or default_jobs(), **settings)  # type: ignore[arg-type]
        grouped = _count(found)
        note = f"{len(articles)} articles, {grouped} stor{'y' if grouped == 1 else 'ies'}"
        if min_sources > 1:
            note += f" with at least {min_sources} sources"
        write(found)
    left = len(found) - _count(found)
    if left:
        note += f"; {left} article{'s' if left != 1 else ''} in no story (notices)"
    if output is not None:
        note += f"; wrote {output}"
    typer.echo(f"newsum: {note}", err=True)


def _count(found: list[Story]) -> int:
    """Stories proper, without the articles that are in none."""
    return sum(1 for s in found if s.unassigned is None)


def evaluate_stories_command(
    data: Annotated[
        list[Path],
        typer.Argument(
            help="Cluster files (.jsonl or .jsonl.gz, one cluster per line).", show_default=False
        ),
    ],
    window: Window = None,
    seeds: Annotated[
        int, typer.Option("--seeds", help="Shuffles of the pool to average over.", min=1)
    ] = 5,
    shared: Annotated[
        Shared,
        typer.Option(
            "--shared",
            help="Clusters sharing a document: merge them into one true "
            "story, or drop the shared documents.",
        ),
    ] = Shared.merge,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures to this file.")
    ] = None,
) -> None:
    """Pool the clusters' articles, shuffle, group, and score against the true clusters."""
    import json

    from newsum.grouping.evaluation import evaluate, load_pool
    from newsum.grouping.group import parse_window

    days = parse_window(window)
    pool = load_pool(data)
    results = evaluate(pool, window=days, seeds=range(seeds), shared=shared.value)
    if json_out is not None:
        rows = {
            name: {
                "articles": r.scores.items, "true_stories": r.scores.true_groups,
                "found_stories": r.scores.predicted_groups, "precision": r.scores.precision,
                "recall": r.scores.recall, "f1": r.scores.f1, "ari": r.scores.ari,
                "pair_precision": r.scores.pair_precision, "pair_recall": r.scores.pair_recall,
                "pair_f1": r.scores.pair_f1, "f1_min": r.f1_min, "f1_max": r.f1_max, "seeds": r.seeds,
            }
            for name, r in results.items()
        }  # fmt: skip
        json_out.write_text(
            json.dumps({"window": window or "none", "shared": shared.value, **rows}, indent=2),
            encoding="utf-8",
        )
    typer.echo(
        f"B-cubed, ARI and pairwise F1, mean of {seeds} shuffles; window {window or 'none'}; "
        f"documents in two clusters: {shared.value}"
    )
    header = f"{'data set':<32}{'articles':>9}{'true':>6}{'found':>7}"
    header += f"{'P':>7}{'R':>7}{'F1':>7}{'ARI':>7}  F1 range     pair F1"
    typer.echo(header)
    for name, r in results.items():
        s = r.scores
        typer.echo(
            f"{name:<32}{s.items:>9}{s.true_groups:>6}{s.predicted_groups:>7}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.ari:>7.3f}"
            f"  {r.f1_min:.3f}-{r.f1_max:.3f}{s.pair_f1:>8.3f}"
        )


def register(app: typer.Typer) -> None:
    app.command("stories")(stories_command)
    app.command("evaluate-stories")(evaluate_stories_command)
