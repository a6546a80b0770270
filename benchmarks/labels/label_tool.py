"""Helper for the hand-labelled citation set (see RULES-citations.md).

    python benchmarks/labels/label_tool.py show duc2003/task2 d30016t --summary OUT.jsonl
    python benchmarks/labels/label_tool.py add duc2003/task2 d30016t SPEC --summary OUT.jsonl
    python benchmarks/labels/label_tool.py check [benchmarks/labels/citations.jsonl]

show   prints the summary's sentences (C0, C1, ... as the source reads them, taken through
       their spans) and every document split into numbered sentences ("3.12" = document 3,
       sentence 12), the way newsum's clean and split stages see them. Sentences that a
       syndicated copy shares with its original are listed once, on the original.
add    turns a spec file written while reading (one line per claim:
       "C2: 3.4f 1.6p 7~6.14c | note", kinds f=full p=partial c=copy, "7~6.14" = the
       sentence 6.14 as it also stands in document 7) into citations.jsonl lines on stdout.
check  validates a labels file against the data: every claim and support text is a substring
       of its document's whitespace-collapsed text, supports come from other documents, kinds
       are known; prints the counts per set. Exits 1 on any error.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The shared data folder beside the checkout (or beside the folder of worktrees).
DATA = next(
    (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
LABELS = Path(__file__).with_name("citations.jsonl")
KINDS = {"f": "full", "p": "partial", "c": "copy"}
_SPACE = re.compile(r"\s+")
_SPEC_LINE = re.compile(r"C(\d+):\s*([^|]*)\|?(.*)$")
_SPEC_TOKEN = re.compile(r"(\d+)(?:~(\d+))?\.(\d+)([fpc])$")


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def load_cluster(data: Path, set_name: str, cluster_id: str) -> dict[str, Any]:
    path = data / f"{set_name}.jsonl.gz"
    if not path.is_file():
        raise SystemExit(f"label_tool: no data file {path} (pass --data)")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row: dict[str, Any] = json.loads(line)
            if row["id"] == cluster_id:
                return row
    raise SystemExit(f"label_tool: no cluster {cluster_id!r} in {path}")


def split_cluster(row: dict[str, Any]) -> tuple[list[list[str]], list[int | None]]:
    """Each document's sentences (original text, whitespace collapsed) and its copy-of index."""
    from newsum.clean import clean_articles
    from newsum.split import NupunktSplitter, split_document
    from newsum.types import Article

    articles = [
        Article(text=d["text"], title=d.get("title"), source=d.get("source"), date=d.get("date"))
        for d in row["documents"]
    ]
    documents = clean_articles(articles)
    splitter = NupunktSplitter()
    sentences = [
        [collapse(d.article.text[s.start : s.end]) for s in split_document(d, splitter)]
        for d in documents
    ]
    return sentences, [d.duplicate_of for d in documents]


def summary_claims(path: Path, row: dict[str, Any]) -> list[tuple[int, str]]:
    """(document, original sentence) for each sentence newsum's batch output picked."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            out = json.loads(line)
            if out.get("id") == row["id"]:
                texts = [d["text"] for d in row["documents"]]
                return [
                    (s["document"], collapse(texts[s["document"]][s["span"][0] : s["span"][1]]))
                    for s in out["sentences"]
                ]
    raise SystemExit(f"label_tool: no summary for {row['id']!r} in {path}")


def show(args: argparse.Namespace) -> None:
    row = load_cluster(args.data, args.set, args.cluster)
    sentences, copy_of = split_cluster(row)
    print(f"CLUSTER {args.set} {args.cluster}: {len(sentences)} documents")
    if args.summary:
        for i, (doc, text) in enumerate(summary_claims(args.summary, row)):
            print(f"C{i} [doc {doc}] {text}")
    for d, doc_sentences in enumerate(sentences):
        source = row["documents"][d].get("source")
        original = copy_of[d]
        shared = set(sentences[original]) if original is not None else set()
        print(f"\n=== DOC {d} source={source} copy_of={original}")
        hidden = [s for s in doc_sentences if s in shared]
        if hidden:
            print(f"  ({len(hidden)} sentences as in doc {original}, cite as {d}~{original}.i)")
        for i, text in enumerate(doc_sentences):
            if text not in shared:
                print(f"{d}.{i} {text}")


def add(args: argparse.Namespace) -> None:
    row = load_cluster(args.data, args.set, args.cluster)
    sentences, _ = split_cluster(row)
    claims = summary_claims(args.summary, row)
    for line in Path(args.spec).read_text(encoding="utf-8").splitlines():
        match = _SPEC_LINE.match(line.strip())
        if not match:
            continue
        doc, sentence = claims[int(match.group(1))]
        supports = []
        for token in match.group(2).split():
            parts = _SPEC_TOKEN.match(token)
            if not parts:
                raise SystemExit(f"label_tool: bad support {token!r} in {line!r}")
            sdoc, index = int(parts.group(1)), int(parts.group(3))
            source_doc = int(parts.group(2)) if parts.group(2) else sdoc
            text = sentences[source_doc][index]
            supports.append({"doc": sdoc, "text": text, "kind": KINDS[parts.group(4)]})
        record = {
            "set": args.set,
            "cluster": args.cluster,
            "doc": doc,
            "sentence": sentence,
            "supports": supports,
            "notes": match.group(3).strip(),
        }
        print(json.dumps(record, ensure_ascii=False))


def check(args: argparse.Namespace) -> None:
    texts: dict[tuple[str, str], list[str]] = {}
    errors: list[str] = []
    clusters: dict[str, set[str]] = defaultdict(set)
    claims: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    unsupported: Counter[str] = Counter()
    seen: set[tuple[str, str, str]] = set()
    lines = args.labels.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        where = f"{args.labels.name}:{number}"
        try:
            record = json.loads(line)
            key = (record["set"], record["cluster"])
            if key not in texts:
                row = load_cluster(args.data, *key)
                texts[key] = [collapse(d["text"]) for d in row["documents"]]
            documents = texts[key]
            doc = record["doc"]
            if record["sentence"] not in documents[doc]:
                errors.append(f"{where}: claim is not in document {doc}")
            if (*key, record["sentence"]) in seen:
                errors.append(f"{where}: claim labelled twice")
            seen.add((*key, record["sentence"]))
            for support in record["supports"]:
                if support["kind"] not in KINDS.values():
                    errors.append(f"{where}: unknown kind {support['kind']!r}")
                if support["doc"] == doc:
                    errors.append(f"{where}: a support from the claim's own document")
                elif support["text"] not in documents[support["doc"]]:
                    errors.append(f"{where}: support is not in document {support['doc']}")
                kinds[record["set"]][support["kind"]] += 1
            if not isinstance(record["notes"], str):
                errors.append(f"{where}: notes must be a string")
        except (KeyError, IndexError, TypeError, ValueError) as error:
            errors.append(f"{where}: malformed line ({error!r})")
            continue
        clusters[record["set"]].add(record["cluster"])
        claims[record["set"]] += 1
        unsupported[record["set"]] += not record["supports"]
    print("set | clusters | sentences | no support | full | partial | copy")
    for name in sorted(claims):
        k = kinds[name]
        print(
            f"{name} | {len(clusters[name])} | {claims[name]} | {unsupported[name]} | "
            f"{k['full']} | {k['partial']} | {k['copy']}"
        )
    total = Counter[str]()
    for k in kinds.values():
        total.update(k)
    print(
        f"all | {sum(len(c) for c in clusters.values())} | {sum(claims.values())} | "
        f"{sum(unsupported.values())} | {total['full']} | {total['partial']} | {total['copy']}"
    )
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("show", "add"):
        command = commands.add_parser(name)
        command.add_argument("set", help='e.g. "duc2003/task2"')
        command.add_argument("cluster")
        if name == "add":
            command.add_argument("spec", help="the spec file written while reading")
        command.add_argument("--summary", type=Path, required=name == "add")
    checker = commands.add_parser("check")
    checker.add_argument("labels", type=Path, nargs="?", default=LABELS)
    args = parser.parse_args()
    {"show": show, "add": add, "check": check}[args.command](args)


if __name__ == "__main__":
    main()
