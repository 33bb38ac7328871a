"""The load-time backport of oscrypto's libcrypto version regex fix."""

from __future__ import annotations

import importlib.util
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from skill.web.oscrypto_compat import (
    FIXED_VERSION_PATTERN,
    OLD_VERSION_PATTERN,
    OscryptoVersionFixFinder,
    backport_version_regex,
    install_oscrypto_version_fix,
)
from testkit import REPO_ROOT

COMPAT_SOURCE = REPO_ROOT / "skill" / "web" / "oscrypto_compat.py"
CFFI_MODULE = "oscrypto._openssl._libcrypto_cffi"
OLD_LINE = f"version_match = re.search({OLD_VERSION_PATTERN}, version_string)\n"
FIXED_LINE = f"version_match = re.search({FIXED_VERSION_PATTERN}, version_string)\n"


# Loads the hook module by path: importing skill.web would install it and import flask-ask-sdk.
INSTALL_FIX = f"""
import importlib.util
spec = importlib.util.spec_from_file_location("compat", {str(COMPAT_SOURCE)!r})
compat = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compat)
compat.install_oscrypto_version_fix()
"""


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter, where no oscrypto module has been imported yet."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def installed_release(version_info: tuple[int, ...]) -> tuple[int, int, int]:
    """(major, minor, patch) from ssl.OPENSSL_VERSION_INFO.

    From OpenSSL 3 the patch number is the fourth field: 3.0.19 is (3, 0, 0, 19, 0).
    """
    major, minor, fix, patch = version_info[:4]
    return (major, minor, patch) if major >= 3 else (major, minor, fix)


def test_flask_ask_sdk_imports_in_a_fresh_interpreter_after_the_fix() -> None:
    result = run_python(INSTALL_FIX + "import flask_ask_sdk.skill_adapter\n")

    assert result.returncode == 0, result.stderr


def test_without_the_fix_this_machines_openssl_breaks_the_import() -> None:
    """Shows the fix is needed here; skips once oscrypto or OpenSSL make it unnecessary."""
    spec = importlib.util.find_spec(CFFI_MODULE)
    assert spec is not None and spec.origin is not None
    installed = Path(spec.origin).read_text()
    if OLD_VERSION_PATTERN not in installed:
        pytest.skip(
            "the installed oscrypto has the upstream fix: skill/web/oscrypto_compat.py can go"
        )
    if installed_release(ssl.OPENSSL_VERSION_INFO)[2] < 10:
        pytest.skip("this OpenSSL has a one-digit patch number, which the old regex reads")

    result = run_python("import flask_ask_sdk.skill_adapter\n")

    assert result.returncode != 0
    assert "Error detecting the version of libcrypto" in result.stderr


@pytest.mark.parametrize("ffi", ["cffi", "ctypes"])
def test_oscrypto_reads_this_machines_openssl_version(ffi: str) -> None:
    select_ffi = "oscrypto.use_ctypes()\n" if ffi == "ctypes" else ""
    result = run_python(
        INSTALL_FIX + f"import oscrypto\n{select_ffi}"
        "from oscrypto._openssl import _libcrypto\n"
        "print(tuple(_libcrypto.libcrypto_version_info[:3]))\n"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(installed_release(ssl.OPENSSL_VERSION_INFO))


def _fake_oscrypto_module(directory: Path, regex_line: str) -> list[str]:
    (directory / "_libcrypto_cffi.py").write_text(
        f"import re\nversion_string = 'OpenSSL 3.0.19 27 Jan 2026'\n{regex_line}"
        "version = version_match.group(1) if version_match else None\n"
    )
    return [str(directory)]


def test_finder_loads_the_old_source_with_the_upstream_regex(tmp_path: Path) -> None:
    spec = OscryptoVersionFixFinder().find_spec(
        CFFI_MODULE, _fake_oscrypto_module(tmp_path, OLD_LINE)
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    assert module.version == "3.0.19"


def test_finder_leaves_an_already_fixed_source_alone(tmp_path: Path) -> None:
    spec = OscryptoVersionFixFinder().find_spec(
        CFFI_MODULE, _fake_oscrypto_module(tmp_path, FIXED_LINE)
    )

    assert spec is not None
    assert type(spec.loader).__name__ == "SourceFileLoader"


def test_finder_ignores_every_other_module() -> None:
    assert OscryptoVersionFixFinder().find_spec("oscrypto._openssl._libcrypto", None) is None
    assert OscryptoVersionFixFinder().find_spec("json", None) is None


def test_backport_changes_only_the_version_regex() -> None:
    source = f"import re\n{OLD_LINE}other = '\\\\d\\\\.\\\\d'\n"

    patched = backport_version_regex(source)

    assert patched == f"import re\n{FIXED_LINE}other = '\\\\d\\\\.\\\\d'\n"
    assert backport_version_regex(patched) == patched


def test_installing_twice_adds_one_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))

    install_oscrypto_version_fix()
    install_oscrypto_version_fix()

    finders = [f for f in sys.meta_path if isinstance(f, OscryptoVersionFixFinder)]
    assert len(finders) == 1
    assert sys.meta_path[0] is finders[0]
