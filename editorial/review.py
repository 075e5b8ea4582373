"""Handing a translation to a supervisor: "Save draft" and "Submit for approval".

wagtail-localize's translation editor offers only "Publish", and only to users who
may publish there, so a translator had no way to say "done". These two actions save
the translation as a new revision of the page or snippet (menus, contact details,
categories: `home.models.ReviewedSnippet`), leaving what the site shows untouched
(wagtail-localize's own draft saving overwrites the live row), and "Submit for
approval" then starts its approval workflow as Wagtail's own editor does.
The buttons are added to the editor in
templates/wagtail_localize/admin/edit_translation.html.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, RevisionMixin, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

from editorial.roles import may_work_in

SUBMIT, SAVE_DRAFT = "editorial-submit", "editorial-save-draft"


def translation_of(page):
    """The enabled wagtail-localize translation whose target is `page` (or snippet), if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def untranslated_strings(translation):
    total, translated = translation.get_progress()
    return total - translated


def save_translation_revision(translation, user):
    """A revision of the target with the current translations; what is live is untouched.

    Returns the page or snippet as saved (its latest revision is the new one).
    """
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.save_revision(user=user, log_action=True)
    return draft


def submit_for_approval(page, user):
    """Start the page's (or snippet's) workflow, or resume it after changes were asked for.

    Returns False when it has no workflow to submit to.
    """
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
        # Already waiting: the supervisor reviews the latest revision, which is the new one.
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, user)
    return True


def may_edit(user, instance):
    """Whether `user` may change `instance`: a page by its permissions, a snippet by
    the model's change permission in one of the user's languages."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance))) and may_work_in(
        user, instance.locale.language_code
    )


def submit_or_save_draft(request, instance):
    """before_edit_page / before_edit_snippet hook: "Save draft" and "Submit for approval"."""
    action = request.POST.get("action") if request.method == "POST" else None
    if action not in (SUBMIT, SAVE_DRAFT):
        return None
    if not isinstance(instance, Page | RevisionMixin):
        return None
    translation = translation_of(instance)
    if translation is None:
        return None
    if not may_edit(request.user, instance):
        raise PermissionDenied
    back = redirect(AdminURLFinder(request.user).get_edit_url(instance))
    language = translation.target_locale.get_display_name()
    if isinstance(instance, Page) and instance.permissions_for_user(request.user).page_locked():
        messages.error(request, _("This page is locked: ask whoever locked it to unlock it."))
        return back
    if action == SUBMIT and (missing := untranslated_strings(translation)):
        messages.error(
            request,
            ngettext(
                "Not submitted: %(count)d string is not translated yet.",
                "Not submitted: %(count)d strings are not translated yet.",
                missing,
            )
            % {"count": missing},
        )
        return back
    try:
        with transaction.atomic():
            saved = save_translation_revision(translation, request.user)
            if action == SUBMIT and not submit_for_approval(saved, request.user):
                messages.error(
                    request,
                    _("This page has no approval workflow: a supervisor must publish it."),
                )
                transaction.set_rollback(True)
                return back
    except ValidationError as error:
        messages.error(
            request,
            _("Not saved: the translation has errors (%(errors)s).")
            % {"errors": "; ".join(error.messages)},
        )
        return back
    title = str(saved.title if isinstance(saved, Page) else saved)
    if action == SUBMIT:
        messages.success(
            request,
            _("“%(title)s” in %(language)s was submitted to a supervisor for approval.")
            % {"title": title, "language": language},
        )
    else:
        messages.success(
            request,
            _("Draft of “%(title)s” in %(language)s saved. It is not on the site yet.")
            % {"title": title, "language": language},
        )
    return back
