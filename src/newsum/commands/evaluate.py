"""``newsum evaluate``: ROUGE of a method on clusters with human references, oracle beside."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from newsum.commands.options import Jobs, MethodName, Scheduler, Words


def register(app: typer.Typer) -> None:
    @app.command()
    def evaluate(
        data: Annotated[
            Path, typer.Argument(help="Clusters with references, one per line (.jsonl[.gz]).")
        ],
        method: MethodName = "concepts",
        words: Words = None,
        protocol: Annotated[
            str,
            typer.Option(
                "--protocol",
                "-p",
                help="duc (ROUGE-1.5.5 recall/F1, R1/R2), longbench (ROUGE-L F1), rouge-score.",
            ),
        ] = "duc",
        oracle: Annotated[
            bool, typer.Option("--oracle/--no-oracle", help="Also score the extractive oracle.")
        ] = True,
        json_out: Annotated[
            Path | None, typer.Option("--json", help="Also write the figures to this file.")
        ] = None,
        summaries: Annotated[
            Path | None,
            typer.Option(
                "--summaries",
                help="Score these summaries (`newsum batch` output: JSONL with id and "
                "summary) instead of running --method.",
            ),
        ] = None,
        jobs: Jobs = 1,
        scheduler: Scheduler = None,
    ) -> None:
        """Summarize every cluster and score it against all its references."""
        from rich.console import Console
        from rich.table import Table

        from newsum.backend import make_backend
        from newsum.batch import default_jobs
        from newsum.errors import InputError
        from newsum.evaluation import PROTOCOLS
        from newsum.evaluation.run import evaluate_clusters
        from newsum.methods import get_method
        from newsum.pipeline import DEFAULT_WORDS

        if protocol not in PROTOCOLS:
            raise InputError(
                f"unknown protocol {protocol!r}; choose one of: {', '.join(PROTOCOLS)}"
            )
        get_method(method)
        words = words or DEFAULT_WORDS
        backend = make_backend(jobs or default_jobs(), scheduler)
        try:
            result = evaluate_clusters(
                data,
                method=method,
                words=words,
                protocol=protocol,
                oracle=oracle,
                summaries=summaries,
                backend=backend,
            )
        finally:
            backend.close()
        err = Console(stderr=True)
        for note in dict.fromkeys(n for run in result.runs for n in run.rouge.notes):
            loud = note.startswith(("FALLBACK", "stemming: plain Porter"))
            err.print(f"[bold red]{note}[/]" if loud else f"note: {note}", highlight=False)
        for skipped in result.skipped:
            err.print(f"skipped: {skipped}", highlight=False)
        keys = list(result.runs[0].rouge.scores)
        table = Table(
            title=f"{data} — {result.clusters} clusters, {words} words, protocol {protocol}"
        )
        table.add_column("system", no_wrap=True)
        for key in keys:
            table.add_column(_label(key), justify="right", no_wrap=True)
        table.add_column("s/cluster", justify="right")
        for run in result.runs:
            table.add_row(
                run.name,
                *(f"{run.rouge.scores[k]:.2f}" for k in keys),
                "—" if run.seconds_per_cluster is None else f"{run.seconds_per_cluster:.3f}",
            )
        Console(width=max(Console().width, 100)).print(table)
        if json_out is not None:
            payload: dict[str, Any] = {
                "data": result.data,
                "protocol": protocol,
                "words": words,
                "clusters": result.clusters,
                "skipped": list(result.skipped),
                "systems": [
                    {
                        "name": run.name,
                        "backend": run.rouge.backend,
                        "scores": run.rouge.scores,
                        "intervals": {k: list(v) for k, v in run.rouge.intervals.items()},
                        "seconds_per_cluster": run.seconds_per_cluster,
                        "notes": run.rouge.notes,
                    }
                    for run in result.runs
                ],
            }
            json_out.write_text(json.dumps(payload, indent=2), encoding="utf-8")


def _label(key: str) -> str:
    """'rouge-1-r' -> 'R1 rec': short enough for a terminal."""
    parts = key.removeprefix("rouge-").split("-")
    kind = {"r": "rec", "p": "prec", "f": "F1"}.get(parts[-1], parts[-1])
    return f"R{''.join(parts[:-1]).upper().replace('LSUM', 'Lsum')} {kind}"
