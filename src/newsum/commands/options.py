"""What the summarizing commands share: their option declarations and the one way they run.

``newsum summarize`` and ``newsum report`` (and any command that summarizes one cluster)
declare ``--words``, ``--sentences``, ``--method`` and ``--embed`` from here, so a flag means
one thing everywhere, and read standard input and report warnings the same way.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from newsum.types import Summary

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders, JSONL files, or - for standard input.",
        show_default=False,
        metavar="INPUT",
    ),
]
Words = Annotated[
    int | None,
    typer.Option(
        "--words",
        "-w",
        help="Length limit in words (default 100).",
        min=1,
        metavar="N",
    ),
]
Sentences = Annotated[
    int | None,
    typer.Option(
        "--sentences", "-s", help="Number of sentences instead of words.", min=1, metavar="N"
    ),
]
MethodName = Annotated[
    str,
    typer.Option(
        "--method", "-m", help="Summarization method (see `newsum methods`).", metavar="NAME"
    ),
]
Jobs = Annotated[
    int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).", min=0)
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run on Dask: 'local' starts a cluster of --jobs workers here; "
        "tcp://HOST:PORT joins a running `dask scheduler` (needs the 'dask' extra).",
        show_default=False,
    ),
]


Embed = Annotated[
    bool,
    typer.Option("--embed", help="Match paraphrases with word vectors (needs the 'embed' extra)."),
]


def budget(words: int | None, sentences: int | None) -> tuple[int | None, int | None]:
    """--sentences alone means no word limit; neither means the pipeline's default length."""
    if words is None and sentences is None:
        from newsum.pipeline import DEFAULT_WORDS

        return DEFAULT_WORDS, None
    return words, sentences


def one_line(message: str) -> str:
    """A message as one line: an error or warning that quotes a tool's output keeps it all."""
    return " ".join(message.split()) if "\n" in message or "\r" in message else message


def warn(message: str) -> None:
    typer.echo(f"newsum: warning: {one_line(message)}", err=True)


def read_stdin() -> bytes:
    """Standard input as bytes (decoded later like a file), at most one byte over the limit."""
    from newsum.read import MAX_FILE_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (tests, embedding)
        text = sys.stdin.read() if sys.stdin else ""
        return text.encode("utf-8")
    return bytes(stream.read(MAX_FILE_BYTES + 1))


def summarize_inputs(
    inputs: list[str],
    words: int | None,
    sentences: int | None,
    method: str,
    embed: bool,
    trust: bool = True,
) -> Summary:
    """Read the inputs and summarize them as one cluster, printing its warnings on stderr.

    A bad method name fails before anything is read. ``trust=False`` skips the trust
    analysis (``pipeline.summarize``), for output that shows none of it.
    """
    from newsum.methods import get_method
    from newsum.pipeline import Components, summarize
    from newsum.read import read_paths

    get_method(method)
    articles = read_paths(inputs, stdin=read_stdin() if "-" in inputs else None)
    word_budget, sentence_budget = budget(words, sentences)
    components = Components()
    if embed:
        from newsum.embed import load_embedder

        components = Components(embedder=load_embedder())
    summary = summarize(
        articles,
        words=word_budget,
        sentences=sentence_budget,
        method=method,
        components=components,
        trust=trust,
    )
    for warning in summary.warnings:
        warn(warning)
    return summary
