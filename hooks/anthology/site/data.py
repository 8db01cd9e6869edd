"""The data the page embeds: exactly the registry's JSON export (`schema/export.schema.json`)."""

from __future__ import annotations

from typing import Any

from anthology.model import Registry
from anthology.render.export import export
from anthology.render.view import build_view


def site_data(registry: Registry) -> dict[str, Any]:
    return export(build_view(registry))
