"""The picture sizes of event pages: one declaration each (see home/renditions.py)."""

from home.renditions import PictureSizes

EVENT_PICTURE = PictureSizes(
    "event-picture",
    "format-{avif,webp,jpeg} fill-{400x225,800x450,1200x675}",
    sizes="(min-width: 60rem) 40rem, 100vw",
)
# For search engines (the Event's JSON-LD).
EVENT_SEARCH_PICTURE = PictureSizes("event-search-picture", "fill-1200x675")
