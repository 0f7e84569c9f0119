"""Form pieces: every input has a visible label tied to it."""

from __future__ import annotations

from typing import Any

import reflex as rx


def labelled_input(label: str, name: str, input_type: str = "text", **props: Any) -> rx.Component:
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=name),
        rx.input(id=name, name=name, type=input_type, size="3", width="100%", **props),
        spacing="1",
        width="100%",
    )
