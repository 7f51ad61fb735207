"""The API answers 429 past its rates: the public by address, token holders by account. The rates
come from settings (API_THROTTLE_ANON, API_THROTTLE_USER in the environment)."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    def set_rates(anon: str, user: str) -> None:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user}}

    return set_rates


def test_default_rates_are_set():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] == {"anon": "120/minute", "user": "1200/minute"}


def test_an_anonymous_client_past_the_rate_gets_429_with_when_to_retry(api, rates):
    rates("3/minute", "100/minute")
    for _ in range(3):
        assert api.get("/api/people/", REMOTE_ADDR="203.0.113.5").status_code == 200

    response = api.get("/api/people/", REMOTE_ADDR="203.0.113.5")

    assert response.status_code == 429
    assert 55 <= int(response["Retry-After"]) <= 60
    assert response.json()["detail"].startswith("Request was throttled. Expected available in")
    # Another address is counted apart.
    assert api.get("/api/people/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_token_holder_is_counted_by_account_at_its_own_rate(api, rates, auditor_user):
    rates("1/minute", "3/minute")
    token = Token.objects.create(user=auditor_user)
    for address in ("203.0.113.5", "198.51.100.7", "192.0.2.9"):
        response = api.get("/api/findings/", HTTP_AUTHORIZATION=f"Token {token.key}", REMOTE_ADDR=address)
        assert response.status_code == 200

    response = api.get("/api/findings/", HTTP_AUTHORIZATION=f"Token {token.key}", REMOTE_ADDR="192.0.2.10")

    assert response.status_code == 429
