"""Demo steps for the notice board and the contact form.

Content: content/notices.toml. Times are relative to the moment the demo is loaded, so
the water outage is always current, the bus timetable always in the archive, the
festival road closure always ahead, and the urgent rain alert shows on every page for
the demo's days.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from demo.builder import child, site_root
from demo.loader import content
from notices.models import (
    ContactFormField,
    ContactPage,
    NoticeArea,
    NoticeAreaLink,
    NoticeIndexPage,
    NoticePage,
    NoticeRelatedPage,
)

NOTICES = content("notices")


def areas(demo):
    zh = demo.locale("zh-hans")
    for order, item in enumerate(NOTICES["areas"]):
        area, _ = NoticeArea.objects.get_or_create(
            locale=zh,
            slug=item["slug"],
            defaults={"name": demo.zh(item["name"]), "sort_order": order},
        )
        demo.translate(area)
    demo.say(f"{len(NOTICES['areas'])} residential compounds in 3 languages")


def index_page(demo):
    index = NOTICES["index"]
    demo.page(site_root(), NoticeIndexPage, "notices", title=index["title"], intro=index["intro"])


def moment(days, hour):
    """`days` from the load day, at `hour` o'clock in the site's time zone."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def related_pages(slugs):
    pages = Page.objects.filter(locale__language_code="zh-hans", slug__in=slugs)
    return [NoticeRelatedPage(target=page) for page in pages]


def notices(demo):
    board = child(site_root(), "notices")
    zh = demo.locale("zh-hans")
    for item in NOTICES["notices"]:
        chosen = [NoticeArea.objects.get(locale=zh, slug=slug) for slug in item.get("areas", [])]
        until = item.get("until_days")
        demo.page(
            board,
            NoticePage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            body=demo.stream(f"notice-{item['slug']}", [("paragraph", item["body"])])
            if "body" in item
            else [],
            kind=item["kind"],
            valid_from=moment(item["from_days"], item["at"]),
            valid_until=moment(until, item["at"]) if until is not None else None,
            whole_community=not chosen,
            areas=[NoticeAreaLink(area=area) for area in chosen],
            related_pages=related_pages(item.get("related", [])),
        )


def contact_page(demo):
    form = NOTICES["contact"]
    demo.page(
        site_root(),
        ContactPage,
        form["slug"],
        title=form["title"],
        intro=form["intro"],
        privacy_note=form["privacy_note"],
        to_address=form["to_address"],
        from_address=form["from_address"],
        subject=form["subject"],
        form_fields=[
            ContactFormField(
                label=demo.zh(field["label"]),
                clean_name=field["name"],
                field_type=field["type"],
                required=True,
                sort_order=order,
                locale=demo.locale("zh-hans"),
            )
            for order, field in enumerate(form["fields"])
        ],
    )
