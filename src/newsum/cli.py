"""Command line: ``newsum summarize``, ``newsum batch``, ``newsum methods`` and friends.

Every error newsum raises on purpose becomes one line on stderr and a non-zero exit.
Further commands live in ``newsum.commands``: each module there has ``register(app)``.
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
import sys
import warnings
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from newsum.errors import InputError, NewsumError

_TYPE_WORDS = {"int": "INTEGER", "int range": "INTEGER", "float": "NUMBER", "float range": "NUMBER",
               "str": "TEXT"}  # fmt: skip


def _plain_types(params: list[Any], ctx: Any) -> None:
    """Help shows a value's metavar (or a plain word), never typer's ``<bool>``/``<list[str]>``."""
    for param in params:
        if getattr(param, "_plain", False):
            continue
        typed = param.display_type_rich

        def plain(ctx: Any, param: Any = param, typed: Any = typed) -> str | None:
            if param.param_type_name == "argument" or getattr(param, "is_flag", False):
                return None  # an argument's name says it; a flag takes no value
            if param.metavar:
                return str(param.metavar)
            label = str(typed(ctx)).strip("<>").removesuffix("...")
            return _TYPE_WORDS.get(label, label.upper() if label.isalpha() else label)

        param.display_type_rich = plain
        param._plain = True


class NewsumGroup(TyperGroup):
    """newsum's command group: plain help types for every command, its own included."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _plain_types(command.get_params(ctx), ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _plain_types(self.get_params(ctx), ctx)
        super().format_help(ctx, formatter)


app = typer.Typer(
    name="newsum",
    help="Short, faithful, cited summaries of many news articles about one event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=NewsumGroup,
)


def _version(value: bool) -> None:
    if value:
        from newsum import __version__

        typer.echo(f"newsum {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = None,
) -> None:
    """Short, faithful, cited summaries of many news articles about one event."""


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


Words = Annotated[
    int | None,
    typer.Option("--words", "-w", help="Length limit in words (default 100).", min=1, metavar="N"),
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


def budget(words: int | None, sentences: int | None) -> tuple[int | None, int | None]:
    """--sentences alone means no word limit; neither means 100 words."""
    if words is None and sentences is None:
        return 100, None
    return words, sentences


@app.command()
def summarize(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, JSONL files, or - for standard input.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    words: Words = None,
    sentences: Sentences = None,
    method: MethodName = "concepts",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    embed: Annotated[
        bool,
        typer.Option(
            "--embed", help="Match paraphrases with word vectors (needs the 'embed' extra)."
        ),
    ] = False,
) -> None:
    """Summarize articles about one event."""
    from newsum.methods import get_method
    from newsum.pipeline import Components
    from newsum.pipeline import summarize as run
    from newsum.read import read_paths
    from newsum.render import render

    get_method(method)  # fail fast on a bad name, before reading anything
    articles = read_paths(inputs, stdin=_read_stdin() if "-" in inputs else None)
    word_budget, sentence_budget = budget(words, sentences)
    components = Components()
    if embed:
        from newsum.embed import load_embedder

        components = Components(embedder=load_embedder())
    summary = run(
        articles,
        words=word_budget,
        sentences=sentence_budget,
        method=method,
        components=components,
    )
    for warning in summary.warnings:
        _warn(warning)
    typer.echo(render(summary, fmt.value))


@app.command()
def methods() -> None:
    """List the summarization methods."""
    from newsum.methods import DEFAULT_METHOD, available_methods

    for name, description in available_methods().items():
        marker = " (default)" if name == DEFAULT_METHOD else ""
        typer.echo(f"{name}{marker}: {description}")


@app.command()
def batch(
    source: Annotated[
        Path,
        typer.Argument(
            help="Clusters, one JSON object per line (.jsonl or .jsonl.gz), as described above.",
            metavar="CLUSTERS",
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write one JSON line per cluster.")
    ],
    words: Words = None,
    sentences: Sentences = None,
    method: MethodName = "concepts",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).", min=0)
    ] = 0,
) -> None:
    """Summarize many clusters, one per input line, keeping the input order.

    Each input line is one cluster, for example:

    {"id": "c1", "documents": [{"text": "First article ...", "source": "AFP"}, "Second article ..."]}

    "articles" may stand for "documents" (as in the HTTP API). A document is an object with "text" and optional "title", "source", "url", "date", "id", or a plain string. Optional "references" (strings, for evaluate) and "meta" are kept.
    """
    from newsum.batch import BatchSettings, default_jobs, run_batch
    from newsum.methods import get_method
    from newsum.read import read_clusters

    get_method(method)  # fail fast on a bad name, before reading anything
    word_budget, sentence_budget = budget(words, sentences)
    settings = BatchSettings(words=word_budget, sentences=sentence_budget, method=method)
    workers = jobs or default_jobs()
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise InputError(f"{output}: the output would overwrite the input")
    items = list(read_clusters(source))  # read (and refuse) the input before touching output
    errors: list[str] = []

    def note(record: dict[str, Any]) -> None:
        if "error" in record:
            errors.append(record["error"])
            _warn(f"cluster {record['id'] or '?'} skipped: {record['error']}")

    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as out:
        if sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as progress:
                task = progress.add_task("summarizing", total=len(items))

                def tick(record: dict[str, Any]) -> None:
                    note(record)
                    progress.advance(task)

                written, failed = run_batch(items, out, settings, jobs=workers, on_record=tick)
        else:
            written, failed = run_batch(items, out, settings, jobs=workers, on_record=note)
    typer.echo(f"newsum: wrote {written} summaries to {output}", err=True)
    if failed:
        raise NewsumError(
            f"{failed} cluster(s) failed; their lines in {output} carry an 'error' field"
        )


@functools.cache
def _register_extra_commands() -> None:
    from newsum import commands

    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


def _warn(message: str) -> None:
    typer.echo(f"newsum: warning: {message}", err=True)


def _read_stdin() -> bytes:
    """Standard input as bytes (decoded later like a file), at most one byte over the limit."""
    from newsum.read import MAX_FILE_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (tests, embedding)
        text = sys.stdin.read() if sys.stdin else ""
        return text.encode("utf-8")
    return bytes(stream.read(MAX_FILE_BYTES + 1))


def _error(message: str) -> int:
    typer.echo(f"newsum: error: {message}", err=True)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning every failure into one line on stderr.

    newsum's own errors, OS errors (a missing or unwritable file) and, as a last resort,
    bugs: a user never sees a traceback unless NEWSUM_DEBUG is set.
    """

    def show(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
        _warn(str(message))

    with warnings.catch_warnings():
        warnings.simplefilter("always", UserWarning)
        warnings.showwarning = show
        try:
            _register_extra_commands()
            app(args=argv, prog_name="newsum", standalone_mode=False)
        except NewsumError as exc:
            return _error(str(exc))
        except (typer.Abort, KeyboardInterrupt):
            typer.echo("newsum: interrupted", err=True)
            return 130
        except BrokenPipeError:
            _silence_stdout()
            return 0
        except Exception as exc:
            return _unexpected(exc)
    return 0


def _click_kind(exc: Exception) -> str | None:
    """Click's exception classes by name: typer ships its own copy of click."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return next((n for n in ("ClickException", "Exit", "Abort") if n in names), None)


def _usage_message(exc: Any) -> str:
    message = " ".join(str(exc.format_message()).split()).replace("Value error, ", "")
    if message[:2].istitle():  # "Invalid value ..." -> "invalid value ...", as newsum's own
        message = message[0].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and ctx.command_path:
        message = f"{message.rstrip('.')} (see '{ctx.command_path} --help')"
    return message


def _unexpected(exc: Exception) -> int:
    kind = _click_kind(exc)
    if kind == "ClickException":  # usage errors: one line too, with where to find help
        _error(_usage_message(exc))
        return int(exc.exit_code)  # type: ignore[attr-defined]
    if kind == "Exit":
        return int(exc.exit_code)  # type: ignore[attr-defined]
    if kind == "Abort":
        typer.echo("newsum: interrupted", err=True)
        return 130
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return _error(f"{where}{exc.strerror or exc}")
    if isinstance(exc, MemoryError):
        return _error("out of memory")
    if os.environ.get("NEWSUM_DEBUG"):
        raise exc
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return _error(
        f"internal error ({type(exc).__name__}: {detail}); "
        "please report it; set NEWSUM_DEBUG=1 to see the traceback"
    )


def _silence_stdout() -> None:
    """After a closed pipe (``newsum ... | head``), keep Python from failing at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
