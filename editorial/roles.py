"""Who may do what: the editorial groups, their permissions and the moderation workflow.

* **Editors** write and edit pages in every language and hand pages to the
  translators, but cannot publish: they submit drafts for approval.
* **Moderators** (supervisors) approve and publish, and manage the snippets.
* **Translators**, one group per language, edit only the pages in their
  language's tree and the snippets in that language (editorial/locale_guard.py),
  and submit their work for approval.

Every page, and every menu, contact details and category (the snippets with
drafts, `home.models.ReviewedSnippet`), goes through the "主管审批 · Supervisor
approval" workflow: a Moderators' approval task. Its name is in both languages
because workflow and task names are data, not translated UI strings, and the team
reads Chinese or English.
`setup_roles()` creates or corrects all of it and can run any number of times
(`python manage.py setup_roles`; `load_demo` calls it).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

EDITORS, MODERATORS = "Editors", "Moderators"
TRANSLATORS = {
    "zh-hans": "Chinese translators",
    "en": "English translators",
    "ko": "Korean translators",
}
WORKFLOW_NAME = "主管审批 · Supervisor approval"
TASK_NAME = "主管审核 · Supervisor review"
# Earlier English-only names, renamed in place so that existing sites keep one workflow.
OLD_NAMES = {WORKFLOW_NAME: "Supervisor approval", TASK_NAME: "Supervisor review"}

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    # Translated pages are created for the translators (by editors, through
    # wagtail-localize); they fill them in and submit them for approval.
    "translators": ["add_page", "change_page"],
}
MEDIA = ["add_{}", "change_{}", "choose_{}"]
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "events.add_eventcategory",
        "events.change_eventcategory",
        "services.add_servicecategory",
        "services.change_servicecategory",
        # Partners' calendars (imports/): editors add them; what they import still waits
        # for approval unless a moderator marks the calendar trusted.
        "imports.add_calendarsource",
        "imports.change_calendarsource",
        "imports.view_calendarsource",
        "search.add_synonym",
        "search.change_synonym",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *(
            f"{app}.{action}_{model}"
            for app, model in (
                ("events", "eventcategory"),
                ("services", "servicecategory"),
                ("home", "navigationmenu"),
                ("home", "contactdetails"),
                ("search", "synonym"),
            )
            for action in ("add", "change", "delete", "publish")
        ),
        *(f"imports.{action}_calendarsource" for action in ("add", "change", "delete", "view")),
        "imports.trust_calendarsource",
    ],
    # Snippet permissions are per model, not per language: editorial/locale_guard.py
    # keeps translators to their own language. No "publish": like their pages, their
    # snippet translations go to a supervisor for approval.
    "translators": [
        "wagtailadmin.access_admin",
        "events.change_eventcategory",
        "services.change_servicecategory",
        "home.change_navigationmenu",
        "home.change_contactdetails",
        "search.change_synonym",
    ],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [pattern.format(kind) for kind in ("image", "document") for pattern in MEDIA],
    MODERATORS: [
        pattern.format(kind) for kind in ("image", "document") for pattern in [*MEDIA, "delete_{}"]
    ],
    "translators": ["choose_image", "choose_document"],
}


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def _collection_permissions(codenames):
    return list(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
        )
    )


def _set_group(name, role, pages):
    """Give group `name` exactly the permissions of `role` on `pages` and nothing more."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions(MODEL_PERMISSIONS[role]))
    page_permissions = _page_permissions(PAGE_PERMISSIONS[role])
    wanted = {(page.pk, perm.pk) for page in pages for perm in page_permissions}
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[gpp.pk for gpp in existing if (gpp.page_id, gpp.permission_id) in wanted]
    ).delete()
    have = set(existing.values_list("page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
        for page_id, perm_id in sorted(wanted - have)
    )
    root_collection = Collection.get_first_root_node()
    GroupCollectionPermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection=root_collection, permission=perm)
        for perm in _collection_permissions(COLLECTION_PERMISSIONS[role])
    )
    return group


def home_pages():
    """{language code: that locale's home page} (the pages at depth 2)."""
    return {
        page.locale.language_code: page
        for page in Page.objects.filter(depth=2).select_related("locale")
    }


def translator_languages(user):
    """Language codes of the translator groups `user` belongs to."""
    names = set(user.groups.values_list("name", flat=True))
    return {code for code, name in TRANSLATORS.items() if name in names}


def may_work_in(user, language_code):
    """Whether `user` may change content in the locale `language_code`.

    Editors, moderators and superusers work in every language; a translator with no
    wider role only in the languages of their translator groups.
    """
    if not is_only_translator(user):
        return True
    return language_code in translator_languages(user)


def is_only_translator(user):
    """A translator with no wider editorial role (editors and moderators work in every language)."""
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return bool(names & set(TRANSLATORS.values())) and not names & {EDITORS, MODERATORS}


@transaction.atomic
def setup_roles():
    """Create or correct the groups, their permissions and the workflow. Returns the groups."""
    homes = home_pages()
    all_homes = list(homes.values())
    groups = {
        EDITORS: _set_group(EDITORS, EDITORS, all_homes),
        MODERATORS: _set_group(MODERATORS, MODERATORS, all_homes),
    }
    for code in Locale.objects.values_list("language_code", flat=True):
        if code in TRANSLATORS:
            pages = [homes[code]] if code in homes else []
            groups[TRANSLATORS[code]] = _set_group(TRANSLATORS[code], "translators", pages)
    setup_workflow(groups[MODERATORS])
    return groups


def setup_workflow(moderators):
    """One approval step by the moderators, for every page of every locale."""
    task = _named(GroupApprovalTask, TASK_NAME)
    task.groups.set([moderators])
    workflow = _named(Workflow, WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # On the tree's root, so every home page (and any new locale) inherits it.
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # And on every snippet with drafts (menus, contact details, categories).
    for content_type in ContentType.objects.get_for_models(*reviewed_snippet_models()).values():
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
    return workflow


def reviewed_snippet_models():
    """The snippet models whose changes go through the approval workflow."""
    return [model for model in get_snippet_models() if issubclass(model, WorkflowMixin)]


def _named(model, name):
    """The workflow or task called `name` (or its old name, renamed), created if missing."""
    found = (
        model.objects.filter(name=name).first()
        or model.objects.filter(name=OLD_NAMES[name]).first()
    )
    if found is None:
        return model.objects.create(name=name)
    if found.name != name:
        found.name = name
        found.save(update_fields=["name"])
    return found
