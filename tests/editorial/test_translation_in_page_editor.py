"""A translation opened in Wagtail's own page editor (no wagtail-localize sync, or sync
stopped): its shared facts show read-only and saving it leaves them as the source has them."""

import re

import pytest
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
