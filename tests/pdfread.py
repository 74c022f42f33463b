"""Reading a handout PDF back the way a test needs it: text, fonts, pages, character sizes."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Mapping

import pdfplumber
from pypdf import PdfReader

from vpdischarge.typeset.bidi import base_is_rtl, mirrored, paragraph_levels, visual_order
from vpdischarge.typeset.bidi_paragraph import printed
from vpdischarge.typeset.scripts import needs_shaping


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    """All text with line breaks folded to spaces, so a phrase wrapped across lines still matches."""
    return " ".join(" ".join(pages_text(pdf)).split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font the PDF refers to, with whether its outlines are embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def metadata(pdf: bytes) -> dict[str, str]:
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    return {str(k): str(v) for k, v in info.items()}


def body_font_size(pdf: bytes) -> float:
    """The most common character size: the body text."""
    sizes: Counter = Counter()
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            sizes.update(round(c["size"], 1) for c in page.chars if not c["text"].isspace())
    return sizes.most_common(1)[0][0]


def chars_outside_page(pdf: bytes) -> int:
    """Characters drawn beyond the page's edges (text running off the paper)."""
    count = 0
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            count += sum(1 for c in page.chars if c["x0"] < 0 or c["x1"] > page.width)
    return count


# -- typed values in their logical order ---------------------------------------------------------
# The check of the fuzz run and of the hostile-text tests: every typed value must appear on the
# page in the order it was typed, whatever invisible characters it held and whatever language
# surrounds it. Printed text is read back in visual order (characters left to right on each
# line, as the right-to-left tests do) and compared with the value's own visual order, which the
# bidi algorithm gives when the value is an isolated unit. Letters that shaping changes (Arabic,
# Devanagari: they come back as presentation forms or glyph codes), combining marks, format
# characters, white space and characters beyond the Basic Multilingual Plane (whose ToUnicode
# entries do not read back) are left out of the comparison on both sides; digits are kept.


def _compared(ch: str) -> bool:
    category = unicodedata.category(ch)
    if ch.isspace() or category[0] in "MCZ" or ord(ch) > 0xFFFF:  # beyond the BMP: see is_extractable
        return False
    if ch == "\u25cc":  # the dotted circle HarfBuzz draws under a mark typed without its letter
        return False
    return category == "Nd" or not needs_shaping(ch)


def _comparable(text: str) -> str:
    """`text` decomposed, as values are compared, with only its compared characters (marks never
    are): HarfBuzz draws "e" + U+0301 with the font's "é", which the PDF maps back to U+00E9,
    while a font without that letter draws the two apart."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if _compared(ch))


def visual_lines(pdf: bytes, pages: range | None = None) -> list[str]:
    """Every printed line of every page (or of the `pages` given, counted from 0), its compared
    characters left to right."""
    found: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages):
            if pages is not None and number not in pages:
                continue
            rows: dict[int, list[dict]] = {}
            for c in page.chars:
                # By baseline (the text matrix), not by top: fonts of one line differ in ascent.
                rows.setdefault(round(c["matrix"][5]), []).append(c)
            merged: list[tuple[float, list[dict]]] = []
            for baseline in sorted(rows, reverse=True):  # top of the page first
                if merged and merged[-1][0] - baseline <= 1:
                    merged[-1][1].extend(rows[baseline])
                else:
                    merged.append((baseline, list(rows[baseline])))
            for _, chars in merged:
                chars.sort(key=lambda c: c["x0"])
                shown = (c["text"] for c in chars if len(c["text"]) == 1)
                found.append(_comparable("".join(shown)))
    return found


# Lines in a row that may show nothing of a wrapped value: a page break inside a table row puts
# the footer (up to 3 lines), the next page's header (up to 5, a long record number wrapped), the
# section's heading marked "(continued)" and a two-line table head between two of its lines
# (the long fuzz run, seed 302: a 112-character medicine name split over pages 3 and 4).
SKIPPED_LINES = 12


def _value_items(value: str) -> list[tuple[str, int]]:
    """The value's characters in logical order, each with its bidi level (the value laid out on
    its own, as the isolate it is printed as). All of them: a space left out would join two
    runs it separates and change their order."""
    return list(zip(value, paragraph_levels(value, base_is_rtl(value)), strict=True))


def _shown(items: list[tuple[str, int]]) -> str:
    """The compared characters of part of a value as one printed line shows it (L2 and L4)."""
    order = visual_order([level for _, level in items])
    shown = (mirrored(items[i][0]) if items[i][1] % 2 else items[i][0] for i in order)
    return "".join(ch for ch in shown if _compared(ch))


def _longest_part_on(line: str, items: list[tuple[str, int]], start: int) -> int:
    """The end of the longest part of `items` from `start` that this line shows whole.

    Every end is tried, longest first: a shorter part need not show where a longer one does.
    A right-to-left run cut short moves its first characters to the other end ("2 500" after
    Arabic shows "500 2"; the part ending at "2" shows "2", which the line never has alone),
    which a binary search over the ends took for "not on this line" (two reports of the long
    fuzz run, the engine right both times)."""
    if _shown(items[start:]) in line:
        return len(items)
    # A part cannot hold more compared characters than the line shows.
    high, count = start, 0
    while high < len(items) and count <= len(line):
        count += _compared(items[high][0])
        high += 1
    for end in range(high, start, -1):
        if _shown(items[start:end]) in line:
            return end
    return start


def appears_in_logical_order(pdf_or_lines: bytes | list[str], value: str) -> bool:
    """Whether `value` is printed as typed: on one line, or wrapped over consecutive lines
    (a long note, a narrow table cell), each line showing its next part in visual order."""
    lines = (
        visual_lines(pdf_or_lines)
        if isinstance(pdf_or_lines, bytes)
        else [_comparable(x) for x in pdf_or_lines]
    )
    items = _value_items(unicodedata.normalize("NFD", value))
    compared = [i for i, (ch, _) in enumerate(items) if _compared(ch)]
    if not compared:
        return True  # nothing comparable (white space, or only shaped letters)
    first = _shown(items[: compared[0] + 1])
    for i, line in enumerate(lines):
        if first not in line:
            continue
        start, j, idle = 0, i, 0
        while j < len(lines) and idle <= SKIPPED_LINES:
            end = _longest_part_on(lines[j], items, start)
            # A line may hold only letters that are not compared (a wrapped Arabic word in a
            # Latin cell), while the part before it took them all: such lines are passed over.
            idle = idle + 1 if end == start else 0
            start, j = end, j + 1
            if not any(k >= start for k in compared):
                return True
    return False


def values_out_of_order(pdf: bytes, values: Mapping[str, str]) -> list[str]:
    """The names of the values (field -> printed text) not found in their logical order. Only
    names come back, never the values: they may be patient data."""
    lines = visual_lines(pdf)
    return [name for name, value in values.items() if not appears_in_logical_order(lines, value)]


def typed_values_missing(pdf: bytes, values: list[str]) -> list[str]:
    """The hook of scripts/fuzz_cases.py: of these values as typed (invisible controls and all),
    the ones not printed in their logical order. Each is compared as the content layer prints
    it (cleaned, trimmed): pass only text that prints unchanged (not doses, standard phrases, or
    a follow-up place without a follow-up time, which the handout leaves out)."""
    from vpdischarge.content.text import printable

    lines = visual_lines(pdf)
    return [value for value in values if not appears_in_logical_order(lines, printable(value).strip())]


def printed_values(case, site, today) -> dict[str, str]:
    """Field -> the text the handout prints for it (cleaned as the content layer cleans it,
    standard medicine phrases in the handout's language, doses in its digits), for every typed
    value of the case and of the site. The input of `values_out_of_order`."""
    from vpdischarge.content.context import SITE_TEXT, build_context
    from vpdischarge.domain.locales import find_locale

    context = build_context(case, site, find_locale(case.language), today)
    values = {
        "patient.name": context["patient"]["name"],
        "patient.record_number": context["patient"]["record_number"],
        "procedure.levels": context["procedure"]["levels"],
        "clinician.name": context["clinician_name"],
        "follow_up.where": context["follow_up_where"] if case.follow_up.when else "",
        "follow_up.phone": context["follow_up_phone"],
        "interpreter": context["interpreter"],
    }
    for n, row in enumerate(context["medications"], start=1):
        values.update({f"medications[{n}].{key}": text for key, text in row.items()})
    for n, line in enumerate(context["notes_lines"], start=1):
        values[f"clinician.notes line {n}"] = line
    values.update({f"site.{key}": getattr(context["site"], key) for key in SITE_TEXT})
    return {name: printed(text) for name, text in values.items() if printed(text).strip()}


def furniture_rules(page) -> tuple[float, float]:
    """A pdfplumber page's rule under the header and rule over the footer (their tops): the
    lines wider than half the page."""
    rules = sorted(line["top"] for line in page.lines if line["width"] > page.width / 2)
    return rules[0], rules[-1]
