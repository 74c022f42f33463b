"""`vpdischarge import BUNDLE.json --output CASE.json`: the CLI door to the import.

stderr lists what came from the record and what did not, by field name and count only (this is
an interactive command the nurse runs, but its output may still be captured in a log, so no
value from the record is printed). Exit 0 when the case file is written, 2 for a bad bundle or
an output that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vpdischarge.i18n import _

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_parser(commands) -> None:
    parser = commands.add_parser("import", help="make a case file from a FHIR R4 Bundle (JSON)")
    parser.add_argument(
        "bundle", type=Path, help="the FHIR R4 Bundle (JSON): collection, transaction, searchset or document"
    )
    parser.add_argument("--output", required=True, type=Path, help="the case file to write (JSON, schema 1)")
    parser.add_argument("--site", type=Path, help="site settings file (TOML), for [ehr] record_system")


def run(args: argparse.Namespace) -> int:
    from vpdischarge.atomic import write_atomically

    # The case checks themselves, not pipeline.check: that one also loads the typesetter (a
    # second of imports) for font coverage, which is the render's business.
    from vpdischarge.content.catalogs import available_languages
    from vpdischarge.domain.case_file import case_to_json
    from vpdischarge.domain.site import load_site
    from vpdischarge.domain.validation import validate
    from vpdischarge.ehr.importer import import_bundle
    from vpdischarge.ehr.report import report_lines

    site = load_site(args.site)
    if args.output.is_dir():
        print(_("error: output: is a folder; give a file name such as case.json"), file=sys.stderr)
        return EXIT_BAD_INPUT
    result = import_bundle(args.bundle, site)  # InputError: exit 2 in cli.main, one line per problem
    write_atomically(args.output, case_to_json(result.case).encode("utf-8"))
    for line in report_lines(result):
        print(line, file=sys.stderr)
    for issue in validate(result.case, site, available_languages()):
        if issue.severity == "error":
            print(_("to complete before printing: {issue}").format(issue=issue), file=sys.stderr)
    print(
        _("Imported cases must be checked against the record before a handout is printed."),
        file=sys.stderr,
    )
    return EXIT_OK
