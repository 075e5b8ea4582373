"""Admin wiring of the editorial workflow.

The dashboard panel and report of pages to translate, the guards that keep
untranslated text from going live (editorial/guard.py), the translation editor's
"Save draft" and "Submit for approval" (editorial/review.py) for pages and snippets, the rule
that keeps translators to their own language (editorial/locale_guard.py), and "Cancel or
move a date" on events, published without approval (editorial/schedule_changes.py).
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from editorial import guard, locale_guard, review
from editorial.lockouts import lockout_viewset
from editorial.roles import MODERATORS, is_only_translator
from editorial.schedule_changes import LOG_ACTION, ScheduleChangeFormatter, recent_changes
from editorial.status import dashboard_report, locales_for_user
from editorial.views import (
    AdminJavaScriptCatalog,
    EditorsGuideView,
    ScheduleChangeView,
    TranslationStatusView,
)
from events.models import EventPage

DASHBOARD_ROWS = 8


class TranslationWorkPanel(Component):
    """Dashboard: per language, pages and snippets to translate and pages awaiting review."""

    name = "translation_work"
    template_name = "editorial/dashboard_panel.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        return {
            "report": dashboard_report(locales_for_user(user), limit=DASHBOARD_ROWS),
            "can_submit": user.has_perm("wagtail_localize.submit_translation"),
            "report_url": reverse("editorial_translation_status"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    panels.append(TranslationWorkPanel(request))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translation-status/",
            TranslationStatusView.as_view(),
            name="editorial_translation_status",
        ),
        path(
            "pages/<int:page_id>/schedule/",
            ScheduleChangeView.as_view(),
            name="editorial_schedule_change",
        ),
        path("guide/", EditorsGuideView.as_view(), name="editorial_guide"),
    ]


@hooks.register("register_admin_urls", order=-100)
def javascript_catalog_url():
    # The address wagtail-localize's editor loads its strings from, answered before its
    # own view (which falls back to Chinese): see editorial.views.AdminJavaScriptCatalog.
    return [
        path(
            "localize/jsi18n/",
            AdminJavaScriptCatalog.as_view(),
            name="editorial_javascript_catalog",
        )
    ]


@hooks.register("register_help_menu_item")
def editors_guide_menu_item():
    # Before Wagtail's own (English-only, on wagtail.org) "Editor Guide".
    return MenuItem(_("Editor’s guide"), reverse("editorial_guide"), icon_name="help", order=900)


@hooks.register("construct_help_menu")
def without_wagtails_english_guide(request, menu_items):
    # Wagtail's guide is in English on another site and names its own buttons, not ours.
    menu_items[:] = [item for item in menu_items if item.name != "editor-guide"]


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("editorial_translation_status"),
        icon_name="wagtail-localize-language",
        order=250,
    )


# Before wagtail-localize's own before_edit_page hook, which publishes from its editor.
hooks.register("before_edit_page", guard.untranslated_publish_blocked, order=-10)
hooks.register("before_edit_page", review.submit_or_save_draft, order=-10)
hooks.register("before_edit_page", guard.editor_without_convert_to_alias, order=-5)


# Before wagtail-localize's before_edit_snippet hook, which answers with its translation
# editor (and publishes from it) without asking which language the user works in.
hooks.register("before_edit_snippet", locale_guard.snippet_in_own_language, order=-20)
hooks.register("before_delete_snippet", locale_guard.snippet_in_own_language, order=-20)
hooks.register("before_edit_snippet", guard.untranslated_publish_blocked, order=-10)
hooks.register("before_edit_snippet", review.submit_or_save_draft, order=-10)


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    # Settings → Login lockouts: throttled admin logins, for administrators (editorial/lockouts.py).
    return lockout_viewset


# "Cancel or move a date" -----------------------------------------------------------------


class ScheduleChangeButton(PageMenuItem):
    label = _("Cancel or move a date")
    icon_name = "date"
    url_name = "editorial_schedule_change"

    def is_shown(self, user):
        return (
            isinstance(self.page.specific_deferred, EventPage)
            and not is_only_translator(user)
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def schedule_change_header_button(page, user, view_name, next_url=None):
    # First in the editor's header menu: on a phone it is the one thing needed at 8 pm.
    yield ScheduleChangeButton(page=page, priority=5)


@hooks.register("register_page_listing_more_buttons")
def schedule_change_listing_button(page, user, next_url=None):
    yield ScheduleChangeButton(page=page, priority=3)


@hooks.register("register_log_actions")
def register_schedule_change_log_action(actions):
    actions.register_action(LOG_ACTION)(ScheduleChangeFormatter)


class ScheduleChangesPanel(Component):
    """Dashboard, for supervisors: schedule changes editors published without approval."""

    name = "schedule_changes"
    template_name = "editorial/schedule_changes_panel.html"
    order = 80

    def __init__(self, entries):
        self.entries = entries

    def get_context_data(self, parent_context=None):
        return {"entries": self.entries}


@hooks.register("construct_homepage_panels")
def add_schedule_changes_panel(request, panels):
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=MODERATORS).exists()):
        return
    if entries := recent_changes():
        panels.append(ScheduleChangesPanel(entries))


@hooks.register("insert_global_admin_css")
def phone_friendly_admin_css():
    # editorial/static/editorial/admin.css: the admin at 375 px.
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))
