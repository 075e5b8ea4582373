"""Admin wiring for the home app: snippets for the per-locale navigation and contact details."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from home.models import ContactDetails, NavigationMenu
from home.snippet_viewsets import SnippetViewSet


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation")
    add_to_admin_menu = True
    menu_order = 300


class ContactDetailsViewSet(SnippetViewSet):
    model = ContactDetails
    icon = "mail"
    menu_label = _("Contact details")
    add_to_admin_menu = True
    menu_order = 310


register_snippet(NavigationMenuViewSet)
register_snippet(ContactDetailsViewSet)
