"""Dropping an education record into the folder the interface engine watches.

The bundle is written by vpdischarge.atomic: under a temporary name that does not end in .json
(`.vpdischarge-*.part`), then renamed, so an engine watching for *.json never picks up half a
file. The name is new every time (time and a random part), so no earlier record is overwritten.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vpdischarge.atomic import WriteError, write_atomically


class RecordError(Exception):
    """The record could not be written; the message names the setting, never the patient."""


def write_record(folder: Path, bundle: dict[str, Any]) -> Path:
    if not folder.is_dir():
        raise RecordError(f"site.record.folder: {folder} is not a folder that can be reached")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"education-{stamp}-{uuid.uuid4().hex}.json"
    data = json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        write_atomically(path, data)
    except WriteError as exc:
        raise RecordError(f"site.record.folder: {folder}: {exc.reason}") from None
    return path
