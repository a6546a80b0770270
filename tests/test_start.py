"""`newsum --version` loads nothing the version does not need: no numerical or NLP library,
and neither pydantic (typer's option adapters) nor rich (its help pages); a plain
`newsum summarize` needs no pydantic either, and what it skips returns what typer returns."""

from __future__ import annotations

import json
import subprocess
import sys
from enum import Enum
from typing import Any

from test_imports import HEAVY, LOADED


def test_version_loads_neither_the_pipeline_nor_pydantic_nor_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "--version"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("newsum ")
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "newsum.cli" in loaded
    unused = (*HEAVY, "pydantic", "rich")
    assert sorted(m for m in loaded if m.split(".")[0] in unused or m in unused) == []


def test_plain_summarize_loads_no_pydantic() -> None:
    """The plain-text summary of a folder: typer's pydantic adapters are built only for a value
    that needs converting, and every value of this command needs none."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "summarize", "examples/raqqa"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Raqqa" in done.stdout
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "newsum.pipeline" in loaded  # the command ran
    assert sorted(m for m in loaded if m.split(".")[0] == "pydantic") == []


def _every_parameter() -> list[tuple[Any, Any]]:
    import typer._click as click
    import typer.main

    from newsum.cli import _register_extra_commands, app

    _register_extra_commands()
    group = typer.main.get_command(app)
    ctx = click.Context(group)
    found = [(group, p) for p in group.get_params(ctx)]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        found += [(command, p) for p in command.get_params(ctx)]
    return [(command, p) for command, p in found if hasattr(p, "type_descriptor")]


def test_plain_values_come_back_as_typer_returns_them() -> None:
    """``cli._PlainValues`` against typer's own coercion, on every parameter of every command:
    the same value (and type) for unset options, defaults, strings, lists of strings, enum
    members and values that need converting; the same error for a bad one."""
    import typer._click as click
    from typer._coercion import build_runtime_param

    from newsum.cli import _PlainValues

    samples: list[Any] = [None, "concepts", "12", "-3", "0", "-0", "0012", " 7", "1_000", "+5",
                          "9" * 30, "٣", "x", "", " a ", "//x", "~", "examples/raqqa", "README.md", "-", "TEXT",
                          ("a.txt", "b/"), [], 0, -1, 1, 2.5, True, False]  # fmt: skip
    checked = 0
    for command, param in _every_parameter():
        if param.type_descriptor.file_annotation is not None:
            continue
        kind = param.type_descriptor.annotation
        values = [*samples, param.default]
        if isinstance(kind, type) and issubclass(kind, Enum):
            values += [*kind, *(m.value for m in kind)]
        ctx = click.Context(command)
        for value in values:
            outcomes = []
            for coercion in (build_runtime_param(param.type_descriptor), _PlainValues(param)):
                try:
                    got = coercion.coerce(value, param, ctx)
                    outcomes.append(("value", type(got), got))
                except click.exceptions.BadParameter as exc:
                    outcomes.append(("error", type(exc), exc.format_message()))
            assert outcomes[0] == outcomes[1], (command.name, param.name, value)
            checked += 1
    assert checked > 300
