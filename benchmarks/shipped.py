"""Write a trained model's file into the package, or, with ``--check``, compare with it."""

from __future__ import annotations

from pathlib import Path


def check_or_write(out: Path, text: str, check: bool) -> None:
    """``check``: exit 0 when ``out`` holds ``text`` exactly, else 1 (writes nothing);
    otherwise write it."""
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("the shipped model is reproduced" if same else f"{out} differs")
        raise SystemExit(0 if same else 1)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
