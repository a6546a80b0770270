"""newsum: short, faithful, cited summaries of many news articles about one event.

    >>> import newsum
    >>> summary = newsum.summarize([first_article_text, second_article_text], words=100)

Importing this package is cheap: models, the service and optional extras load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsum.errors import InputError, MethodError, NewsumError
from newsum.types import Article, Sentence, Summary, SummarySentence, Support

if TYPE_CHECKING:
    from newsum.grouping import Story as Story
    from newsum.grouping import stories as stories
    from newsum.pipeline import summarize as summarize

__version__ = "0.1.0"
__all__ = [
    "Article",
    "InputError",
    "MethodError",
    "NewsumError",
    "Sentence",
    "Story",
    "Summary",
    "SummarySentence",
    "Support",
    "stories",
    "summarize",
]


def __getattr__(name: str) -> Any:
    if name == "summarize":
        from newsum.pipeline import summarize

        return summarize
    if name == "stories":
        from newsum.grouping import stories

        return stories
    if name == "Story":
        from newsum.grouping import Story

        return Story
    raise AttributeError(f"module 'newsum' has no attribute {name!r}")
