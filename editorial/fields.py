"""How wagtail-localize treats the fields that are one fact in every language.

A synchronised field is copied from the source on every sync. wagtail-localize lets
translators override such fields by default, after which a changed date, venue or
phone number in Chinese silently stops reaching the English and Korean pages; ours
are never overridable, so the facts cannot drift apart.
"""

from wagtail_localize.fields import SynchronizedField


def synchronised(*names):
    """Fields copied from the source on every sync, which no translator can override."""
    return [SynchronizedField(name, overridable=False) for name in names]


# Page fields every page type shares. The schedule is synchronised so that a translation
# goes live and comes off the site with its source (wagtail-localize skips both by default).
PAGE_FACTS = synchronised("slug", "show_in_menus", "go_live_at", "expire_at")
