"""``newsum serve``: the HTTP API and the web page, on loopback unless told otherwise."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsum.commands.options import warn
from newsum.errors import NewsumError


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[
            str, typer.Option(help="Address to listen on (0.0.0.0 exposes it to the network).")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
        workers: Annotated[
            int, typer.Option(help="Worker processes for summarizing (0: one per core).", min=0)
        ] = 0,
        timeout: Annotated[
            float, typer.Option(help="Seconds a request may take before it gets 503.", min=0.1)
        ] = 30.0,
        openapi: Annotated[
            bool, typer.Option("--openapi", help="Print the OpenAPI schema and exit.")
        ] = False,
    ) -> None:
        """Serve the web page at / and the JSON API at /v1 (see /openapi.json)."""
        try:
            import uvicorn

            from newsum.service import ServiceSettings, create_app
            from newsum.service.server import server_config
        except ImportError as exc:
            raise NewsumError(
                f"the service needs the 'service' extra ({exc.name} is missing): "
                "pip install 'newsum[service]'"
            ) from None
        defaults = ServiceSettings()
        settings = ServiceSettings(workers=workers or defaults.workers, timeout_s=timeout)
        service = create_app(settings)
        if openapi:
            typer.echo(json.dumps(service.openapi(), indent=2, ensure_ascii=False))
            return
        if host not in {"127.0.0.1", "localhost", "::1"}:
            warn(f"listening on {host}: anyone who can reach it can use it")
        typer.echo(f"newsum: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        uvicorn.Server(server_config(service, settings, host, port)).run()
