"""A moment shown in the reader's own time zone (the server stores and sends UTC)."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.vars.base import Var


def local_time(iso: rx.Var, fallback: rx.Var | str = "", **props: Any) -> rx.Component:
    """``iso`` is an ISO-8601 string with its offset; the browser formats it in its time zone."""
    formatted: Var[str] = Var(
        _js_expr=(
            f"(({iso!s}) ? new Date({iso!s}).toLocaleString(undefined, "
            "{year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', "
            "timeZoneName: 'short'}) : '')"
        ),
        _var_type=str,
        _var_data=iso._get_all_var_data(),
    )
    return rx.el.time(formatted, date_time=iso, title=fallback, **props)
