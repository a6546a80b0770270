"""Write one half of a cluster file (by sha1 of the cluster id), for `newsum evaluate`.

    python benchmarks/half.py ../shared/data/multinews_val/validation250.jsonl.gz odd mn_odd.jsonl.gz

The halves are the ones every benchmark here uses (``FILE#even`` / ``FILE#odd``): the even
half of Multi-News validation is tuned on, the odd half is reported.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from newsum.grouping.evaluation import HALVES, half_of


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("half", choices=HALVES)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    opener = gzip.open if args.source.suffix == ".gz" else open
    writer = gzip.open if args.out.suffix == ".gz" else open
    kept = 0
    with (
        opener(args.source, "rt", encoding="utf-8") as lines,
        writer(args.out, "wt", encoding="utf-8") as out,
    ):
        for line in lines:
            if line.strip() and half_of(json.loads(line)["id"]) == args.half:
                out.write(line if line.endswith("\n") else line + "\n")
                kept += 1
    print(f"{kept} clusters -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
