"""Two-language handouts: the patient's language first, each part followed by its counterpart.

Both languages are rendered from the same template, then paired here, on the markup:
- each section is followed by the same section in the second language, so a nurse can point at
  the line she is explaining;
- a call-out box holds both languages, so the emergency and call-your-care-team boxes stay whole
  on page 1; in large print the four cannot share one page, so there the patient's language has
  its two boxes first, on page 1, and the second language its two after them
  (`boxes_by_language`);
- the lines before, between and after sections (title, introduction) are paired the same way.
Each language's part carries its own direction and line-breaking rule (`<part>`), because the
two may differ (Arabic with English, Chinese with Spanish).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from vpdischarge.domain.locales import HandoutLocale

FURNITURE = ("page-header", "page-footer")


def _part(children: list[ET.Element], locale: HandoutLocale, continued: str | None) -> ET.Element:
    """One language's share, with its own "(continued)": a part that runs on to the next page
    repeats its own heading there, in its own language (not the first language's heading above
    the second language's lines)."""
    part = ET.Element("part", {"lang": locale.code, "dir": locale.direction})
    if continued:
        part.set("continued", continued)
    if locale.breaks_between_characters:
        part.set("breaking", "cjk")
    part.extend(children)
    return part


def _groups(root: ET.Element) -> list[tuple[str, list[ET.Element]]]:
    """Top-level content as (key, elements): each section alone, keyed by its id; the runs of
    other elements between sections keyed by their position."""
    groups: list[tuple[str, list[ET.Element]]] = []
    for child in root:
        if child.tag in FURNITURE:
            continue
        if child.tag == "section":
            groups.append((f"section:{child.get('id')}", [child]))
        elif groups and groups[-1][0].startswith("run:"):
            groups[-1][1].append(child)
        else:
            groups.append((f"run:{len(groups)}", [child]))
    return groups


def _is_box(elements: list[ET.Element]) -> bool:
    return len(elements) == 1 and elements[0].tag == "section" and elements[0].get("box") is not None


def _one_language_section(
    section: ET.Element, locale: HandoutLocale, continued: str | None, second: bool
) -> ET.Element:
    """`section` in one language; the second language's copy gets an id of its own
    ("emergency:en"), so that its bookmark does not replace the first language's."""
    out = ET.Element("section", dict(section.attrib))
    if second:
        out.set("id", f"{section.get('id')}:{locale.code}")
    out.append(_part(list(section), locale, continued))
    return out


def pair_markup(
    first: str,
    second: str,
    first_locale: HandoutLocale,
    second_locale: HandoutLocale,
    boxes_by_language: bool = False,
) -> str:
    """`boxes_by_language`: the call-out boxes that follow each other (the emergency box and
    the call-your-care-team box) are printed each in one language, the first language's
    first, instead of each box holding both languages."""
    a, b = ET.fromstring(first), ET.fromstring(second)
    out = ET.Element("handout", dict(a.attrib))
    out.set("title", f"{a.get('title', '')} / {b.get('title', '')}")
    out.extend(a.findall("page-header") + a.findall("page-footer"))
    counterpart = dict(_groups(b))
    mine_continued, their_continued = a.get("continued"), b.get("continued")
    groups = _groups(a)
    held: list[ET.Element] = []  # the second language's boxes, until the run of boxes ends
    for index, (key, elements) in enumerate(groups):
        other = counterpart.get(key, [])
        if boxes_by_language and _is_box(elements):
            out.append(_one_language_section(elements[0], first_locale, mine_continued, second=False))
            if other:
                held.append(_one_language_section(other[0], second_locale, their_continued, second=True))
            if index + 1 == len(groups) or not _is_box(groups[index + 1][1]):
                out.extend(held)
                held = []
            continue
        if key.startswith("section:"):
            mine, theirs = elements[0], (other[0] if other else None)
            section = ET.SubElement(out, "section", dict(mine.attrib))
            section.append(_part(list(mine), first_locale, mine_continued))
            if theirs is not None:
                section.append(ET.Element("rule"))
                section.append(_part(list(theirs), second_locale, their_continued))
        else:
            out.append(_part(elements, first_locale, mine_continued))
            if other:
                out.append(_part(other, second_locale, their_continued))
    return ET.tostring(out, encoding="unicode")
