"""Which site file is used: the machine policy IT sets on each platform, VPDISCHARGE_SITE, the
command line, and their precedence (docs/site-settings.md, "Which file is used")."""

import os
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from vpdischarge.assets import typical_case_path
from vpdischarge.domain.site_choice import SitePolicy, Source, choose_site
from vpdischarge.machine_policy import read_machine_policy
from vpdischarge.machine_policy.macos import read_plist_policy
from vpdischarge.machine_policy.windows import policy_from_settings
from vpdischarge.machine_policy.xdg import policy_files, read_toml_policy

REPO = Path(__file__).resolve().parent.parent


def write_site(folder: Path, name: str, hospital: str) -> Path:
    path = folder / name
    path.write_text(f'[hospital]\nname = "{hospital}"\n', encoding="utf-8")
    return path


def write_policy(config_dir: Path, text: str) -> Path:
    path = config_dir / "vpdischarge" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# The precedence, one layer at a time ---------------------------------------------------------

OPTION, ENV, USER, POLICY = Path("/o.toml"), "/env.toml", "/user.toml", Path("/policy.toml")
ENVIRONMENT = {"VPDISCHARGE_SITE": ENV}
UNLOCKED = SitePolicy("/etc/xdg/vpdischarge/config.toml", POLICY, locked=False)
LOCKED = SitePolicy("/etc/xdg/vpdischarge/config.toml", POLICY, locked=True)
BROKEN = SitePolicy("/etc/xdg/vpdischarge/config.toml", problem="not valid TOML")


@pytest.mark.parametrize(
    ("option", "environment", "policy", "user", "path", "source"),
    [
        # Without a lock: option > environment > user setting > policy > bundled example.
        (OPTION, ENVIRONMENT, UNLOCKED, USER, OPTION, Source.OPTION),
        (None, ENVIRONMENT, UNLOCKED, USER, Path(ENV), Source.ENVIRONMENT),
        (None, {}, UNLOCKED, USER, Path(USER), Source.USER),
        (None, {}, UNLOCKED, "", POLICY, Source.POLICY),
        (None, {}, None, "", None, Source.BUNDLED),
        # A locked policy passes over the environment and the user's setting; --site still wins.
        (None, ENVIRONMENT, LOCKED, USER, POLICY, Source.LOCKED_POLICY),
        (OPTION, ENVIRONMENT, LOCKED, USER, OPTION, Source.OPTION),
        # A policy that cannot be read stands where a locked one would.
        (None, ENVIRONMENT, BROKEN, USER, None, Source.LOCKED_POLICY),
        (OPTION, {}, BROKEN, "", OPTION, Source.OPTION),
        # Empty values mean "not set".
        (None, {"VPDISCHARGE_SITE": "  "}, None, "  ", None, Source.BUNDLED),
    ],
)
def test_the_precedence(option, environment, policy, user, path, source):
    choice = choose_site(option, environment, policy, user)
    assert (choice.path, choice.source) == (path, source)
    assert choice.fixed == (source in (Source.LOCKED_POLICY, Source.ENVIRONMENT))
    assert (choice.problem is not None) == (source is Source.LOCKED_POLICY and policy is BROKEN)


# Linux: $XDG_CONFIG_DIRS/vpdischarge/config.toml ---------------------------------------------


def test_the_policy_is_looked_for_in_xdg_config_dirs_most_important_first(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert policy_files({"XDG_CONFIG_DIRS": f"{first}:relative/ignored:{second}"}) == [
        first / "vpdischarge" / "config.toml",
        second / "vpdischarge" / "config.toml",
    ]
    assert policy_files({}) == [Path("/etc/xdg/vpdischarge/config.toml")]
    write_policy(second, '[site]\npath = "/srv/second.toml"\n')
    write_policy(first, '[site]\npath = "/srv/first.toml"\nlocked = true\n')
    policy = read_machine_policy("linux", {"XDG_CONFIG_DIRS": f"{first}:{second}"})
    assert policy == SitePolicy(str(first / "vpdischarge" / "config.toml"), Path("/srv/first.toml"), True)
    assert read_machine_policy("linux", {"XDG_CONFIG_DIRS": str(tmp_path / "none")}) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[site]\npath = "/srv/site.toml"\nlockd = true\n', "unknown setting site.lockd"),
        ('[site]\npath = "/srv/site.toml"\n[hospital]\nname = "X"\n', "unknown setting hospital.name"),
        ('[site]\npath = "/srv/site.toml"\nlocked = "yes"\n', "site.locked must be true or false"),
        ('[site]\npath = "site.toml"\n', "site.path must be a full path"),
        ("[site]\npath = 5\n", "site.path must be the full path"),
        ("[site]\nlocked = true\n", "it has no site.path"),
        ("site = 1\n", "site must be a table"),
        ('[site\npath = "/srv/site.toml"\n', "it is not valid TOML"),
    ],
)
def test_a_broken_policy_file_names_its_problem_and_its_place(tmp_path, text, expected):
    path = write_policy(tmp_path, text)
    policy = read_toml_policy([path])
    assert policy.path is None
    assert expected in policy.problem and str(path) in policy.problem


def test_a_policy_that_is_a_folder_is_refused_without_reading_it(tmp_path):
    (tmp_path / "vpdischarge" / "config.toml").mkdir(parents=True)
    policy = read_toml_policy(policy_files({"XDG_CONFIG_DIRS": str(tmp_path)}))
    assert "is a folder" in policy.problem


# macOS: a property list --------------------------------------------------------------------


def test_macos_reads_managed_preferences_before_the_machine_preferences(tmp_path):
    managed, machine = tmp_path / "Managed.plist", tmp_path / "Preferences.plist"
    machine.write_bytes(plistlib.dumps({"site": {"path": "/Volumes/it/site.toml", "locked": True}}))
    expected = SitePolicy(str(machine), Path("/Volumes/it/site.toml"), True)
    assert read_plist_policy([managed, machine]) == expected
    # `defaults write … -dict path … locked 1` stores text: read as the same yes or no.
    managed.write_bytes(plistlib.dumps({"site": {"path": "/Volumes/mdm/site.toml", "locked": "1"}}))
    expected = SitePolicy(str(managed), Path("/Volumes/mdm/site.toml"), True)
    assert read_plist_policy([managed, machine]) == expected
    managed.write_bytes(b"not a plist")
    assert "not a property list" in read_plist_policy([managed]).problem


# Windows: HKLM\Software\Policies\vpdischarge through QSettings -------------------------------


def ini_settings(tmp_path, text):
    """The Windows reader's own QSettings calls, on an INI file holding the registry's keys."""
    from PySide6.QtCore import QSettings

    path = tmp_path / "policy.ini"
    path.write_text(text, encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.mark.parametrize(
    ("text", "path", "locked"),
    [
        ("[site]\npath=/srv/site.toml\nlocked=1\n", Path("/srv/site.toml"), True),  # a DWORD 1
        ("[site]\npath=/srv/site.toml\nlocked=true\n", Path("/srv/site.toml"), True),
        ("[site]\nPath=/srv/site.toml\nLocked=0\n", Path("/srv/site.toml"), False),  # any case
        ("[site]\npath=/srv/site.toml\n", Path("/srv/site.toml"), False),
    ],
)
def test_the_windows_policy_is_read_through_qsettings(tmp_path, text, path, locked):
    policy = policy_from_settings(ini_settings(tmp_path, text), "HKLM")
    assert policy == SitePolicy("HKLM", path, locked)


def test_a_windows_policy_with_a_typo_or_no_path_is_refused(tmp_path):
    typo = policy_from_settings(ini_settings(tmp_path, "[site]\npath=/srv/s.toml\nlockd=1\n"), "HKLM")
    assert "unknown setting site.lockd" in typo.problem and "HKLM" in typo.problem
    bad = policy_from_settings(ini_settings(tmp_path, "[site]\npath=/srv/s.toml\nlocked=2\n"), "HKLM")
    assert "site.locked must be true or false" in bad.problem
    no_path = policy_from_settings(ini_settings(tmp_path, "[site]\nlocked=1\n"), "HKLM")
    assert "no site.path" in no_path.problem
    assert policy_from_settings(ini_settings(tmp_path, ""), "HKLM") is None  # no key: no policy


# The command line ---------------------------------------------------------------------------


def run_cli(tmp_path, *args, policy_dir=None, env_site=None):
    env = {**os.environ, "XDG_CONFIG_DIRS": str(policy_dir or tmp_path / "no-policy")}
    env.pop("VPDISCHARGE_SITE", None)
    if env_site is not None:
        env["VPDISCHARGE_SITE"] = str(env_site)
    case = typical_case_path()
    output = tmp_path / "handout.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "render", "--case", str(case), "--output", str(output), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return result, output


def hospital_on_page(pdf: Path) -> str:
    from pdfread import pages_text

    return pages_text(pdf.read_bytes())[0]


@pytest.fixture
def sites(tmp_path):
    return {
        name: write_site(tmp_path, f"{name}.toml", f"{name.title()} Hospital")
        for name in ("policy", "env", "option")
    }


def test_the_cli_takes_the_environment_over_an_unlocked_policy(tmp_path, sites):
    write_policy(tmp_path / "xdg", f'[site]\npath = "{sites["policy"]}"\n')
    result, pdf = run_cli(tmp_path, policy_dir=tmp_path / "xdg")
    assert result.returncode == 0, result.stderr
    assert "Policy Hospital" in hospital_on_page(pdf)
    assert "SAMPLE" not in hospital_on_page(pdf)  # a hospital's own file
    result, pdf = run_cli(tmp_path, policy_dir=tmp_path / "xdg", env_site=sites["env"])
    assert result.returncode == 0 and "Env Hospital" in hospital_on_page(pdf)


def test_a_locked_policy_wins_over_the_environment_but_not_over_site(tmp_path, sites):
    policy = write_policy(tmp_path / "xdg", f'[site]\npath = "{sites["policy"]}"\nlocked = true\n')
    result, pdf = run_cli(tmp_path, policy_dir=tmp_path / "xdg", env_site=sites["env"])
    assert result.returncode == 0, result.stderr
    assert "Policy Hospital" in hospital_on_page(pdf)
    result, pdf = run_cli(tmp_path, "--site", str(sites["option"]), policy_dir=tmp_path / "xdg")
    assert result.returncode == 0, result.stderr
    assert "Option Hospital" in hospital_on_page(pdf)
    assert result.stderr.splitlines() == [
        f"warning: site: --site is used for this command instead of the site file locked for this "
        f"computer in {policy}"
    ]


def test_a_broken_policy_stops_the_cli_with_one_line(tmp_path):
    policy = write_policy(tmp_path / "xdg", "[site]\nlocked = true\n")
    result, pdf = run_cli(tmp_path, policy_dir=tmp_path / "xdg")
    assert result.returncode == 2 and not pdf.exists()
    assert result.stderr.splitlines() == [
        f"error: site: The site policy in {policy} cannot be used: it has no site.path (the site "
        "settings file to use)"
    ]


def test_the_site_the_policy_names_is_never_the_output(tmp_path, sites):
    write_policy(tmp_path / "xdg", f'[site]\npath = "{sites["policy"]}"\n')
    before = sites["policy"].read_bytes()
    env = {**os.environ, "XDG_CONFIG_DIRS": str(tmp_path / "xdg")}
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "render", "--case", str(typical_case_path()),
         "--output", str(sites["policy"])],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "settings file being read" in result.stderr
    assert sites["policy"].read_bytes() == before
