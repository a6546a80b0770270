"""Request bodies of the service, as pydantic models (they also make the OpenAPI schema).

Size limits are not in the models: they come from ``ServiceSettings`` and are checked
after validation, with the same error shape (see ``limits.py``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from newsum.types import Article


def _valid_unicode(value: str) -> str:
    """JSON may escape lone surrogates (``"\\ud800"``); they are not text and cannot be output."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains an unpaired surrogate (invalid Unicode)") from None
    return value


Text = Annotated[str, AfterValidator(_valid_unicode)]


class ArticleIn(BaseModel):
    """One article: plain text plus optional metadata. URLs are kept as labels, never fetched."""

    model_config = ConfigDict(extra="ignore")

    text: Text = Field(description="The article's plain text (not HTML: upload .html files).")
    id: Text | None = Field(None, description="Your identifier; defaults to doc1, doc2, ...")
    title: Text | None = None
    source: Text | None = Field(None, description="The outlet, e.g. 'AFP'.")
    date: Text | None = Field(None, description="Publication date, ISO 8601 preferred.")
    url: Text | None = Field(None, description="Shown as a label; the service never fetches it.")

    def to_article(self) -> Article:
        return Article(
            text=self.text,
            id=self.id or "",
            title=self.title,
            source=self.source,
            url=self.url,
            date=self.date,
        )


def _text_as_article(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


# A plain string is an article with only text; validating it as ArticleIn keeps errors
# pointing at the field (articles.3.text), not at the branches of a union.
ArticleItem = Annotated[ArticleIn, BeforeValidator(_text_as_article)]


class SummarizeRequest(BaseModel):
    """Articles about one event, and how long the summary may be."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleItem] = Field(
        description="Articles: objects with 'text' (and metadata), or plain strings."
    )
    # strict: true, 60.0 or "60" are not a length (lax mode would read true as 1)
    words: int | None = Field(
        None,
        strict=True,
        description="Length limit in words (default 100, or none when 'sentences' is set).",
    )
    sentences: int | None = Field(
        None, strict=True, description="Number of sentences instead of words."
    )
    method: str = Field("concepts", description="Summarization method (see GET /v1/methods).")


class StoriesRequest(BaseModel):
    """A mixed batch of articles about many events, to be grouped into stories."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleItem] = Field(description="Articles, as for /v1/summarize.")
    words: int | None = Field(
        None, strict=True, description="Length of each story's summary (default 100)."
    )
    method: str = Field("concepts", description="Summarization method (see GET /v1/methods).")


def as_article(item: ArticleIn) -> Article:
    return item.to_article()
