"""Image uploads that refuse what Pillow cannot safely decode, with a form error, not a 500.

Wagtail's image field opens an upload with Willow, and Willow decodes it to read its size.
A file that only looks like an image (a PNG header claiming 65535 × 65535 and then
nothing, a GIF header followed by HTML) makes Pillow raise `UnidentifiedImageError` or
`OSError` there, which Wagtail does not catch. A huge but valid image passes as long as
it is under `WAGTAILIMAGES_MAX_IMAGE_PIXELS`, and every rendition of it then costs
seconds and gigabytes. So the upload form (`WAGTAILIMAGES_IMAGE_FORM_BASE`) uses a field
that reads the size from the header first, before anything is decoded, and turns any
decoding error into a message in the editor's language.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

NOT_AN_IMAGE = _(
    "This file is not a complete image: it may be damaged or cut short, or it is another "
    "kind of file with an image's name. Save it again from an image editor and upload it again."
)
TOO_MANY_PIXELS = _(
    "This image is %(width)s × %(height)s pixels; images may have at most %(megapixels)s "
    "megapixels. Make it smaller (for example 4000 pixels wide) and upload it again."
)


class DecodableImageField(WagtailImageField):
    """WagtailImageField that checks the pixel count from the header and never lets Pillow crash."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError…
            raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from error

    def check_image_pixel_size(self, f):
        # Before Wagtail's own check, which decodes the whole image to learn its size.
        if f.image.format_name != "svg":
            self.check_header(f)
        super().check_image_pixel_size(f)

    def check_header(self, f):
        f.seek(0)
        try:
            # Opening reads the header only; Pillow raises DecompressionBombError for a size
            # more than twice its own limit, and a file it cannot identify raises too. Its
            # warning for a size above its limit is ours to decide: the check below.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(f) as image:
                    width, height = image.size
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                _("This image has far too many pixels to be opened safely."),
                code="file_too_many_pixels",
            ) from error
        except Exception as error:
            raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from error
        finally:
            f.seek(0)
        if self.max_image_pixels and width * height > self.max_image_pixels:
            raise ValidationError(
                TOO_MANY_PIXELS,
                code="file_too_many_pixels",
                params={
                    "width": width,
                    "height": height,
                    "megapixels": self.max_image_pixels // 1_000_000,
                },
            )


class ImageForm(BaseImageForm):
    """Wagtail's image form (add, edit, multiple upload) with the upload checked as above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wagtail_field = self.fields.get("file")
        if wagtail_field is not None:
            self.fields["file"] = DecodableImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                max_length=wagtail_field.max_length,
                widget=wagtail_field.widget,
            )
