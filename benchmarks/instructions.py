"""Instruction count of the batch path in process: the steady measure of a speed change on a
machine shared with other work (times move with the load; instructions barely do).

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce --callgrind-out-file=OUT \\
        python benchmarks/instructions.py FILE.jsonl.gz --clusters 3 --words 100

The first ``--warm`` clusters are summarized outside the measure (imports, model loads, the
patterns compiled when first needed); the next ``--clusters`` are summarized inside one ``functools.reduce`` call, which is what
``--toggle-collect=functools_reduce`` counts (newsum itself never calls it). The total is the
``summary: N`` line of OUT (``callgrind_annotate OUT | head``).
"""

from __future__ import annotations

import argparse
import functools
import itertools
from typing import Any

from newsum.batch import BatchSettings, Cluster, read_clusters, summarize_cluster
from newsum.pipeline import Components


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--clusters", type=int, default=3)
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--warm", type=int, default=1, help="clusters summarized before the count")
    args = parser.parse_args()
    clusters = [c for c in read_clusters(args.file) if isinstance(c, Cluster)]
    settings = BatchSettings(words=args.words)
    components = Components()
    for cluster in clusters[: args.warm]:  # outside the count
        summarize_cluster(cluster, settings, components)

    def one(done: int, cluster: Any) -> int:
        summarize_cluster(cluster, settings, components)
        return done + 1

    measured = list(itertools.islice(clusters[args.warm :], args.clusters))
    done = functools.reduce(one, measured, 0)
    print(f"summarized {done} clusters inside the count")


if __name__ == "__main__":
    main()
