"""A self-contained HTML report: inline CSS, no scripts or external assets, readable on a phone."""

from __future__ import annotations

from functools import lru_cache

from newsweave.model import Briefing
from newsweave.render.view import build_view, is_web_url


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("newsweave.render", "templates"), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("briefing.html.j2")


def render_html(b: Briefing) -> str:
    from newsweave import __version__

    return _template().render(view=build_view(b), briefing=b, version=__version__, is_web_url=is_web_url)
