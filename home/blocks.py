"""StreamField blocks for home and content pages (and reused by later page types)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
        search_index=False,
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        label = _("Heading")


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_(
            "Describe the picture for people who cannot see it. Leave empty if it is decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"
        label = _("Image")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("tip", _("Tip")),
            ("warning", _("Important")),
        ],
        default="info",
        label=_("Kind"),
        # A setting, not text: indexed, "info" or "important" would find every call-out.
        search_index=False,
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])
    page = blocks.PageChooserBlock(
        label=_("Page to read more"),
        required=False,
        help_text=_("The guide that tells how; readers get it in their language."),
    )
    # default="": call-outs saved before this field existed read it as "", not None, which
    # wagtail-localize could not extract for translation.
    link_text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        default="",
        help_text=_("For example: How to register"),
    )

    class Meta:
        icon = "warning"
        template = "components/blocks/callout.html"
        label = _("Call-out")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        label = _("Quote")


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Button text"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or a web address"), required=False)

    class Meta:
        icon = "link"
        template = "components/blocks/button.html"
        label = _("Button link")


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"))
    value = blocks.CharBlock(label=_("Value"))


class FactListBlock(blocks.StructBlock):
    """Label/value rows (fees, numbers, hours). A table the translation tools can translate:
    wagtail-localize skips TableBlock, so its cells would stay in the source language."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    rows = blocks.ListBlock(FactBlock(), label=_("Rows"))

    class Meta:
        icon = "table"
        template = "components/blocks/facts.html"
        label = _("Key facts")


class LinkedStepBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("What to do"))
    page = blocks.PageChooserBlock(
        label=_("Guide"), required=False, help_text=_("The page that tells how.")
    )


class LinkedStepsBlock(blocks.StructBlock):
    """A numbered path through other pages ("your first week"): each step links to its guide,
    in the reader's language."""

    steps = blocks.ListBlock(LinkedStepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "components/blocks/linked_steps.html"
        label = _("Steps with links")


class BodyBlock(blocks.StreamBlock):
    """The usual blocks of a content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="components/blocks/paragraph.html"
    )
    image = FigureBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    button = ButtonBlock()
    facts = FactListBlock()
    linked_steps = LinkedStepsBlock()
