from __future__ import annotations

import pytest

from conftest import RAQQA
from newsum.represent import PorterStemmer, analyse, tokenize


def _raqqa_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(RAQQA.glob("*.txt")))


def test_stem_all_agrees_with_stem_word_by_word() -> None:
    stemmer = PorterStemmer()
    words = tokenize(_raqqa_text())
    assert stemmer.stem_all(words) == [stemmer.stem(w) for w in words]
    terms = analyse("The fighters were retreating from Raqqa's stadium.", stemmer)
    assert terms.stems == ("the", "fighter", "were", "retreat", "from", "raqqa'", "stadium")
    assert ("retreat", "from") in terms.bigrams and "the" not in terms.content


def test_stems_stay_right_when_the_cache_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsum.represent as represent

    words = tokenize(_raqqa_text())
    expected = PorterStemmer().stem_all(words)
    monkeypatch.setattr(represent, "STEM_CACHE_WORDS", 50)
    stemmer = PorterStemmer()
    for _ in range(2):  # the second pass reads what the first one left in the cache
        for start in range(0, len(words), 30):
            assert stemmer.stem_all(words[start : start + 30]) == expected[start : start + 30]
            assert len(stemmer._stems) <= 50 + 30  # cleared when full, never far past it
        assert [stemmer.stem(w) for w in reversed(words)] == expected[::-1]
