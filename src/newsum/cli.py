"""Command line: ``newsum summarize``, ``newsum batch``, ``newsum methods`` and friends.

Every error newsum raises on purpose becomes one line on stderr and a non-zero exit.
Further commands live in ``newsum.commands``: each module there has ``register(app)``.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import pkgutil
import re
import sys
import warnings
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from newsum.commands.options import (
    Embed,
    Inputs,
    Jobs,
    MethodName,
    Scheduler,
    Sentences,
    Words,
    budget,
    one_line,
    summarize_inputs,
)
from newsum.commands.options import warn as _warn
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


_INT = re.compile(
    r"-?(?:0|[1-9][0-9]{0,15})"
)  # a whole number as pydantic reads it, plainly written (longer ones are left to typer)


# typer's private modules ``_PlainValues`` calls (found, not imported: importing them loads
# pydantic); without them every value goes through typer's public path as before.
_TYPER_PARTS = all(
    importlib.util.find_spec(name) is not None for name in ("typer._coercion", "typer._param_types")
)


class _PlainValues:
    """A parameter's coercion that leaves a value needing none as it is, and hands any other to
    typer's own, built when first needed.

    typer coerces every parameter's value through a pydantic adapter, and building the first
    imports pydantic: 0.08 s CPU, a fifth of ``newsum summarize examples/raqqa``. An option
    left unset (None), a string for a ``str`` parameter, strings for a ``list[str]`` one and an
    enum's own member come back from it unchanged (``list[str]`` as a list), a whole number in
    its range as the number, a path or a choice as typer's own path and choice checks return
    it, so they skip it; everything else (a bad value above all, for its message) goes
    through it. (An unset option of several values comes back as typer's empty tuple.)
    """

    def __init__(self, param: Any) -> None:
        self._param = param
        self._annotation = param.type_descriptor.annotation
        self._multi = bool(param.multiple or param.nargs == -1)

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self._plain(value, param, ctx)
        except Exception:  # _NotPlain, or a typer whose private parts moved: its own path
            pass
        from typer._coercion import build_runtime_param

        return build_runtime_param(self._param.type_descriptor).coerce(value, param, ctx)

    def _plain(self, value: Any, param: Any, ctx: Any) -> Any:
        """The value typer's coercion would return for it, or ``_NotPlain``."""
        if value is None:
            return () if self._multi else None  # typer's answer to a missing value
        kind = self._annotation
        if self._multi:
            if (
                kind == list[str]
                and isinstance(value, list | tuple)
                and all(type(v) is str for v in value)
            ):
                return list(value)
        elif (kind is str and type(value) is str) or (
            isinstance(kind, type) and issubclass(kind, Enum) and type(value) is kind
        ):
            return value
        elif kind is int and (type(value) is int or (type(value) is str and _INT.fullmatch(value))):
            number, info = int(value), self._param.type_descriptor.parameter_info
            low = info.min is None or number >= info.min
            if not info.clamp and low and (info.max is None or number <= info.max):
                return number
        elif isinstance(kind, type) and issubclass(kind, Enum | Path) and type(value) is str:
            # what typer's adapter for these calls, and returns unchanged (the adapter only
            # turns a failure into its message: a failure goes through it below)
            from typer._param_types import coerce_cli_choice, coerce_cli_path

            info = self._param.type_descriptor.parameter_info
            try:
                if issubclass(kind, Enum):
                    return coerce_cli_choice(
                        value, choices=list(kind), case_sensitive=info.case_sensitive, ctx=ctx
                    )
                made = info.path_type or kind
                if value and "\x00" not in value:  # as pydantic makes a path of it, without it
                    value = made(value)
                return coerce_cli_path(value, info, path_type=made, param=param, ctx=ctx)
            except Exception:
                pass
        raise _NotPlain


class _NotPlain(Exception):
    """A value ``_PlainValues`` leaves to typer's own coercion."""


def _plain_values(params: list[Any]) -> None:
    """Give each typer parameter that has not coerced a value yet ``_PlainValues``; nothing
    where this typer lacks the private parts it relies on (typer's own coercion then runs)."""
    if not _TYPER_PARTS:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if (
            descriptor is not None
            and getattr(param, "_runtime_param", False) is None
            and descriptor.parameter_info.parser is None
            and descriptor.file_annotation is None
        ):
            param._runtime_param = _PlainValues(param)


class NewsumGroup(TyperGroup):
    """newsum's command group: plain help types for every command, its own included."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _plain_types(command.get_params(ctx), ctx)
            _plain_values(command.get_params(ctx))
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_values(self.get_params(ctx))  # --version, unset, needs no pydantic either
        return list(super().parse_args(ctx, args))

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


@app.command()
def summarize(
    inputs: Inputs,
    words: Words = None,
    sentences: Sentences = None,
    method: MethodName = "concepts",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    embed: Embed = False,
) -> None:
    """Summarize articles about one event."""
    from newsum.render import render

    # plain text is the summary alone: the trust analysis (sources, figures, disagreements,
    # about half the command's CPU on Raqqa, imports included) is shown only in Markdown/JSON
    trust = fmt is not Format.text
    summary = summarize_inputs(inputs, words, sentences, method, embed, trust)
    typer.echo(render(summary, fmt.value))


@app.command()
def methods() -> None:
    """List the summarization methods."""
    from newsum.methods import DEFAULT_METHOD, available_methods

    for name, description in available_methods().items():
        marker = " (default)" if name == DEFAULT_METHOD else ""
        typer.echo(f"{name}{marker}: {description}")


def input_files(patterns: list[str]) -> list[Path]:
    """Cluster files from paths and globs (quoted ones too), each checked to exist."""
    import glob

    paths: list[Path] = []
    for pattern in patterns:
        if not Path(pattern).exists() and glob.has_magic(pattern):
            found = sorted(glob.glob(pattern))
            if not found:
                raise InputError(f"{pattern}: no file matches")
            paths.extend(Path(f) for f in found)
            continue
        path = Path(pattern)
        if not path.exists():
            from newsum.read import missing

            raise missing(path)
        if path.is_dir():
            raise InputError(f"{path}: is a folder, expected a file")
        paths.append(path)
    return paths


@app.command()
def batch(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Cluster files, one JSON object per line (.jsonl or .jsonl.gz; globs too), "
            "as described above.",
            metavar="CLUSTERS...",
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write one JSON line per cluster.")
    ],
    words: Words = None,
    sentences: Sentences = None,
    method: MethodName = "concepts",
    jobs: Jobs = 0,
    scheduler: Scheduler = None,
) -> None:
    """Summarize many clusters, one per input line, keeping the input order.

    Each input line is one cluster, for example:

    {"id": "c1", "documents": [{"text": "<the article's text>", "source": "AFP"}, "<another article's text>"]}

    "articles" may stand for "documents" (as in the HTTP API). A document is an object with "text" and optional "title", "source", "url", "date", "id", or a plain string. Optional "references" (strings, for evaluate) and "meta" are kept. Every non-blank line gets one output line with its "line" number (and "file" with several inputs); blank lines are skipped.
    """
    import itertools

    from newsum.backend import check_scheduler, make_backend
    from newsum.batch import BatchSettings, Truncated, default_jobs, numbered_items, run_batch
    from newsum.methods import get_method

    get_method(method)  # fail fast on a bad name, before reading anything
    check_scheduler(scheduler)
    word_budget, sentence_budget = budget(words, sentences)
    settings = BatchSettings(words=word_budget, sentences=sentence_budget, method=method)
    workers = jobs or default_jobs()
    paths = input_files(sources)
    if output.exists() and any(output.resolve() == p.resolve() for p in paths):
        raise InputError(f"{output}: the output would overwrite the input")
    items = numbered_items(paths)
    first = next(items)  # refuse an unreadable first input before touching the output
    stream = itertools.chain([first], items)
    errors: list[str] = []

    def note(record: dict[str, Any]) -> None:
        if "error" in record:
            errors.append(record["error"])
            _warn(f"cluster {record['id'] or '?'} skipped: {record['error']}")

    output.parent.mkdir(parents=True, exist_ok=True)
    backend = make_backend(workers, scheduler)
    try:
        with output.open("w", encoding="utf-8") as out:
            if sys.stderr.isatty():
                from rich.progress import Progress

                with Progress(transient=True) as progress:
                    task = progress.add_task("summarizing", total=None)

                    def tick(record: dict[str, Any]) -> None:
                        note(record)
                        progress.advance(task)

                    written, failed = run_batch(stream, out, settings, backend, on_record=tick)
            else:
                written, failed = run_batch(stream, out, settings, backend, on_record=note)
    except Truncated as exc:
        typer.echo(f"newsum: wrote {exc.written} summaries to {output}", err=True)
        raise
    finally:
        backend.close()
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


def _error(message: str) -> int:
    typer.echo(f"newsum: error: {one_line(message)}", err=True)
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
