"""A guide's "Last checked" date reads like every other date on the site, in each language."""

import re

import pytest

from tests.home.test_time_markup import long_date

pytestmark = pytest.mark.django_db

LAST_CHECKED = {"zh-hans": "最近核对：", "en": "Last checked: ", "ko": "최근 확인: "}


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_a_guides_last_checked_date_reads_the_same_way(client, directory, code):
    page = directory.services[0][0]
    day = page.last_reviewed
    html = client.get(f"/{code}/services/hospitals/").content.decode()
    expected = (
        f'{LAST_CHECKED[code]}<time datetime="{day.isoformat()}">{long_date(day, code)}</time>'
    )
    assert expected in html, re.findall(r'<p class="page-meta">.*?</p>', html)
