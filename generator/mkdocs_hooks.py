"""MkDocs hooks loaded by each edition's generated config (runs inside the engine)."""

from __future__ import annotations

from typing import Any


def on_post_page(output: str, page: Any, config: Any) -> str:
    # Material writes dir only on <body>; the whole document must carry it so
    # that user agents and assistive technology see an RTL page from the root.
    if config.theme.get("language") == "ar":
        return output.replace('<html lang="ar" class="no-js">', '<html lang="ar" dir="rtl" class="no-js">', 1)
    return output
