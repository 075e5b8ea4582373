"""Demo steps for the directory: service categories, index pages, spaces, guides and partners.

Content: content/directory.toml. Coordinates are WGS-84 points around the community.
The dates (the spaces' holidays, when each guide was last checked) are computed from
the day the demo is loaded, so the site always has something upcoming to show.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from demo.builder import site_root, zh_page
from demo.dates import weekly_hours
from demo.loader import T, content
from services.models import (
    PartnerIndexPage,
    PartnerOpeningHours,
    PartnerPage,
    PublicSpacePage,
    ServiceCategory,
    ServiceIndexPage,
    ServiceOpeningHours,
    ServicePage,
    SpaceHoursException,
    SpaceIndexPage,
    SpaceOpeningHours,
)

DIRECTORY = content("directory")
SERVICES = DIRECTORY["services"]
# Guides last checked this many days beyond YOULIN_SERVICE_REVIEW_DAYS before the demo is
# loaded, so editors see them under Reports → Guides to review; the rest are recent.
STALE_GUIDES = {item["slug"]: item["overdue_days"] for item in SERVICES if "overdue_days" in item}
INDEX_PAGES = {"services": ServiceIndexPage, "partners": PartnerIndexPage, "spaces": SpaceIndexPage}


def _next(today, month, day):
    """The next `month`/`day` from `today` on (this year's, or next year's if it has passed)."""
    this_year = datetime.date(today.year, month, day)
    return this_year if this_year >= today else this_year.replace(year=today.year + 1)


def special_days(today):
    """The spaces' holidays and special days, from the day the demo is loaded.

    The next New Year, Spring Festival (from the table of real dates in
    directory.toml), Labour Day and National Day, and a staff training day three
    weeks on, so that at least one date always falls within the list's 60 days.
    Returns [(date, closed, opens, closes)] in date order.
    """
    days = [(_next(today, 12, 31), False, datetime.time(10), datetime.time(23, 59))]
    days.append((_next(today, 1, 1), True, None, None))
    festival = next((d for d in sorted(DIRECTORY["spring_festival"]) if d >= today), None)
    if festival is not None:  # past the table's last year: no Spring Festival closure
        days += [(festival + datetime.timedelta(n), True, None, None) for n in range(3)]
    for month, first in ((5, 1), (10, 1)):  # Labour Day, National Day
        start = _next(today, month, first)
        days += [(start + datetime.timedelta(n), True, None, None) for n in range(3)]
    training = today + datetime.timedelta(days=21)
    training += datetime.timedelta(days=(2 - training.weekday()) % 7)  # a Wednesday
    days.append((training, True, None, None))
    unique = {day[0]: day for day in days}  # a holiday wins over the training day
    return sorted(unique.values(), key=lambda day: day[0])


def last_checked(slug, position, today):
    """A "last checked" date: a few weeks back, or past the review age for STALE_GUIDES."""
    if slug in STALE_GUIDES:
        return today - datetime.timedelta(
            days=settings.YOULIN_SERVICE_REVIEW_DAYS + STALE_GUIDES[slug]
        )
    return today - datetime.timedelta(days=3 + 11 * position % 60)


def rows(model, hours):
    return [
        model(weekday=day, opens=opens, closes=closes) for day, opens, closes in weekly_hours(hours)
    ]


def categories(demo):
    zh = demo.locale("zh-hans")
    for item in DIRECTORY["categories"]:
        name = demo.zh(item["name"])
        category, created = ServiceCategory.objects.get_or_create(
            locale=zh, slug=item["slug"], defaults={"name": name, "sort_order": item["sort_order"]}
        )
        category.name = name
        category.sort_order = item["sort_order"]
        category.save()
        demo.report("created" if created else "exists", category.name, demo.translate(category))


def index_pages(demo):
    home = site_root()
    for slug, item in DIRECTORY["indexes"].items():
        demo.page(home, INDEX_PAGES[slug], slug, title=item["title"], intro=item["intro"])


def gallery(demo, item):
    """Two to four pictures of the space, each drawn anew (none is the main photo)."""
    title, picture = item["title"], item["picture"]
    palette = DIRECTORY["palettes"][picture["palette"]]
    blocks = []
    for number, template in enumerate(DIRECTORY["gallery_captions"][: 2 + picture["seed"] % 3], 1):
        caption = T(
            template.zh.format(title.zh), template.en.format(title.en), template.ko.format(title.ko)
        )
        image = demo.image(f"{title.en}, photo {number}", palette, picture["seed"] * 100 + number)
        alt = T(f"插画：{caption.zh}", f"Illustration: {caption.en}", f"그림: {caption.ko}")
        blocks.append(("photo", {"image": image.pk, "alt_text": alt, "caption": caption}))
    return demo.stream(f"space-{item['slug']}", blocks)


def spaces(demo):
    parent = zh_page(SpaceIndexPage, "spaces")
    today = timezone.localdate()
    for item in DIRECTORY["spaces"]:
        picture = item["picture"]
        photo = demo.image(
            item["title"].en, DIRECTORY["palettes"][picture["palette"]], picture["seed"]
        )
        exceptions = [
            SpaceHoursException(date=day, closed=closed, opens=opens, closes=closes)
            for day, closed, opens, closes in special_days(today)
        ]
        demo.page(
            parent,
            PublicSpacePage,
            item["slug"],
            **fields(item, "title", "summary", "description", "facilities", "how_to_book"),
            **fields(item, "image_alt", "address", "latitude", "longitude", "capacity"),
            **fields(item, "step_free", "accessible_toilet", "lift", "phone", "hours_note"),
            image=photo,
            opening_hours=rows(SpaceOpeningHours, item["hours"]),
            hours_exceptions=exceptions,
            gallery=gallery(demo, item),
        )


def services(demo):
    parent = zh_page(ServiceIndexPage, "services")
    today = timezone.localdate()
    for position, item in enumerate(SERVICES):
        demo.page(
            parent,
            ServicePage,
            item["slug"],
            **fields(item, "title", "summary", "fees", "phone", "online_url", "hours_note"),
            category=ServiceCategory.objects.get(
                locale__language_code="zh-hans", slug=item["category"]
            ),
            steps=demo.stream(
                f"service-{item['slug']}",
                [("step", {"title": s["title"], "text": s.get("text", "")}) for s in item["steps"]],
            ),
            documents=item.get("documents", ""),
            where_space=zh_page(PublicSpacePage, item["space"]) if "space" in item else None,
            where_address=item.get("address", ""),
            government_service=item.get("government_service", True),
            last_reviewed=last_checked(item["slug"], position, today),
            opening_hours=rows(ServiceOpeningHours, item.get("hours", [])),
            counter_languages=item["languages"],
        )


def partners(demo):
    parent = zh_page(PartnerIndexPage, "partners")
    for item in DIRECTORY["partners"]:
        # Only a partner whose real mark is in Latin letters (YAM, BLOCK) has a drawn logo; the
        # others get an initial in each page's language from the site (partner cards).
        logo = item.get("logo")
        demo.page(
            parent,
            PartnerPage,
            item["slug"],
            **fields(item, "title", "summary", "description", "offers", "address", "languages"),
            **fields(item, "latitude", "longitude", "website", "phone", "wechat_id"),
            partner_type=item["type"],
            logo=demo.logo(item["title"].en, logo["text"], logo["colour"]) if logo else None,
            opening_hours=rows(PartnerOpeningHours, item["hours"]),
        )


def fields(item, *names):
    """The model fields `names` as written in `item`; a missing one is blank."""
    return {name: item.get(name, "") for name in names}
