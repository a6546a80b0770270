"""Citation and disagreement quality of the trust stage, on hand labels (ALCE-style).

    python benchmarks/citations.py [--labels DIR] [--data DIR]

Reads DIR/citations.jsonl and DIR/disagreements.jsonl (default benchmarks/labels; the
format is in benchmarks/labels/RULES-*.md). A labelled sentence is found among newsum's
sentences by its span in the article (the label's text, whitespace collapsed, is a
substring of the article's text): the newsum sentence that overlaps it most.

Citations. For each labelled claim, newsum's matcher cites at most one sentence in every
other (non-copy) article, as the summary does; so does a plain TF-IDF cosine baseline (the
best sentence per article at cosine 0.35, as ``trust=False`` runs). A citation is correct
when it overlaps a labelled support of the claim (full, partial or copy).
- precision: correct citations / citations;
- recall: articles holding a "full" support that get a correct citation / such articles.

Disagreements. newsum's checks run on every labelled cluster at the default confidence; a
reported disagreement is correct when two of its sides quote the two labelled sentences of a
figure, denial or fact disagreement (an "update" is a time-explained change: flagging it is
wrong). A labelled sentence of a syndicated copy counts as the same text in its original
(newsum quotes an original, never its copies). The baseline flags every pair of sentences from different outlets with TF-IDF cosine
0.2 or more that give different counts (10 or more).
- precision: correct reported / reported; recall: labelled found / labelled (all kinds
  but "update"), for the kinds newsum checks (figure, denial), and for labelled pairs
  between two different outlets as newsum names them (newsum never sets one outlet against
  itself: most DUC clusters are one agency's stories over several days).

Clusters are split in two halves by a hash of their name: "tune" (the half any setting may
be tuned on) and "held out"; both are reported, with the total.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsum.pipeline import Components, prepare
from newsum.read import cluster_from_record, read_paths
from newsum.represent import ClusterView
from newsum.trust.checks import Context, run_checks
from newsum.trust.figures import mentions
from newsum.trust.matching import Matcher, build_matcher
from newsum.trust.outlets import Outlets
from newsum.trust.quantities import find_quantities
from newsum.trust.support import LEXICAL_THRESHOLD, find_support, lexical_support
from newsum.types import Article, Disagreement

ROOT = Path(__file__).resolve().parents[1]
_SPACE = re.compile(r"\s+")
CHECKED = {"figure", "denial"}
# The disagreement baseline's cosine: at the support threshold (0.35) no two sentences with
# counts pass in any labelled cluster, so the baseline would flag nothing; 0.2 lets it try.
BASELINE_COSINE = 0.2


def half(set_name: str, cluster: str) -> str:
    return "tune" if zlib.crc32(f"{set_name}/{cluster}".encode()) % 2 == 0 else "held out"


class Clusters:
    """Clusters of the data sets (and examples/), loaded once each."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.records: dict[str, dict[str, list[Article]]] = {}
        self.views: dict[tuple[str, str], tuple[ClusterView, Matcher, Outlets]] = {}
        self.components = Components()

    def articles(self, set_name: str, cluster: str) -> list[Article]:
        if set_name.startswith("examples/"):
            return read_paths([ROOT / set_name])
        if set_name not in self.records:
            found: dict[str, list[Article]] = {}
            with gzip.open(self.data / f"{set_name}.jsonl.gz", "rt", encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        record = json.loads(line)
                        found[str(record["id"])] = list(
                            cluster_from_record(record, set_name).articles
                        )
            self.records[set_name] = found
        return self.records[set_name][cluster]

    def view(self, set_name: str, cluster: str) -> tuple[ClusterView, Matcher, Outlets]:
        key = (set_name, cluster)
        if key not in self.views:
            view = prepare(self.articles(set_name, cluster), self.components)
            self.views[key] = (view, build_matcher(view), Outlets.of(view.documents))
        return self.views[key]


def span_of(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` (whitespace collapsed) stands in ``text``, in ``text``'s offsets."""
    positions: list[int] = []
    collapsed: list[str] = []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group(0).isspace():
            collapsed.append(" ")
            positions.append(match.start())
        else:
            collapsed.append(match.group(0))
            positions.extend(range(match.start(), match.end()))
    flat = "".join(collapsed)
    wanted = _SPACE.sub(" ", quote).strip()
    at = flat.find(wanted)
    if at < 0:
        return None
    return positions[at], positions[at + len(wanted) - 1] + 1


def sentence_at(view: ClusterView, doc: int, span: tuple[int, int]) -> int | None:
    """The newsum sentence of ``doc`` that overlaps ``span`` most."""
    best, most = None, 0
    for k, s in enumerate(view.sentences):
        if s.doc != doc:
            continue
        overlap = min(s.end, span[1]) - max(s.start, span[0])
        if overlap > most:
            best, most = k, overlap
    return best


def overlaps(view: ClusterView, k: int, doc: int, span: tuple[int, int]) -> bool:
    s = view.sentences[k]
    return s.doc == doc and min(s.end, span[1]) > max(s.start, span[0])


Gold = list[tuple[int, tuple[int, int], str]]  # (document, span, kind) of each labelled support


def labelled_claim(view: ClusterView, row: dict[str, Any]) -> tuple[int, Gold] | None:
    """A label row's claim as the index of newsum's sentence at its span, with the spans of
    its labelled supports found in their documents; None when the claim is not found."""
    text_of = {d.index: d.article.text for d in view.documents}
    span = span_of(text_of[row["doc"]], row["sentence"])
    claim = sentence_at(view, row["doc"], span) if span else None
    if claim is None:
        return None
    gold: Gold = []
    for support in row["supports"]:
        where = span_of(text_of[support["doc"]], support["text"])
        if where is not None:
            gold.append((support["doc"], where, support["kind"]))
    return claim, gold


@dataclass
class Tally:
    cited: int = 0
    correct: int = 0
    needed: int = 0
    found: int = 0
    claims: int = 0
    missing: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    def row(self) -> str:
        precision = self.correct / self.cited if self.cited else float("nan")
        recall = self.found / self.needed if self.needed else float("nan")
        return (
            f"{precision:.2f} ({self.correct}/{self.cited}) | "
            f"{recall:.2f} ({self.found}/{self.needed})"
        )


def citations(rows: list[dict[str, Any]], clusters: Clusters) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for row in rows:
        set_name, cluster = row["set"], str(row["cluster"])
        view, matcher, outlets = clusters.view(set_name, cluster)
        located = labelled_claim(view, row)
        part = half(set_name, cluster)
        if located is None:
            for system in ("newsum", "tfidf"):
                tallies[system, part].missing += 1
            continue
        claim, gold = located
        full_docs = {
            d for d, _, kind in gold if kind == "full" and view.documents[d].duplicate_of is None
        }
        predicted = {
            "newsum": find_support(matcher, outlets, [claim])[0],
            "tfidf": lexical_support(view, [claim], LEXICAL_THRESHOLD)[0],
        }
        for system, supports in predicted.items():
            tally = tallies[system, part]
            tally.claims += 1
            tally.needed += len(full_docs)
            hit_docs = set()
            for support in supports:
                k = view.sentences.index(support.sentence)
                tally.cited += 1
                if any(overlaps(view, k, d, where) for d, where, _ in gold):
                    tally.correct += 1
                    hit_docs.add(support.sentence.doc)
            tally.found += len(full_docs & hit_docs)
    return tallies


def _pairs(item: Disagreement) -> Iterator[tuple[tuple[int, int, int], tuple[int, int, int]]]:
    sides = [[(s.doc, s.start, s.end) for s in side.sentences] for side in item.sides]
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            for x in a:
                for y in b:
                    yield x, y


def baseline_disagreements(view: ClusterView, outlets: Outlets) -> list[Disagreement]:
    from newsum.types import Side

    matrix = view.tfidf
    active = set(view.active_documents)
    rows = [k for k, s in enumerate(view.sentences) if s.doc in active]
    counts = {
        k: {
            q.value
            for q in find_quantities(view.sentences[k].text)
            if q.kind == "count" and q.value >= 10
        }
        for k in rows
    }
    rows = [k for k in rows if counts[k]]
    if not rows:
        return []
    similarity = np.asarray((matrix[rows] @ matrix[rows].T).todense())
    found = []
    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            sa, sb = view.sentences[a], view.sentences[b]
            if outlets.name(sa.doc) == outlets.name(sb.doc) or similarity[i, j] < BASELINE_COSINE:
                continue
            if counts[a] & counts[b] or not counts[a] or not counts[b]:
                continue
            found.append(
                Disagreement(
                    "figure", "", (Side("", (sa,), ()), Side("", (sb,), ())), 1.0, "tf-idf"
                )
            )
    return found


def disagreements(rows: list[dict[str, Any]], clusters: Clusters) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for row in rows:
        set_name, cluster = row["set"], str(row["cluster"])
        view, matcher, outlets = clusters.view(set_name, cluster)
        text_of = {d.index: d.article.text for d in view.documents}
        part = half(set_name, cluster)
        gold = []
        for item in row["disagreements"]:
            a = _located(view, text_of, item["a"])
            b = _located(view, text_of, item["b"])
            if a is None or b is None:
                tallies["newsum", part].missing += 1
                continue
            gold.append((item["kind"], a, b))
        context = Context(matcher, outlets, tuple(mentions(matcher)))
        predicted = {
            "newsum": list(run_checks(context)),
            "tfidf": baseline_disagreements(view, outlets),
        }
        for system, items in predicted.items():
            tally = tallies[system, part]
            tally.claims += 1
            matched_gold: set[int] = set()
            for item in items:
                tally.cited += 1
                hits = [g for g, (kind, a, b) in enumerate(gold) if _matches(item, a, b)]
                if any(gold[g][0] != "update" for g in hits):
                    tally.correct += 1
                matched_gold.update(hits)
            wanted = [g for g, (kind, _, _) in enumerate(gold) if kind != "update"]
            tally.needed += len(wanted)
            tally.found += len([g for g in wanted if g in matched_gold])
            checked = [g for g in wanted if gold[g][0] in CHECKED]
            tally.extra["checked"] = tally.extra.get("checked", 0) + len(checked)
            tally.extra["checked_found"] = tally.extra.get("checked_found", 0) + len(
                [g for g in checked if g in matched_gold]
            )
            cross = [
                g for g in wanted if outlets.name(gold[g][1][0]) != outlets.name(gold[g][2][0])
            ]
            tally.extra["cross"] = tally.extra.get("cross", 0) + len(cross)
            tally.extra["cross_found"] = tally.extra.get("cross_found", 0) + len(
                [g for g in cross if g in matched_gold]
            )
            updates = [g for g, (kind, _, _) in enumerate(gold) if kind == "update"]
            tally.extra["updates"] = tally.extra.get("updates", 0) + len(updates)
            tally.extra["updates_flagged"] = tally.extra.get("updates_flagged", 0) + len(
                [g for g in updates if g in matched_gold]
            )
    return tallies


def _located(
    view: ClusterView, text_of: dict[int, str], side: dict[str, Any]
) -> tuple[int, int, int] | None:
    """Where a labelled side stands; in a syndicated copy's original when the original has the
    same text (newsum quotes the original of a copy, never the copy)."""
    doc = side["doc"]
    original = view.documents[doc].duplicate_of
    if original is not None:
        there = span_of(text_of[original], side["text"])
        if there is not None:
            return (original, *there)
    here = span_of(text_of[doc], side["text"])
    return None if here is None else (doc, *here)


def _matches(item: Disagreement, a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    def hit(x: tuple[int, int, int], y: tuple[int, int, int]) -> bool:
        return x[0] == y[0] and min(x[2], y[2]) > max(x[1], y[1])

    return any((hit(x, a) and hit(y, b)) or (hit(x, b) and hit(y, a)) for x, y in _pairs(item))


def read_rows(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=ROOT / "benchmarks" / "labels")
    parser.add_argument("--disagreement-labels", type=Path, default=None,
                        help="folder of disagreements.jsonl, when not --labels")  # fmt: skip
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    data = args.data if args.data.exists() else Path("/work/shared/data")
    clusters = Clusters(data)
    cite_rows = read_rows(args.labels / "citations.jsonl")
    dis_rows = read_rows((args.disagreement_labels or args.labels) / "disagreements.jsonl")
    parts = ("tune", "held out", "all")

    def merged(tallies: dict[tuple[str, str], Tally], system: str, part: str) -> Tally:
        if part != "all":
            return tallies[system, part]
        total = Tally()
        for (name, _), t in tallies.items():
            if name == system:
                total.cited += t.cited
                total.correct += t.correct
                total.needed += t.needed
                total.found += t.found
                total.claims += t.claims
                total.missing += t.missing
                for k, v in t.extra.items():
                    total.extra[k] = total.extra.get(k, 0) + v
        return total

    cite = citations(cite_rows, clusters)
    print(f"Citations: {len(cite_rows)} labelled summary sentences\n")
    print("| half | system | claims | citation precision | citation recall |")
    print("|---|---|---|---|---|")
    for part in parts:
        for system in ("newsum", "tfidf"):
            t = merged(cite, system, part)
            label = "newsum matcher" if system == "newsum" else "TF-IDF cosine baseline"
            print(f"| {part} | {label} | {t.claims} | {t.row()} |")
    missing = merged(cite, "newsum", "all").missing
    if missing:
        print(f"\n{missing} labelled sentences were not found in their article's text.")
    dis = disagreements(dis_rows, clusters)
    print(f"\nDisagreements: {len(dis_rows)} clusters read in full\n")
    print(
        "| half | system | clusters | precision | recall (all kinds) | recall (figure, denial) "
        "| recall (between two outlets) | updates flagged |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for part in parts:
        for system in ("newsum", "tfidf"):
            t = merged(dis, system, part)
            label = "newsum checks" if system == "newsum" else "TF-IDF + different counts"
            checked = t.extra.get("checked", 0)
            found = t.extra.get("checked_found", 0)
            rate = found / checked if checked else float("nan")
            cross, cross_found = t.extra.get("cross", 0), t.extra.get("cross_found", 0)
            cross_rate = cross_found / cross if cross else float("nan")
            print(
                f"| {part} | {label} | {t.claims} | {t.row()} | {rate:.2f} ({found}/{checked}) "
                f"| {cross_rate:.2f} ({cross_found}/{cross}) "
                f"| {t.extra.get('updates_flagged', 0)} of {t.extra.get('updates', 0)} |"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
