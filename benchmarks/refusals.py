"""The candidate sentences that the quotation and attribution rules refuse, for reading.

    python benchmarks/refusals.py /work/notes/data/mn_even.jsonl.gz --words 250 --sample 40
    python benchmarks/refusals.py ../shared/data/duc2003/task2.jsonl.gz --words 100 --seed 2

For each cluster of one data file (``FILE#even`` reads that half of a file), each candidate
that ``Concepts.readable`` would keep but for the quotation policy (a whole sentence, no
question, no page furniture), refused by one of these rules:

* ``fragment``: split marked it part of a quotation that opens or closes outside it;
* ``short budget``: a complete quotation, at a budget under ``coherence.QUOTE_MIN_WORDS``;
* ``unattributed``: a complete quotation without a reporting verb outside the quote marks,
  whose quoted spans are not all short enough to be names nor all words woven into the
  sentence (opening in lowercase), and that does not go on with the words of an attributed
  quotation just before it (``Concepts.continues_quotation``);
* ``stranger``: kept by the quotation policy, refused by ``Concepts.eligible`` because its
  speaker is never introduced (``coherence.names_a_stranger``).

Printed per refusal: the rule, the cluster and article, the sentence before, the candidate
and the sentence after (as split left them, with their quotation roles), so that a person can
judge whether a readable complete sentence was refused. ``--sample N --seed S`` prints N of
them drawn at random (the counts per rule are always of all). The Multi-News odd half and
DUC 2002 (whose D061-D076 are the hand-labelled held-out sample) are refused: they are the
held-out figures, never read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsum.backend import default_components
from newsum.coherence import (
    QUOTE_MIN_WORDS,
    about_the_page,
    names_a_stranger,
    page_furniture,
    quote_allowed,
    quote_role,
    unintroduced_speakers,
    whole_sentence,
)
from newsum.errors import InputError
from newsum.grouping.evaluation import half_of
from newsum.methods.base import Budget
from newsum.methods.concepts import Concepts
from newsum.pipeline import prepare
from newsum.read import Cluster, read_clusters
from newsum.represent import ClusterView

HELD_OUT = ("mn_odd", "duc2002")  # file names that hold the held-out figures


@dataclass(frozen=True)
class Refusal:
    rule: str
    cluster: str
    article: str
    before: str
    text: str
    role: str
    after: str


def check_allowed(spec: str) -> None:
    """Exit with a clear error for the held-out data: the odd half of Multi-News (``#odd``,
    the odd-half file, or the whole validation file, which holds it) and DUC 2002."""
    path, _, part = spec.partition("#")
    name = Path(path).name.lower()
    if part == "odd" or any(h in str(path).lower() for h in HELD_OUT):
        sys.exit(f"refusals.py: {spec} is held out (the odd half / DUC 2002): never read it")
    if "validation" in name and part != "even":
        sys.exit(f"refusals.py: {spec} holds the Multi-News odd half: give {path}#even")


def clusters_of(spec: str) -> list[Cluster]:
    path, _, part = spec.partition("#")
    found = [c for c in read_clusters(path) if isinstance(c, Cluster)]
    return [c for c in found if half_of(c.id) == part] if part else found


def _neighbour(view: ClusterView, doc: int, index: int) -> str:
    k = view.sentence_at.get((doc, index))
    if k is None:
        return "-"
    s = view.sentences[k]
    return f"[{s.quote}] {s.text}"


def refusals(cluster: Cluster, view: ClusterView, budget: Budget) -> list[Refusal]:
    unknown = view.unknown_speakers
    if unknown is None:
        unknown = unintroduced_speakers([d.text for d in view.documents])
    found = []
    method = Concepts()
    for k, candidate in enumerate(view.candidates):
        text = candidate.text
        sentence = view.sentences[candidate.sentence]
        if text.rstrip('"”').endswith("?") or not whole_sentence(text):
            continue
        if about_the_page(text) or page_furniture(text):
            continue
        role = quote_role(sentence, text)
        if role == "fragment":
            rule = "fragment"
        elif role == "complete" and (budget.words or QUOTE_MIN_WORDS) < QUOTE_MIN_WORDS:
            rule = "short budget"
        elif not quote_allowed(role, text, budget.words):
            if method.continues_quotation(view, budget, k):
                continue  # the speaker of the quotation before it goes on: it enters after it
            rule = "unattributed"
        elif unknown and names_a_stranger(text, unknown):
            rule = "stranger"
        else:
            continue
        document = view.documents[sentence.doc]
        found.append(
            Refusal(
                rule=rule,
                cluster=cluster.id,
                article=document.article.id or str(sentence.doc),
                before=_neighbour(view, sentence.doc, sentence.index - 1),
                text=text,
                role=role,
                after=_neighbour(view, sentence.doc, sentence.index + 1),
            )
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="a cluster file (FILE#even: that half)")
    parser.add_argument("--words", type=int, default=250, help="the budget the rules apply at")
    parser.add_argument("--sample", type=int, default=0, help="print N refusals (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rule", default=None, help="only this rule's refusals")
    args = parser.parse_args()
    check_allowed(args.data)
    components = default_components()
    budget = Budget(words=args.words)
    found: list[Refusal] = []
    candidates = 0
    for cluster in clusters_of(args.data):
        try:
            view = prepare(list(cluster.articles), components)
        except InputError:
            continue
        candidates += len(view.candidates)
        found.extend(refusals(cluster, view, budget))
    counts = Counter(r.rule for r in found)
    print(f"{args.data} at {args.words} words: {candidates} candidates, {len(found)} refused")
    for rule, n in counts.most_common():
        print(f"  {rule}: {n}")
    shown = [r for r in found if args.rule is None or r.rule == args.rule]
    if args.sample and args.sample < len(shown):
        shown = random.Random(args.seed).sample(shown, args.sample)
    for n, r in enumerate(shown, 1):
        print(f"\n#{n} {r.rule} ({r.role})  cluster {r.cluster}  article {r.article}")
        print(f"  before: {r.before}")
        print(f"  >>>     {r.text}")
        print(f"  after:  {r.after}")


if __name__ == "__main__":
    main()
