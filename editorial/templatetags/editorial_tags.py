"""Template tags of the editors' side."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.snippets.side_panels import SnippetStatusSidePanel

from editorial.guard import may_publish as _may_publish

register = template.Library()


@register.simple_tag(takes_context=True)
def may_publish(context, instance):
    """{% may_publish instance as can_publish %}: may the request's user publish it here?"""
    return _may_publish(context["request"].user, instance)


@register.simple_tag(takes_context=True)
def snippet_side_panels(context, side_panels, instance):
    """wagtail-localize's side panels for a snippet, with Wagtail's snippet status panel.

    wagtail-localize gives a snippet's translation editor the generic status panel,
    which crashes once the snippet is in a workflow (it needs the workflow URLs that
    Wagtail's snippet panel takes from the view). Swap it, and give it those URLs.
    """
    context.update(
        {
            "view": "edit",
            "revision_enabled": isinstance(instance, RevisionMixin),
            "draftstate_enabled": isinstance(instance, DraftStateMixin),
            "revisions_compare_url_name": _url_name(instance, "revisions_compare"),
            "workflow_history_url": _url(instance, "workflow_history"),
        }
    )
    swapped = []
    for panel in side_panels or ():
        if type(panel) is StatusSidePanel:
            new = SnippetStatusSidePanel(panel.object, panel.request)
            new.__dict__.update({k: v for k, v in panel.__dict__.items() if k != "toggle"})
            panel = new
        swapped.append(panel)
    return swapped


def _url_name(instance, view):
    """The URL name of one of a snippet's admin views ("revisions_compare" …), or ""."""
    viewset = getattr(instance, "snippet_viewset", None)
    return (viewset and viewset.get_url_name(view)) or ""


def _url(instance, view):
    """The URL of one of a snippet's admin views about it ("workflow_history" …), or ""."""
    name = _url_name(instance, view)
    return reverse(name, args=[quote(instance.pk)]) if name else ""
