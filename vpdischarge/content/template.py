"""Rendering the handout template into markup, in one language.

One Jinja2 environment per (language, template folder), cached: gettext callables and Babel
filters are bound to the environment, and a separate environment per language keeps a preview
rendering in a background thread from ever mixing two languages.

A hospital's template (site `[template] folder`) is code written by someone other than the
program's authors, so every template, the bundled one included, runs in Jinja2's immutable
sandbox: it sees the context and the filters below and nothing else (no attribute starting with
`_`, no Python modules, no changing lists or dicts), and reads only regular files inside its own
folder or the bundled one, symbolic links resolved first. What a template can and cannot reach
is described in docs/template-vocabulary.md.

Every problem a template has (syntax, an undefined name, a forbidden attribute, a file outside
its folder, an element the typesetter does not know) is an InputError on the field `template`
naming the file, the line and what is wrong, so the CLI exits 2 and the window shows it.
"""

from __future__ import annotations

import math
import operator
import os
import re
import stat
import traceback
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from vpdischarge.assets import templates_dir
from vpdischarge.content.catalogs import translations_for
from vpdischarge.content.formatting import Formatter
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.locales import HandoutLocale
from vpdischarge.domain.text_rules import NO_BREAK_SPACE

TEMPLATE_NAME = "handout.xml.j2"
MAX_TEMPLATE_BYTES = 1_000_000  # the bundled handout template is about 20 kB
MAX_MARKUP_CHARS = 5_000_000  # the bundled handout makes about 20,000
FIELD = "template"
MAX_LISTED = 200


class TemplateFileError(jinja2.TemplateError):
    """A template file that may not be read: outside its folder, not a regular file, too big."""


class TemplateFolderLoader(jinja2.BaseLoader):
    """Templates from a list of folders, the first that has the name wins (the hospital's folder,
    then the bundled one). A file is read only if it is a regular file whose real path (symbolic
    links resolved) lies inside the folder it was found in; a name with `..` is not found."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [(str(Path(folder).absolute()), os.path.realpath(folder)) for folder in folders]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # TemplateNotFound for "..", as FileSystemLoader
        for shown_folder, real_folder in self.folders:
            shown = os.path.join(shown_folder, *pieces)
            if not os.path.lexists(shown):
                continue
            real = os.path.realpath(shown)
            if os.path.commonpath([real, real_folder]) != real_folder:
                raise TemplateFileError(
                    f"{shown}: is a link to a file outside the template folder {shown_folder}"
                )
            source, mtime = _read_template(shown, real)
            return source, shown, lambda real=real, mtime=mtime: _mtime(real) == mtime
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """The `.j2` files of the folders (at most MAX_LISTED: only error messages use this)."""
        names: set[str] = set()
        for _shown, real_folder in self.folders:
            for here, _dirs, files in os.walk(real_folder):
                for name in files:
                    if name.endswith(".j2") and len(names) < MAX_LISTED:
                        names.add(os.path.relpath(os.path.join(here, name), real_folder).replace(os.sep, "/"))
        return sorted(names)


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def _read_template(shown: str, real: str) -> tuple[str, float]:
    # O_NONBLOCK: a FIFO put in the folder is opened without waiting for a writer, then refused.
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise TemplateFileError(f"{shown}: cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise TemplateFileError(f"{shown}: is not a regular file")
        data = file.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateFileError(f"{shown}: is larger than {MAX_TEMPLATE_BYTES:,} bytes")
    try:
        return data.decode("utf-8"), info.st_mtime
    except UnicodeDecodeError as exc:
        raise TemplateFileError(f"{shown}: is not UTF-8 text (byte {exc.start})") from None


def _bounded_power(left: Any, right: Any) -> Any:
    """`**` that refuses results of more than about 4,000 bits (2 ** 10 ** 9 would take minutes)."""
    if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
        if right * math.log2(abs(left)) > 4096:
            raise SecurityError("the result of ** would be too large")
    return operator.pow(left, right)


def _bounded_repeat(left: Any, right: Any) -> Any:
    """`*` that refuses to repeat text or a list to more than MAX_MARKUP_CHARS items."""
    for seq, count in ((left, right), (right, left)):
        if (
            isinstance(seq, (str, list, tuple))
            and isinstance(count, int)
            and len(seq) * count > MAX_MARKUP_CHARS
        ):
            raise SecurityError("the result of * would be too large")
    return operator.mul(left, right)


class HandoutSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with `*` and `**` bounded (the sandbox already bounds `range`)."""

    intercepted_binops = frozenset({"*", "**"})
    _bounded = {"*": _bounded_repeat, "**": _bounded_power}

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        return self._bounded[operator](left, right)


@cache
def environment(locale: HandoutLocale, template_folder: Path | None = None) -> jinja2.Environment:
    folders = [template_folder] if template_folder else []
    folders.append(templates_dir())
    env = HandoutSandbox(
        loader=TemplateFolderLoader(folders),
        # Everything typed by a user is escaped; nothing typed can become markup or template code
        # (user text is data in the context, never part of the template source).
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Lorem ipsum has no place on a handout (and is one object fewer in a template's reach).
    env.globals.pop("lipsum", None)
    env.policies["ext.i18n.trimmed"] = True
    # Added to the environment by the i18n extension (Jinja's documented API; not in its types).
    env.install_gettext_translations(translations_for(locale.code), newstyle=True)  # type: ignore[attr-defined]
    fmt = Formatter(locale.babel, rtl=locale.direction == "rtl", language=locale.code, units=True)
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
    env = environment(locale, template_folder)
    if template_folder is None:
        # The bundled template: a failure here is a bug in the program, reported as one.
        return env.get_template(TEMPLATE_NAME).render(context)
    try:
        chunks, size = [], 0
        for chunk in env.get_template(TEMPLATE_NAME).generate(context):
            size += len(chunk)
            if size > MAX_MARKUP_CHARS:
                raise TemplateFileError(f"{TEMPLATE_NAME}: makes more than {MAX_MARKUP_CHARS:,} characters")
            chunks.append(chunk)
        return "".join(chunks)
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(f"{exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from None
    except TemplateFileError as exc:
        raise template_error(str(exc)) from None
    except jinja2.TemplateNotFound as exc:
        # An include or import of a name that is not in the folders (or has `..` in it).
        where = _where(exc, template_folder)
        raise template_error(f"{where}: no template {exc.name!r} in the template folder") from None
    except jinja2.TemplateError as exc:
        # Undefined names, forbidden attributes (SecurityError), {% raise %}-like errors: Jinja's
        # messages name template things (a variable, an attribute), not typed values.
        raise template_error(f"{_where(exc, template_folder)}: {exc.message or type(exc).__name__}") from None
    except Exception as exc:  # noqa: BLE001 - any error of a hospital template is the template's
        # A Python error inside a filter or an operator may quote a typed value: name it only.
        raise template_error(f"{_where(exc, template_folder)}: {type(exc).__name__}") from None


def template_error(message: str) -> InputError:
    return InputError([Issue(FIELD, message)])


def _where(exc: BaseException, template_folder: Path) -> str:
    """`file, line N` of the innermost template frame (Jinja rewrites the traceback so that
    template frames carry the template's file name and line)."""
    folders = (str(Path(template_folder).absolute()), str(Path(templates_dir()).absolute()))
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(folders)]
    if not frames:
        return f"{Path(template_folder).absolute() / TEMPLATE_NAME}"
    return f"{frames[-1].filename}, line {frames[-1].lineno}"


_ELEMENT = re.compile(r"<(/?)([A-Za-z][\w.-]*)>")


def markup_error(exc: Exception, template_folder: Path) -> InputError:
    """An InputError for markup the hospital's template produced but the typesetter refuses
    (a misspelt element, a wrong attribute), pointing at the line of the template that writes
    the element the message names, where it can be found."""
    message = str(exc)
    if isinstance(exc, ElementTree.ParseError):
        message = f"the template produced malformed markup: {message}"
    named = _ELEMENT.search(message)
    if named:
        tag = named.group(2)
        pattern = re.compile(rf"<{re.escape(tag)}[\s/>]")
        loader = TemplateFolderLoader([template_folder])
        for name in loader.list_templates():
            try:  # read as the renderer reads: regular files inside the folder only
                source, path, _uptodate = loader.get_source(None, name)  # type: ignore[arg-type]
            except jinja2.TemplateError:
                continue
            for number, line in enumerate(source.splitlines(), start=1):
                if pattern.search(line):
                    return template_error(f"{path}, line {number}: {message}")
    return template_error(f"{Path(template_folder).absolute() / TEMPLATE_NAME}: {message}")
