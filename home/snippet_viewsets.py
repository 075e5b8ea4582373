"""The base of every snippet viewset of ours: Wagtail's, with its breadcrumbs translated.

Wagtail 8's `SnippetViewSet.breadcrumbs_items` labels "Home" and "Snippets" with the eager
`gettext`, once, when the admin's URLs are built: in the default language, so the Korean
and English admins showed 首页 in every snippet editor's breadcrumbs. Here the same
labels are lazy and follow each request's admin language.
"""

from django.utils.translation import gettext, gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

# Wagtail's own strings, translated by its catalogues (passed as variables so that our
# makemessages does not copy them into ours).
WAGTAIL_LABELS = ("Home", "Snippets")


class SnippetViewSet(WagtailSnippetViewSet):
    @property
    def breadcrumbs_items(self):
        lazy = {gettext(label): gettext_lazy(label) for label in WAGTAIL_LABELS}
        return [
            {**item, "label": lazy.get(str(item["label"]), item["label"])}
            for item in super().breadcrumbs_items
        ]
