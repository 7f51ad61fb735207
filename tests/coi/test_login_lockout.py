"""Repeated failed logins lock the account out from that address (django-axes), and say so."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import editor

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")
PASSWORD = "a-long-editor-password"


@pytest.fixture
def account(db):
    user = editor(username="ed")
    user.set_password(PASSWORD)
    user.save()
    return user


def attempt(client, password: str, address: str = "203.0.113.5"):
    return client.post(LOGIN, {"username": "ed", "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_account_out_even_with_the_right_password(client, account, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200  # the form again, with its error

    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "Account locked: too many login attempts." in locked.content.decode()

    assert attempt(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # The attempt while locked out counts as a failure too, and starts the 15 minutes again.
    assert AccessAttempt.objects.get(username="ed").failures_since_start == 6


def test_the_lockout_holds_for_that_address_only(client, account):
    for _ in range(5):
        attempt(client, "wrong")

    response = attempt(client, PASSWORD, address="198.51.100.7")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(account.pk)


def test_a_success_before_the_limit_starts_the_count_again(client, account):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200
