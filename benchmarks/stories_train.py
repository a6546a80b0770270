"""Train the join model of `newsum stories` on the dev clusters and write the shipped file.

Data: ../shared/data (duc2002 m100, duc2003 tasks 2 and 3, TAC 2011 MultiLing, and the even
half of multinews validation: its odd half is kept for reporting), pooled into one shuffled stream; see newsum/grouping/train.py for how the
labelled pairs are made. Needs scikit-learn (the bench extra); using the model does not.

Run: python benchmarks/stories_train.py            (writes src/newsum/grouping/join_model.json)
     python benchmarks/stories_train.py --check    (retrains, compares with the shipped file)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from newsum.grouping.train import DEV_FILES, train_on_files

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSUM_DATA", ROOT.parent / "shared" / "data"))
SHIPPED = ROOT / "src" / "newsum" / "grouping" / "join_model.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    paths = [args.data / f for f in DEV_FILES]
    missing = [str(p) for p in paths if not Path(str(p).partition("#")[0]).exists()]
    if missing:
        print(f"dev data missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    model = train_on_files(paths)
    text = json.dumps(model, indent=1) + "\n"
    took = time.perf_counter() - started
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print(f"{'same as' if same else 'DIFFERS from'} {args.out} ({took:.0f} s)")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{model['decisions']} decisions, {model['pairs']} pairs, {model['joins']} joins "
          f"-> {args.out} ({took:.0f} s)")  # fmt: skip
    print(f"  {'feature':<16}{'rank':>8}{'decide':>8}")
    for name, rank, decide in zip(model["features"], model["rank"]["coef"],
                                  model["decide"]["coef"], strict=True):  # fmt: skip
        print(f"  {name:<16}{rank:>+8.3f}{decide:>+8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
