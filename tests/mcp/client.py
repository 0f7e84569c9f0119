"""Drive mcp_server.py as Claude Desktop does: a subprocess spoken to over stdio by the official MCP client."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = Path(__file__).resolve().parents[2]
SERVER_FILE = ROOT / "cvmatch_app" / "mcp_server.py"
T = TypeVar("T")


def server_params(
    *, url: str | None, key: str | None, script: Path = SERVER_FILE, cwd: Path | None = None
) -> StdioServerParameters:
    """``python -I mcp_server.py`` with only the two documented variables (None leaves one out)."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    if url is not None:
        env["CV_MATCH_API_URL"] = url
    if key is not None:
        env["CV_MATCH_API_KEY"] = key
    # -I: no PYTHONPATH, no user site, not even the script's folder on sys.path: the file stands alone.
    return StdioServerParameters(command=sys.executable, args=["-I", str(script)], env=env, cwd=cwd)


@dataclass
class ToolAnswer:
    is_error: bool
    text: str
    data: dict[str, Any] | None


class Tools:
    def __init__(self, session: ClientSession) -> None:
        self.session = session

    async def list(self) -> dict[str, Any]:
        return {tool.name: tool for tool in (await self.session.list_tools()).tools}

    async def call(self, name: str, **arguments: Any) -> ToolAnswer:
        result = await self.session.call_tool(name, arguments)
        text = "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")
        data = result.structuredContent
        if data is None and not result.isError:
            data = json.loads(text)
        return ToolAnswer(is_error=bool(result.isError), text=text, data=data)


def with_tools(
    params: StdioServerParameters, work: Callable[[Tools], Awaitable[T]], *, errlog: TextIO | None = None
) -> T:
    """Start the server, initialise an MCP session, run ``work`` and shut the server down."""

    async def main() -> T:
        with anyio.fail_after(180):
            async with stdio_client(params, errlog=errlog or sys.stderr) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    return await work(Tools(session))

    return anyio.run(main)


async def wait_until_done(tools: Tools, job_id: str, timeout: float = 90) -> list[dict[str, Any]]:
    """Poll get_match_progress as the tool description asks; every answer, in order."""
    seen: list[dict[str, Any]] = []
    with anyio.fail_after(timeout):
        while True:
            answer = await tools.call("get_match_progress", job_id=job_id)
            assert not answer.is_error, answer.text
            assert answer.data is not None
            seen.append(answer.data)
            if answer.data["status"] in ("completed", "failed"):
                return seen
            await anyio.sleep(0.3)
