"""`{% sized_picture image "name" alt=… %}`: Wagtail's `{% picture %}` with declared sizes.

The filter specs and the `sizes` attribute come from the `PictureSizes` of that name
(home/renditions.py and each app's `pictures.py`), the same declaration that publishing
uses to make the renditions beforehand.
"""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import PictureNode

from home.renditions import PictureSizes

register = template.Library()


class _Constant:
    def __init__(self, value):
        self.value = value

    def resolve(self, context):
        return self.value


@register.tag
def sized_picture(parser, token):
    tag_name, *bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f'{tag_name} takes an image and a name: "hero"')
    image, name, *attributes = bits
    try:
        sizes = PictureSizes.named(name.strip("\"'"))
    except KeyError as error:
        raise template.TemplateSyntaxError(f"No picture sizes are named {name}.") from error
    attrs = {}
    if sizes.sizes:
        attrs["sizes"] = _Constant(sizes.sizes)
    for attribute in attributes:
        key, _, value = attribute.partition("=")
        if not value:
            raise template.TemplateSyntaxError(f"{tag_name}: {attribute!r} is not name=value.")
        attrs[key] = parser.compile_filter(value)
    return PictureNode(parser.compile_filter(image), sizes.filter_specs, attrs=attrs)
