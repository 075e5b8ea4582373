"""The OpenAPI document, the docs page, and Schemathesis driving every operation from it.

Schemathesis (a client no one here wrote) reads the served document, generates requests
that fit it and requests that do not, sends them to the WSGI application in this process
and checks every answer: never a 5xx, status codes and bodies as documented, invalid
input refused, valid input accepted.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import API, get_json

pytestmark = pytest.mark.django_db

# Valid in form but unknown to the content: a category, venue or organiser slug is checked
# against the pages that exist, which no schema can list. The calendar answers 400 too.
CONTENT_CHECKED = {"category", "venue", "organiser"}
EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 10}


def test_openapi_document_lists_every_operation(client):
    document = get_json(client, "/openapi.json")
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        f"{API}/events/",
        f"{API}/services/",
        f"{API}/services/{{id}}/",
        f"{API}/partners/",
        f"{API}/partners/{{id}}/",
        f"{API}/spaces/",
        f"{API}/spaces/{{id}}/",
    }
    events = document["paths"][f"{API}/events/"]["get"]
    names = {parameter["name"] for parameter in events["parameters"]}
    assert names >= {"start", "end", "category", "venue", "organiser", "audience", "language"}
    assert names >= {"free", "q", "last_modified_since", "bbox", "limit", "offset", "locale"}
    assert set(events["responses"]) == {"200", "400"}


def test_docs_page_is_served_from_this_site(client):
    html = client.get(f"{API}/docs/").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html


@schemathesis.check
def valid_data_is_accepted(ctx, response, case):
    """Schemathesis's positive_data_acceptance, except a 400 naming a content-checked slug."""
    if response.status_code == 400 and case.meta and case.meta.generation.mode.is_positive:
        named = {error["parameter"] for error in response.json()["errors"]}
        if named <= CONTENT_CHECKED:
            return True
    return positive_data_acceptance(ctx, response, case)


@pytest.fixture
def wsgi_application():
    """The site as a WSGI server runs it, in this test's transaction (as Django's test client
    does, requests do not close the connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_schemathesis_finds_no_failure(wsgi_application, programme, uncached_pages):
    schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", wsgi_application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 7
    sent = []
    for operation in operations:
        for mode, examples in EXAMPLES.items():

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=examples,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def run(case):
                sent.append(case.operation.label)
                case.call_and_validate(
                    # The WSGI test client does not decompress, as an HTTP client would.
                    headers={"Accept-Encoding": "identity"},
                    excluded_checks=[positive_data_acceptance],
                    additional_checks=[valid_data_is_accepted],
                )

            run()
    # Every operation was exercised, in both modes.
    assert set(sent) == {operation.label for operation in operations}
    assert len(sent) >= len(operations) * 15
