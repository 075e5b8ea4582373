"""Fixtures for importing partners' calendars: the calendar site, a source, fixture files,
and a local web server that serves them (tests never reach the internet)."""

import datetime
import http.server
import threading
import time
from pathlib import Path

import pytest

from imports.models import CalendarSource
from tests.conftest import suite_now
from tests.events.conftest import calendar  # noqa: F401 (a fixture these tests use)

FIXTURES = Path(__file__).parent / "fixtures"
# The fixture calendars are written for the weeks after the suite's default morning.
FIXTURE_DAY = datetime.date(2027, 1, 13)


def fixture(name):
    return (FIXTURES / name).read_bytes()


@pytest.fixture(autouse=True)
def fixture_weeks(clock):
    if suite_now().date() != FIXTURE_DAY:
        clock.move_to(datetime.datetime(2027, 1, 13, 10, tzinfo=datetime.UTC))


@pytest.fixture
def source(calendar):  # noqa: F811 (the fixture imported above)
    """Muyan Coffee's calendar (in Chinese, trusted), organised by the YAM partner page."""
    return CalendarSource.objects.create(
        name="沐言咖啡",
        partner=calendar.yam.zh,
        url="https://calendar.example.org/muyan.ics",
        locale=calendar.home.zh.locale,
        category=calendar.salon_category,
        trusted=True,
    )


class Handler(http.server.BaseHTTPRequestHandler):
    """Fixture calendars, and the ways a partner's server can go wrong."""

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        name = self.path.lstrip("/")
        if name.endswith(".ics") and (FIXTURES / name).is_file():
            body = fixture(name)
            self.send(200, body, [("Content-Type", "text/calendar"), ("Content-Length", len(body))])
        elif self.path.startswith("/hop/"):
            self.send(302, headers=[("Location", f"/hop/{int(self.path[5:]) + 1}")])
        elif self.path in REDIRECTS:
            self.send(302, headers=[("Location", REDIRECTS[self.path])])
        elif self.path in SPECIAL:
            getattr(self, SPECIAL[self.path])()
        else:
            self.send(404, b"not found")

    def page(self):
        self.send(200, b"<!DOCTYPE html><html><body>Calendar</body></html>")

    def declared_huge(self):
        self.send(200, b"BEGIN:VCALENDAR\r\n", [("Content-Length", 50 * 1024 * 1024)])

    def huge(self):
        """No length: the body simply goes on (a 50 MB file)."""
        self.send_response(200)
        self.end_headers()
        line = b"X-FILLER:" + b"x" * 1000 + b"\r\n"
        try:
            self.wfile.write(b"BEGIN:VCALENDAR\r\n")
            for _ in range(50 * 1024):
                self.wfile.write(line)
        except OSError:
            pass  # the importer stopped reading, as it should

    def hang(self):
        time.sleep(3)
        self.send(200, fixture("google.ics"))

    def drip(self):
        self.send_response(200)
        self.end_headers()
        try:
            for byte in fixture("google.ics")[:40]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass


REDIRECTS = {
    "/moved": "/google.ics",
    "/loop": "/loop",
    "/to-private": "http://10.1.2.3/calendar.ics",
    "/to-metadata": "http://169.254.169.254/latest/meta-data/",
}
SPECIAL = {
    "/page.html": "page",
    "/declared-huge": "declared_huge",
    "/huge": "huge",
    "/hang": "hang",
    "/drip": "drip",
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    protocol_version = "HTTP/1.0"


@pytest.fixture
def web(settings):
    """http://127.0.0.1:<port>, with 127.0.0.0/8 allowed for this test only."""
    settings.IMPORTS_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
