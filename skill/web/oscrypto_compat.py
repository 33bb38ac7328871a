"""Load-time backport of oscrypto's libcrypto version-parsing fix.

flask-ask-sdk imports ask_sdk_webservice_support.verifier, which imports certvalidator, which
imports oscrypto. oscrypto 1.3.0 (the latest release) reads the libcrypto version with the regex
``\\b(\\d\\.\\d\\.\\d[a-z]*)\\b``, so "OpenSSL 3.0.19" (a two-digit patch number) does not match and
the import fails with ``LibraryNotFoundError: Error detecting the version of libcrypto``.
Upstream fixed the regex (wbond/oscrypto commit d5f3437, issues #75 and #78) but has not
released it.

`install_oscrypto_version_fix` adds a finder to ``sys.meta_path`` that intercepts exactly the two
oscrypto modules holding that regex and, when their source still contains the old pattern,
compiles them with the upstream pattern instead. Nothing else in the source changes and
nothing is written to disk. Once a fixed oscrypto is installed the old pattern is absent and the
finder hands the normal loader back untouched.

Why not install oscrypto from a Git commit or a fork: `pip install -e '.[dev]'` must work from
PyPI alone, and unofficial builds of cryptographic libraries are not wanted. oscrypto only has
to import: the web service turns off flask-ask-sdk's own verifiers and runs its own, built on
`cryptography` (skill/web/verification.py), before the skill sees a request, so no signature
check relies on oscrypto or certvalidator.

`skill/web/__init__.py` installs the finder before anything imports flask-ask-sdk. To remove
the fix once oscrypto publishes a release with it (1.3.1 or later): require that version (for
example `oscrypto>=1.3.1` in the `web` extra), delete this module and
tests/web/test_oscrypto_compat.py, and remove the two lines that install it from
skill/web/__init__.py. The test `test_without_the_fix_this_machines_openssl_breaks_the_import`
starts skipping, saying so, as soon as the installed oscrypto has the fix.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import CodeType, ModuleType

PATCHED_MODULES = frozenset(
    {
        "oscrypto._openssl._libcrypto_cffi",
        "oscrypto._openssl._libcrypto_ctypes",
    }
)

# The regex literals exactly as they are written in oscrypto's source files.
OLD_VERSION_PATTERN = "'\\\\b(\\\\d\\\\.\\\\d\\\\.\\\\d[a-z]*)\\\\b'"
FIXED_VERSION_PATTERN = "'\\\\b(\\\\d+\\\\.\\\\d+\\\\.\\\\d+[a-z]*)\\\\b'"


def backport_version_regex(source: str) -> str:
    """Return `source` with oscrypto's old version regex replaced by the upstream fix.

    Source without the old pattern (an already fixed oscrypto) comes back unchanged.
    """
    return source.replace(OLD_VERSION_PATTERN, FIXED_VERSION_PATTERN)


class _PatchedSourceLoader(importlib.machinery.SourceFileLoader):
    """Compiles the patched source, bypassing the cached bytecode of the unpatched file."""

    def get_source(self, fullname: str) -> str:
        original = super().get_source(fullname)
        if original is None:  # pragma: no cover - a SourceFileLoader always has source
            raise ImportError(f"no source for {fullname}", name=fullname)
        return backport_version_regex(original)

    def get_code(self, fullname: str) -> CodeType:
        return compile(self.get_source(fullname), self.path, "exec", dont_inherit=True)


class OscryptoVersionFixFinder(importlib.abc.MetaPathFinder):
    """Meta path finder that swaps in `_PatchedSourceLoader` for the two affected modules."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in PATCHED_MODULES:
            return None
        spec = self._find_with_other_finders(fullname, path, target)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return spec
        loader = spec.loader
        source = loader.get_source(fullname)
        if source is None or OLD_VERSION_PATTERN not in source:
            return spec
        spec.loader = _PatchedSourceLoader(fullname, loader.path)
        return spec

    def _find_with_other_finders(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None,
    ) -> importlib.machinery.ModuleSpec | None:
        for finder in sys.meta_path:
            if isinstance(finder, OscryptoVersionFixFinder):
                continue
            find_spec = getattr(finder, "find_spec", None)
            if find_spec is None:
                continue
            spec: importlib.machinery.ModuleSpec | None = find_spec(fullname, path, target)
            if spec is not None:
                return spec
        return None


def install_oscrypto_version_fix() -> None:
    """Put the finder at the front of ``sys.meta_path``; calling it again does nothing."""
    if any(isinstance(finder, OscryptoVersionFixFinder) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, OscryptoVersionFixFinder())
