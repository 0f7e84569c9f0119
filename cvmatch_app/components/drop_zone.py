"""A drag-and-drop zone that also opens the file chooser on click or Enter/Space."""

from __future__ import annotations

from typing import Any

import reflex as rx

ACCEPT = {
    "application/pdf": [".pdf"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
    "text/plain": [".txt"],
}


def drop_zone(
    upload_id: str,
    *,
    title: str,
    hint: str | rx.Var,
    on_drop: Any,
    on_drop_rejected: Any = None,
    multiple: bool = True,
    max_size: int,
    compact: bool = False,
    disabled: bool | rx.Var = False,
) -> rx.Component:
    props: dict[str, Any] = {}
    if on_drop_rejected is not None:
        props["on_drop_rejected"] = on_drop_rejected
    return rx.upload.root(
        rx.vstack(
            rx.icon("upload", size=20 if compact else 28, color=rx.color("accent", 10)),
            rx.text(title, weight="medium", text_align="center"),
            rx.text(hint, size="1", color=rx.color("gray", 11), text_align="center"),
            align="center",
            spacing="1",
        ),
        id=upload_id,
        multiple=multiple,
        accept=ACCEPT,
        max_size=max_size,
        on_drop=on_drop,
        disabled=disabled,
        aria_label=title,
        aria_disabled=disabled,
        # The file input react-dropzone renders takes no props: name it once it is in the page.
        on_mount=rx.call_script(
            f"document.querySelector('#{upload_id} input[type=file]')?.setAttribute('aria-label', {title!r})"
        ),
        border=f"2px dashed {rx.color('accent', 7)}",
        border_radius="var(--radius-4)",
        padding="1em" if compact else "2em 1em",
        background=rx.color("accent", 2),
        cursor=rx.cond(disabled, "not-allowed", "pointer") if isinstance(disabled, rx.Var) else "pointer",
        opacity=rx.cond(disabled, "0.6", "1") if isinstance(disabled, rx.Var) else "1",
        width="100%",
        drag_active_style={"background": rx.color("accent", 4), "border_color": rx.color("accent", 9)},
        _focus_visible={"outline": f"2px solid {rx.color('accent', 9)}", "outline_offset": "2px"},
        **props,
    )
