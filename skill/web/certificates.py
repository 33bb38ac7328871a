"""Getting Alexa's signing certificate chain and the roots it must chain to."""

from __future__ import annotations

import http.client
import ssl
import urllib.request
import warnings
from collections.abc import Callable
from email.message import Message
from pathlib import Path
from typing import IO, NoReturn

from cryptography import x509
from cryptography.utils import CryptographyDeprecationWarning

#: Downloads the PEM certificate chain at a URL; raises on any failure.
CertificateLoader = Callable[[str], bytes]

DOWNLOAD_TIMEOUT_SECONDS = 5.0
# Amazon's chain is a few kilobytes; anything far larger is not a certificate chain.
MAX_CHAIN_BYTES = 64 * 1024


class CertificateDownloadError(Exception):
    """The certificate chain could not be downloaded."""


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """The URL was checked against Amazon's rules; a redirect would leave that URL behind."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> NoReturn:
        raise CertificateDownloadError(f"certificate download was redirected (HTTP {code})")


_opener = urllib.request.build_opener(_RefuseRedirects())


def download_certificate_chain(url: str) -> bytes:
    """Fetch the PEM chain at `url` over HTTPS, with a timeout and a size cap."""
    try:
        with _opener.open(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            data: bytes = response.read(MAX_CHAIN_BYTES + 1)
            # A read with a size stops quietly at a connection closed before Content-Length
            # was reached; whatever Content-Length promised and did not arrive is left here.
            missing = response.length if len(data) <= MAX_CHAIN_BYTES else None
    except CertificateDownloadError:
        raise
    # URLError, HTTPError and timeouts are OSErrors; InvalidURL and IncompleteRead are
    # HTTPExceptions.
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise CertificateDownloadError(f"certificate download failed: {error}") from error
    if len(data) > MAX_CHAIN_BYTES:
        raise CertificateDownloadError(f"certificate chain is larger than {MAX_CHAIN_BYTES} bytes")
    if missing:
        raise CertificateDownloadError(f"certificate download ended {missing} bytes early")
    return data


def load_default_trust_roots() -> list[x509.Certificate]:
    """The trusted root certificates: certifi's bundle if installed, else OpenSSL's defaults."""
    bundle = _certifi_bundle()
    if bundle is not None:
        return _load_pem_file(bundle)
    paths = ssl.get_default_verify_paths()
    roots: list[x509.Certificate] = []
    if paths.cafile:
        roots = _load_pem_file(Path(paths.cafile))
    elif paths.capath:
        for entry in sorted(Path(paths.capath).iterdir()):
            if entry.is_file():
                roots.extend(_load_pem_file(entry, skip_unreadable=True))
    if not roots:
        raise RuntimeError(
            "no trusted root certificates found: install certifi or the system CA certificates"
        )
    return roots


def _certifi_bundle() -> Path | None:
    try:
        import certifi
    except ImportError:
        return None
    return Path(certifi.where())


def _load_pem_file(path: Path, *, skip_unreadable: bool = False) -> list[x509.Certificate]:
    try:
        # Public root bundles carry a few old roots with non-positive serial numbers, which
        # cryptography warns about; they are not ours to fix and never sign Alexa's chain.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            return x509.load_pem_x509_certificates(path.read_bytes())
    except (OSError, ValueError):
        if skip_unreadable:
            return []
        raise
