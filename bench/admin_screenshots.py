"""Screenshots of the editorial workflow for docs/editors.md, taken from the running admin.

Run the demo site first, then this script against the same database:

    DATABASE_URL=sqlite:////tmp/editorial.sqlite3 python manage.py runserver 127.0.0.1:8003
    DATABASE_URL=sqlite:////tmp/editorial.sqlite3 python -m bench.admin_screenshots

It puts the demo in the states the guide shows (a draft waiting for approval, a
Chinese page changed after translation) and writes PNGs to docs/screenshots/.
Debian's Chromium is driven by Playwright; Noto CJK fonts render the Chinese admin.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
BASE = os.environ.get("YOULIN_ADMIN_URL", "http://127.0.0.1:8003")
PASSWORD = "youlin-demo"  # noqa: S105 (the demo users' published password)


def prepare():
    """A draft in moderation and an out-of-date translation, as on any working day."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from events.models import EventPage

    User = get_user_model()
    editor = User.objects.get(username="editor")
    salon = EventPage.objects.get(slug="english-salon", locale__language_code="zh-hans")
    # The Chinese about page changes after it was translated: translations out of date.
    about = Page.objects.get(slug="about", locale__language_code="zh-hans").specific
    about.save_revision(user=editor).publish()
    # An editor's draft waits for a supervisor.
    festival = EventPage.objects.filter(locale__language_code="zh-hans").exclude(pk=salon.pk)
    draft = festival.order_by("pk").last()
    if draft.current_workflow_state is None:
        draft.summary = draft.summary + "（时间已更新）"
        draft.save_revision(user=editor)
        draft.get_workflow().start(draft, editor)
    english = EventPage.objects.get(
        translation_key=salon.translation_key, locale__language_code="en"
    )
    return {
        "index": salon.get_parent().pk,
        "salon": salon.pk,
        "salon_en": english.pk,
        "draft": draft.pk,
        "about": about.pk,
    }


def main():
    from playwright.sync_api import sync_playwright

    ids = prepare()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )

        def session(username):
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(f"{BASE}/admin/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{BASE}/admin/")
            return page

        def shot(page, name, full_page=False):
            page.wait_for_timeout(400)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
            print(f"docs/screenshots/{name}.png")

        def tab(page, label):
            page.get_by_role("tab", name=label).click()

        # 1. Publish an event: an editor writes it in Chinese (admin in Chinese).
        editor = session("editor")
        editor.goto(f"{BASE}/admin/pages/add/events/eventpage/{ids['index']}/")
        editor.fill("#id_title", "中秋节手工月饼体验")
        shot(editor, "01-new-event-content")
        tab(editor, "日期和时间")
        shot(editor, "02-new-event-date-and-time")
        editor.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
        shot(editor, "03-submit-for-approval")

        # 2. Cancel one date of a weekly event.
        editor.goto(f"{BASE}/admin/pages/{ids['salon']}/edit/")
        tab(editor, "日期和时间")
        editor.get_by_text("取消或改期的日期").first.scroll_into_view_if_needed()
        shot(editor, "04-cancel-one-date")

        # 3. Translate a page: status tab, dashboard, the translation editor.
        admin = session("admin")
        admin.goto(f"{BASE}/admin/pages/{ids['about']}/edit/")
        tab(admin, "Translations")
        shot(admin, "05-translations-tab")
        admin.goto(f"{BASE}/admin/")
        admin.locator(".youlin-translation-work").first.scroll_into_view_if_needed()
        shot(admin, "06-dashboard-to-translate")
        translator = session("translator-en")
        translator.goto(f"{BASE}/admin/pages/{ids['salon_en']}/edit/")
        translator.wait_for_timeout(1500)
        shot(translator, "07-translation-editor")

        # 4. Review a draft: the supervisor's dashboard and the approve button.
        moderator = session("moderator")
        moderator.goto(f"{BASE}/admin/")
        shot(moderator, "08-awaiting-review")
        moderator.goto(f"{BASE}/admin/pages/{ids['draft']}/edit/")
        moderator.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
        shot(moderator, "09-approve-or-request-changes")
        browser.close()


if __name__ == "__main__":
    main()
