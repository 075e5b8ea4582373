"""The shapes of the API's answers, as the OpenAPI document publishes them.

Field names follow schema.org where it has one (`event_status`); dates and times are
ISO 8601 with their offset; coordinates are given in WGS-84 (GPS, OpenStreetMap) and
GCJ-02 (Amap, Tencent and Apple maps in mainland China).
"""

from typing import Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

LocaleCode = Literal["zh-hans", "en", "ko"]


class Error(Schema):
    parameter: str | None = Field(None, description="The query parameter at fault.")
    message: str


class ErrorAnswer(Schema):
    status: int
    detail: str = Field(description="What went wrong, in the requested language.")
    errors: list[Error] = []


class Translation(Schema):
    locale: LocaleCode
    url: str


class Label(Schema):
    code: str
    label: str = Field(description="In the requested language.")


class Category(Schema):
    slug: str
    name: str


class Point(Schema):
    latitude: float
    longitude: float


class Location(Schema):
    address: str
    wgs84: Point | None = Field(description="GPS (OpenStreetMap; Google outside China).")
    gcj02: Point | None = Field(description="For Amap, Tencent and Apple maps in mainland China.")


class Rendition(Schema):
    url: str
    width: int
    height: int
    format: str = Field(description="avif, webp, jpeg or png.")


class Image(Schema):
    alt: str
    width: int = Field(description="Of the original upload.")
    height: int
    renditions: list[Rendition]


class PageLink(Schema):
    id: UUID = Field(description="The same in every language.")
    title: str
    url: str


class OpeningPeriod(Schema):
    weekday: int = Field(description="Monday = 0 … Sunday = 6.")
    opens: str = Field(description="HH:MM; 00:00–00:00 is open all day.")
    closes: str = Field(description="HH:MM; earlier than opens when it closes after midnight.")


class SpecialDay(Schema):
    date: str
    closed: bool
    opens: str | None
    closes: str | None


class Place(PageLink):
    location: Location


class Registration(Schema):
    url: str
    capacity: int | None
    is_full: bool


class Price(Schema):
    is_free: bool
    text: str = Field(description="As the editors wrote it, in the requested language.")
    amount: str | None = Field(description="In yuan, e.g. 30.00.")
    currency: Literal["CNY"] = "CNY"


class Event(Schema):
    id: UUID = Field(description="The same in every language.")
    page_id: int = Field(description="The page in the requested language.")
    title: str
    summary: str
    url: str
    translations: list[Translation]
    status: Literal["scheduled", "cancelled", "postponed", "moved_online"]
    category: Category | None
    audience: Label
    languages: list[Label] = Field(description="Languages used at the event.")
    price: Price
    registration: Registration
    venue: Place | None = Field(description="Where the event is usually held.")
    address: str = Field(description="Another address, when the venue is not a public space.")
    online_url: str
    organisers: list[PageLink]
    image: Image | None
    timezone: str = Field(description="The event's own time zone (IANA).")
    last_published: str | None


class Occurrence(Schema):
    id: str = Field(description="Stable: the event's id and the date as first planned.")
    start: str = Field(description="On the event's own clock, with its offset.")
    end: str
    all_day: bool
    cancelled: bool = Field(description="This date is cancelled.")
    moved: bool = Field(description="This date was moved; original_start is when it was planned.")
    original_start: str
    event_status: Literal[
        "EventScheduled",
        "EventCancelled",
        "EventPostponed",
        "EventMovedOnline",
        "EventRescheduled",
    ] = Field(description="schema.org's status of this date.")
    venue: Place | None = Field(description="Where this date is held.")
    event: Event


class Directory(Schema):
    id: UUID = Field(description="The same in every language.")
    page_id: int
    locale: LocaleCode
    title: str
    summary: str
    url: str
    translations: list[Translation]
    last_published: str | None


class Service(Directory):
    category: Category | None
    government_service: bool
    steps: list[dict] = Field(description="Each step: its title and text (HTML).")
    documents: str = Field(description="HTML.")
    fees: str
    where: Place | None
    where_address: str
    opening_hours: list[OpeningPeriod]
    hours_note: str
    counter_languages: list[Label]
    phone: str
    email: str
    online_url: str
    last_checked: str = Field(description="The day someone last checked the guide.")


class Partner(Directory):
    type: Label
    logo: Image | None
    description: str = Field(description="HTML.")
    offers: str = Field(description="HTML: offers for residents.")
    languages: list[Label] = Field(description="Languages spoken.")
    location: Location
    opening_hours: list[OpeningPeriod]
    hours_note: str
    website: str
    phone: str
    wechat_id: str


class Accessibility(Schema):
    step_free: bool
    accessible_toilet: bool
    lift: bool


class Space(Directory):
    image: Image | None
    description: str = Field(description="HTML.")
    facilities: str = Field(description="HTML.")
    location: Location
    opening_hours: list[OpeningPeriod]
    special_days: list[SpecialDay] = Field(description="Holidays and other days with other hours.")
    open_now: bool | None = Field(description="In Beijing time; null when no hours are known.")
    hours_note: str
    accessibility: Accessibility
    capacity: int | None
    how_to_book: str = Field(description="HTML.")
    booking_url: str
    phone: str


class ListPage(Schema):
    count: int = Field(description="Items in every page together.")
    next: str | None
    previous: str | None


class Occurrences(ListPage):
    items: list[Occurrence]


class Services(ListPage):
    items: list[Service]


class Partners(ListPage):
    items: list[Partner]


class Spaces(ListPage):
    items: list[Space]
