"""Readability of summaries: defects per 100 summary sentences, beside ROUGE, newsum and lead.

    python benchmarks/readability.py                 # dev sets in ../shared/data
    python benchmarks/readability.py --data DIR --sample benchmarks/labels/readability_sample.jsonl
    python benchmarks/readability.py --write-sample OUT.jsonl   # sentences to label by hand
    python benchmarks/readability.py --summaries DIR   # judge summaries saved with --save DIR

Automatic counts, one rule per defect kind (see benchmarks/labels/RULES-readability.md):

* dangling: the opening points back ("It", "This", "The move", "He said", a lowercase start)
  and the sentence before it in the summary is not the one before it in its article;
* redundant: an earlier summary sentence states the same fact (two shared names or figures and
  most content stems), an earlier one from another article tells it again (``retold``,
  ``restated``), or it shares 60% of the shorter one's content stems;
* boilerplate: captions, promos, newsletter and cookie prompts, bylines, live-blog times (a
  few phrases here, and the selection's own ``page_furniture`` and ``about_the_page``);
* quotation fragment: an inner sentence of a quotation, or one with only one of its marks, or
  someone's own words shown bare (first person outside quotation marks: a transcript, a
  statement, a columnist's aside);
* cut/garbled: not a whole sentence (two glued: "today.Their"; a trailing ellipsis or colon;
  a link), a dateline left at the start, the same five words twice.

The hand-checked sample (labelled once, by reading every sentence in its summary) is counted
beside; its labels are the reference for the kinds a rule cannot tell.
Web news: the odd half of Multi-News by sha1 of the cluster id (the even half was tuned on).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsum.coherence import (
    about_the_page,
    authors_voice,
    facts_of,
    leans_on_previous,
    lede_retold,
    page_furniture,
    quote_role,
    restated,
    retold,
    same_fact,
    whole_sentence,
)
from newsum.evaluation.rouge import score
from newsum.evaluation.run import load_reference_clusters
from newsum.pipeline import Components, prepare, summarize
from newsum.read import Cluster
from newsum.represent import PorterStemmer, analyse
from newsum.types import Sentence, Summary, SummarySentence

KINDS = ("dangling", "redundant", "boilerplate", "fragment", "garbled")
SETS = (
    # (label, file, words, protocol, kind of text)
    ("Multi-News odd half", "multinews_val/validation250.jsonl.gz", 250, "longbench", "web"),
    ("DUC 2003 task 2", "duc2003/task2.jsonl.gz", 100, "duc", "newswire"),
    ("DUC 2002 m100", "duc2002/m100.jsonl.gz", 100, "duc", "newswire"),
)
SYSTEMS = ("concepts", "lead")
OVERLAP = 0.6  # share of the shorter sentence's content stems that makes a repeat
MIN_STEMS = 5  # below that, a few shared words ("officials said") are no repeat

_BOILERPLATE = re.compile(
    r"media playback|media caption|image (?:copyright|caption)|getty images|\(ap photo|"
    r"photo:|subscribe|newsletter|sign up|click here|follow (?:us|him|her)|cookies?\b|"
    r"read more|related:|advertisement|all rights reserved|copyright ©|"
    r"^\s*\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|^by [A-Z][a-z]+ [A-Z][a-z]+\s*$|"
    r"javascript|your browser|share this|email this|posted (?:on|at) ",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,}(?:\([A-Za-z]+\))?\s*[—–-]{1,2}\s")


@dataclass(frozen=True)
class Judged:
    text: str
    defects: tuple[str, ...]


def judge(
    summary: Summary, stemmer: PorterStemmer, spread: Counter[str] | None = None
) -> list[Judged]:
    """The automatic defect kinds of each summary sentence, read in its summary (``spread``:
    the cluster's ``ClusterView.document_frequency``, for ``lede_retold`` as the method reads
    it)."""
    judged: list[Judged] = []
    earlier: list[tuple[frozenset[str], object, int, int]] = []
    previous = None
    for sentence in summary.sentences:
        text, origin = sentence.text, sentence.origin
        defects: list[str] = []
        follows = (
            previous is not None
            and previous.doc == origin.doc
            and previous.index == origin.index - 1
        )
        if leans_on_previous(text) and not follows:
            defects.append("dangling")
        content = frozenset(analyse(text, stemmer).content)
        facts = facts_of(text, sorted(content))
        for other_content, other_facts, other_doc, other_index in earlier:
            shorter = min(len(content), len(other_content))
            repeats = shorter >= MIN_STEMS and len(content & other_content) / shorter >= OVERLAP
            if (
                repeats
                or same_fact(facts, other_facts)  # type: ignore[arg-type]
                or (other_doc != origin.doc and retold(facts, other_facts))  # type: ignore[arg-type]
                or (other_doc != origin.doc and restated(facts, other_facts, spread))  # type: ignore[arg-type]
                or (
                    other_doc != origin.doc
                    and 0 in (origin.index, other_index)
                    and lede_retold(facts, other_facts, spread)  # type: ignore[arg-type]
                )
            ):
                defects.append("redundant")
                break
        if _BOILERPLATE.search(text) or page_furniture(text) or about_the_page(text):
            defects.append("boilerplate")  # the selection's own furniture rules, and more
        if quote_role(origin, text) == "fragment" or authors_voice(text):
            defects.append("fragment")  # a quotation's inner sentence, or a speaker's own words
        words = text.split()
        fivegrams = Counter(tuple(words[i : i + 5]) for i in range(len(words) - 4))
        if (
            not whole_sentence(text)
            or _DATELINE.match(text)
            or any(n > 1 for n in fivegrams.values())
        ):
            defects.append("garbled")
        judged.append(Judged(text, tuple(defects)))
        earlier.append((content, facts, origin.doc, origin.index))
        previous = origin
    return judged


def odd_half(clusters: Sequence[Cluster]) -> list[Cluster]:
    return [c for c in clusters if int(hashlib.sha1(c.id.encode()).hexdigest(), 16) % 2 == 1]


def per_hundred(judged: Sequence[Judged]) -> dict[str, float]:
    counts = Counter(kind for j in judged for kind in j.defects)
    total = max(len(judged), 1)
    return {kind: 100.0 * counts[kind] / total for kind in KINDS}


def slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def save(path: Path, ids: Sequence[str], summaries: Sequence[Summary]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for cluster_id, summary in zip(ids, summaries, strict=True):
            sentences = [
                {
                    "text": s.text,
                    "doc": s.origin.doc,
                    "index": s.origin.index,
                    "quote": s.origin.quote,
                }
                for s in summary.sentences
            ]
            out.write(json.dumps({"id": cluster_id, "sentences": sentences}) + "\n")


def load(path: Path, ids: Sequence[str], system: str) -> list[Summary]:
    """Summaries saved by ``--save`` (by this or another version of newsum), in ``ids`` order."""
    found: dict[str, Summary] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        sentences = tuple(
            SummarySentence(
                s["text"],
                Sentence(s["text"], s["doc"], s["index"], 0, 0, quote=s.get("quote", "none")),
            )
            for s in record["sentences"]
        )
        found[record["id"]] = Summary(sentences, (), system)
    return [found[i] for i in ids]


def run_set(
    label: str,
    path: Path,
    words: int,
    protocol: str,
    web: bool,
    components: Components,
    saved: Path | None = None,
    save_to: Path | None = None,
) -> dict:
    clusters, _ = load_reference_clusters(path)
    if web:
        clusters = odd_half(clusters)
    ids = [c.id for c in clusters]
    # in how many articles each stem occurs, per cluster: the topic's words (lede_retold)
    spreads = [prepare(c.articles, components).document_frequency for c in clusters]
    rows: dict[str, dict] = {}
    for system in SYSTEMS:
        file = f"{slug(label)}-{system}.jsonl"
        if saved is not None:
            summaries = load(saved / file, ids, system)
        else:
            summaries = [
                summarize(
                    cluster.articles,
                    words=words,
                    method=system,
                    components=components,
                    trust=False,
                )
                for cluster in clusters
            ]
        if save_to is not None:
            save_to.mkdir(parents=True, exist_ok=True)
            save(save_to / file, ids, summaries)
        judged = [
            j
            for s, spread in zip(summaries, spreads, strict=True)
            for j in judge(s, components.stemmer, spread)
        ]
        texts = ["\n".join(x.text for x in s.sentences) for s in summaries]
        rouge = score(protocol, texts, [list(c.references) for c in clusters], words)
        rows[system] = {
            "clusters": len(clusters),
            "sentences": len(judged),
            "defects": per_hundred(judged),
            "rouge": rouge.scores,
            "summaries": list(zip(ids, summaries, strict=True)),
            "spreads": spreads,
        }
    return rows


def hand_counts(path: Path) -> dict[str, tuple[int, dict[str, float]]]:
    """Per kind of text (web, newswire): sentences labelled and defects per 100."""
    by_kind: dict[str, list[Judged]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_kind.setdefault(record["kind"], []).append(
                Judged(record["text"], tuple(record["defects"]))
            )
    return {kind: (len(items), per_hundred(items)) for kind, items in by_kind.items()}


def rouge_cell(scores: dict[str, float], protocol: str) -> str:
    if protocol == "longbench":
        return f"RL {scores['rouge-l-f']:.2f}"
    return f"R1 {scores['rouge-1-r']:.2f} / R2 {scores['rouge-2-r']:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument(
        "--sample", type=Path, default=Path("benchmarks/labels/readability_sample.jsonl")
    )
    parser.add_argument(
        "--write-sample", type=Path, help="write newsum's summary sentences to label"
    )
    parser.add_argument("--save", type=Path, help="also write the summaries to this folder")
    parser.add_argument(
        "--summaries", type=Path, help="judge summaries saved with --save instead of running"
    )
    args = parser.parse_args(argv)
    components = Components()
    results = {}
    for label, name, words, protocol, kind in SETS:
        path = args.data / name
        if not path.exists():
            print(f"skipped {label}: {path} not found", file=sys.stderr)
            continue
        rows = run_set(
            label, path, words, protocol, kind == "web", components, args.summaries, args.save
        )
        results[label] = (words, protocol, kind, rows)
    header = "| set | system | sentences | " + " | ".join(KINDS) + " | ROUGE |"
    print(header)
    print("|" + "---|" * (len(KINDS) + 4))
    for label, (words, protocol, _kind, rows) in results.items():
        for system, row in rows.items():
            cells = " | ".join(f"{row['defects'][k]:.1f}" for k in KINDS)
            print(
                f"| {label}, {row['clusters']} clusters, {words} w | {system} | "
                f"{row['sentences']} | {cells} | {rouge_cell(row['rouge'], protocol)} |"
            )
    if args.sample.exists():
        print(f"\nHand-checked sample ({args.sample}), defects per 100 summary sentences:\n")
        print("| text | sentences | " + " | ".join(KINDS) + " |")
        print("|" + "---|" * (len(KINDS) + 2))
        for kind, (n, figures) in sorted(hand_counts(args.sample).items(), reverse=True):
            print(f"| {kind} | {n} | " + " | ".join(f"{figures[k]:.1f}" for k in KINDS) + " |")
    if args.write_sample:
        with args.write_sample.open("w", encoding="utf-8") as out:
            for label, (_words, _protocol, kind, rows) in results.items():
                concepts = rows["concepts"]
                for (cluster_id, summary), spread in zip(
                    concepts["summaries"], concepts["spreads"], strict=True
                ):
                    for position, j in enumerate(judge(summary, components.stemmer, spread)):
                        record = {
                            "kind": kind,
                            "set": label,
                            "cluster": cluster_id,
                            "position": position,
                            "text": j.text,
                            "automatic": list(j.defects),
                            "defects": [],
                        }
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
