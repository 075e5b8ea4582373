"""A small trilingual directory: index pages, categories, services, partners and spaces."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from services.models import (
    PartnerIndexPage,
    PartnerOpeningHours,
    PartnerPage,
    PublicSpacePage,
    ServiceCategory,
    ServiceIndexPage,
    ServicePage,
    SpaceIndexPage,
    SpaceOpeningHours,
)
from tests.conftest import publish, translate
from tests.replay import replayed


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def make_image(title="logo"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 120), (11, 93, 87)).save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name=f"{title}.png"))
    image.save()
    return image


def in_three(page, en, ko, **fields):
    """`page` translated into English and Korean, with those titles."""
    return (
        page,
        translate(page, "en", title=en, **fields.get("en_fields", {})),
        translate(page, "ko", title=ko, **fields.get("ko_fields", {})),
    )


def every_day(model):
    return [
        model(weekday=day, opens=datetime.time(0, 0), closes=datetime.time(0, 0))
        for day in range(7)
    ]


@pytest.fixture
def directory(home):
    return replayed("services.directory", lambda: build_directory(home))


def build_directory(home):
    zh = home.zh
    services = add(zh, ServiceIndexPage(title="办事指南", slug="services", locale=zh.locale))
    partners = add(zh, PartnerIndexPage(title="合作伙伴", slug="partners", locale=zh.locale))
    spaces = add(zh, SpaceIndexPage(title="公共空间", slug="spaces", locale=zh.locale))
    indexes = {
        "services": in_three(services, "Services", "생활 안내"),
        "partners": in_three(partners, "Partners", "파트너"),
        "spaces": in_three(spaces, "Spaces", "공공 공간"),
    }

    health = ServiceCategory.objects.create(
        locale=zh.locale, name="医疗健康", slug="health", sort_order=20
    )
    for code, name in (("en", "Health"), ("ko", "의료와 건강")):
        copy = health.copy_for_translation(home.en.locale if code == "en" else home.ko.locale)
        copy.name = name
        copy.save()

    centre = add(
        spaces,
        PublicSpacePage(
            title="国际友邻服务中心",
            slug="centre",
            summary="服务中心",
            address="双柏社区",
            latitude="30.808120",
            longitude="103.891530",
            capacity=80,
            step_free=True,
            phone="028-1234-5678",
            opening_hours=every_day(SpaceOpeningHours),
        ),
    )
    space_pages = [
        in_three(centre, "International Neighbour Service Centre", "국제이웃서비스센터"),
        in_three(
            add(spaces, PublicSpacePage(title="阅读吧", slug="reading-bar")),
            "Reading bar",
            "독서 바",
        ),
        in_three(
            add(spaces, PublicSpacePage(title="社区花园", slug="garden")),
            "Community garden",
            "커뮤니티 가든",
        ),
    ]

    service_pages = [
        in_three(
            add(
                services,
                ServicePage(
                    title="有英语服务的医院",
                    slug="hospitals",
                    category=health,
                    summary="国际门诊",
                    where_space=centre,
                    counter_languages=["zh", "en", "ko"],
                    phone="120",
                    online_url="https://example.com/book",
                ),
            ),
            "Hospitals with English-speaking staff",
            "영어 진료 병원",
        ),
        in_three(
            add(services, ServicePage(title="临时住宿登记", slug="registration")),
            "Address registration",
            "임시 거주 등록",
        ),
        in_three(
            add(services, ServicePage(title="垃圾分类", slug="rubbish")),
            "Sorting rubbish",
            "분리배출",
        ),
    ]

    logo = make_image()
    muyan = add(
        partners,
        PartnerPage(
            title="沐言咖啡",
            slug="muyan-coffee",
            partner_type="cafe",
            logo=logo,
            languages=["zh", "en"],
            address="书苑街18号",
            latitude="30.811200",
            longitude="103.887600",
            phone="028-8888-1001",
            wechat_id="muyan_coffee",
            opening_hours=every_day(PartnerOpeningHours),
        ),
    )
    partner_pages = [
        in_three(muyan, "Muyan Coffee", "무옌 커피"),
        in_three(
            add(
                partners,
                PartnerPage(
                    title="格格屋", slug="gege-house", partner_type="social", languages=["zh"]
                ),
            ),
            "Gege House",
            "거거 하우스",
        ),
        in_three(
            add(
                partners,
                PartnerPage(
                    title="多颂韩语学堂",
                    slug="dasom",
                    partner_type="school",
                    languages=["ko", "zh"],
                ),
            ),
            "Dasom Korean School",
            "다솜 한국어학당",
        ),
        in_three(
            add(
                partners,
                PartnerPage(
                    title="YAM志愿者", slug="yam", partner_type="volunteer", languages=["en", "ko"]
                ),
            ),
            "YAM Volunteers",
            "YAM 자원봉사단",
        ),
    ]
    return SimpleNamespace(
        home=home,
        indexes=indexes,
        services=service_pages,
        partners=partner_pages,
        spaces=space_pages,
        health=health,
        logo=logo,
    )
