"""Hypothesis strategies for discharge cases, as the JSON data of a case file (schema 1).

Two families:

- `valid_case_data()`: cases that pass validation by construction (warnings allowed), so most
  examples reach the template and the typesetter. Text is hostile anyway: markup and template
  syntax, control and bidi characters, zero-width and combining marks, CJK, Arabic, long words.
- `case_data()`: anything a case file could hold: valid cases with mutations (missing fields,
  wrong types, impossible dates, unknown fields, out-of-range or non-finite restrictions, text
  over the limits), arbitrary JSON, and documents that are not objects at all.

Every patient generated here is fictional by construction: names are random text.
Text sizes are moderate by default so one example renders in well under a second; the
limits themselves (200 characters, 5,000 for the notes) are still reached now and then.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from conftest import TODAY
from hypothesis import strategies as st

from vpdischarge.domain.case import ANESTHESIA_KINDS, PROCEDURE_KINDS
from vpdischarge.domain.clinical import LIMITS, ClinicalLimits, check_consistency
from vpdischarge.domain.locales import LOCALES
from vpdischarge.domain.validation import MAX_MEDICATIONS, MAX_NAME, MAX_NOTES, MAX_SHORT_TEXT

# Mostly English (the furniture checks read "Page N of M"), sometimes Spanish.
HANDOUT_LANGUAGES = ("en", "en", "en", "es")
SPINE_LEVELS = [f"C{n}" for n in range(1, 8)] + [f"T{n}" for n in range(1, 13)]
SPINE_LEVELS += [f"L{n}" for n in range(1, 6)] + [f"S{n}" for n in range(1, 6)]

# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

MARKUP = ["<", ">", "&", "&amp;", "&lt;", "<b>", "</b>", "<br/>", "<page-number/>", "]]>", "<!--", "-->"]
MARKUP += ['"', "'", "<font name='x'>", "<para>", "&#0;", "&#x1F;", "<?xml?>", "<![CDATA[x]]>"]
TEMPLATE = ["{{ 7 * 7 }}", "{{", "}}", "{% if true %}", "{% endif %}", "{%", "%}", "{# c #}", "{{ site }}"]
TEMPLATE += ["%(name)s", "%s", "%%", "{0}", "{}", "${x}", "\\", "\\n"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1f", "\x7f", "\x85", "\x9f"]
CONTROLS += ["\r", "\r\n", "\n", "\n\n", "\t"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
BIDI += ["\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e"]
COMBINING = ["\u0301", "\u0308", "\u0327", "e\u0301", "n\u0303", "a\u0301\u0323\u0308", "\u20dd", "\u0489"]
EMOJI = ["\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f"]
EMOJI += ["\U0001f1fa\U0001f1f8", "\u2615"]
SCRIPTS = ["Núñez", "Ærøskøbing", "Đặng Thị Hương", "Zoë O'Brien-Łukasz", "Ψυχή", "Жанна", "Ґрута"]
SCRIPTS += ["王小明", "陳大文", "山田太郎", "やまだ", "김민준", "محمد أحمد", "فاطمة", "שלום", "हिन्दी नाम"]
SCRIPTS += ["(中文)", "Ana (محمد) 2", "١٢٣", "ﷺ", "ﻻ"]
ODD = ["\u00a0", "\u2028", "\u2029", "\u3000", "\u2003", "\ufffd", "\uffff", "\ufffe", "\ufff9", "\U000e0041"]
ODD += ["\ud800", "\udfff", "\ue000", "\U0010ffff", "\U0001d54f", "ﬁ", "Å", "Å", "İ", "ß"]
LONG_WORDS = ["W" * 60, "m" * 120, "中" * 80, "Pneumonoultramicroscopicsilicovolcanoconiosis"]
LONG_WORDS += ["https://example.invalid/" + "a/" * 30, "+1-555-0100" * 6]

FRAGMENTS = MARKUP + TEMPLATE + CONTROLS + BIDI + ZERO_WIDTH + COMBINING + EMOJI + SCRIPTS + ODD + LONG_WORDS

PLAIN_WORDS = st.sampled_from(
    ["Ana", "Maria", "José", "Li", "Smith", "Testcase", "van der", "O'Neil", "Dr.", "Jr.", "500 mg", "pain"]
)


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """Pick one strategy by weight. (`one_of` gives no weights: repeating a branch does not make
    it likelier, and nested `one_of`s are flattened into one choice.)"""
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


def _ranges(*pairs: tuple[int, int]) -> list[str]:
    return [chr(c) for lo, hi in pairs for c in range(lo, hi + 1) if not 0xD800 <= c <= 0xDFFF]


# Alphabets by script, so one example often stays in one script (as a real name would).
LATIN = _ranges((0x20, 0x7E), (0xA0, 0x24F))
GREEK_CYRILLIC = _ranges((0x370, 0x3FF), (0x400, 0x52F))
ARABIC_HEBREW = _ranges((0x590, 0x6FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
INDIC = _ranges((0x900, 0x97F))
CJK = _ranges((0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xFF00, 0xFFEF))
SYMBOLS = _ranges((0x2000, 0x2BFF))


@cache
def any_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Every kind of Unicode text: hostile fragments, whole scripts, any code point at all."""
    piece = st.one_of(
        st.sampled_from(FRAGMENTS),
        PLAIN_WORDS,
        st.text(st.sampled_from(LATIN), max_size=12),
        st.text(st.sampled_from(GREEK_CYRILLIC + ARABIC_HEBREW + INDIC), max_size=8),
        st.text(st.sampled_from(CJK + SYMBOLS), max_size=8),
        # Any code point, including unassigned ones and (through FRAGMENTS) lone surrogates.
        st.text(st.characters(exclude_categories=()), max_size=6),
        st.just(" "),
    )
    return st.lists(piece, max_size=max(1, max_size // 4)).map("".join).map(lambda s: s[:max_size])


@cache
def _printable_alphabet() -> tuple[str, ...]:
    """Every character some bundled font can draw (what validation accepts), plus the control
    and format characters validation lets through to the engine."""
    from vpdischarge.typeset.fonts import FAMILIES, _coverage

    covered = set().union(*(_coverage(key) for key in FAMILIES))
    return tuple(chr(c) for c in sorted(covered) if c >= 0x20 and not 0xD800 <= c <= 0xDFFF)


@cache
def _printable_fragments() -> tuple[str, ...]:
    from vpdischarge.typeset.fonts import FontResolver

    resolver = FontResolver()
    return tuple(f for f in FRAGMENTS if not resolver.unprintable(f))


@cache
def printable_text(max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text that validation accepts in a printed field: only characters the fonts have, plus the
    control, format and bidi characters that are filtered or passed through."""
    piece = weighted(
        (3, PLAIN_WORDS),
        (2, st.sampled_from(_printable_fragments())),
        (2, st.text(st.sampled_from(LATIN), min_size=1, max_size=12)),
        (2, st.text(st.sampled_from(_printable_alphabet()), min_size=1, max_size=6)),
        (1, st.just(" ")),
    )
    text = st.lists(piece, max_size=max(1, max_size // 6)).map(" ".join).map(lambda s: s[:max_size])
    if min_size:
        text = text.filter(lambda s: len(s) >= min_size)
    return text


@cache
def sized_text(maximum: int, moderate: int) -> st.SearchStrategy[str]:
    """Printable text, usually at most `moderate` characters, now and then up to `maximum`."""
    return weighted(
        (1, st.just("")),
        (6, printable_text(moderate)),
        # Up to the limit: one long word, or words, repeated to any length up to `maximum`.
        (
            1,
            st.tuples(printable_text(24, min_size=1), st.integers(1, maximum)).map(
                lambda t: (t[0] * (maximum // len(t[0]) + 1))[: t[1]]
            ),
        ),
    )


@cache
def name_text() -> st.SearchStrategy[str]:
    """A patient or medicine name validation accepts: something other than whitespace."""
    return sized_text(MAX_NAME, 40).filter(lambda s: s.strip() != "")


# ---------------------------------------------------------------------------------------------
# Valid cases
# ---------------------------------------------------------------------------------------------

# Anywhere a date can be, with the edges of the calendar drawn often (Python dates end in 9999).
CALENDAR_EDGES = [date.min, date(1, 1, 2), date(9999, 6, 30), date(9999, 10, 1), date(9999, 12, 1), date.max]
EXTREME_DATES = st.one_of(st.dates(), st.sampled_from(CALENDAR_EDGES))


@cache
def procedure_dates() -> st.SearchStrategy[date]:
    """Mostly around today; sometimes anywhere a date can be (validation warns, or refuses a
    date that is not possible at all)."""
    near = st.integers(-420, 90).map(lambda d: TODAY + timedelta(days=d))
    return weighted((16, near), (2, st.dates()), (1, st.sampled_from(CALENDAR_EDGES)))


@cache
def plausible_procedure_dates() -> st.SearchStrategy[date]:
    """Dates validation accepts (1900 to two years ahead): for cases valid by construction."""
    near = st.integers(-420, 90).map(lambda d: TODAY + timedelta(days=d))
    return weighted((16, near), (3, st.dates(date(1900, 1, 1), TODAY + timedelta(days=700))))


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _later(start: date, most: int = 120) -> st.SearchStrategy[date]:
    span = (date.max - start).days
    return st.integers(0, min(span, most)).map(lambda d: start + timedelta(days=d))


@st.composite
def _moment_after(draw: st.DrawFn, start: date) -> str:
    day = draw(_later(start))
    if draw(st.integers(0, 4)) == 0:
        return _iso(day)  # the day of the visit is known, its time not yet
    # Local clock time only: the case file takes no seconds and no time zone.
    clock = draw(st.times(max_value=time(23, 59)).map(lambda t: t.replace(second=0, microsecond=0)))
    return _iso(datetime.combine(day, clock))


@cache
def _limit_value(name: str) -> st.SearchStrategy[int | float]:
    limit = LIMITS[name]
    lo, hi = limit.minimum, limit.maximum
    whole = st.integers(int(-(-lo // 1)), int(hi // 1))
    if limit.integer:
        return whole  # a JSON integer: 6.0 is refused where a whole number belongs
    return st.one_of(whole, st.floats(lo, hi, allow_nan=False, allow_infinity=False))


_PAIRS = (
    ("lift_limit_lb", "lift_limit_2_lb"),
    ("lift_weeks", "lift_2_months"),
    ("recovery_weeks_min", "recovery_weeks_max"),
    ("follow_up_weeks_min", "follow_up_weeks_max"),
)


@st.composite
def valid_restrictions(draw: st.DrawFn, site_limits: ClinicalLimits | None = None) -> dict[str, Any]:
    """Per-patient overrides in range and consistent with each other and the site's limits."""
    site_limits = site_limits or _default_site_limits()
    names = draw(st.lists(st.sampled_from(sorted(LIMITS)), unique=True, max_size=6))
    chosen = {name: draw(_limit_value(name)) for name in names}
    # Pairs that contradict each other are dropped (the site's own values are consistent).
    for first, second in _PAIRS:
        merged = site_limits.with_overrides(
            {k: (int(v) if LIMITS[k].integer else float(v)) for k, v in chosen.items()}
        )
        prefix_issues = check_consistency(merged, "x")
        if any(i.field.endswith((first, second)) for i in prefix_issues):
            chosen.pop(first, None)
            chosen.pop(second, None)
    return chosen


@cache
def _default_site_limits() -> ClinicalLimits:
    from vpdischarge.domain.site import load_site

    return load_site(None).clinical


@cache
def usable_languages() -> tuple[str, ...]:
    """Handout languages a case may name without an error (a catalog that is not empty)."""
    from vpdischarge.content.catalogs import available_languages
    from vpdischarge.pipeline import completeness_issues

    return tuple(sorted(c for c in available_languages() if not completeness_issues("x", c)))


@cache
def _spelling(code: str) -> st.SearchStrategy[str]:
    """A language code as people write it: en, EN, pt-BR, pt_br."""
    return st.sampled_from(sorted({code, code.lower(), code.upper(), code.replace("_", "-")}))


@cache
def _level() -> st.SearchStrategy[str]:
    pad = st.sampled_from(["", "", "", " ", "\t", "\u3000", "\n"])
    return st.tuples(pad, st.sampled_from(SPINE_LEVELS), pad).map("".join)


@st.composite
def valid_medication(draw: st.DrawFn) -> dict[str, str]:
    med = {"name": draw(name_text())}
    for key in ("dose", "when", "purpose"):
        if draw(st.booleans()):
            med[key] = draw(sized_text(MAX_SHORT_TEXT, 30))
    return med


@st.composite
def valid_case_data(draw: st.DrawFn, languages: tuple[str, ...] = HANDOUT_LANGUAGES) -> dict[str, Any]:
    """Case data that passes validation (it may carry warnings)."""
    proc_date = draw(plausible_procedure_dates())
    data: dict[str, Any] = {"schema": 1}

    patient: dict[str, Any] = {"name": draw(name_text())}
    # Born 0 to 120 years before the procedure, and not after today.
    latest_birth = min(proc_date, TODAY)
    earliest_birth = max(date.min, proc_date - timedelta(days=120 * 365))
    dob = draw(st.one_of(st.none(), st.dates(min(earliest_birth, latest_birth), latest_birth)))
    record = draw(st.one_of(st.just(""), sized_text(MAX_SHORT_TEXT, 16)))
    if dob is not None:
        patient["date_of_birth"] = dob.isoformat()
    if record or draw(st.booleans()):
        patient["record_number"] = record
    data["patient"] = patient

    procedure: dict[str, Any] = {"date": proc_date.isoformat()}
    if draw(st.integers(0, 5)):
        procedure["kind"] = draw(st.sampled_from(PROCEDURE_KINDS))
    if draw(st.integers(0, 5)):
        procedure["anesthesia"] = draw(st.sampled_from(ANESTHESIA_KINDS))
    procedure["levels"] = draw(st.lists(_level(), max_size=4))
    data["procedure"] = procedure

    clinician: dict[str, Any] = {}
    if draw(st.booleans()):
        clinician["name"] = draw(sized_text(MAX_NAME, 30))
    notes = draw(
        weighted(
            (1, st.just("")),
            (2, printable_text(300)),
            (1, st.lists(printable_text(60), max_size=12).map("\n".join)),
            (1, sized_text(MAX_NOTES, 300)),
        )
    )
    if notes:
        clinician["notes"] = notes
    notes_language = st.sampled_from(LOCALES).flatmap(lambda loc: _spelling(loc.code))
    if (code := draw(weighted((3, st.none()), (1, notes_language)))) is not None:
        clinician["notes_language"] = code
    data["clinician"] = clinician

    data["medications"] = draw(
        weighted(
            (6, st.lists(valid_medication(), max_size=4)),
            (1, st.lists(valid_medication(), max_size=MAX_MEDICATIONS)),
            # An empty row is allowed (it is left out of the handout).
            (1, st.lists(st.just({"name": ""}), max_size=2)),
        )
    )
    if draw(st.booleans()):
        data["blood_thinner_restart"] = draw(_later(proc_date, 90)).isoformat()
    follow_up: dict[str, Any] = {}
    if draw(st.booleans()):
        follow_up["when"] = draw(_moment_after(proc_date))
    if draw(st.booleans()):
        follow_up["where"] = draw(sized_text(MAX_SHORT_TEXT, 30))
    if draw(st.booleans()):
        follow_up["phone"] = draw(sized_text(MAX_SHORT_TEXT, 20))
    data["follow_up"] = follow_up
    data["restrictions"] = draw(valid_restrictions())
    data["language"] = draw(st.sampled_from(languages).flatmap(_spelling))
    second = draw(weighted((5, st.none()), (1, st.sampled_from(usable_languages()))))
    if second is not None:  # a two-language handout
        data["second_language"] = second
    data["large_print"] = draw(st.booleans())
    if draw(st.booleans()):
        data["interpreter"] = draw(sized_text(MAX_SHORT_TEXT, 20))
    return data


# ---------------------------------------------------------------------------------------------
# Any case data: valid cases with mutations, arbitrary JSON, non-objects
# ---------------------------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**400), 10**400),  # json.loads reads any size of integer
    st.floats(),  # json.loads reads NaN, Infinity and -Infinity too
    any_text(30),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(any_text(12), children, max_size=4)
    ),
    max_leaves=12,
)

BAD_DATES = [
    "2026-02-30", "2026-13-01", "2026-00-10", "2026-11-31", "1900-02-29", "0000-01-01", "10000-01-01",
    "20261120", "2026-W47-5", "2026-324", "2026-11-20T10:30", "2026-11-20 10:30", "11/20/2026",
    "20/11/2026", "yesterday", "2026-11-20Z", " 2026-11-20", "2026-11-20 ", "２０２６-１１-２０", "-1-01-01",
    "2026-11-20\x00", "\u202e2026-11-20",
]  # fmt: skip
BAD_MOMENTS = BAD_DATES + [
    "2026-12-04T25:00", "2026-12-04T10:60", "2026-12-04T10:30+25:00", "2026-12-04T10:30:00.123456789",
    "2026-12-04", "9999-12-31T23:59", "0001-01-01T00:00", "2026-12-04T10:30+14:00", "T10:30",
]  # fmt: skip


def bad_date() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(BAD_DATES), EXTREME_DATES.map(date.isoformat), json_scalars)


def bad_moment() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(BAD_MOMENTS),
        st.datetimes(timezones=st.one_of(st.none(), st.timezones())).map(lambda d: d.isoformat()),
        json_scalars,
    )


def huge_text() -> st.SearchStrategy[str]:
    """Text past the limits, built cheaply (one repeated fragment)."""
    unit = st.sampled_from(["x", "W ", "中", "\u202e", "<b>", "{{", "e\u0301", "\x00"])
    return st.tuples(unit, st.integers(MAX_SHORT_TEXT - 5, 20_000)).map(lambda t: t[0] * t[1])


def bad_restriction_value() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(-1000, 1000),
        st.integers(),
        st.integers(-(10**400), 10**400),
        st.floats(),
        st.sampled_from([float("nan"), float("inf"), float("-inf"), 0, -0.0, 1e308, 5e-324, True, False]),
        st.sampled_from(["10", "ten", "", None, [], {}, [10]]),
    )


MEDICATION_KEYS = ("name", "dose", "when", "purpose")
TEXT_PATHS = [
    ("patient", "name"), ("patient", "record_number"), ("clinician", "name"), ("clinician", "notes"),
    ("clinician", "notes_language"), ("follow_up", "where"), ("follow_up", "phone"), ("interpreter",),
    ("language",), ("second_language",), ("procedure", "kind"), ("procedure", "anesthesia"),
]  # fmt: skip
DATE_PATHS = [("patient", "date_of_birth"), ("procedure", "date"), ("blood_thinner_restart",)]
ALL_PATHS = TEXT_PATHS + DATE_PATHS + [
    ("schema",), ("patient",), ("procedure",), ("clinician",), ("follow_up",), ("follow_up", "when"),
    ("medications",), ("restrictions",), ("large_print",), ("procedure", "levels"),
]  # fmt: skip


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = data
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[path[-1]] = value


def _delete(data: dict[str, Any], path: tuple[str, ...]) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(path[-1], None)


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, tuple[str, ...], Any]:
    """One change that (usually) makes a case invalid: (operation, path, value)."""
    kind = draw(
        st.sampled_from(
            [
                "delete",
                "wrong_type",
                "bad_date",
                "bad_moment",
                "unknown",
                "restriction",
                "huge",
                "text",
                "medications",
                "levels",
                "language",
                "schema",
            ]  # fmt: skip
        )
    )
    if kind == "delete":
        return "delete", draw(st.sampled_from(ALL_PATHS)), None
    if kind == "wrong_type":
        return "set", draw(st.sampled_from(ALL_PATHS)), draw(json_values)
    if kind == "bad_date":
        return "set", draw(st.sampled_from(DATE_PATHS)), draw(bad_date())
    if kind == "bad_moment":
        return "set", ("follow_up", "when"), draw(bad_moment())
    if kind == "unknown":
        parent = draw(st.sampled_from([(), ("patient",), ("procedure",), ("clinician",), ("follow_up",)]))
        typo = st.sampled_from(["nmae", "Name", "dob", "notes ", "__proto__", ""])
        key = draw(st.one_of(typo, any_text(10)))
        return "set", (*parent, key), draw(json_values)
    if kind == "restriction":
        key = draw(st.one_of(st.sampled_from(sorted(LIMITS)), any_text(12)))
        return "set", ("restrictions", key), draw(bad_restriction_value())
    if kind == "huge":
        return "set", draw(st.sampled_from(TEXT_PATHS)), draw(huge_text())
    if kind == "text":
        return "set", draw(st.sampled_from(TEXT_PATHS)), draw(any_text(60))
    if kind == "medications":
        row = st.one_of(
            st.fixed_dictionaries({}, optional={k: any_text(30) for k in MEDICATION_KEYS}),
            json_values,
        )
        return (
            "set",
            ("medications",),
            draw(
                st.one_of(st.lists(row, max_size=5), st.integers(21, 40).map(lambda n: [{"name": "A"}] * n))
            ),
        )
    if kind == "levels":
        wrong = st.sampled_from(["T13", "L0", "t12", "S"])
        level = st.one_of(st.sampled_from(SPINE_LEVELS), any_text(6), wrong)
        return "set", ("procedure", "levels"), draw(st.one_of(st.lists(level, max_size=4), json_values))
    if kind == "language":
        code = st.one_of(st.sampled_from([loc.code for loc in LOCALES] + ["", "xx", "en-US", "zh", "EN_"]),
                         any_text(8))  # fmt: skip
        where = draw(st.sampled_from([("language",), ("second_language",), ("clinician", "notes_language")]))
        return "set", where, draw(code)
    return "set", ("schema",), draw(st.sampled_from([0, 2, "1", 1.0, True, None, [1]]))


def apply_mutations(data: dict[str, Any], changes: list[tuple[str, tuple[str, ...], Any]]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for op, path, value in changes:
        if op == "delete":
            _delete(data, path)
        else:
            _set(data, path, value)
    return data


def mutated_case_data(languages: tuple[str, ...] = HANDOUT_LANGUAGES) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        apply_mutations, valid_case_data(languages), st.lists(mutation(), min_size=1, max_size=4)
    )


def case_data(languages: tuple[str, ...] = HANDOUT_LANGUAGES) -> st.SearchStrategy[Any]:
    """Any case file content: mostly near the schema, valid or not; sometimes anything at all."""
    return weighted(
        (1, valid_case_data(languages)),
        (3, mutated_case_data(languages)),
        (1, st.dictionaries(st.sampled_from([*(p[0] for p in ALL_PATHS), "extra"]), json_values, max_size=8)),
        (1, json_values),
    )


def render_case_data(languages: tuple[str, ...] = HANDOUT_LANGUAGES) -> st.SearchStrategy[Any]:
    """For the render property: three in four examples valid by construction (so they reach the
    typesetter), the rest anything near the schema."""
    return weighted((3, valid_case_data(languages)), (1, case_data(languages)))
