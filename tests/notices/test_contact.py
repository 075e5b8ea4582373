"""Contact the centre: stored, e-mailed, spam kept out, and the only page with a cookie."""

import smtplib
from types import SimpleNamespace

import pytest
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from notices.models import ContactFormField, ContactPage
from tests.conftest import publish, translate
from tests.replay import replayed

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(home):
    return replayed("notices.contact", lambda: build_contact(home))


def build_contact(home):
    page = ContactPage(
        title="联系我们",
        slug="contact",
        to_address="centre@example.org",
        from_address="site@example.org",
        subject="网站留言",
        privacy_note="<p>留言保存一年。</p>",
    )
    for n, (label, field_type) in enumerate(
        (("姓名", "singleline"), ("电子邮箱", "email"), ("留言", "multiline"))
    ):
        page.form_fields.add(
            ContactFormField(
                label=label,
                field_type=field_type,
                required=True,
                sort_order=n,
                clean_name=("name", "email", "message")[n],
            )
        )
    home.zh.add_child(instance=page)
    publish(page)
    en = translate(page, "en", title="Contact us", privacy_note="<p>Kept for one year.</p>")
    ko = translate(page, "ko", title="문의하기", privacy_note="<p>1년간 보관합니다.</p>")
    return SimpleNamespace(zh=page, en=en, ko=ko)


GOOD = {"name": "Kim", "email": "kim@example.org", "message": "Where do I register?"}


def csrf_client():
    return Client(enforce_csrf_checks=True)


def post(client, path, data):
    client.get(path)
    token = client.cookies["csrftoken"].value
    return client.post(path, {**data, "csrfmiddlewaretoken": token})


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_the_form_page_sets_a_csrf_cookie_and_is_not_cached(client, contact, language):
    first = client.get(f"/{language}/contact/")
    assert first.status_code == 200
    assert "csrftoken" in first.cookies
    assert "private" in first["Cache-Control"]
    second = Client().get(f"/{language}/contact/")
    assert "csrftoken" in second.cookies  # rendered again, not a cached copy without a token
    assert 'name="csrfmiddlewaretoken"' in second.content.decode()


def test_other_pages_set_no_cookie(client, contact):
    for path in ("/en/", "/ko/"):
        response = client.get(path)
        assert not response.cookies
        assert "public" in response["Cache-Control"]


def test_a_message_is_stored_and_emailed(contact):
    response = post(csrf_client(), "/en/contact/", GOOD)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    [submission] = FormSubmission.objects.filter(page=contact.en)
    assert submission.get_data()["message"] == "Where do I register?"
    assert "website" not in submission.form_data
    [message] = mail.outbox
    assert message.to == ["centre@example.org"]
    assert message.subject == "网站留言"
    assert "Where do I register?" in message.body


def test_the_fields_are_in_the_visitors_language(client, contact):
    html = client.get("/en/contact/").content.decode()
    assert "Kept for one year." in html


def test_a_filled_in_honeypot_stores_and_sends_nothing(contact):
    response = post(csrf_client(), "/en/contact/", {**GOOD, "website": "http://spam"})
    assert response.status_code == 200
    assert "leave the last field empty" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_a_header_injection_stays_in_the_body(contact):
    evil = {**GOOD, "name": "Kim\r\nBcc: victim@example.org", "email": "kim@example.org"}
    post(csrf_client(), "/en/contact/", evil)
    [message] = mail.outbox
    assert message.bcc == []
    assert (
        "victim@example.org" not in message.message()["Bcc"] if message.message()["Bcc"] else True
    )
    assert message.recipients() == ["centre@example.org"]


def test_a_flood_from_one_address_is_refused(contact, settings):
    settings.YOULIN_CONTACT_RATE_LIMIT = 2
    client = csrf_client()
    for _ in range(2):
        assert post(client, "/en/contact/", GOOD).status_code == 200
    refused = post(client, "/en/contact/", GOOD)
    assert refused.status_code == 429
    assert "try again later" in refused.content.decode()
    assert FormSubmission.objects.count() == 2
    assert len(mail.outbox) == 2


def test_a_bad_address_is_a_form_error(contact):
    response = post(csrf_client(), "/ko/contact/", {**GOOD, "email": "not an address"})
    assert response.status_code == 200
    assert 'class="contact-form__error"' in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_mail_server_that_refuses_loses_nothing(contact, monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"centre@example.org": (550, b"no")})

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    response = post(csrf_client(), "/en/contact/", GOOD)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1


def test_submissions_are_listed_in_the_admin(contact, admin_client):
    post(csrf_client(), "/en/contact/", GOOD)
    response = admin_client.get(f"/admin/forms/submissions/{contact.en.pk}/")
    assert response.status_code == 200
    assert "Where do I register?" in response.content.decode()


def test_a_message_can_be_exported_and_deleted_on_request(contact, admin_client):
    post(csrf_client(), "/en/contact/", GOOD)
    [submission] = FormSubmission.objects.all()
    export = admin_client.get(f"/admin/forms/submissions/{contact.en.pk}/?export=csv")
    assert export.status_code == 200
    body = export.getvalue() if export.streaming else export.content
    assert "Where do I register?" in body.decode()
    deleted = admin_client.post(
        f"/admin/forms/submissions/{contact.en.pk}/delete/?selected-submissions={submission.pk}"
    )
    assert deleted.status_code == 302
    assert not FormSubmission.objects.exists()


def test_behind_a_proxy_each_visitor_has_their_own_limit(contact, settings):
    settings.YOULIN_CONTACT_RATE_LIMIT = 1
    settings.AXES_IPWARE_PROXY_COUNT = 1
    first, second = csrf_client(), csrf_client()
    first.defaults["HTTP_X_FORWARDED_FOR"] = "203.0.113.7"
    second.defaults["HTTP_X_FORWARDED_FOR"] = "forged, 198.51.100.9"
    assert post(first, "/en/contact/", GOOD).status_code == 200
    assert post(second, "/en/contact/", GOOD).status_code == 200
    assert post(first, "/en/contact/", GOOD).status_code == 429
