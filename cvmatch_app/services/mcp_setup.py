"""How a user sets up the MCP server: the claude_desktop_config.json snippet and the file to download."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MCP_SERVER_FILE = Path(__file__).resolve().parent.parent / "mcp_server.py"
MCP_SERVER_NAME = "cv-matching"
API_KEY_PLACEHOLDER = "your-api-key-here"


def mcp_config_snippet(
    api_url: str, *, api_key: str = API_KEY_PLACEHOLDER, script_path: str = "~/mcp_server.py"
) -> dict[str, Any]:
    """The API contract's claude_desktop_config.json entry, pointing at ``api_url`` (this server's public URL)."""
    return {
        "mcpServers": {
            MCP_SERVER_NAME: {
                "command": "python",
                "args": [script_path],
                "env": {"CV_MATCH_API_URL": api_url.rstrip("/"), "CV_MATCH_API_KEY": api_key},
            }
        }
    }


def mcp_server_source() -> bytes:
    """The standalone mcp_server.py exactly as it is in this release."""
    return MCP_SERVER_FILE.read_bytes()
