"""The MCP server for download and its Claude Desktop set-up snippet (public: no key is involved)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from cvmatch_app.api.schemas import McpConfigResponse
from cvmatch_app.config import get_settings
from cvmatch_app.services.mcp_setup import mcp_config_snippet, mcp_server_source

router = APIRouter(prefix="/api/mcp", tags=["mcp"])


@router.get("/mcp_server.py", summary="Download the standalone MCP server", response_class=Response)
async def download_mcp_server() -> Response:
    """The file to save as ~/mcp_server.py; it needs only `pip install "mcp<2" httpx`."""
    return Response(
        mcp_server_source(),
        media_type="text/x-python; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="mcp_server.py"', "Cache-Control": "no-cache"},
    )


@router.get(
    "/config",
    summary="The claude_desktop_config.json snippet for this server",
    response_model=McpConfigResponse,
    response_model_exclude_unset=True,
)
async def mcp_config() -> dict[str, Any]:
    return mcp_config_snippet(get_settings().effective_public_url)
