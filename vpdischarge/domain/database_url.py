"""The address of the hospital's shared handout log (`[log] database`): a PostgreSQL URL.

A URL may carry a password (`postgresql://user:secret@host/db`, or `?password=secret`). No
message shows it: a site file is read on every ward, and its warnings reach nurses' screens, the
CLI's output and IT's tickets. `masked()` and `without_password()` are what every message about
the database goes through.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from vpdischarge.i18n import _

SCHEMES = ("postgresql", "postgres")
MASK = "***"


def url_problem(url: str) -> str | None:
    """Why `url` is not a PostgreSQL URL this program can use (another scheme, a port that is
    not a number, a # part), or None. The text never quotes the URL, so it cannot leak a
    password either; one message for every case, showing the form to write."""
    problem = _("must be a PostgreSQL address, postgresql://user@host:port/dbname")
    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", url)
    if found is None or found.group(1).lower() not in SCHEMES:
        return problem
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return problem
    return problem if parts.fragment else None


def _passwords(url: str) -> list[str]:
    try:
        parts = urlsplit(url)
        found = [parts.password] if parts.password else []
        found += [value for key, value in parse_qsl(parts.query) if key == "password" and value]
    except ValueError:
        # Not a URL that can be taken apart: whatever follows "user:" up to "@" is taken to be one.
        found = re.findall(r"://[^/@:]*:([^@/]+)@", url)
    # As written (percent-encoded) and as the driver reads it.
    return found + [unquote(p) for p in found]


def masked(url: str) -> str:
    """`url` with its password (in the user part, or a `password=` parameter) as ***."""
    return without_password(url, url)


def without_password(text: str, url: str) -> str:
    """`text` (a message, an error from the database driver) with the password of `url`
    replaced by *** wherever it appears."""
    for password in sorted(_passwords(url), key=len, reverse=True):
        text = text.replace(password, MASK)
    return text
