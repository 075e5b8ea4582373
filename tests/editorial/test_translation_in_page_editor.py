"""A translation opened in Wagtail's own page editor (no wagtail-localize sync, or sync
stopped): its shared facts show read-only and saving it leaves them as the source has them."""

import re
from html.parser import HTMLParser

import pytest
from django.http import QueryDict
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

pytestmark = pytest.mark.django_db


def test_translation_opens_in_the_page_editor_with_its_dates_read_only(admin_client, salon):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[salon.en.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    # The source's two changed dates are listed, and their fields cannot be edited here.
    dates = re.findall(r'<input[^>]*name="date_changes-\d+-date"[^>]*>', html)
    assert len(dates) == 2
    assert all("disabled" in tag for tag in dates)


def edit_form(page, changes, added=()):
    """The page editor's POST for `page` with these date-change rows."""
    data = nested_form_data(
        {
            "title": "Uncle Zhan's English Salon (new title)",
            "slug": page.slug,
            "summary": "Practise English.",
            "body": streamfield([]),
            "image_alt": "",
            "date_changes": inline_formset([*changes, *added], initial=len(changes)),
            "organisers": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data["action-publish"] = "1"
    return data


def shared_dates(page):
    return [(c.date, c.action) for c in page.date_changes.all()]


def tampered_rows(page):
    """Every row sent back changed and marked for deletion."""
    return [
        {"id": change.pk, "date": "2000-01-01", "action": "cancel", "DELETE": "on"}
        for change in page.date_changes.all()
    ]


def test_saving_a_translation_in_the_page_editor_keeps_the_shared_dates(admin_client, salon):
    en = salon.en
    url = reverse("wagtailadmin_pages:edit", args=[en.pk])

    response = admin_client.post(url, edit_form(en, tampered_rows(en)))

    assert response.status_code == 302
    en.refresh_from_db()
    assert en.title == "Uncle Zhan's English Salon (new title)"
    assert shared_dates(en) == shared_dates(salon.zh)


def test_a_date_added_to_a_translation_is_refused(admin_client, salon):
    en = salon.en
    url = reverse("wagtailadmin_pages:edit", args=[en.pk])
    added = {"date": "2000-01-08", "action": "cancel"}

    response = admin_client.post(url, edit_form(en, tampered_rows(en), [added]))

    assert response.status_code == 200
    assert response.context["form"].formsets["date_changes"].non_form_errors()
    en.refresh_from_db()
    assert en.title != "Uncle Zhan's English Salon (new title)"
    assert shared_dates(en) == shared_dates(salon.zh)


class BrowserForm(HTMLParser):
    """The fields of the page editor's form as a browser submits them: disabled ones left out."""

    def __init__(self):
        super().__init__()
        self.data, self._in_form, self._select, self._textarea = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "page-edit-form":
            self._in_form = True
        if not self._in_form or "disabled" in attrs or not attrs.get("name"):
            if tag == "option" and self._select and "selected" in attrs:
                self.data.append((self._select, attrs.get("value", "")))
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file"):
                self.data.append(
                    (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
                )
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.data[-1]
            self.data[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def as_browser_sends(html):
    form = BrowserForm()
    form.feed(html)
    data = QueryDict(mutable=True)
    for name, value in form.data:
        data.appendlist(name, value)
    return data


@pytest.mark.parametrize("user", ["admin", "moderator"])
def test_saving_an_unchanged_translation_as_the_browser_sends_it(
    client, salon, user, django_user_model
):
    """Issue 13, finding 6: MultiValueDictKeyError 'organisers-0-id' from the disabled rows."""
    from editorial.roles import MODERATORS, setup_roles

    if user == "admin":
        person = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
    else:
        groups = setup_roles()
        person = django_user_model.objects.create_user("mod", "mod@example.com", "pw")
        person.groups.add(groups[MODERATORS])
    client.force_login(person)
    url = reverse("wagtailadmin_pages:edit", args=[salon.en.pk])
    data = as_browser_sends(client.get(url).content.decode())
    assert "organisers-TOTAL_FORMS" in data and data["organisers-INITIAL_FORMS"] == "1"
    # The StreamField's inputs are written by the editor's JavaScript, not in the HTML.
    for name, value in nested_form_data({"body": streamfield([])}).items():
        data.setlist(name, [value])
    data["action-publish"] = "1"

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    salon.en.refresh_from_db()
    assert [o.partner_id for o in salon.en.organisers.all()] == [
        o.partner_id for o in salon.zh.organisers.all()
    ]
    assert shared_dates(salon.en) == shared_dates(salon.zh)
