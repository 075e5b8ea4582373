"""Downloading a partner's calendar without letting its URL reach into our own network.

* `webcal://` is `https://` (as Apple and Google read it); only http and https are fetched.
* Every address the host name resolves to must be a public one: loopback, private,
  link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and
  reserved ranges are refused, and the connection goes to the address that was checked,
  so a second DNS answer cannot swap it. Redirects are followed by hand, each hop checked
  the same way, at most `IMPORTS_MAX_REDIRECTS`, and a loop is named as one.
* Timeouts for connecting and for each read, plus a deadline for the whole download, so a
  server that drips a byte a second cannot hold the import; the body is read in chunks
  and abandoned past `IMPORTS_MAX_BYTES`.

`IMPORTS_ALLOWED_NETWORKS` (CIDR strings, empty in production) lets tests reach a calendar
served on 127.0.0.1.
"""

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from django.conf import settings

SCHEMES = {"http": "http", "https": "https", "webcal": "https", "webcals": "https"}
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "Youlin calendar import"
CHUNK = 64 * 1024


class FetchError(Exception):
    """The calendar could not be fetched: `code` names why (see imports.reasons)."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def _setting(name, default):
    return getattr(settings, name, default)


def normalise(url):
    """The http(s) URL to fetch for what an editor typed (webcal:// → https://)."""
    parts = urlsplit(url.strip())
    scheme = SCHEMES.get(parts.scheme.lower())
    if scheme is None or not parts.hostname:
        raise FetchError("bad_url", url=url)
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def allowed_networks():
    return [ipaddress.ip_network(n) for n in _setting("IMPORTS_ALLOWED_NETWORKS", [])]


def is_public(address, allowed=()):
    ip = ipaddress.ip_address(address)
    if any(ip in network for network in allowed):
        return True
    if ip.version == 6 and ip.ipv4_mapped:  # ::ffff:127.0.0.1
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def checked_address(host, port):
    """The first address of `host`, if every address it resolves to is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("dns", host=host) from error
    addresses = [info[4][0] for info in infos]
    allowed = allowed_networks()
    for address in addresses:
        if not is_public(address, allowed):
            raise FetchError("private_address", host=host, address=address)
    if not addresses:
        raise FetchError("dns", host=host)
    return addresses[0]


def _pool(parts, address, timeout):
    port = parts.port or (443 if parts.scheme == "https" else 80)
    common = {"port": port, "timeout": timeout, "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            cert_reqs="CERT_REQUIRED",
            **common,
        )
    return urllib3.HTTPConnectionPool(address, **common)


def _host_header(parts):
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{host}:{parts.port}" if parts.port else host  # never the URL's user:password@


def fetch(url):
    """The body at `url` (bytes), or FetchError saying why not."""
    max_bytes = _setting("IMPORTS_MAX_BYTES", 10 * 1024 * 1024)
    max_redirects = _setting("IMPORTS_MAX_REDIRECTS", 5)
    deadline = time.monotonic() + _setting("IMPORTS_DEADLINE_SECONDS", 60)
    timeout = urllib3.Timeout(
        connect=_setting("IMPORTS_CONNECT_TIMEOUT", 10), read=_setting("IMPORTS_READ_TIMEOUT", 20)
    )
    current = normalise(url)
    seen = set()
    for _hop in range(max_redirects + 1):
        if current in seen:
            raise FetchError("redirect_loop", url=current)
        seen.add(current)
        parts = urlsplit(current)
        address = checked_address(parts.hostname, parts.port)
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        try:
            with _pool(parts, address, timeout) as pool:
                response = pool.urlopen(
                    "GET",
                    path,
                    headers={
                        "Host": _host_header(parts),
                        "User-Agent": USER_AGENT,
                        "Accept": "text/calendar, */*;q=0.5",
                    },
                    redirect=False,
                    preload_content=False,
                    assert_same_host=False,
                )
                try:
                    if response.status in REDIRECTS and response.headers.get("Location"):
                        current = normalise(urljoin(current, response.headers["Location"]))
                        continue
                    if response.status != 200:
                        raise FetchError("http_status", status=response.status)
                    return _body(response, max_bytes, deadline)
                finally:
                    response.release_conn()
        except urllib3.exceptions.TimeoutError as error:
            raise FetchError("timeout") from error
        except urllib3.exceptions.SSLError as error:
            raise FetchError("tls", host=parts.hostname) from error
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise FetchError("connection", detail=str(error)[:200]) from error
    raise FetchError("too_many_redirects", count=max_redirects)


def _body(response, max_bytes, deadline):
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError("too_large", limit=max_bytes // (1024 * 1024))
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):  # what has arrived, so a drip meets the deadline
        size += len(chunk)
        if size > max_bytes:
            raise FetchError("too_large", limit=max_bytes // (1024 * 1024))
        if time.monotonic() > deadline:
            raise FetchError("timeout")
        chunks.append(chunk)
    return b"".join(chunks)
