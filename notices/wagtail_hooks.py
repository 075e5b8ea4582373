"""Admin wiring for notices: the residential compounds a notice can concern."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from notices.models import NoticeArea


class NoticeAreaViewSet(SnippetViewSet):
    model = NoticeArea
    icon = "site"
    menu_label = _("Residential compounds")
    add_to_admin_menu = True
    menu_order = 295
    list_display = ["name", "slug", "locale"]


register_snippet(NoticeAreaViewSet)
