"""The long run of hostile input through the real command line: every case prints or is refused.

    python scripts/fuzz_cases.py --cases 10000              # every class, through the CLI
    python scripts/fuzz_cases.py --cases 500 --classes files,templates
    python scripts/fuzz_cases.py --engine --cases 10000     # the in-process property only

Each generated case is a folder of files (case file, site file, template folder, special files)
and a `vpdischarge render` command line, run by `vpdischarge.cli.main` in a worker process (a
fresh interpreter per case would cost about a second each; the worker is replaced every
WORKER_CASES cases and whenever a case hangs). Classes (issue 10 §8):

- `property`: the cases of tests/strategies.py (`render_case_data`), as in the CI property;
- `invisible`: valid cases with invisible, bidi and format characters in every text field of
  the case and the site file, on left-to-right and right-to-left handouts;
- `json`: case files with huge numbers, wrong types, duplicate keys, deep nesting, bad bytes;
- `files`: FIFOs, /dev/zero, /dev/null, folders, links to them, and the inputs themselves as
  `--case`, `--site` and `--output`;
- `templates`: hospital templates with sandbox escapes, includes outside their folder, syntax
  errors, unknown elements and random damage to the bundled template;
- `long`: valid cases with 12 to 20 real medicine names, doses and long timings, in every
  handout language and both print sizes: the medicine table's column search grew with the
  rows (20 varied medicines took over 5 s a layout before it was bounded).

Reported as failures: crashes (exit 1, a traceback, a crash report), exit codes outside {0, 2},
hangs over HANG_SECONDS, a case that finished but took over SLOW_SECONDS (a nurse's preview
waits as long), a protected file changed or a temporary file left, a template escape that
ran or read something, and for every PDF a typed value not found on the page in its logical order
(`typed_values_missing`, the hook the bidi work plugs its check into). Failures are grouped by
kind and the smallest case of each group is printed (as JSON; every generated patient is
fictional). Exits 1 if any case failed or the run was interrupted (Ctrl-C or SIGTERM still print
what was found so far).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
# tests/ for the strategies; the checkout itself only when run as a script from one. Imported by
# the tests, it must not put the checkout first on their path: importlib.metadata would then find
# the sdist's vpdischarge.egg-info before the installed package's metadata.
sys.path.insert(0, str(TESTS))
if __name__ == "__main__" and str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PROGRESS_EVERY = 500
HANG_SECONDS = 30
SLOW_SECONDS = 10  # far over any typical handout (under 0.5 s), well under a hang
WORKER_CASES = 150  # a worker's caches (one template environment per folder) are let go this often
WORKER_MEMORY = 3 * 1024**3  # bytes of address space per worker
CLASSES = ("property", "invisible", "json", "files", "templates", "long")
PWNED = "PWNED"  # the file a template escape would create


# ---------------------------------------------------------------------------------------------
# The worker: runs `vpdischarge.cli.main(argv)` in a folder, one request per line
# ---------------------------------------------------------------------------------------------


def worker() -> int:
    """Requests on stdin, replies on stdout, one JSON line each. Standard input and output are
    then pointed at /dev/null, so `--case /proc/self/fd/0` or `--output /proc/self/fd/1` inside a
    case meet what they would in a batch job, never the protocol."""
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    try:
        import resource

        # A case that reads /dev/zero must fail with MemoryError, not take the shared machine's memory.
        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    except (ImportError, AttributeError, ValueError, OSError):
        pass  # Windows: no such limit
    from vpdischarge.cli import main

    for line in requests:
        request = json.loads(line)
        os.chdir(request["cwd"])
        out, err = io.StringIO(), io.StringIO()
        traceback_text = ""
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(request["argv"])
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 2
            except BaseException as exc:  # noqa: BLE001 - what the run is looking for
                code, traceback_text = -1, "".join(traceback.format_exception(exc))
        replies.write(json.dumps({"rc": code, "stderr": err.getvalue(), "traceback": traceback_text}) + "\n")
        replies.flush()
    return 0


class Worker:
    def __init__(self, state: Path) -> None:
        # Crash reports and the handout log (every render writes an entry) stay in the run's
        # scratch folder, never the user's own log.
        env = {
            **os.environ,
            "XDG_STATE_HOME": str(state),
            "XDG_DATA_HOME": str(state / "data"),
            "PYTHONPATH": str(ROOT),
        }
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            start_new_session=True,  # a Ctrl-C of the run is the run's, not a case's
        )
        self.cases = 0

    def run(self, argv: list[str], cwd: Path) -> dict | None:
        """The reply, or None if the case did not finish within HANG_SECONDS (the worker is killed)."""
        assert self.process.stdin and self.process.stdout
        self.cases += 1
        self.process.stdin.write(json.dumps({"argv": argv, "cwd": str(cwd)}) + "\n")
        self.process.stdin.flush()
        import selectors

        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(HANG_SECONDS):
                self.kill()
                return None
        line = self.process.stdout.readline()
        if not line:  # the worker died (a signal, os._exit, a segfault)
            return {"rc": self.process.wait(), "stderr": "", "traceback": "the worker process died"}
        return json.loads(line)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


# ---------------------------------------------------------------------------------------------
# The logical-order check of the printed values
# ---------------------------------------------------------------------------------------------


def _comparable(text: str) -> str:
    """Text as compared: no whitespace (lines wrap, words break), no format characters (invisible
    controls are removed with a warning; only their effect on the order matters here)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc"))


def _simple_order_check(pdf: bytes, values: list[str]) -> list[str]:
    """The values not found in the page text in their typed order (pypdf's extraction,
    tests/pdfread.py). Whole, whitespace aside; or else word by word, each a whole word of the
    page and after the one before: a value wrapped inside a table cell comes back interleaved
    with the cells beside it. Only text pypdf gives back exactly is compared (no right-to-left, shaped or
    combining characters: see `is_extractable`); a reordered `123-456` or `Ana (Jr.)` is caught."""
    from pdfread import all_text
    from test_properties import is_extractable

    text = all_text(pdf)
    page, words = _comparable(text), [_comparable(word) for word in text.split()]
    missing = []
    for value in values:
        expected = _comparable(value)
        if not expected or not is_extractable(
            "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
        ):
            continue
        if expected in page:
            continue
        # Word by word: each of the value's words is a word of the page, after the one before.
        at = 0
        for word in filter(None, (_comparable(w) for w in value.split())):
            at = next((n for n in range(at, len(words)) if words[n] == word), -1)
            if at < 0:
                missing.append(value)
                break
            at += 1
    return missing


def typed_values_missing(pdf: bytes, values: list[str]) -> list[str]:
    """HOOK (issue 10 §8): the typed values that do not appear on the page in their logical order.
    The visual-order extraction of the right-to-left tests (the `bidi` work) replaces the simple
    check here once it lands: give it the same arguments and return the values not found."""
    try:  # the bidi work's check, under this name, once merged
        from pdfread import typed_values_missing as logical_order_check  # type: ignore[attr-defined]
    except ImportError:
        logical_order_check = _simple_order_check
    return logical_order_check(pdf, values)


# ---------------------------------------------------------------------------------------------
# Generated cases
# ---------------------------------------------------------------------------------------------


@dataclass
class Spec:
    """One case: files to make, the command line, and what to check afterwards."""

    kind: str
    files: dict[str, Any]  # name -> bytes | ("fifo",) | ("dir",) | ("link", target)
    argv: list[str]
    values: list[str] = field(default_factory=list)  # typed text that must print in order
    protected: list[str] = field(default_factory=list)  # names that must be unchanged afterwards
    furniture: tuple[str, str] | None = None  # (patient name, language) for the page furniture
    note: str = ""  # what was done to the bundled template (shown instead of the whole file)

    def as_json(self) -> str:
        shown = {
            name: (value.decode("utf-8", "backslashreplace")[:1500] if isinstance(value, bytes) else value)
            for name, value in self.files.items()
            if not (self.kind == "templates" and name.endswith("handout.xml.j2"))
        }
        described = {"kind": self.kind, "argv": self.argv, "files": shown}
        if self.note:
            described["note"] = self.note
        return json.dumps(described, ensure_ascii=True)


RENDER = ["render", "--case", "case.json", "--output", "out.pdf"]
WITH_SITE = ["--site", "site.toml"]


def case_bytes(data: Any) -> bytes:
    """As JSON that json.loads reads back (NaN, huge integers); ASCII, so lone surrogates pass."""
    return json.dumps(data, ensure_ascii=True).encode("ascii")


def printed_values(data: Any) -> list[str]:
    """The case's typed text printed exactly as typed (doses, times and standard phrases are
    rewritten in the handout's language and are not compared). Any data at all: a case that is
    not an object has no values."""

    def part(value: Any) -> dict:
        return value if isinstance(value, dict) else {}

    data = part(data)
    patient, clinician, follow = (
        part(data.get("patient")),
        part(data.get("clinician")),
        part(data.get("follow_up")),
    )
    values = [patient.get("name"), patient.get("record_number"), clinician.get("name")]
    # The place prints only with the visit's date and time (the template's choice).
    values += [
        follow.get("where") if follow.get("when") else None,
        follow.get("phone"),
        data.get("interpreter"),
    ]
    medications = data.get("medications")
    values += [part(m).get("name") for m in medications] if isinstance(medications, list) else []
    notes = clinician.get("notes")
    values += notes.splitlines() if isinstance(notes, str) else []
    return [v for v in values if isinstance(v, str) and v.strip()]


def strategies():
    """The Hypothesis strategies of every class (imported late: the worker needs none of this)."""
    from hypothesis import strategies as st
    from strategies import ALL_PATHS, BIDI, ZERO_WIDTH, _set, render_case_data, valid_case_data, weighted

    from vpdischarge.assets import templates_dir

    invisible_chars = sorted(
        set(BIDI + ZERO_WIDTH + ["\u061c", "\u2061", "\u2062", "\u2063", "\u2064", "\u206a"])
    )
    # Values whose order a stray control visibly changes (issue 10): digits, brackets, dots.
    orderly = [
        "123-456",
        "+1 555 0199",
        "Ana (Jr.)",
        "O'Brien, Mary.",
        "ID 4471",
        "T-000123",
        "Rm 12/B",
        "3.5",
    ]

    @st.composite
    def sprinkled(draw, text: str) -> str:
        """`text` with invisible characters put anywhere in it."""
        chars = list(text)
        for _ in range(draw(st.integers(1, 4))):
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(invisible_chars)))
        return "".join(chars)

    @st.composite
    def property_case(draw):
        data = draw(render_case_data())
        furniture = None
        if isinstance(data, dict) and isinstance(data.get("patient"), dict):
            name, language = data["patient"].get("name"), data.get("language")
            if isinstance(name, str) and isinstance(language, str):
                furniture = (name, language)
        values = printed_values(data)
        return Spec("property", {"case.json": case_bytes(data)}, RENDER, values, furniture=furniture)

    @st.composite
    def invisible_case(draw):
        data = draw(valid_case_data(languages=("en", "es", "ar", "fa")))
        plain = st.one_of(st.sampled_from(orderly), st.just(None))

        def hostile(value: Any) -> str:
            base = draw(plain) or (
                value if isinstance(value, str) and value else draw(st.sampled_from(orderly))
            )
            return draw(sprinkled(base))

        data["patient"]["name"] = hostile(data["patient"]["name"])
        data["patient"]["record_number"] = hostile(data["patient"].get("record_number"))
        data["clinician"]["name"] = hostile(data["clinician"].get("name"))
        data["clinician"]["notes"] = "\n".join(hostile(line) for line in ["", "", ""])
        data["follow_up"]["where"] = hostile(data["follow_up"].get("where"))
        data["follow_up"]["phone"] = hostile(data["follow_up"].get("phone"))
        data["interpreter"] = hostile(data.get("interpreter"))
        for med in data["medications"]:
            if med.get("name"):
                for key in ("name", "dose", "when", "purpose"):
                    med[key] = hostile(med.get(key))
        site = {
            key: hostile(default)
            for key, default in (
                ("name", "Example General"),
                ("clinic_phone", "+1 555 0100"),
                ("after_hours_phone", "+1 555 0199"),
                ("emergency_number", "911"),
            )
        }
        site_text = "[hospital]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in site.items())
        values = printed_values(data) + [site["name"], site["clinic_phone"]]
        files = {"case.json": case_bytes(data), "site.toml": site_text.encode("utf-8")}
        return Spec("invisible", files, RENDER + WITH_SITE, values)

    @st.composite
    def json_case(draw):
        data = draw(valid_case_data())
        how = draw(
            st.sampled_from(["duplicate", "number", "schema", "wrong_type", "deep", "bytes", "big", "empty"])
        )
        placeholder = "__FUZZ_VALUE__"
        token = None  # JSON text put where the placeholder is (numbers json.dumps cannot write)
        if how == "number":
            path = draw(
                st.sampled_from(
                    [("schema",), ("large_print",), ("restrictions", "lift_weeks"), ("patient", "name")]
                )
            )
            digits = draw(st.sampled_from([20, 400, 4301, 5000, 100_000]))
            token = draw(
                st.sampled_from(["9" * digits, "-" + "9" * digits, "1e400", "-1e400", "NaN", "Infinity"])
            )
            _set(data, path, placeholder)
        elif how == "schema":
            token = draw(st.sampled_from(["true", "1.0", '"1"', "null", "[1]", "-1", "1e0", "01"]))
            data["schema"] = placeholder
        elif how == "wrong_type":
            path = draw(st.sampled_from(ALL_PATHS))
            _set(data, path, draw(st.sampled_from([True, 0, 1.5, [], {}, "x", None, [[]], {"a": 1}])))
        text = json.dumps(data, ensure_ascii=False)
        if token is not None:
            text = text.replace(f'"{placeholder}"', token)
        if how == "duplicate":
            where = draw(st.sampled_from(['"patient": {', '"procedure": {', "{"]))
            key = draw(st.sampled_from(['"name": "Dup Licate"', '"date": "2026-11-21"', '"schema": 1']))
            text = text.replace(where, f"{where}{key}, ", 1)
        elif how == "deep":
            depth = draw(st.sampled_from([100, 1000, 100_000]))
            text = text[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
        elif how == "bytes":
            raw = text.encode("utf-8", "surrogatepass")
            junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80"]))
            at = draw(st.integers(0, len(raw)))
            return Spec("json", {"case.json": raw[:at] + junk + raw[at:]}, RENDER)
        elif how == "big":
            text = text[:-1] + ', "x": "' + "x" * draw(st.sampled_from([999_000, 1_100_000])) + '"}'
        elif how == "empty":
            text = draw(st.sampled_from(["", " ", "\n", "null", "[]", "{}", '"x"', "{", "\ufeff{}"]))
        return Spec("json", {"case.json": text.encode("utf-8", "surrogatepass")}, RENDER)

    special = {
        "fifo": ("fifo",),
        "folder": ("dir",),
        "dev_zero": ("link", "/dev/zero"),
        "dev_null": ("link", "/dev/null"),
        "stdin": ("link", "/proc/self/fd/0"),
        "stdout": ("link", "/proc/self/fd/1"),
        "link_to_fifo": ("link", "fifo-target"),
        "link_to_folder": ("link", "folder-target"),
        "dangling": ("link", "nowhere"),
    }

    @st.composite
    def files_case(draw):
        data = draw(valid_case_data())
        files: dict[str, Any] = {
            "case.json": case_bytes(data),
            "site.toml": b'[hospital]\nname = "Example General"\n',
            "fifo-target": ("fifo",),
            "folder-target": ("dir",),
        }
        role = draw(st.sampled_from(["--case", "--site", "--output"]))
        kind = draw(
            st.sampled_from([*special, "direct_dev_zero", "case_itself", "site_itself", "link_to_case"])
        )
        argv = ["render", "--case", "case.json", "--site", "site.toml", "--output", "out.pdf"]
        if kind == "direct_dev_zero":
            target = "/dev/zero" if role != "--output" else "/dev/null"
        elif kind in ("case_itself", "site_itself"):
            target = "case.json" if kind == "case_itself" else "site.toml"
            role = "--output"
        elif kind == "link_to_case":
            files["special"] = ("link", "case.json")
            target, role = "special", "--output"
        else:
            files["special"] = special[kind]
            target = "special"
        argv[argv.index(role) + 1] = target
        protected = ["case.json", "site.toml", "fifo-target", "folder-target", "special"]
        return Spec(
            "files", files, argv, protected=[p for p in protected if p in files], note=f"{role} {kind}"
        )

    bundled = (templates_dir() / "handout.xml.j2").read_text(encoding="utf-8")
    bundled_lines = bundled.splitlines(keepends=True)
    payloads = [
        '{{ cycler.__init__.__globals__.os.popen("touch PWNED").read() }}',
        '{{ joiner.__init__.__globals__.os.system("touch PWNED") }}',
        "{{ lipsum.__globals__.os.popen('touch PWNED') }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ self.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ range.__self__ }}",
        "{{ '{0.__class__.__init__.__globals__}'.format(patient) }}",
        "{% set x = [] %}{{ x.append(1) }}",
        '{% include "/etc/passwd" %}',
        '{% include "../../../../etc/passwd" %}',
        '{% include "outside.j2" %}',
        '{% include "zero.j2" %}',
        '{% include "fifo.j2" %}',
        '{% import "outside.j2" as m %}',
        '{% extends "../case.json" %}',
        "{% if %}",
        "{% for x in medications %}",
        "{{ no_such_name }}",
        "{{ patient.nickname }}",
        "{{ 1 // 0 }}",
        "{{ 2 ** 10000000 }}",
        '{{ "x" * 100000000 }}',
        "<blink/>",
        "<marquee>x</marquee>",
        "<b>",
        "{{ patient.name|int + 'x' }}",
        "{% raw %}",
        "{{ range(100001)|list|length }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    ]

    @st.composite
    def template_case(draw):
        data = draw(valid_case_data())
        lines = list(bundled_lines)
        damage = draw(st.sampled_from(["payload", "payload", "delete_line", "duplicate_line", "cut"]))
        at = draw(st.integers(0, len(lines) - 1))
        note = f"the bundled template, {damage.replace('_', ' ')} at line {at + 1}"
        if damage == "payload":
            payload = draw(st.sampled_from(payloads))
            lines.insert(at, payload + "\n")
            note += f": {payload}"
        elif damage == "delete_line":
            del lines[at]
        elif damage == "duplicate_line":
            lines.insert(at, lines[at])
        else:
            lines = lines[:at]
        files: dict[str, Any] = {
            "case.json": case_bytes(data),
            "site.toml": b'[template]\nfolder = "tpl"\n',
            "tpl": ("dir",),
            "tpl/handout.xml.j2": "".join(lines).encode("utf-8"),
            "tpl/outside.j2": ("link", "../case.json"),
            "tpl/zero.j2": ("link", "/dev/zero"),
            "tpl/fifo.j2": ("fifo",),
        }
        return Spec("templates", files, RENDER + WITH_SITE, protected=["case.json", "site.toml"], note=note)

    from vpdischarge.domain.drug_names import known_names

    medicine_names = sorted(known_names().values())  # the medicine-name check's own list
    doses = st.builds(
        lambda number, unit: f"{number} {unit}",
        st.sampled_from(["0.4", "1", "2.5", "5", "8.6", "17", "25", "70", "100", "500", "1000", "1,000"]),
        st.sampled_from(["mg", "mcg", "g", "mL", "units", "tablets", "patch"]),
    )
    timings = st.sampled_from(
        [
            "Once a day",
            "At bedtime",
            "Every 6 hours if needed",
            "Twice a day with food",
            "Three times a day for 10 days, then stop",
            "Every morning on an empty stomach, 30 minutes before breakfast",
            "12 hours on, 12 hours off",
            "Up to 4 times a day if needed for muscle spasm",
        ]
    )
    purposes = st.sampled_from(["Pain", "Constipation", "Bone strength", "Blood pressure", "Stomach", ""])

    @st.composite
    def long_case(draw):
        from vpdischarge.domain.locales import LOCALES

        data = draw(valid_case_data(languages=tuple(locale.code for locale in LOCALES)))
        data["large_print"] = draw(st.booleans())
        data["medications"] = [
            {
                "name": draw(st.sampled_from(medicine_names)),
                "dose": draw(doses),
                "when": draw(timings),
                "purpose": draw(purposes),
            }
            for _ in range(draw(st.integers(12, 20)))
        ]
        return Spec("long", {"case.json": case_bytes(data)}, RENDER, printed_values(data))

    by_class = {
        "property": property_case(),
        "long": long_case(),
        "invisible": invisible_case(),
        "json": json_case(),
        "files": files_case(),
        "templates": template_case(),
    }
    return by_class, weighted


def make_files(folder: Path, spec: Spec) -> None:
    for name, value in spec.files.items():  # in order: folders before what they hold
        path = folder / name
        if isinstance(value, bytes):
            path.write_bytes(value)
        elif value[0] == "dir":
            path.mkdir()
        elif value[0] == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to(value[1])


def fingerprint(path: Path) -> tuple:
    """What must not change about a protected path: its kind, a link's target, a file's bytes."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ("missing",)
    kind = stat.S_IFMT(info.st_mode)
    if stat.S_ISLNK(info.st_mode):
        return (kind, os.readlink(path))
    if stat.S_ISREG(info.st_mode):
        return (kind, path.read_bytes())
    return (kind,)


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


@dataclass
class Failure:
    spec: Spec
    text: str
    size: int


@dataclass
class Tally:
    cases: int = 0
    pdfs: int = 0
    refused: int = 0
    failures: int = 0
    seconds: float = 0.0
    by_class: dict[str, int] = field(default_factory=dict)
    exit_codes: dict[int, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    smallest: dict[str, Failure] = field(default_factory=dict)
    slowest: float = 0.0

    def fail(self, key: str, spec: Spec, text: str) -> None:
        self.failures += 1
        self.counts[key] = self.counts.get(key, 0) + 1
        size = len(spec.as_json())
        if key not in self.smallest or size < self.smallest[key].size:
            self.smallest[key] = Failure(spec, text, size)


def judge(
    spec: Spec,
    reply: dict | None,
    folder: Path,
    state: Path,
    before: dict,
    tally: Tally,
    elapsed: float = 0.0,
) -> list[tuple[str, str]]:
    """(failure kind, details) for one finished case."""
    label = (
        f"{spec.kind} {spec.note}" if spec.kind == "files" else spec.kind
    )  # files: grouped by role and kind
    if reply is None:
        return [(f"{label}: hang over {HANG_SECONDS} s", "")]
    problems = []
    if elapsed > SLOW_SECONDS:
        problems.append((f"{label}: slow, over {SLOW_SECONDS} s", f"{elapsed:.1f} s"))
    rc, stderr = reply["rc"], reply["stderr"]
    tally.exit_codes[rc] = tally.exit_codes.get(rc, 0) + 1
    reports = list(state.rglob("crash-*.txt"))
    crash = ""
    if reports:  # the crash report names the error and where: one group per bug
        lines = reports[0].read_text(encoding="utf-8", errors="replace").strip().splitlines()
        error = next((line[7:] for line in lines if line.startswith("error: ")), "?")
        crash = f"{error} at {lines[-1].strip()}"
        details = "\n".join(lines)
        for report in reports:
            report.unlink()
    if reply["traceback"]:
        last = reply["traceback"].strip().splitlines()[-1][:120]
        problems.append((f"{label}: exception out of main(): {last}", reply["traceback"]))
    elif crash:
        problems.append((f"{label}: exit {rc}, crash: {crash}", details))
    elif rc == 1:
        problems.append((f"{label}: exit 1 without a crash report", stderr))
    elif rc not in (0, 2):
        problems.append((f"{label}: exit {rc}", stderr))
    if "Traceback" in stderr:
        problems.append((f"{label}: traceback on stderr", stderr))
    for name, print_before in before.items():
        if fingerprint(folder / name) != print_before:
            problems.append((f"{label}: {name} was changed", ""))
    if (folder / PWNED).exists() or "root:x:0" in stderr:
        problems.append((f"{label}: a template escaped the sandbox", stderr))
    if any(p.name.startswith(".vpdischarge-") for p in folder.rglob("*")):
        problems.append((f"{label}: a temporary file was left", ""))
    out = folder / "out.pdf"
    if rc == 0 and out.is_file() and not out.is_symlink():
        pdf = out.read_bytes()
        if not pdf.startswith(b"%PDF-"):
            problems.append((f"{label}: exit 0 without a PDF", ""))
        else:
            tally.pdfs += 1
            missing = typed_values_missing(pdf, spec.values)
            if missing:
                shown = ", ".join(ascii(v) for v in missing[:3])
                problems.append((f"{label}: typed value not on the page in logical order", shown))
            if spec.furniture:
                from test_properties import assert_page_furniture

                try:
                    assert_page_furniture(pdf, *spec.furniture)
                except AssertionError as exc:
                    problems.append((f"{label}: page furniture: {str(exc).split(':')[0]}", str(exc)))
    elif rc == 2:
        tally.refused += 1
    return problems


def run(tally: Tally, cases: int, classes: list[str], seed_value: int | None, started: float) -> None:
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis import strategies as st

    by_class, weighted = strategies()
    pool = st.sampled_from(classes).flatmap(lambda name: by_class[name])
    scratch = Path(tempfile.mkdtemp(prefix="vpdischarge-fuzz-"))
    state = scratch / "state"
    current: dict[str, Worker | None] = {"worker": None}

    def worker_now() -> Worker:
        active = current["worker"]
        if active is None or active.process.poll() is not None or active.cases >= WORKER_CASES:
            if active is not None:
                active.close()
            active = current["worker"] = Worker(state)
        return active

    @settings(
        max_examples=cases,
        database=None,
        deadline=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],
    )
    @given(pool)
    def one_case(spec: Spec) -> None:
        folder = Path(tempfile.mkdtemp(dir=scratch, prefix="case-"))
        try:
            make_files(folder, spec)
            before = {name: fingerprint(folder / name) for name in spec.protected}
            begun = time.monotonic()
            reply = worker_now().run(spec.argv, folder)
            elapsed = time.monotonic() - begun
            if reply is None:
                current["worker"] = None
            tally.slowest = max(tally.slowest, elapsed)
            tally.cases += 1
            tally.by_class[spec.kind] = tally.by_class.get(spec.kind, 0) + 1
            for key, details in judge(spec, reply, folder, state, before, tally, elapsed):
                tally.fail(key, spec, details)
        except Exception as exc:  # noqa: BLE001 - a bug of this script is reported, not fatal
            tally.fail(
                f"{spec.kind}: the fuzz script failed ({type(exc).__name__})", spec, traceback.format_exc()
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if tally.cases % PROGRESS_EVERY == 0:
            print(
                f"{tally.cases:>7} cases: {tally.pdfs} PDFs, {tally.refused} refused, "
                f"{tally.failures} failures, {time.monotonic() - started:.0f} s",
                flush=True,
            )

    try:
        (seed(seed_value)(one_case) if seed_value is not None else one_case)()
    finally:
        if current["worker"] is not None:
            current["worker"].close()
        shutil.rmtree(scratch, ignore_errors=True)


def run_engine(cases: int, shrink: bool, seed_value: int | None) -> int:
    """The in-process property of tests/test_properties.py over many cases (no CLI, no files),
    with --shrink to stop at the first failure and shrink it."""
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from strategies import render_case_data
    from test_properties import handout_property

    counts: dict[str, int] = {}
    outcomes = {"pdf": 0, "refused": 0}

    @settings(
        max_examples=cases,
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
    )
    @given(render_case_data())
    def property_run(data: Any) -> None:
        try:
            outcomes[handout_property(data)] += 1
        except Exception as exc:  # noqa: BLE001
            if shrink:
                raise
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if key not in counts:
                print(f"=== {key}; case data: {json.dumps(data, ensure_ascii=True)[:2000]}")
            counts[key] = counts.get(key, 0) + 1

    try:
        (seed(seed_value)(property_run) if seed_value is not None else property_run)()
    except Exception as exc:  # noqa: BLE001 - with --shrink: the minimal failure
        print("".join(traceback.format_exception(exc)), file=sys.stderr)
        return 1
    for key, count in counts.items():
        print(f"{count:>6}  {key}")
    print(f"{outcomes['pdf']} PDFs, {outcomes['refused']} refused, {sum(counts.values())} failures")
    return 1 if counts else 0


def save_case(folder: Path, spec: Spec) -> None:
    """The case's files in full, with the command line that ran them (`run.json`): the printed
    report cuts long files short, and a failure must be repeatable."""
    folder.mkdir(parents=True)
    make_files(folder, spec)
    (folder / "run.json").write_text(
        json.dumps({"kind": spec.kind, "argv": spec.argv, "values": spec.values})
    )


def report(tally: Tally, elapsed: float, interrupted: bool, wanted: int, save: Path | None = None) -> None:
    for number, (key, count) in enumerate(sorted(tally.counts.items(), key=lambda item: -item[1]), 1):
        failure = tally.smallest[key]
        print(f"\n=== {key}: {count} case(s); the smallest:")
        if save is not None:
            save_case(save / f"failure-{number}", failure.spec)
            print(f"saved in full: {save / f'failure-{number}'} (run its argv there with vpdischarge)")
        if failure.text:
            print(failure.text.rstrip()[-3000:])
        print("case:", failure.spec.as_json()[:4000])
    per_class = ", ".join(f"{name} {count}" for name, count in sorted(tally.by_class.items()))
    codes = ", ".join(f"{code}: {count}" for code, count in sorted(tally.exit_codes.items()))
    print(f"\nclasses: {per_class}\nexit codes: {codes}")
    print(
        f"{tally.cases} cases run, {tally.pdfs} PDFs produced, {tally.refused} refused (exit 2), "
        f"{tally.failures} failures, slowest case {tally.slowest:.1f} s, {elapsed:.1f} s elapsed"
        + (f" (interrupted before {wanted} cases)" if interrupted else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=10_000, help="number of generated cases (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="Hypothesis seed, to repeat a run")
    parser.add_argument(
        "--classes", default=",".join(CLASSES), help=f"comma-separated, of: {', '.join(CLASSES)}"
    )
    parser.add_argument("--engine", action="store_true", help="the in-process render property only (no CLI)")
    parser.add_argument(
        "--shrink", action="store_true", help="with --engine: stop at the first failure, shrink it"
    )
    parser.add_argument(
        "--save",
        type=Path,
        default=None,
        help="an empty or new folder: the smallest case of each failure, in full",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker()
    if args.engine:
        return run_engine(args.cases, args.shrink, args.seed)
    classes = [name.strip() for name in args.classes.split(",") if name.strip()]
    unknown = sorted(set(classes) - set(CLASSES))
    if unknown or not classes:
        parser.error(f"unknown classes: {', '.join(unknown)}; choose from {', '.join(CLASSES)}")

    def stop(signum, frame):  # a terminated run still reports what it found
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    started = time.monotonic()
    tally = Tally()
    interrupted = False
    try:
        run(tally, args.cases, classes, args.seed, started)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
    report(tally, time.monotonic() - started, interrupted, args.cases, args.save)
    return 1 if tally.failures or interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
