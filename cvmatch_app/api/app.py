"""The FastAPI app: routes, one error format ({"detail": ...}) and offline OpenAPI docs."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from pydantic.json_schema import models_json_schema

from cvmatch_app.api import account_routes, match_routes, rubric_routes
from cvmatch_app.api.billing_routes import router as billing_router
from cvmatch_app.api.downloads_routes import router as downloads_router
from cvmatch_app.api.schemas import ERROR_MEANINGS, HealthResponse, RequirementsUpdate, RescoreQueued
from cvmatch_app.jobs.dispatch import dispatch
from cvmatch_app.services import dispatcher
from cvmatch_app.services.errors import ServiceError


def create_api() -> FastAPI:
    dispatcher.register(dispatch)  # where the app is wired: services hand new CVs to this server's runner
    api = FastAPIOffline(
        title="CVMatch API",
        version="1.0",
        description="Match CVs against a job description. Authenticate with the X-API-Key header.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        static_url="/api/docs-static",
    )

    @api.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        headers = dict(getattr(request.state, "rate_limit_headers", {}) or {})
        headers.update(exc.headers)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @api.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"detail": f"Bad request: {problems}"}, status_code=400)

    @api.get(
        "/api/health",
        tags=["service"],
        summary="Is the server up",
        response_model=HealthResponse,
        response_model_exclude_unset=True,
    )
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    api.include_router(match_routes.router)
    api.include_router(rubric_routes.router)
    api.include_router(account_routes.router)
    api.include_router(billing_router)
    api.include_router(downloads_router)
    api.openapi = lambda: _contract(api)  # type: ignore[method-assign]
    return api


def _contract(api: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with the API's real error answers: 400 (never 422) in the {"detail"} shape."""
    if api.openapi_schema is None:
        schema = get_openapi(
            title=api.title, version=api.version, description=api.description, routes=api.routes, tags=api.openapi_tags
        )
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                responses = operation.get("responses", {})
                if responses.pop("422", None) is not None:
                    responses.setdefault("400", _error_response(400))
        components = schema.get("components", {}).get("schemas", {})
        # Bodies a route reads itself (for its own 400s) are documented by reference: add their models.
        _, extra = models_json_schema(
            [(RequirementsUpdate, "validation"), (RescoreQueued, "serialization")],
            ref_template="#/components/schemas/{model}",
        )
        for name, model_schema in extra.get("$defs", {}).items():
            components.setdefault(name, model_schema)
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        api.openapi_schema = schema
    return api.openapi_schema


def _error_response(code: int) -> dict[str, Any]:
    return {
        "description": ERROR_MEANINGS[code],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
    }
