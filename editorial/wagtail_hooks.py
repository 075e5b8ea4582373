"""Admin wiring of the editorial workflow.

The dashboard panel and report of pages to translate, the guards that keep
untranslated text from going live (editorial/guard.py), the translation editor's
"Save draft" and "Submit for approval" (editorial/review.py) for pages and snippets, and the rule
that keeps translators to their own language (editorial/locale_guard.py).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from editorial import guard, locale_guard, review
from editorial.lockouts import lockout_viewset
from editorial.status import dashboard_report, locales_for_user
from editorial.views import TranslationStatusView

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
        )
    ]


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
