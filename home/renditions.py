"""The picture sizes public pages show, and their renditions made when a page is published.

A rendition (a resized copy of an uploaded image) is made the first time something asks
for it. Left to the templates, that is the first visitor after a publish, who then waits
for every size of every picture on the page: seconds for a large photo. So each page type
says which pictures it shows, and in which sizes (`BasePage.pictures_shown()`), and
publishing a page makes those renditions, after the transaction commits, through
django-tasks: right away in the publishing process with the default backend, in a worker
once `TASKS` names a queue.

The sizes are declared once, as `PictureSizes`, and the templates use the same
declaration by name (`{% sized_picture page.image "space-photo" %}`, in
`home/templatetags/pictures.py`), so what is made on publish cannot drift from what the
page asks for.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django_tasks import task
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.models import Filter
from wagtail.models import Page
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


def make_renditions(pictures):
    """Make the missing renditions of (image, PictureSizes) pairs; returns how many exist."""
    wanted = defaultdict(dict)
    images = {}
    for image, sizes in pictures:
        if image is None:
            continue
        images[image.pk] = image
        wanted[image.pk].update(dict.fromkeys(sizes.filters()))
    made = 0
    for pk, specs in wanted.items():
        # One query finds the ones that exist; Wagtail creates the rest in bulk.
        made += len(images[pk].get_renditions(*specs))
    return made


@task()
def make_page_renditions(page_id):
    """The renditions the live page `page_id` shows (its pictures_shown())."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    if not hasattr(page, "pictures_shown"):
        return 0
    return make_renditions(page.pictures_shown())


def renditions_on_publish(sender, instance, **kwargs):
    # After the commit: a worker must see the published page, and a failed rendition must
    # not undo the publish.
    transaction.on_commit(partial(make_page_renditions.enqueue, instance.pk))


def make_renditions_on_publish():
    page_published.connect(renditions_on_publish, dispatch_uid="home.renditions")
