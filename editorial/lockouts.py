"""Admin login throttling (django-axes): the lockout answer and the administrators' list.

Five wrong passwords for one username from one address lock that pair out for fifteen
minutes (AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME in config/settings/base.py). The login
page then says so in the visitor's language instead of "wrong password", and
administrators see every throttled login under Settings → Login lockouts, where deleting
a row lifts the lockout.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


def lockout_message():
    minutes = int(get_cool_off().total_seconds() // 60)
    return ngettext(
        "Too many failed logins for this username from your address. "
        "Try again in %(minutes)s minute.",
        "Too many failed logins for this username from your address. "
        "Try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page again, with the lockout as its error."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    context = getattr(original_response, "context_data", None)
    if context and context.get("form") is not None:
        form = context["form"]
        form.errors.clear()
        form.add_error(None, lockout_message())
        return TemplateResponse(
            request, original_response.template_name, context, status=status
        ).render()
    return HttpResponse(lockout_message(), status=status, content_type="text/plain")


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Administrators may list and delete (unlock) attempts; nobody writes them by hand."""

    def user_has_permission(self, user, action):
        return action in {"view", "delete"} and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    name = "login_lockouts"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["username"]
    list_display = [
        Column("username", label=_("Username")),
        Column("ip_address", label=_("IP address")),
        Column("failures_since_start", label=_("Failed logins")),
        Column("attempt_time", label=_("Last failure")),
        Column("user_agent", label=_("Browser")),
    ]
    ordering = ["-attempt_time"]


lockout_viewset = LockoutViewSet()
