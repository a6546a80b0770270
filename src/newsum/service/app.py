"""The FastAPI application: the JSON API under /v1, the page at /, health at /healthz."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.requests import ClientDisconnect

import newsum
from newsum.errors import NewsumError
from newsum.methods import DEFAULT_METHOD, available_methods
from newsum.service.limits import FieldError, check_articles, check_budget, check_method
from newsum.service.middleware import BodyDeadline, BodyLimit, BodyTimeout, SecurityHeaders
from newsum.service.requests import read_body
from newsum.service.runner import ClientGone, Runner, Unavailable
from newsum.service.schemas import StoriesRequest, SummarizeRequest, as_article
from newsum.service.settings import ServiceSettings
from newsum.service.work import StoriesJob, SummarizeJob, stories_job, summarize_job

ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"description": "The request body is over the size limit."},
    415: {"description": "The body is neither application/json nor multipart/form-data."},
    422: {"description": "A field is missing, malformed or over a limit; `loc` names it."},
    503: {"description": "Busy, or the request ran past the time limit; see Retry-After."},
}


def _request_body(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI for a body read by hand (JSON or multipart), since FastAPI cannot infer it."""
    fields = model.model_json_schema()["properties"]
    form: dict[str, Any] = {
        "files": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "Article files: .txt, .md, .html, .json or .jsonl (one per line).",
        },
        "articles": {"type": "string", "description": "A JSON array of articles, as in JSON."},
        **{name: schema for name, schema in fields.items() if name != "articles"},
    }
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}},
                "multipart/form-data": {"schema": {"type": "object", "properties": form}},
            },
        }
    }


log = logging.getLogger("uvicorn.error")  # one line each, in the server's log


def _error(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _client(request: Request) -> str:
    return f"{request.client.host}:{request.client.port}" if request.client else "a client"


def _gone(request: Request) -> Callable[[], Awaitable[None]]:
    """Returns once the client has disconnected (its body has been read by then)."""

    async def wait() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass

    return wait


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """The service; worker processes start with the app's lifespan and stop with it."""
    settings = settings or ServiceSettings()
    methods = available_methods()
    runner = Runner(settings)
    page = files("newsum").joinpath("web/index.html").read_text(encoding="utf-8")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner.start()
        try:
            yield
        finally:
            runner.stop()

    app = FastAPI(
        title="newsum",
        version=newsum.__version__,
        summary="Short, faithful, cited summaries of many news articles about one event.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the page must not
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.runner = runner
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(BodyDeadline, timeout_s=settings.body_timeout_s)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(packages=[("newsum", "web")]), name="static")
    # no "/static" -> "/static/" redirect: Starlette would build it from the Host header
    app.router.redirect_slashes = False

    @app.exception_handler(BodyTimeout)
    async def body_late(request: Request, exc: BodyTimeout) -> JSONResponse:
        log.info("%s - %s %s: %s", _client(request), request.method, request.url.path, exc)
        return _error(408, str(exc), {"Connection": "close"})

    @app.exception_handler(ClientDisconnect)
    async def client_left(request: Request, _: ClientDisconnect) -> Response:
        log.info(
            "%s - %s %s: the client disconnected before its request body was complete",
            _client(request), request.method, request.url.path,
        )  # fmt: skip
        return Response(status_code=400)  # nobody is there to read it

    @app.exception_handler(ClientGone)
    async def client_gone(request: Request, exc: ClientGone) -> Response:
        log.info("%s - %s %s: %s", _client(request), request.method, request.url.path, exc)
        return Response(status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        keep = ("loc", "msg", "type")
        return _error(422, [{k: e[k] for k in keep if k in e} for e in exc.errors()])

    @app.exception_handler(FieldError)
    async def bad_field(_: Request, exc: FieldError) -> JSONResponse:
        return _error(422, [exc.detail()])

    @app.exception_handler(NewsumError)
    async def bad_input(_: Request, exc: NewsumError) -> JSONResponse:
        return _error(422, [{"loc": ["body", "articles"], "msg": str(exc), "type": "input"}])

    @app.exception_handler(Unavailable)
    async def unavailable(_: Request, exc: Unavailable) -> JSONResponse:
        return _error(503, str(exc), {"Retry-After": str(exc.retry_after)})

    @app.api_route(
        "/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False
    )
    async def index() -> HTMLResponse:
        return HTMLResponse(page)

    @app.head("/healthz", include_in_schema=False)
    async def healthz_head() -> Response:
        return Response(media_type="application/json")

    @app.get("/healthz", summary="Liveness: answers even while every worker is busy")
    async def healthz() -> dict[str, Any]:
        return {"status": "ok", "workers": settings.workers, "in_progress": runner.active}

    @app.get("/v1/methods", summary="Summarization methods, default first")
    async def list_methods() -> dict[str, Any]:
        return {
            "default": DEFAULT_METHOD,
            "methods": [{"name": n, "description": d} for n, d in methods.items()],
        }

    @app.get("/v1/limits", summary="The limits this service enforces")
    async def limits() -> dict[str, int | float]:
        return settings.public()

    @app.post(
        "/v1/summarize",
        summary="Summarize articles about one event",
        description=(
            "Articles as JSON (`articles`, `words`, `sentences`, `method`) or as a multipart "
            "upload (`files` plus the same fields). Returns the same JSON as "
            "`newsum summarize --format json`. URLs in the input are never fetched."
        ),
        openapi_extra=_request_body(SummarizeRequest),
        responses={200: {"description": "The summary with per-sentence sources."}, **ERRORS},
    )
    async def summarize(request: Request) -> JSONResponse:
        body, uploads = await read_body(
            request, SummarizeRequest, settings.max_articles, settings.max_body_bytes
        )
        words, sentences = check_budget(body.words, body.sentences, settings)
        check_method(body.method, list(methods))
        articles = tuple(as_article(item) for item in body.articles)
        if articles or not uploads:  # uploads are checked once read, in the worker
            check_articles(articles, settings, ("body", "articles"), settings.max_articles)
        job = SummarizeJob(articles, uploads, words, sentences, body.method, settings)
        return JSONResponse(await runner.run(summarize_job, job, gone=_gone(request)))

    @app.post(
        "/v1/stories",
        summary="Group a mixed batch of articles into stories, each with its summary",
        description=(
            "A mixed batch (JSON or multipart, as for /v1/summarize) grouped into events; "
            "each story lists its article ids and its summary, as `newsum stories` writes it."
        ),
        openapi_extra=_request_body(StoriesRequest),
        responses={200: {"description": "The stories, biggest first."}, **ERRORS},
    )
    async def stories(request: Request) -> JSONResponse:
        body, uploads = await read_body(
            request, StoriesRequest, settings.max_story_articles, settings.max_body_bytes
        )
        words, _ = check_budget(body.words, None, settings)
        check_method(body.method, list(methods))
        articles = tuple(as_article(item) for item in body.articles)
        if articles or not uploads:
            check_articles(articles, settings, ("body", "articles"), settings.max_story_articles)
        job = StoriesJob(articles, uploads, words, body.method, settings)
        return JSONResponse(await runner.run(stories_job, job, gone=_gone(request)))

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, summary=app.summary, routes=app.routes
            )
            _, definitions = models_json_schema(
                [(SummarizeRequest, "validation"), (StoriesRequest, "validation")],
                ref_template="#/components/schemas/{model}",
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(
                definitions["$defs"]
            )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
