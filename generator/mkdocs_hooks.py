"""MkDocs hooks loaded by each edition's generated config (runs inside the engine)."""

from __future__ import annotations

from typing import Any


def _rtl_root(output: str, config: Any) -> str:
    # Material writes dir only on <body>; the whole document must carry it so
    # that user agents and assistive technology see an RTL page from the root.
    if config.theme.get("language") == "ar":
        return output.replace('<html lang="ar" class="no-js">', '<html lang="ar" dir="rtl" class="no-js">', 1)
    return output


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _rtl_root(output, config)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return _rtl_root(output, config) if template_name.endswith(".html") else output


def on_template_context(context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
    # MkDocs renders error pages with absolute URLs rooted at site_url's path,
    # or at "/" without a site_url: right for the English edition at the
    # server root, wrong for the Arabic one, which lives under ar/.
    if template_name == "404.html" and not config.site_url and config.theme.get("language") == "ar":
        from mkdocs.utils import normalize_url

        context["base_url"] = "/ar/"
        context["extra_css"] = [normalize_url(path, None, "/ar/") for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(path), None, "/ar/") for path in config.extra_javascript]
    return context
