"""The command line: `render`, `locales`, `check`; with no arguments it opens the window.

User mistakes (bad case file, bad settings, bad template, unwritable output) exit 2 with one line
per problem, each naming its field, and never a traceback. The output PDF is written atomically
(vpdischarge/atomic.py), and never over the case file, the site file or anything that is not a
regular file.

Exit codes: 0 done; 1 an unexpected problem (a report for IT is written, see crash.py); 2 the input
or the output needs correcting (or cannot be reached: an output folder, the site's log database
for `vpdischarge log`); 130 stopped by Ctrl+C (128 + SIGINT, the shell's convention);
141 the reader of the output went away (`vpdischarge locales | head -1`: 128 + SIGPIPE, what the
shell reports for any program stopped that way), quietly. SIGTERM during the write removes the
temporary file and ends the process by SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 130, 141
# What the patient could say back goes into the log and the education record as one text.
MAX_TEACH_BACK = 500


def _parser() -> argparse.ArgumentParser:
    from vpdischarge import __version__

    parser = argparse.ArgumentParser(
        prog="vpdischarge", description="Discharge handouts after vertebroplasty or kyphoplasty."
    )
    parser.add_argument("--version", action="version", version=f"vpdischarge {__version__}")
    commands = parser.add_subparsers(dest="command")

    render = commands.add_parser("render", help="write the handout PDF for a case file")
    render.add_argument("--case", required=True, type=Path, help="the case file (JSON, schema 1)")
    render.add_argument("--output", required=True, type=Path, help="the PDF to write")
    render.add_argument("--lang", help="handout language code (overrides the case file)")
    render.add_argument("--second-lang", help="second handout language code (overrides the case file)")
    render.add_argument(
        "--large-print", action="store_true", default=None, help="large print (body text 16 pt)"
    )
    render.add_argument(
        "--site",
        type=Path,
        help="site settings file (TOML); default: see docs/site-settings.md (policy, $VPDISCHARGE_SITE)",
    )
    render.add_argument(
        "--teach-back",
        metavar="TEXT",
        help="what the patient or caregiver could say back, for the log and the education record "
        '(default "not assessed")',
    )
    render.add_argument(
        "--learner", choices=("patient", "caregiver"), help="who was taught (default: not recorded)"
    )

    locales = commands.add_parser("locales", help="list the handout languages and their status")
    locales.add_argument("--json", action="store_true", help="print JSON")
    locales.add_argument("--site", type=Path, help="site settings file (for approvals)")

    check = commands.add_parser("check", help="report untranslated, fuzzy and broken catalog entries")
    check.add_argument("--site", type=Path, help="site settings file (for approvals)")
    check.add_argument("--case", type=Path, help="also check this case file")
    check.add_argument("--strict", action="store_true", help="exit 1 if any catalog is incomplete")
    check.add_argument(
        "--catalogs",
        type=Path,
        metavar="FOLDER",
        help="check the catalogs in FOLDER (a source checkout's translations/, being edited) "
        "instead of the ones this program was installed with",
    )

    desktop = commands.add_parser(
        "install-desktop",
        help="add the menu entry, the icon and the case file type to a Linux desktop",
        description="Add vpdischarge to the desktop's menu, with its icon, and let the file manager "
        "open case files with it (freedesktop). For the current user by default; for every user of "
        "the machine: --data-dir /usr/local/share (as root).",
    )
    desktop.add_argument(
        "--data-dir",
        type=Path,
        metavar="FOLDER",
        help="the data folder to install into (default: $XDG_DATA_HOME, normally ~/.local/share)",
    )
    desktop.add_argument("--remove", action="store_true", help="take the files away again")

    log = commands.add_parser("log", help="list the handout log (every handout printed, saved or rendered)")
    log.add_argument("--since", metavar="DATE", help="only entries from DATE on (YYYY-MM-DD, UTC)")
    log.add_argument("--csv", action="store_true", help="CSV with a header row, one row per entry")
    log.add_argument(
        "--site",
        type=Path,
        help="site settings file: with [log] database, list that database (default: as for render)",
    )

    from vpdischarge.ehr import command as ehr_import

    ehr_import.add_parser(commands)
    return parser


def _say(kind: str, issues) -> None:
    for issue in issues:
        print(f"{kind}: {issue}", file=sys.stderr)


def _chosen_site(option: Path | None) -> Path | None:
    """The site file for this command (None: the bundled example), by the one precedence of
    vpdischarge.domain.site_choice: `--site`, a locked machine policy, `VPDISCHARGE_SITE`, an
    unlocked policy (the CLI has no user setting: that is the window's). A policy that cannot be
    read stops the command, as a broken site file does."""
    from vpdischarge.domain.issues import InputError, Issue
    from vpdischarge.domain.site_choice import choose_site, lock_passed_over
    from vpdischarge.machine_policy import read_machine_policy

    choice = choose_site(option, os.environ, read_machine_policy())
    if choice.problem:
        raise InputError([Issue("site", choice.problem)])
    _say("warning", lock_passed_over(choice))
    return choice.path


def _render(args: argparse.Namespace) -> int:
    from vpdischarge.atomic import file_ids, writable_target, write_atomically
    from vpdischarge.domain.case_file import read_case_file
    from vpdischarge.domain.site import load_site
    from vpdischarge.pipeline import check, render, sample_site_issues

    if args.teach_back is not None:
        args.teach_back = args.teach_back.strip()
        if not args.teach_back or len(args.teach_back) > MAX_TEACH_BACK:
            print(f"error: --teach-back: must be 1 to {MAX_TEACH_BACK} characters", file=sys.stderr)
            return EXIT_BAD_INPUT
    site_path = _chosen_site(args.site)
    # The files being read are never the output: checked first, so nothing is read or made for
    # an output that would be refused anyway (and checked again just before the rename).
    inputs = [args.case, site_path]
    writable_target(args.output, file_ids(inputs))
    site = load_site(site_path)
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
    handout = render(case, site)
    _say("warning", handout.warnings)
    write_atomically(args.output, handout.pdf, keep=inputs)
    _say("warning", sample_site_issues(site))
    _log_render(case, site, handout.pdf, args)
    return EXIT_OK


def _log_render(case, site, pdf: bytes, args: argparse.Namespace) -> None:
    """Every render goes into the handout log, with the teach-back and learner given (else
    "not assessed": nobody was asked). A log that cannot be written is a warning: the PDF is
    written, and exit stays 0."""
    from vpdischarge.records.handout_given import Given, record_handout

    told = {"teach_back": args.teach_back, "learner": args.learner}
    given = Given("render", **{key: value for key, value in told.items() if value is not None})
    for problem in record_handout(case, site, pdf, given):
        print(f"warning: {problem}", file=sys.stderr)


def _log(args: argparse.Namespace) -> int:
    """The handout log for the quality office: a table, or CSV with a header row."""
    import csv
    from datetime import date, datetime

    from vpdischarge.domain.site import load_site
    from vpdischarge.records.handout_log import COLUMNS, SQLiteLog, default_log_path

    since = None
    if args.since is not None:
        try:
            since = (datetime if "T" in args.since else date).fromisoformat(args.since).isoformat()
        except ValueError:
            print(
                f"error: --since: {args.since!r} is not a date (write it YYYY-MM-DD, or YYYY-MM-DDTHH:MM)",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    site = load_site(_chosen_site(args.site))
    if site.log_database:
        entries = _shared_log_entries(site.log_database, since)
        if entries is None:
            return EXIT_BAD_INPUT
    elif not default_log_path().is_file():
        entries = []  # nothing logged on this computer yet: not an error, and no file made
    else:
        with SQLiteLog() as log:
            entries = log.entries(since)
    # The name is a column only where the site keeps it.
    columns = [c for c in COLUMNS if c != "patient_name" or site.log_include_patient_name]
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for entry in entries:
            writer.writerow([getattr(entry, c) for c in columns])
        return EXIT_OK
    for entry in entries:
        print(
            f"{entry.logged_at}  {entry.action:6}  {entry.record_number:12}  {entry.languages:8}  "
            f"{entry.print_size:6}  {entry.teach_back}  {entry.workstation}  {entry.login}"
        )
    return EXIT_OK


def _shared_log_entries(url: str, since: str | None) -> list | None:
    """The entries of the site's database; None after saying why it cannot be read (the URL
    masked). Entries still waiting on this computer are not in it: a warning counts them."""
    import psycopg

    from vpdischarge.records.handout_log import SQLiteLog, queue_path
    from vpdischarge.records.postgres_log import SETTING, PostgresLog, unreachable

    try:
        with PostgresLog(url) as log:
            entries = log.entries(since)
    except psycopg.Error as exc:
        print(f"error: {unreachable(exc, url)}", file=sys.stderr)
        return None
    if queue_path().is_file():
        with SQLiteLog(queue_path()) as local:
            waiting = local.count()
        if waiting:
            print(
                f"warning: {SETTING}: {waiting} entries wait on this computer to be sent, and are not listed",
                file=sys.stderr,
            )
    return entries


def _locales(args: argparse.Namespace) -> int:
    from vpdischarge.content.catalog_status import all_statuses
    from vpdischarge.domain.site import load_site

    statuses = all_statuses(load_site(_chosen_site(args.site)))
    if args.json:
        print(json.dumps([s.as_json() for s in statuses], ensure_ascii=False, indent=2))
        return EXIT_OK
    for s in statuses:
        loc = s.locale
        print(
            f"{loc.code:8} {_padded(loc.native_name, 22)} {loc.direction}  {s.status:9} {s.completeness:6.1%}"
        )
    return EXIT_OK


def _padded(text: str, columns: int) -> str:
    """`text` padded to `columns` terminal columns: Chinese, Japanese and Korean characters take
    two columns each and combining marks none, so `str.ljust` would misalign the table."""
    width = sum(
        0
        if unicodedata.category(ch) in ("Mn", "Me")
        else 2
        if unicodedata.east_asian_width(ch) in "WF"
        else 1
        for ch in text
    )
    return text + " " * max(0, columns - width)


def _check(args: argparse.Namespace) -> int:
    from vpdischarge.content.catalog_status import all_statuses
    from vpdischarge.domain.site import load_site

    site = load_site(_chosen_site(args.site))
    if args.catalogs is not None and not (args.catalogs / "handout.pot").is_file():
        print(
            f"error: --catalogs: {args.catalogs} has no handout.pot (name the translations folder)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    incomplete = False
    for s in all_statuses(site, args.catalogs):
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
    try:
        status = _main(argv)
        sys.stdout.flush()  # a closed pipe shows up here, inside the handlers below
        return status
    except KeyboardInterrupt:
        from vpdischarge.i18n import _

        _quietly_say(_("stopped by Ctrl+C"))  # a PDF being written is left as it was
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (`| head -1`): nothing more to say, and nobody to say it to.
        # Point stdout at nothing so the interpreter's last flush does not complain either.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CLOSED_PIPE


def _quietly_say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(f"error: {line}", file=sys.stderr)


def _install_desktop(args: argparse.Namespace) -> int:
    from vpdischarge import desktop

    if not sys.platform.startswith("linux"):
        print(
            "error: install-desktop is for Linux desktops; the Windows installer adds the Start menu entry",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    data_dir = args.data_dir or desktop.default_data_dir()
    done = desktop.remove(data_dir) if args.remove else desktop.install(data_dir)
    verb = "removed" if args.remove else "installed"
    print(f"{verb} {len(done.files)} files in {data_dir}")
    if not args.remove:
        print(f"menu entry: {data_dir / 'applications' / (desktop.APP_ID + '.desktop')}")
        print(f"case files ({desktop.CASE_MIME_TYPE}) open with: {' '.join(desktop.gui_launcher())}")
    if done.missing:
        print(f"not found, so not refreshed: {', '.join(done.missing)} (the desktop may need a new login)")
    return EXIT_OK


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (len(argv) == 1 and argv[0].lower().endswith(".json")):  # `vpdischarge CASE.json`
        from vpdischarge.gui.start import main as gui_main

        return gui_main(["vpdischarge", *argv])
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_BAD_INPUT
    from vpdischarge.atomic import WriteError
    from vpdischarge.domain.issues import InputError
    from vpdischarge.ehr.command import run as _import

    handlers = {
        "render": _render,
        "locales": _locales,
        "check": _check,
        "import": _import,
        "install-desktop": _install_desktop,
        "log": _log,
    }
    try:
        return handlers[args.command](args)
    except InputError as exc:
        _say("error", exc.issues)
        return EXIT_BAD_INPUT
    except WriteError as exc:
        print(f"error: output: {exc.reason}", file=sys.stderr)  # the path may name a patient
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise
    except Exception as exc:  # noqa: BLE001 - last resort: a plain message, no traceback
        if os.environ.get("VPDISCHARGE_DEBUG"):
            raise
        from vpdischarge.crash import plain_message

        # The exception text may quote patient data: the message and the report omit it.
        print(f"error: {plain_message(exc)}", file=sys.stderr)
        return EXIT_UNEXPECTED
