import pytest

from tests import factories


@pytest.fixture
def editor_user(db):
    return factories.editor(username="editor")


@pytest.fixture
def auditor_user(db):
    return factories.auditor(username="auditor")


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client
