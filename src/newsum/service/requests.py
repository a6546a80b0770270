"""Reading a request body (JSON or multipart) into a validated model plus uploaded files.

Both forms are parsed here rather than by FastAPI so that every way a body can be wrong
(bad UTF-8, bad JSON, nesting, wrong content type, too many parts) gets a clear 4xx.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any, TypeVar

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from newsum.service.limits import FieldError
from newsum.service.work import UPLOAD_SUFFIXES, Upload

M = TypeVar("M", bound=BaseModel)

FORM_FIELDS = {"articles", "words", "sentences", "method"}


def parse_json(body: bytes) -> Any:
    """JSON text must be UTF-8 (RFC 8259); anything else is a 422 naming the problem."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FieldError(
            ("body",), f"not valid UTF-8 (byte {exc.start} cannot be decoded)", "json_invalid"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FieldError(
            ("body",),
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            "json_invalid",
        ) from None
    except RecursionError:
        raise FieldError(("body",), "invalid JSON: nested too deeply", "json_invalid") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise FieldError(("body",), f"invalid JSON: {exc}", "json_invalid") from None


def validate(model: type[M], data: Any, max_articles: int) -> M:
    """The model, or a 422 whose errors name each bad field (without echoing the input)."""
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        count = len(data["articles"])
        if count > max_articles:  # before validating a million items
            raise FieldError(
                ("body", "articles"),
                f"{count} articles, over the limit of {max_articles}",
                "too_long",
            )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [
                {"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]}
                for e in exc.errors(include_url=False, include_input=False, include_context=False)
            ]
        ) from None


async def read_body(
    request: Request, model: type[M], max_articles: int, max_bytes: int
) -> tuple[M, tuple[Upload, ...]]:
    """The request's model and its uploads, from ``application/json`` or a multipart form."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        body = await request.body()
        parsed = await run_in_threadpool(lambda: validate(model, parse_json(body), max_articles))
        return parsed, ()
    if media == "multipart/form-data":
        return await _read_form(request, model, max_articles, max_bytes)
    raise HTTPException(
        415,
        "send the articles as application/json or as multipart/form-data "
        f"(got {media or 'no content type'})",
    )


def _form_value(key: str, value: str) -> Any:
    """A form field as JSON would give it: whole numbers for the counts (all else is text,
    which the model's strict integers then refuse)."""
    if key in {"words", "sentences"} and re.fullmatch(r"\s*-?[0-9]{1,9}\s*", value):
        return int(value)
    return value


async def _read_form(
    request: Request, model: type[M], max_articles: int, max_bytes: int
) -> tuple[M, tuple[Upload, ...]]:
    try:
        form = await request.form(
            max_files=max_articles, max_fields=len(FORM_FIELDS) + 4, max_part_size=max_bytes
        )
    except HTTPException as exc:
        if exc.status_code == 413:
            raise
        raise FieldError(("body",), f"cannot read the form: {exc.detail}") from None
    try:
        data: dict[str, Any] = {}
        uploads: list[Upload] = []
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key != "files":
                    raise FieldError(("body", key), "upload files in the field 'files'")
                name = PurePath(value.filename or "upload.txt").name
                if PurePath(name).suffix.lower() not in UPLOAD_SUFFIXES:
                    raise FieldError(
                        ("body", "files", len(uploads)),
                        f"{name}: unsupported file type; use one of {', '.join(UPLOAD_SUFFIXES)}",
                    )
                uploads.append(Upload(name, await value.read()))
            elif key in data:
                raise FieldError(("body", key), "given more than once")
            elif key == "articles":
                data[key] = parse_json(value.encode("utf-8", "surrogatepass"))
            elif value != "":
                data[key] = _form_value(key, value)
    finally:
        await form.close()
    pasted = data.setdefault("articles", [])
    if isinstance(pasted, list) and len(pasted) + len(uploads) > max_articles:
        raise FieldError(
            ("body", "files"),
            f"{len(pasted) + len(uploads)} articles and files, over the limit of {max_articles}",
            "too_long",
        )
    return validate(model, data, max_articles), tuple(uploads)
