"""Demo steps for accounts: the admin, the editorial groups and workflow, one user per role.

Content: content/users.toml. Each user sees the admin in their own language (Wagtail's
preferred admin language). The password is the published `youlin-demo` only on a
development machine (DEBUG on) or in the tests; anywhere else it is made up for the run
and printed, so no site reachable by others gets accounts with a password from the README.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from demo.loader import content
from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, WORKFLOW_NAME, setup_roles

PUBLISHED_PASSWORD = "youlin-demo"  # noqa: S105 (published on purpose, for local demos)
USERS = content("users")
ADMIN_USERNAME = USERS["admin"]["username"]
GROUPS = {"editors": EDITORS, "moderators": MODERATORS}
# username, first name, last name, group, admin language
DEMO_USERS = [
    (
        user["username"],
        user["first_name"],
        user["last_name"],
        TRANSLATORS[user["language"]] if user["role"] == "translators" else GROUPS[user["role"]],
        user["language"],
    )
    for user in USERS["users"]
]


def demo_password():
    """The password for the accounts this run creates."""
    if settings.DEBUG or getattr(settings, "DEMO_PUBLISHED_PASSWORD", False):
        return PUBLISHED_PASSWORD
    return secrets.token_urlsafe(12)


def demo_accounts():
    """(username, email) of every account the demo creates."""
    users = [USERS["admin"], *USERS["users"]]
    return [
        (user["username"], user.get("email", f"{user['username']}@example.com")) for user in users
    ]


def ensure_admin(demo):
    admin = USERS["admin"]
    user, created = get_user_model().objects.get_or_create(
        username=admin["username"],
        defaults={"email": admin["email"], "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(demo.password)
        user.save()
        demo.accounts_created.append(user.username)
    demo.say(account_line(demo, user.username, created))


def roles_and_users(demo):
    groups = setup_roles()
    demo.say(f"groups: {', '.join(groups)}; workflow {WORKFLOW_NAME!r} on every page")
    User = get_user_model()
    for username, first_name, last_name, group, language in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.com",
            },
        )
        if created:
            user.set_password(demo.password)
            user.save()
            demo.accounts_created.append(username)
        user.groups.set([groups[group]])
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        demo.say(f"{account_line(demo, username, created)}  ({group}, admin in {language})")


def account_line(demo, username, created):
    if created or demo.password == PUBLISHED_PASSWORD:
        return f"{'created' if created else 'exists':8} {username} / {demo.password}"
    return f"{'exists':8} {username} (password unchanged)"


def account_password(demo):
    """The password part of the final line."""
    if demo.password == PUBLISHED_PASSWORD:
        return f"password {PUBLISHED_PASSWORD!r}"
    if demo.accounts_created:
        return f"password {demo.password!r} (made up for this run, as DEBUG is off: keep it)"
    return "password unchanged"
