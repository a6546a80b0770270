"""``newsum report``: one self-contained HTML page showing who reports what."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsum.commands.options import Embed, Inputs, MethodName, Sentences, Words, summarize_inputs


def register(app: typer.Typer) -> None:
    @app.command()
    def report(
        inputs: Inputs,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output", "-o", help="Where to write the page (default: standard output)."
            ),
        ] = None,
        words: Words = None,
        sentences: Sentences = None,
        method: MethodName = "concepts",
        title: Annotated[str, typer.Option(help="Page title.")] = "newsum report",
        embed: Embed = False,
    ) -> None:
        """Write an HTML report: the summary with citations that open each outlet's
        supporting sentence side by side, disagreements, name variants and an outlet table.

        The page is one file with nothing to download: it can be opened offline.
        """
        from newsum.errors import InputError
        from newsum.report import to_html

        if output is not None and output.is_dir():
            raise InputError(f"{output}: is a folder, expected a file name for the page")
        summary = summarize_inputs(inputs, words, sentences, method, embed)
        page = to_html(summary, title=title)
        if output is None:
            typer.echo(page)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
        typer.echo(f"newsum: wrote the report to {output}", err=True)
