"""Who may change what, tried from the attacker's side on every admin URL about a page or snippet.

The URLs come from the URL conf itself: every admin, snippet and wagtail-localize route
whose arguments name a page, a snippet, a translation or their revisions and workflow
states is requested by every role (anonymous, editor, each language's translator) on
the objects of every locale, for a page and for each kind of snippet. A route that names
such an object but cannot be filled in here must be listed in NOT_FILLED with a reason,
so a new route (after a Wagtail or wagtail-localize upgrade) cannot slip by.

What each role may do:

* anonymous: nothing; every request is refused and nothing in the database changes;
* a translator, outside their language: nothing changes;
* a translator in their language, and an editor anywhere: drafts, strings and
  submissions may change, but never what readers see (published rows) — that takes a
  supervisor's approval.

Each request runs in a savepoint that is rolled back, so each starts from the same data.
"""

from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from editorial.roles import EDITORS, TRANSLATORS
from events.models import EventCategory
from home.models import ContactDetails, NavigationMenu
from services.models import ServiceCategory

LANGUAGES = ("zh-hans", "en", "ko")
SNIPPETS = (NavigationMenu, ContactDetails, EventCategory, ServiceCategory)
ROLES = ("anonymous", EDITORS, *TRANSLATORS.values())
PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id"}
# Arguments that name the object under test, or something of it.
OBJECT_ARGUMENTS = {
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "pk",
    "translation_id",
    "translation_source_id",
    "string_segment_id",
    "overridable_segment_id",
    "revision_id",
    "workflow_state_id",
    "mode",
}
# Routes about a page or snippet that the matrix does not request, and why.
NOT_FILLED = {
    # Preview modes: the same view as preview_translation without a mode, which is requested.
    "wagtail_localize:preview_translation[mode]",
    # The public password form of a private page (a view restriction, not the page):
    # tests/events/test_private_pages.py.
    "wagtailcore_authenticate_with_password",
}
PAYLOAD = {
    "action": "publish",
    "value": "HACKED",
    "title": "HACKED",
    "slug": "hacked",
    "publish_translations": "on",
    "locales": [],
    "comment": "",
}


def routes():
    """(name, argument names) of every route in the URL conf, namespaced."""

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", tuple(pattern.pattern.regex.groupindex)

    seen = set()
    for name, arguments in walk(get_resolver(), ""):
        if (name, arguments) not in seen and is_about_pages_or_snippets(name, arguments):
            seen.add((name, arguments))
            yield name, arguments


def is_about_pages_or_snippets(name, arguments):
    if name.startswith("wagtailsnippets_"):
        return "pk" in arguments and kind_of_route(name) is not None
    if name.startswith(("wagtail_localize:", "editorial_")):
        return bool(set(arguments) & OBJECT_ARGUMENTS)
    if name.startswith("wagtailadmin_pages:"):
        return bool(set(arguments) & (PAGE_ARGUMENTS | {"pk"}))
    return bool(set(arguments) & PAGE_ARGUMENTS)


def route_id(name, arguments):
    return f"{name}[mode]" if "mode" in arguments else name


def kind_of_route(name):
    """'page', a snippet model, or None for wagtail-localize routes (any kind)."""
    if name.startswith("wagtailsnippets_"):
        app_model = name.split(":")[0].removeprefix("wagtailsnippets_")
        return next(
            (m for m in SNIPPETS if f"{m._meta.app_label}_{m._meta.model_name}" == app_model), None
        )
    if name.startswith(("wagtail_localize:", "editorial_")):
        return None
    return "page"


def facts_of(obj, source_language="zh-hans"):
    """What the routes' arguments are filled from, for one object (a few queries, once)."""
    source = TranslationSource.objects.get(
        object_id=obj.translation_key, locale__language_code=source_language
    )
    state = WorkflowState.objects.for_instance(obj).filter(status="in_progress").first()
    return SimpleNamespace(
        obj=obj,
        code=obj.locale.language_code,
        is_source=obj.locale.language_code == source_language,
        source=source,
        translation=Translation.objects.filter(source=source, target_locale=obj.locale).first(),
        string=StringSegment.objects.filter(source=source).first(),
        overridable=OverridableSegment.objects.filter(source=source).first(),
        state=state,
    )


FILL = {
    "page_id": lambda f: f.obj.pk,
    "parent_page_id": lambda f: f.obj.pk,
    "page_to_move_id": lambda f: f.obj.pk,
    "pk": lambda f: f.obj.pk,
    "destination_id": lambda f: f.obj.get_parent().pk,
    # None where the route does not apply: no translation into the source language, and
    # "sync" only from the source.
    "translation_id": lambda f: f.translation and f.translation.pk,
    "translation_source_id": lambda f: f.source.pk if f.is_source else None,
    "string_segment_id": lambda f: f.string.pk,
    "overridable_segment_id": lambda f: f.overridable and f.overridable.pk,
    "revision_id": lambda f: f.obj.latest_revision_id,
    "revision_id_a": lambda f: f.obj.latest_revision_id,
    "revision_id_b": lambda f: f.obj.latest_revision_id,
    "workflow_state_id": lambda f: f.state.pk,
    "task_state_id": lambda f: f.state.current_task_state_id,
    "action_name": lambda f: "approve",
    "task_id": lambda f: f.state.current_task_state.task_id,
    "content_type_app_name": lambda f: f.obj._meta.app_label,
    "app_label": lambda f: None if isinstance(f.obj, Page) else f.obj._meta.app_label,
    "model_name": lambda f: None if isinstance(f.obj, Page) else f.obj._meta.model_name,
    "content_type_model_name": lambda f: f.obj._meta.model_name,
}


def arguments_for(arguments, facts):
    """The route's arguments for the object, or None where the route does not apply to it."""
    values = {argument: FILL[argument](facts) for argument in arguments if argument in FILL}
    if len(values) < len(arguments) or None in values.values():
        return None
    return values


def published():
    """What readers see: live pages and the published rows of snippets."""
    pages = list(
        Page.objects.filter(live=True)
        .order_by("pk")
        .values_list(
            "pk", "title", "slug", "live", "live_revision_id", "url_path", "alias_of_id", "expired"
        )
    )
    unpublished = {"latest_revision_id", "has_unpublished_changes"}
    snippets = [
        [
            {k: v for k, v in row.items() if k not in unpublished}
            for row in model.objects.order_by("pk").values()
        ]
        for model in SNIPPETS
    ]
    return pages, snippets


def everything():
    """Published state plus drafts, strings, overrides, translations and workflows."""
    return (
        published(),
        list(
            Page.objects.order_by("pk").values_list(
                "pk", "latest_revision_id", "draft_title", "locked"
            )
        ),
        [
            list(model.objects.order_by("pk").values_list("pk", "latest_revision_id"))
            for model in SNIPPETS
        ],
        Revision.objects.count(),
        list(StringTranslation.objects.order_by("pk").values_list("pk", "data")),
        list(SegmentOverride.objects.order_by("pk").values_list("pk", "data_json")),
        list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        list(TaskState.objects.order_by("pk").values_list("pk", "status")),
    )


def test_every_route_about_pages_and_snippets_is_requested(world):
    found = {route_id(name, arguments) for name, arguments in routes()}
    requested = {route_id(name, arguments) for name, arguments, _url, _code in cases(world)}
    assert found >= NOT_FILLED, "a route listed as not filled no longer exists"
    assert found - NOT_FILLED == requested
    assert len(requested) > 80


def cases(world):
    """(route name, url, language of the object) for every route × kind × language."""
    facts = {
        (kind, code): facts_of(obj)
        for kind, by_language in world.objects.items()
        for code, obj in by_language.items()
    }
    for name, arguments in routes():
        if route_id(name, arguments) in NOT_FILLED:
            continue
        kind = kind_of_route(name)
        for each_kind in [kind] if kind is not None else list(world.objects):
            for code in LANGUAGES:
                values = arguments_for(arguments, facts[each_kind, code])
                if values is not None:
                    yield name, arguments, reverse(name, kwargs=values), code


FORM = "application/x-www-form-urlencoded"
WRITES = ("INSERT", "UPDATE", "DELETE")
# Written on any request, by whoever: the session and the login throttle's records.
BOOKKEEPING = ("django_session", "axes_")


def wrote(queries):
    """Whether the captured SQL changed anything but bookkeeping."""
    for query in queries:
        sql = query["sql"].lstrip().upper()
        if sql.startswith(WRITES) and not any(table in query["sql"] for table in BOOKKEEPING):
            return True
    return False


def each_request(client, url, localize, anonymous):
    """(method, response, state after or None if nothing was written), each rolled back.

    GET is tried by anonymous visitors only: the matrix is about changes, which Wagtail
    and wagtail-localize make on POST, PUT and DELETE; what anonymous visitors are shown
    matters as well.
    """
    methods = (["GET"] if anonymous else []) + ["POST"] + (["PUT", "DELETE"] if localize else [])
    for method in methods:
        # Django keeps the last 9000 queries: start empty, or a full log captures nothing.
        connection.queries_log.clear()
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            if method == "GET":
                response = client.get(url)
            elif method == "POST":
                response = client.post(url, PAYLOAD)
            elif method == "PUT":  # as wagtail-localize's editor sends it
                body = urlencode({"value": "HACKED"})
                response = client.put(url, body, content_type=FORM)
            else:
                response = client.delete(url)
            after = everything() if wrote(queries.captured_queries) else None
            transaction.set_rollback(True)
        yield method, response, after


@pytest.mark.parametrize("role", ROLES)
def test_nobody_changes_what_their_role_does_not_allow(client, world, make_user, role):
    client.raise_request_exception = False  # a 500 is a violation like any other
    if role != "anonymous":
        client.force_login(make_user("user", role))
    own_languages = {code for code, name in TRANSLATORS.items() if name == role}
    before = everything()
    checked, wrote_something, violations = 0, 0, []
    for name, _arguments, url, code in cases(world):
        may_draft = role == EDITORS or code in own_languages
        localize = name.startswith("wagtail_localize:")
        for method, response, after in each_request(client, url, localize, role == "anonymous"):
            checked += 1
            wrote_something += after is not None
            if response.status_code >= 500:
                violations.append((method, url, response.status_code))
            elif after is not None and not may_draft and after != before:
                violations.append((method, url, "changed"))
            elif after is not None and may_draft and after[0] != before[0]:
                violations.append((method, url, "published"))
            if role == "anonymous" and response.status_code == 200:
                violations.append((method, url, "answered anonymous"))
    assert checked > 400
    # The capture sees writes: those who may draft did (strings, revisions, submissions).
    if role == EDITORS or own_languages:
        assert wrote_something > 0
    assert not violations, "\n".join(" ".join(map(str, v)) for v in violations)
