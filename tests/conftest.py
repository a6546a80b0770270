"""Shared fixtures: the Raqqa example, the dev sets in ../shared/data, reusable components."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsum.clean import clean_articles
from newsum.coherence import Facts, facts_of
from newsum.pipeline import Components, prepare
from newsum.read import Cluster, read_clusters, read_paths
from newsum.represent import ClusterView, PorterStemmer, analyse
from newsum.split import NupunktSplitter, split_documents
from newsum.types import Article, Document, Sentence

ROOT = Path(__file__).resolve().parents[1]
RAQQA = ROOT / "examples" / "raqqa"
# ../shared/data beside the checkout, or $NEWSUM_DATA (a git worktree lives elsewhere)
DATA = Path(
    os.environ.get("NEWSUM_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
DEV_SETS = {
    "duc2003-task2": DATA / "duc2003" / "task2.jsonl.gz",
    "duc2003-task3": DATA / "duc2003" / "task3.jsonl.gz",
    "tac2011": DATA / "tac2011_multiling_en" / "test.jsonl.gz",
}

WORD = re.compile(r"[^\W_]+")


def sentence_facts(text: str) -> Facts:
    """``coherence.facts_of`` of one sentence, its content stems by the default stemmer."""
    return facts_of(text, analyse(text, PorterStemmer()).content)


def assert_training_reproduces(script: str, needs: str) -> None:
    """``benchmarks/SCRIPT --check`` retrains from the dev sets (skipped without ``needs``, a
    file under them) and finds the shipped model file byte for byte."""
    if not (DATA / needs).exists():
        pytest.skip(f"dev sets not present in {DATA}")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--check", "--data", str(DATA)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the shipped model is reproduced" in done.stdout


def cluster_view(*texts: str) -> ClusterView:
    """The prepared cluster of one article per text (ids a0, a1, ...), default components."""
    return prepare([Article(t, id=f"a{k}") for k, t in enumerate(texts)], Components())


def words(text: str) -> list[str]:
    """Alphanumeric tokens, lowercased: what faithfulness and span checks compare."""
    return WORD.findall(text.lower())


@functools.cache
def dev_clusters(name: str) -> tuple[Cluster, ...]:
    path = DEV_SETS[name]
    if not path.exists():
        pytest.skip(f"dev set {path} not present (it lives in ../shared/data)")
    clusters = tuple(c for c in read_clusters(path) if isinstance(c, Cluster))
    assert clusters, f"{path} holds no readable cluster"
    return clusters


@functools.cache
def _splitter() -> NupunktSplitter:
    return NupunktSplitter()


@functools.cache
def cleaned(name: str) -> tuple[tuple[Document, list[Sentence]], ...]:
    """Every document of a dev set (or "raqqa"), cleaned and split."""
    if name == "raqqa":
        groups: list[tuple[Article, ...]] = [tuple(read_paths([RAQQA]))]
    else:
        groups = [c.articles for c in dev_clusters(name)]
    result: list[tuple[Document, list[Sentence]]] = []
    for articles in groups:
        documents = clean_articles(articles)
        result.extend(zip(documents, split_documents(documents, _splitter()), strict=True))
    return tuple(result)


@pytest.fixture(scope="session")
def components() -> Components:
    return Components()


@pytest.fixture(scope="session")
def raqqa() -> list[Article]:
    return read_paths([RAQQA])


@pytest.fixture(scope="session")
def splitter() -> NupunktSplitter:
    return _splitter()
