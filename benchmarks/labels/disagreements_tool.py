"""Helper for the hand-labelled disagreement set (see RULES-disagreements.md).

    python benchmarks/labels/disagreements_tool.py pick              # the clusters, by the fixed rule
    python benchmarks/labels/disagreements_tool.py show SET CLUSTER  # numbered sentences to read
    python benchmarks/labels/disagreements_tool.py check             # validate disagreements.jsonl

SET is a data file relative to the data folder without .jsonl.gz (e.g. duc2003/task2), or
examples/raqqa. `--data DIR` points at the dev sets (default: ../shared/data beside the repo).
`check` exits 1 when a quoted text is not an exact substring of its document's
whitespace-collapsed text, or when a line breaks the format.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
LABELS = Path(__file__).resolve().parent / "disagreements.jsonl"
RAQQA = "examples/raqqa"
KINDS = {"figure", "denial", "fact", "update"}
# The selection rule: (set, how many clusters, fewest documents a cluster may have).
PLAN = [
    ("duc2003/task2", 10, 1),
    ("duc2002/m100", 6, 1),
    ("tac2011_multiling_en/test", 4, 1),
    ("multinews_val/validation250", 10, 3),
]
# A rough sentence break for reading only; labels quote the source text, not these pieces.
_BREAK = re.compile(r"(?<=[.!?])(?:''|\"|”|')?\s+(?=[`\"“'(A-Z0-9])")


def collapse(text: str) -> str:
    return " ".join(text.split())


def load_set(data: Path, name: str) -> dict[str, list[str]]:
    """Cluster id -> document texts, in the order of the cluster's documents list."""
    if name == RAQQA:
        folder = ROOT / RAQQA
        return {"raqqa": [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]}
    path = data / f"{name}.jsonl.gz"
    out: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            out[cluster["id"]] = [d["text"] for d in cluster["documents"]]
    return out


def picked(data: Path) -> list[tuple[str, str]]:
    chosen: list[tuple[str, str]] = []
    for name, count, fewest in PLAN:
        clusters = load_set(data, name)
        ids = [cid for cid, docs in clusters.items() if len(docs) >= fewest]
        ids.sort(key=lambda cid: hashlib.sha1(cid.encode("utf-8")).hexdigest())
        chosen.extend((name, cid) for cid in ids[:count])
    return chosen


def show(data: Path, name: str, cluster: str) -> None:
    docs = load_set(data, name)[cluster]
    for index, text in enumerate(docs):
        print(f"===== DOC {index}")
        for number, piece in enumerate(_BREAK.split(collapse(text))):
            print(f"[{index}.{number}] {piece}")


def problems(data: Path, lines: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    cache: dict[str, dict[str, list[str]]] = {}
    seen: set[tuple[str, str]] = set()
    for number, label in enumerate(lines, 1):
        where = f"line {number}"
        if set(label) != {"set", "cluster", "disagreements", "notes"}:
            found.append(f"{where}: keys {sorted(label)}")
            continue
        key = (label["set"], label["cluster"])
        if key in seen:
            found.append(f"{where}: cluster {key} labelled twice")
        seen.add(key)
        if label["set"] not in cache:
            cache[label["set"]] = load_set(data, label["set"])
        texts = [collapse(t) for t in cache[label["set"]].get(label["cluster"], [])]
        if not texts:
            found.append(f"{where}: no cluster {key}")
            continue
        for item in label["disagreements"]:
            if set(item) != {"kind", "about", "a", "b", "note"} or item["kind"] not in KINDS:
                found.append(f"{where}: bad disagreement {item!r}")
                continue
            if item["a"]["doc"] == item["b"]["doc"]:
                found.append(f"{where}: a and b are the same document ({item['about']})")
            for side in ("a", "b"):
                doc, text = item[side]["doc"], item[side]["text"]
                if not 0 <= doc < len(texts) or text not in texts[doc]:
                    found.append(f"{where}: {side} text not in doc {doc}: {text[:60]!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("pick")
    view = sub.add_parser("show")
    view.add_argument("set")
    view.add_argument("cluster")
    sub.add_parser("check")
    args = parser.parse_args()
    if args.command == "pick":
        for name, cluster in picked(args.data):
            print(name, cluster)
        return 0
    if args.command == "show":
        show(args.data, args.set, args.cluster)
        return 0
    lines = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]
    found = problems(args.data, lines)
    for problem in found:
        print(problem, file=sys.stderr)
    kinds = Counter(d["kind"] for label in lines for d in label["disagreements"])
    print(f"{len(lines)} clusters, {sum(kinds.values())} pairs: {dict(sorted(kinds.items()))}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
