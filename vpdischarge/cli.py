"""The command line: `render`, `locales`, `check`; with no arguments it opens the window.

User mistakes (bad case file, bad settings, unwritable output) exit 2 with one line per problem,
each naming its field, and never a traceback. The output PDF is written atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vpdischarge", description="Discharge handouts after vertebroplasty or kyphoplasty."
    )
    commands = parser.add_subparsers(dest="command")

    render = commands.add_parser("render", help="write the handout PDF for a case file")
    render.add_argument("--case", required=True, type=Path, help="the case file (JSON, schema 1)")
    render.add_argument("--output", required=True, type=Path, help="the PDF to write")
    render.add_argument("--lang", help="handout language code (overrides the case file)")
    render.add_argument("--second-lang", help="second handout language code (overrides the case file)")
    render.add_argument(
        "--large-print", action="store_true", default=None, help="large print (body text 16 pt)"
    )
    render.add_argument("--site", type=Path, help="site settings file (TOML); default: the bundled one")

    locales = commands.add_parser("locales", help="list the handout languages and their status")
    locales.add_argument("--json", action="store_true", help="print JSON")
    locales.add_argument("--site", type=Path, help="site settings file (for approvals)")

    check = commands.add_parser("check", help="report untranslated, fuzzy and broken catalog entries")
    check.add_argument("--site", type=Path, help="site settings file (for approvals)")
    check.add_argument("--case", type=Path, help="also check this case file")
    check.add_argument("--strict", action="store_true", help="exit 1 if any catalog is incomplete")
    return parser


def _say(kind: str, issues) -> None:
    for issue in issues:
        print(f"{kind}: {issue}", file=sys.stderr)


def _render(args: argparse.Namespace) -> int:
    from vpdischarge.atomic import write_atomically
    from vpdischarge.domain.case_file import read_case_file
    from vpdischarge.domain.site import load_site
    from vpdischarge.pipeline import check, render, sample_site_issues

    site = load_site(args.site)
    case, issues = read_case_file(args.case)
    overrides = {
        "language": args.lang,
        "second_language": args.second_lang,
        "large_print": args.large_print,
    }
    case = replace(case, **{k: v for k, v in overrides.items() if v is not None})
    reported = {i.field for i in issues}
    issues += [i for i in check(case, site) if i.field not in reported]
    problems = [i for i in issues if i.severity == "error"]
    if problems:
        _say("error", problems)
        return EXIT_BAD_INPUT
    if args.output.is_dir():
        _say("error", ["output: is a folder; give a file name such as handout.pdf"])
        return EXIT_BAD_INPUT
    handout = render(case, site)
    _say("warning", handout.warnings)
    write_atomically(args.output, handout.pdf)
    _say("warning", sample_site_issues(site))
    return EXIT_OK


def _locales(args: argparse.Namespace) -> int:
    from vpdischarge.content.catalog_status import all_statuses
    from vpdischarge.domain.site import load_site

    statuses = all_statuses(load_site(args.site))
    if args.json:
        print(json.dumps([s.as_json() for s in statuses], ensure_ascii=False, indent=2))
        return EXIT_OK
    for s in statuses:
        loc = s.locale
        print(f"{loc.code:8} {loc.native_name:22} {loc.direction}  {s.status:9} {s.completeness:6.1%}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from vpdischarge.content.catalog_status import all_statuses
    from vpdischarge.domain.site import load_site

    site = load_site(args.site)
    incomplete = False
    for s in all_statuses(site):
        if s.status == "missing":
            continue
        print(
            f"{s.locale.code:8} {s.status:9} {s.translated}/{s.total} translated, "
            f"{len(s.fuzzy)} fuzzy, {len(s.untranslated)} untranslated, {len(s.broken)} broken"
        )
        for label, ids in (("untranslated", s.untranslated), ("fuzzy", s.fuzzy), ("broken", s.broken)):
            for msgid in ids:
                print(f"    {label}: {msgid}")
        incomplete |= bool(s.untranslated or s.fuzzy or s.broken)
    status = EXIT_OK
    if args.case:
        status = _check_case(args.case, site)
    if args.strict and incomplete:
        return EXIT_UNEXPECTED
    return status


def _check_case(path: Path, site) -> int:
    from vpdischarge.domain.case_file import read_case_file
    from vpdischarge.pipeline import check

    case, issues = read_case_file(path)
    reported = {i.field for i in issues}
    issues += [i for i in check(case, site) if i.field not in reported]
    _say("error", [i for i in issues if i.severity == "error"])
    _say("warning", [i for i in issues if i.severity == "warning"])
    return EXIT_BAD_INPUT if any(i.severity == "error" for i in issues) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (len(argv) == 1 and argv[0].lower().endswith(".json")):  # `vpdischarge CASE.json`
        from vpdischarge.gui.app import main as gui_main

        return gui_main(["vpdischarge", *argv])
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_BAD_INPUT
    from vpdischarge.atomic import WriteError
    from vpdischarge.domain.issues import InputError

    handlers = {"render": _render, "locales": _locales, "check": _check}
    try:
        return handlers[args.command](args)
    except InputError as exc:
        _say("error", exc.issues)
        return EXIT_BAD_INPUT
    except WriteError as exc:
        print(f"error: output: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - last resort: a plain message, no traceback
        if os.environ.get("VPDISCHARGE_DEBUG"):
            raise
        from vpdischarge.crash import plain_message

        # The exception text may quote patient data: the message and the report omit it.
        print(f"error: {plain_message(exc)}", file=sys.stderr)
        return EXIT_UNEXPECTED
