"""StreamField blocks of the directory: the steps of a service guide and photo galleries."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import FigureBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("What to do"), max_length=200)
    text = blocks.RichTextBlock(
        label=_("Details"), required=False, features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "services/blocks/step.html"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()


class GalleryBlock(blocks.StreamBlock):
    photo = FigureBlock()
