"""Admin wiring for events: the category snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from events.models import EventCategory
from home.snippet_viewsets import SnippetViewSet


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "tag"
    menu_label = _("Event categories")
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["name", "slug", "locale"]


register_snippet(EventCategoryViewSet)
