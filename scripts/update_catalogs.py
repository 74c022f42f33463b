"""Extract the English text into the templates and update every language's catalog from them,
for both domains: the handout ("handout") and the window and engine messages ("ui").

    python scripts/update_catalogs.py

Run from anywhere; it works on the checkout it is in. A run with no text change changes no file:

- Everything is written 100 columns wide (`-w 100`), as the catalogs are, with no source
  locations and in sorted order, so an entry whose text did not change keeps its bytes.
- `pybabel extract` always stamps a new POT-Creation-Date; a template whose messages are the same
  as before is kept as it was, so the catalogs' headers are not touched either.

Each step is the pybabel command printed as it runs (translations/README.md shows them). After
the update, English is refilled (scripts/fill_english_catalog.py): its translations are the
source text. Fuzzy matching stays on: a changed sentence arrives as Babel's guess, marked
`#, fuzzy` for the translator to review (fuzzy entries are never printed).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
WIDTH = ["-w", "100"]

# domain: (version named in the template's header, what to scan, extra extract options)
DOMAINS = {
    "handout": ("2026.1", "resources/templates", []),
    "ui": ("0.1.0", ".", ["--ignore-dirs", "resources .* _*"]),
}


def pybabel(*args: str) -> None:
    print("pybabel", shlex.join(args))
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def without_creation_date(path: Path) -> list[bytes]:
    return [line for line in path.read_bytes().splitlines() if not line.startswith(b'"POT-Creation-Date:')]


def extract(domain: str) -> None:
    version, source, options = DOMAINS[domain]
    template = TRANSLATIONS / f"{domain}.pot"
    fresh = template.with_suffix(".pot.new")
    pybabel(
        "extract", "-F", "babel.cfg", *options, *WIDTH, "--no-location", "--sort-output",
        "--project", "vpdischarge", "--version", version, "-o", str(fresh.relative_to(ROOT)), source,
    )  # fmt: skip
    if template.is_file() and without_creation_date(template) == without_creation_date(fresh):
        fresh.unlink()  # the same messages: keep the old file, its date included
        print(f"{template.relative_to(ROOT)}: no change")
    else:
        fresh.replace(template)


def update(domain: str) -> None:
    # Twice: a fuzzy guess is given its old entry's flags (python-brace-format among them) after
    # Babel has worked out the new text's own, and Babel drops a flag that does not fit the text
    # only when it reads the catalog again. The second pass settles those flags, so the next run
    # of this script finds nothing to change.
    for _ in range(2):
        pybabel("update", "-D", domain, "-i", f"translations/{domain}.pot", "-d", "translations", *WIDTH)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "fill_english_catalog.py"), domain], check=True)


def main() -> int:
    import os

    os.chdir(ROOT)  # babel.cfg's patterns and the paths above are relative to the checkout
    for domain in DOMAINS:
        extract(domain)
        update(domain)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
