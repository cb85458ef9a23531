"""Fetch http(s) URLs with a timeout and a size cap, refusing private addresses unless allowed.

Each hop of a redirect chain is checked: a public page must not be able to redirect us into a private
network (SSRF). The check resolves the host name first; ``allow_private`` lifts it (local test servers).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

from newsweave.ingest.errors import InputSkipped

USER_AGENT = "newsweave/0.1 (+https://github.com/newsweave; news briefing tool)"
MAX_REDIRECTS = 5


@dataclass(slots=True)
class Fetched:
    url: str  # the final URL after redirects
    data: bytes
    content_type: str
    charset: str | None


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def check_host(url: str, *, allow_private: bool) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        raise InputSkipped(f"unsupported URL scheme {parsed.scheme!r} (only http and https)")
    host = parsed.hostname
    if not host:
        raise InputSkipped("URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parsed.port or (443 if parsed.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise InputSkipped(f"cannot resolve host {host!r}: {e.strerror or e}") from None
    for info in infos:
        address = str(info[4][0])
        if not _is_public(address):
            raise InputSkipped(
                f"refused: {host} resolves to the private, loopback or link-local address {address}"
                " (pass --allow-private to fetch it)"
            )


def fetch_url(url: str, *, max_bytes: int, timeout: float = 15.0, allow_private: bool = False) -> Fetched:
    import httpx

    current = url
    with httpx.Client(follow_redirects=False, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_host(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputSkipped(f"HTTP {response.status_code} redirect without a location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputSkipped(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise InputSkipped(f"too large: {int(declared):,} bytes (limit {max_bytes:,}; see --max-bytes)")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise InputSkipped(f"too large: over {max_bytes:,} bytes (see --max-bytes)")
                        chunks.append(chunk)
                    ctype = response.headers.get("content-type", "")
                    return Fetched(
                        url=str(response.url), data=b"".join(chunks), content_type=ctype.split(";")[0].strip().lower(),
                        charset=response.charset_encoding,
                    )
            except httpx.TimeoutException:
                raise InputSkipped(f"timed out after {timeout:g} s") from None
            except httpx.HTTPError as e:
                raise InputSkipped(f"fetch failed: {type(e).__name__}: {e}") from None
        raise InputSkipped(f"too many redirects (more than {MAX_REDIRECTS})")
