"""Machine-readable times on content pages are valid HTML: <time datetime> to the second."""

import datetime
import re

import pytest

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string": at most three digits of fractional seconds.
VALID = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)$")


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_last_updated_is_a_valid_time_element(client, salon, code):
    html = client.get(f"/{code}/english-salon/").content.decode()
    (value,) = re.findall(r'<time datetime="([^"]+)"', html)
    assert VALID.match(value), value
    published = getattr(salon, {"zh-hans": "zh", "en": "en", "ko": "ko"}[code]).last_published_at
    assert datetime.datetime.fromisoformat(value) == published.replace(microsecond=0)
    assert value.endswith("+08:00")
