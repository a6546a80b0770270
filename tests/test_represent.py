from __future__ import annotations

from conftest import RAQQA
from newsum.pipeline import _first_tokens
from newsum.represent import PorterStemmer, analyse, tokenize


def _raqqa_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(RAQQA.glob("*.txt")))


def test_first_tokens_equal_the_head_of_all_tokens() -> None:
    text = _raqqa_text()
    for count in (1, 5, 100, 2000, 10**6):
        assert _first_tokens(text, count) == tokenize(text)[:count]
    # a cut inside a long word, or text shorter than the window, changes nothing
    assert _first_tokens("a " * 7 + "z" * 40, 8) == tokenize("a " * 7 + "z" * 40)[:8]


def test_stem_all_agrees_with_stem_word_by_word() -> None:
    stemmer = PorterStemmer()
    words = tokenize(_raqqa_text())
    assert stemmer.stem_all(words) == [stemmer.stem(w) for w in words]
    terms = analyse("The fighters were retreating from Raqqa's stadium.", stemmer)
    assert terms.stems == ("the", "fighter", "were", "retreat", "from", "raqqa'", "stadium")
    assert ("retreat", "from") in terms.bigrams and "the" not in terms.content
