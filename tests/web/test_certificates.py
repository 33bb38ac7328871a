"""The certificate URL rules, the chain cache, the real HTTPS download's limits and the roots."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ask_sdk_webservice_support.verifier import VerificationException
from cryptography import x509

from skill.web.certificates import (
    MAX_CHAIN_BYTES,
    CertificateDownloadError,
    download_certificate_chain,
    load_default_trust_roots,
)
from skill.web.verification import (
    MAX_CERT_CHAIN_URL_LENGTH,
    CertificateChain,
    CertificateChainCache,
    validate_certificate_chain_url,
)
from testkit.amazon import NOW, FakeAmazonPki


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem",
    ],
)
def test_amazon_certificate_urls_are_accepted(url: str) -> None:
    validate_certificate_chain_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://S3.AMAZONAWS.COM:443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem?evict=1",
        "https://s3.amazonaws.com/echo.api/x/../echo-api-cert.pem#fragment",
        "https://s3.amazonaws.com/echo.api/echo%2Dapi-cert.pem",
    ],
)
def test_spellings_of_one_certificate_url_normalise_to_the_url_fetched(url: str) -> None:
    expected = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"
    assert validate_certificate_chain_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://notamazon.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem",
        "https://evil.example/s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
        "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../invalid.pem",
        "https://s3.amazonaws.com/echo.api/%2E%2E/invalid.pem",
        "https://s3.amazonaws.com//echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:not-a-port/echo.api/echo-api-cert.pem",
        "/echo.api/echo-api-cert.pem",
        "",
    ],
)
def test_other_certificate_urls_are_rejected(url: str) -> None:
    with pytest.raises(VerificationException):
        validate_certificate_chain_url(url)


def test_a_certificate_url_longer_than_256_characters_is_rejected() -> None:
    prefix = "https://s3.amazonaws.com/echo.api/"
    longest = prefix + "a" * (MAX_CERT_CHAIN_URL_LENGTH - len(prefix))

    assert validate_certificate_chain_url(longest) == longest
    with pytest.raises(VerificationException, match="too long"):
        validate_certificate_chain_url(longest + "a")


def test_cache_serves_a_chain_until_it_expires(pki: FakeAmazonPki) -> None:
    cache = CertificateChainCache()
    chain = CertificateChain.from_pem(pki.chain_pem)
    cache.put("url", chain)

    assert cache.get("url", NOW) is chain
    assert cache.get("url", chain.expires) is None
    assert cache.get("url", NOW) is None  # the expired entry was dropped


def test_cache_keeps_only_the_most_recent_urls(pki: FakeAmazonPki) -> None:
    cache = CertificateChainCache(max_entries=2)
    chain = CertificateChain.from_pem(pki.chain_pem)
    for url in ("first", "second", "third"):
        cache.put(url, chain)

    assert cache.get("first", NOW) is None
    assert cache.get("third", NOW) is chain


def test_chain_expiry_is_the_earliest_certificate_expiry(pki: FakeAmazonPki) -> None:
    short_leaf = CertificateChain.from_pem(pki.leaf_chain(not_after=NOW + timedelta(hours=1)))

    assert short_leaf.expires == NOW + timedelta(hours=1)


_ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/chain.pem": (200, {}, b"-----BEGIN CERTIFICATE-----\n"),
    "/huge.pem": (200, {}, b"x" * (MAX_CHAIN_BYTES + 1)),
    "/moved.pem": (302, {"Location": "/chain.pem"}, b""),
}


class _CertificateServer(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = _ROUTES.get(self.path, (404, {}, b"not found"))
        if self.path == "/chunk-cut.pem":  # a chunk cut short: http.client's IncompleteRead
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"64\r\n-----BEGIN")
            self.close_connection = True
            return
        if self.path == "/truncated.pem":  # promises more bytes than it sends
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"-----BEGIN")
            self.close_connection = True
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CertificateServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_download_returns_the_served_bytes(local_server: str) -> None:
    assert download_certificate_chain(f"{local_server}/chain.pem").startswith(b"-----BEGIN")


@pytest.mark.parametrize(
    "path",
    [
        "/huge.pem",
        "/moved.pem",
        "/missing.pem",
        "/truncated.pem",
        "/chunk-cut.pem",
        "/bad path.pem",
    ],
)
def test_download_refuses_oversize_redirected_and_missing_chains(
    local_server: str, path: str
) -> None:
    with pytest.raises(CertificateDownloadError):
        download_certificate_chain(f"{local_server}{path}")


def test_download_of_unreachable_host_is_a_download_error() -> None:
    with pytest.raises(CertificateDownloadError):
        download_certificate_chain("https://127.0.0.1:9/echo.api/cert.pem")


def test_default_trust_roots_are_real_ca_certificates() -> None:
    roots = load_default_trust_roots()

    assert len(roots) > 10
    assert all(isinstance(root, x509.Certificate) for root in roots)
