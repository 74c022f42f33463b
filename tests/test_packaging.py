"""The package the tests exercise, and what an installed copy carries."""

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import vpdischarge
from vpdischarge import assets

REPO = Path(__file__).resolve().parent.parent


def test_a_child_python_in_the_top_folder_imports_the_package_the_tests_import():
    """`python -m vpdischarge` started by a test from the repository's folder must not pick up
    the source tree when the tests run against an installed wheel (.ci/run)."""
    result = subprocess.run(
        [sys.executable, "-c", "import vpdischarge; print(vpdischarge.__file__)"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == Path(vpdischarge.__file__)


def test_the_version_is_the_installed_distributions():
    assert metadata.version("vpdischarge") == vpdischarge.__version__


def test_an_installed_package_carries_resources_and_compiled_catalogs():
    package = Path(vpdischarge.__file__).resolve().parent
    if not (package / "_data").is_dir():
        pytest.skip("a source checkout (editable install or PYTHONPATH): nothing was built")
    assert assets.resources_dir() == package / "_data" / "resources"
    catalogs = list(assets.translations_dir().glob("*/LC_MESSAGES/*.mo"))
    assert len(catalogs) == 40  # 20 languages, two domains, compiled by the build
    # The metadata installed beside the package, not whatever "vpdischarge" is first on sys.path
    # (in an unpacked sdist that can be its vpdischarge.egg-info).
    (installed,) = metadata.distributions(name="vpdischarge", path=[str(package.parent)])
    licences = {p.name for p in installed.files or [] if "licenses" in str(p)}
    assert licences == {"OFL-Noto.txt", "OFL-NanumGothic.txt", "Apache-2.0-DroidSansFallback.txt"}
