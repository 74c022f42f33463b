"""Reading a handout PDF back the way a test needs it: text, fonts, pages, character sizes."""

from __future__ import annotations

import io
from collections import Counter

import pdfplumber
from pypdf import PdfReader


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
