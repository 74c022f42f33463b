"""The account of an import in a few lines, by field name and count, never by value: the CLI
prints it on stderr and the window shows it before the nurse checks the case."""

from __future__ import annotations

import re
from collections import Counter

from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import _, number

_ROW = re.compile(r"^medications\[(\d+)\]\.(\w+)$")


def imported_summary(fields: list[str]) -> str:
    """ "patient.name, …, medications: 3 (name 3, dose 3, when 1)"."""
    plain = [f for f in fields if not _ROW.match(f)]
    rows = {int(m.group(1)) for f in fields if (m := _ROW.match(f))}
    if rows:
        counts = Counter(m.group(2) for f in fields if (m := _ROW.match(f)))
        parts = ", ".join(f"{key} {number(counts.get(key, 0))}" for key in ("name", "dose", "when"))
        plain.append(_("medications: {count} ({parts})").format(count=number(len(rows)), parts=parts))
    return ", ".join(plain) or _("nothing")


def grouped(issues: list[Issue]) -> list[str]:
    """One line per message: the same problem in several medicine rows is said once, naming
    the rows ("medications[1, 2, 4].when: …")."""
    order: list[tuple[str, str]] = []
    rows: dict[tuple[str, str], list[str]] = {}
    for issue in issues:
        found = _ROW.match(issue.field)
        key = (f"medications[].{found.group(2)}" if found else issue.field, issue.message)
        if key not in rows:
            order.append(key)
            rows[key] = []
        if found:
            rows[key].append(found.group(1))
    lines = []
    for field, message in order:
        if rows[(field, message)]:
            field = field.replace("[]", "[" + ", ".join(rows[(field, message)]) + "]")
        lines.append(f"{field}: {message}")
    return lines


def report_lines(result) -> list[str]:
    lines = [_("from the record: {fields}").format(fields=imported_summary(result.imported))]
    lines += [_("not mapped: {line}").format(line=line) for line in grouped(result.not_mapped)]
    lines += [_("check: {line}").format(line=line) for line in grouped(result.to_check)]
    return lines
