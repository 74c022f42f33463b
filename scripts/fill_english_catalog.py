"""Make an English catalog complete: English is the source language, so every English
translation is the source text itself. Run after `pybabel update` (translations/README.md).

    python scripts/fill_english_catalog.py          # the handout catalog (domain "handout")
    python scripts/fill_english_catalog.py ui       # the window's catalog (domain "ui")
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

domain = sys.argv[1] if len(sys.argv) > 1 else "handout"
PATH = Path(__file__).resolve().parent.parent / f"translations/en/LC_MESSAGES/{domain}.po"

with PATH.open("rb") as fp:
    catalog = read_po(fp, locale="en")
for message in catalog:
    if not message.id:
        continue
    message.string = message.id if isinstance(message.id, str) else tuple(message.id)
    message.flags.discard("fuzzy")
with PATH.open("wb") as fp:
    write_po(fp, catalog, width=100, omit_header=False, sort_output=True, ignore_obsolete=True)
print(f"filled {sum(1 for m in catalog if m.id)} English entries in {PATH}")
