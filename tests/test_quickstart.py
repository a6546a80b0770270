"""What README's quick start installs (`pip install -e ".[service]"`) is enough for every
input kind README shows: HTML included, even where the test venv has more installed.

The subprocess below may import only modules of the distributions that newsum's base and
``service`` requirements pull in (followed through their own requirements), which is what
a fresh quick-start venv holds. `.ci/quickstart` checks the same in a real fresh venv.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "tests" / "data" / "saved_page.html"
RAQQA = ROOT / "examples" / "raqqa"


def installed_closure(extras: tuple[str, ...]) -> set[str]:
    """Distributions that installing newsum[extras] brings in, by canonical name."""
    seen: set[str] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [("newsum", extras)]
    while todo:
        name, wanted = todo.pop()
        key = canonicalize_name(name)
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(key)
        # pip honours an extra only when the distribution declares it under that very
        # spelling: lxml declares "html-clean", so justext's lxml[html_clean] brings nothing
        provided = set(distribution.metadata.get_all("Provides-Extra") or [])
        wanted = tuple(e for e in wanted if e in provided)
        requires = distribution.requires or []
        for line in requires:
            requirement = Requirement(line)
            environments = [{"extra": e} for e in wanted] or [{"extra": ""}]
            if requirement.marker is None or any(
                requirement.marker.evaluate(env) for env in environments
            ):
                dep = canonicalize_name(requirement.name)
                if dep != "newsum" and (dep not in seen or requirement.extras):
                    todo.append((requirement.name, tuple(sorted(requirement.extras))))
    return seen


GUARD = """
import importlib.abc, importlib.metadata, sys
from packaging.utils import canonicalize_name
ALLOWED = set({allowed!r})
OWNERS = importlib.metadata.packages_distributions()

class QuickStartOnly(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        owners = {{canonicalize_name(d) for d in OWNERS.get(top, ())}}
        if owners and not owners & ALLOWED and top not in sys.stdlib_module_names:
            raise ImportError(f"{{top}} is not installed by the quick start")
        return None

sys.meta_path.insert(0, QuickStartOnly())
import packaging.utils  # used above; imported before the guard is armed
if sys.argv[1:2] == ["--upload"]:  # what a service worker does with an uploaded file
    from newsum.service.work import Upload, read_uploads
    articles, _ = read_uploads((Upload("page.html", open(sys.argv[2], "rb").read()),))
    print(articles[0].title)
    print(articles[0].text)
    sys.exit(0)
from newsum.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_quick_start(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    allowed = sorted(installed_closure(("service",)))
    code = textwrap.dedent(GUARD.format(allowed=allowed))
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_quick_start_install_pulls_in_the_html_cleaner() -> None:
    assert "lxml-html-clean" in installed_closure(("service",))


@pytest.mark.parametrize("kind", ["html", "folder with html", "jsonl", "stdin"])
def test_quick_start_install_summarizes_every_input_kind(kind: str, tmp_path: Path) -> None:
    stdin = None
    if kind == "html":
        args = [str(PAGE)]
    elif kind == "folder with html":
        folder = tmp_path / "mixed"
        folder.mkdir()
        for path in sorted(RAQQA.glob("*.txt"))[:2]:
            (folder / path.name).write_bytes(path.read_bytes())
        (folder / "page.html").write_bytes(PAGE.read_bytes())
        args = [str(folder), "-f", "json"]
    elif kind == "jsonl":
        lines = tmp_path / "articles.jsonl"
        texts = [p.read_text(encoding="utf-8") for p in sorted(RAQQA.glob("*.txt"))[:3]]
        lines.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        args = [str(lines)]
    else:
        stdin = PAGE.read_text(encoding="utf-8")
        args = ["-"]
    result = run_quick_start("summarize", *args, "--words", "60", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    assert len(result.stdout.split()) >= 15
    if kind == "folder with html":
        documents = json.loads(result.stdout)["documents"]
        assert len(documents) == 3 and documents[-1]["id"] == "page.html"
    if kind in {"html", "stdin"}:
        assert "Raqqa" in result.stdout
        assert "cookies" not in result.stdout and "newsletter" not in result.stdout


def test_quick_start_install_reads_an_uploaded_html_page() -> None:
    result = run_quick_start("--upload", str(PAGE))
    assert result.returncode == 0, result.stderr
    title, _, text = result.stdout.partition("\n")
    assert title == "Syrian fighters say Raqqa battle is over"
    assert "taken full control of Raqqa" in text and "cookies" not in text
