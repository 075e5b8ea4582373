"""The picture sizes of the directory's pages: one declaration each (see home/renditions.py).

The templates name them (`{% sized_picture page.logo "partner-logo" %}`), the JSON-LD
uses the search-engine ones, and publishing a page makes all of them beforehand.
"""

from home.renditions import PictureSizes

SPACE_PHOTO = PictureSizes(
    "space-photo",
    "format-{avif,webp,jpeg} fill-{480x270,960x540}",
    sizes="(min-width: 48rem) 42rem, 100vw",
)
# The same renditions on the spaces list, in a narrower column.
SPACE_CARD = PictureSizes(
    "space-card",
    SPACE_PHOTO.specs,
    sizes="(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)",
)
PARTNER_LOGO = PictureSizes(
    "partner-logo", "format-{avif,webp,jpeg} fill-{160x160,320x320}", sizes="160px"
)
PARTNER_CARD = PictureSizes(
    "partner-card", "format-{avif,webp,jpeg} fill-{96x96,192x192}", sizes="96px"
)
# For search engines (JSON-LD): large enough for their previews, never the editor's
# original upload (which may be a 20 MB photo).
SEARCH_PHOTO = PictureSizes("search-photo", "max-1200x1200 format-jpeg")
SEARCH_LOGO = PictureSizes("search-logo", "max-512x512 format-png")
