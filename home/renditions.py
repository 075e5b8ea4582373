"""The picture sizes public pages show, and their renditions made when a page is published.

A rendition (a resized copy of an uploaded image) is made the first time something asks
for it. Left to the templates, that is the first visitor after a publish, who then waits
for every size of every picture on the page: seconds for a large photo. So each page type
says which pictures it shows, and in which sizes (`BasePage.pictures_shown()`), and
publishing a page makes those renditions, after the transaction commits, through
django-tasks: right away in the publishing request with the default (immediate) backend,
in a worker once `TASKS` names a queue. In the request, no new picture is started after
`YOULIN_PUBLISH_RENDITIONS_SECONDS` (a third of gunicorn's timeout), so a page full of large
photos cannot get the publishing request killed; its first visitor makes what is left.
Replacing an image's file or moving its focal point makes the new renditions of the live
pages that show it the same way.

The sizes are declared once, as `PictureSizes`, and the templates use the same
declaration by name (`{% sized_picture page.image "space-photo" %}`, in
`home/templatetags/pictures.py`), so what is made on publish cannot drift from what the
page asks for.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

from home.blocks import FigureBlock

_DECLARED = {}


@dataclass(frozen=True)
class PictureSizes:
    """One picture's renditions: Wagtail filter specs, expanded as `{% picture %}` does.

    `specs` is what `{% picture %}` takes ("format-{avif,webp,jpeg} fill-{480x270,960x540}");
    `sizes` is the <img sizes> attribute that goes with those widths.
    """

    name: str
    specs: str
    sizes: str = ""

    def __post_init__(self):
        if self.name in _DECLARED:
            raise ValueError(f"Picture sizes {self.name!r} are declared twice.")
        _DECLARED[self.name] = self

    @classmethod
    def named(cls, name):
        return _DECLARED[name]

    @property
    def filter_specs(self):
        """The specs as a list, one per space-separated part, as Wagtail's tags take them."""
        return self.specs.split()

    def filters(self):
        """Every rendition's filter spec ("format-avif|fill-480x270", …)."""
        return Filter.expand_spec(self.filter_specs)

    def rendition(self, image):
        """The one rendition of sizes declared with a single spec (for JSON-LD)."""
        (spec,) = self.filters()
        return image.get_rendition(spec)


# Shown by the home page, and by every StreamField "image" block (components/blocks/figure.html).
HERO = PictureSizes(
    "hero",
    "format-{avif,webp,jpeg} fill-{480x270,960x540,1440x810}",
    sizes="(min-width: 72rem) 38rem, (min-width: 48rem) 52vw, calc(100vw - 2rem)",
)
FIGURE = PictureSizes(
    "figure",
    "format-{avif,webp,jpeg} width-{400,800,1200}",
    sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)",
)

# The card a link shared in WeChat, KakaoTalk or e-mail shows (Open Graph's 1.91:1).
SHARE = PictureSizes("share", "fill-1200x630 format-jpeg")


def figures_in(page):
    """(image, FIGURE) for every image block in the page's StreamFields, however nested."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield from _figures(field.stream_block, getattr(page, field.name))


def _figures(block, value):
    if value is None:
        return
    if isinstance(block, FigureBlock):
        if value.get("image"):
            yield value["image"], FIGURE
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _figures(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _figures(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _figures(block.child_block, item)


def make_renditions(pictures, seconds=None):
    """Make the missing renditions of (image, PictureSizes) pairs, in order.

    With `seconds`, no new picture is started once that long has passed. Returns the
    number of renditions that exist for the pictures done.
    """
    started = time.monotonic()
    done = set()
    count = 0
    for image, sizes in pictures:
        if image is None:
            continue
        if seconds is not None and done and time.monotonic() - started >= seconds:
            break
        specs = [spec for spec in sizes.filters() if (image.pk, spec) not in done]
        if not specs:
            continue
        # One query finds the ones that exist; Wagtail makes the rest, three at a time.
        count += len(image.get_renditions(*specs))
        done.update((image.pk, spec) for spec in specs)
    return count


def time_budget():
    """How long publishing may spend on renditions: limited only in the publishing request."""
    if isinstance(make_page_renditions.get_backend(), ImmediateBackend):
        return settings.YOULIN_PUBLISH_RENDITIONS_SECONDS
    return None


@task()
def make_page_renditions(page_id):
    """The renditions the live page `page_id` shows (its pictures_shown())."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    if not hasattr(page, "pictures_shown"):
        return 0
    return make_renditions(page.pictures_shown(), seconds=time_budget())


_left_to_visitors = ContextVar("renditions_left_to_visitors", default=False)


@contextmanager
def left_to_visitors():
    """Publish without making renditions: for bulk loads (the demo), where most never show."""
    token = _left_to_visitors.set(True)
    try:
        yield
    finally:
        _left_to_visitors.reset(token)


@task()
def make_image_renditions(image_id):
    """The renditions of `image_id` that the live pages showing it need.

    After an editor replaces the file (Wagtail deletes the old renditions) or moves the
    focal point (renditions are per focal point).
    """
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    referring = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    # The index keeps object ids as text; PostgreSQL will not compare them with integers.
    page_ids = {int(pk) for pk in referring.values_list("object_id", flat=True)}
    pages = Page.objects.live().filter(pk__in=page_ids).specific()
    pictures = [
        (shown, sizes)
        for page in pages
        for shown, sizes in getattr(page, "pictures_shown", list)()
        if shown is not None and shown.pk == image.pk
    ]
    return make_renditions(pictures, seconds=time_budget())


def renditions_on_publish(sender, instance, **kwargs):
    if _left_to_visitors.get():
        return
    # After the commit: a worker must see the published page, and a failed rendition must
    # not undo the publish.
    transaction.on_commit(partial(make_page_renditions.enqueue, instance.pk))


def renditions_on_image_change(sender, instance, created, **kwargs):
    if created or _left_to_visitors.get():
        return
    transaction.on_commit(partial(make_image_renditions.enqueue, instance.pk))


def connect_receivers():
    page_published.connect(renditions_on_publish, dispatch_uid="home.renditions.publish")
    post_save.connect(
        renditions_on_image_change,
        sender=get_image_model(),
        dispatch_uid="home.renditions.image",
    )
