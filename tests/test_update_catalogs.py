"""scripts/update_catalogs.py, the translators' extract-and-update step (translations/README.md):
entries whose text did not change keep their bytes, and a run with no text change changes no file."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import escape, read_po

REPO = Path(__file__).resolve().parent.parent


def scratch_checkout(tmp_path: Path) -> Path:
    """What the script reads and writes, copied: the extraction config, the sources of both
    domains, the scripts and the catalogs (never the real ones)."""
    root = tmp_path / "checkout"
    root.mkdir()
    shutil.copy(REPO / "babel.cfg", root / "babel.cfg")
    skip = shutil.ignore_patterns("*.mo", "__pycache__", "_data")
    for folder in ("scripts", "resources/templates", "translations", "vpdischarge"):
        shutil.copytree(REPO / folder, root / folder, ignore=skip)
    return root


def run_script(root: Path) -> None:
    script = root / "scripts" / "update_catalogs.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    folder = root / "translations"
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(po: bytes) -> list[bytes]:
    """A catalog's entries as written, the header (its first block) and obsolete ones left out."""
    return [block for block in re.split(rb"\n\n+", po.strip()) if not block.startswith(b"#~")][1:]


def msgid_of(entry: bytes) -> str:
    """The message id of one written entry, as escaped in the file, its wrapped lines joined."""
    lines = entry.decode("utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("msgid "))
    parts = [lines[start][len("msgid ") :]]
    for line in lines[start + 1 :]:
        if not line.startswith('"'):
            break
        parts.append(line)
    return "".join(part[1:-1] for part in parts)


def template_ids(root: Path, domain: str) -> set[str]:
    with (root / "translations" / f"{domain}.pot").open("rb") as fp:
        ids = [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id]
    return {escape(i)[1:-1] for i in ids}


def test_entries_keep_their_bytes_and_a_second_run_changes_nothing(tmp_path):
    root = scratch_checkout(tmp_path)
    before = snapshot(root)
    run_script(root)
    after = snapshot(root)
    catalogs = [name for name in before if name.endswith(".po")]
    assert len(catalogs) == 40  # 20 languages, two domains
    checked = 0
    for name in catalogs:
        kept = set(entries(after[name]))
        still_wanted = template_ids(root, Path(name).stem)
        # An entry still in the template is byte for byte what it was (no rewrapping); strings
        # added to the sources since the last extraction may arrive beside them.
        for entry in entries(before[name]):
            if msgid_of(entry) in still_wanted:
                assert entry in kept, (name, entry[:80])
                checked += 1
    assert checked > 20 * (100 + 350)  # most of both domains' entries, in every language
    run_script(root)
    assert snapshot(root) == after
