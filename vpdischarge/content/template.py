"""Rendering the handout template into markup, in one language.

One Jinja2 environment per (language, template folder), cached: gettext callables and Babel
filters are bound to the environment, and a separate environment per language keeps a preview
rendering in a background thread from ever mixing two languages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from vpdischarge.assets import templates_dir
from vpdischarge.content.catalogs import translations_for
from vpdischarge.content.formatting import Formatter
from vpdischarge.domain.locales import HandoutLocale
from vpdischarge.domain.text_rules import NO_BREAK_SPACE

TEMPLATE_NAME = "handout.xml.j2"


@cache
def environment(locale: HandoutLocale, template_folder: Path | None = None) -> jinja2.Environment:
    folders = [str(template_folder)] if template_folder else []
    folders.append(str(templates_dir()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        # Everything typed by a user is escaped; nothing typed can become markup or template code
        # (user text is data in the context, never part of the template source).
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations_for(locale.code), newstyle=True)
    fmt = Formatter(locale.babel, rtl=locale.direction == "rtl", language=locale.code)
    env.filters.update(
        date=fmt.date,
        weekday_date=fmt.weekday_date,
        time=fmt.time,
        ltr=fmt.isolate,  # numbers and Latin text inside right-to-left sentences
        # A label and its value ("Record TEST-0001", "Born March 2, 1948") never split over
        # two lines of a page header (Markup.replace keeps the text safe).
        nobreak=lambda text: text.replace(" ", NO_BREAK_SPACE),
    )
    return env


def render_markup(context: dict[str, Any], locale: HandoutLocale, template_folder: Path | None = None) -> str:
    return environment(locale, template_folder).get_template(TEMPLATE_NAME).render(context)
