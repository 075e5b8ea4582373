"""Demo content of the editorial app: the groups, the approval workflow and one user per role.

Every demo user's password is the admin's (`home.demo.ADMIN_PASSWORD`); the
admin speaks each user's own language (Wagtail's preferred admin language).
"""

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, WORKFLOW_NAME, setup_roles
from home.demo import ADMIN_PASSWORD

# username, first name, last name, group, admin language
DEMO_USERS = [
    ("editor", "梅", "李", EDITORS, "zh-hans"),
    ("moderator", "主任", "王", MODERATORS, "zh-hans"),
    ("translator-zh", "晓", "陈", TRANSLATORS["zh-hans"], "zh-hans"),
    ("translator-en", "Emma", "Clarke", TRANSLATORS["en"], "en"),
    ("translator-ko", "지은", "김", TRANSLATORS["ko"], "ko"),
]


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
            user.set_password(ADMIN_PASSWORD)
            user.save()
        user.groups.set([groups[group]])
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        state = "created" if created else "exists"
        demo.say(f"{state:8} {username} / {ADMIN_PASSWORD}  ({group}, admin in {language})")


STEPS = [("Editorial roles, workflow and demo users", roles_and_users)]
