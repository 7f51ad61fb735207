import pytest
from django.urls import reverse

from audits.enums import ReviewStatus
from audits.models import AuditRun, Finding, FindingReview
from tests.audits.helpers import audit
from tests.factories import AuthorshipFactory, auditor, editor

pytestmark = pytest.mark.django_db


def inline_management_data(response) -> dict:
    """What the browser posts back for the page's inlines: management forms and existing rows' ids."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for form in formset.initial_forms:
            for name in ("id", formset.fk.name):
                data[form.add_prefix(name)] = form[name].value()
    return data


def test_auditor_records_a_review_in_the_admin(client):
    AuthorshipFactory()
    audit()
    finding = Finding.objects.get()
    client.force_login(auditor(username="ada"))
    url = reverse("admin:audits_finding_change", args=[finding.pk])
    page = client.get(url)
    assert "history across runs" in page.content.decode().lower()
    data = {
        **inline_management_data(page),
        "reviews-TOTAL_FORMS": "1",
        "reviews-0-decision": ReviewStatus.CONFIRMED,
        "reviews-0-reason": "Checked with the journal.",
    }
    assert client.post(url, data).status_code == 302
    review = FindingReview.objects.get()
    assert (review.reviewer.username, review.decision) == ("ada", ReviewStatus.CONFIRMED)
    assert Finding.objects.get().review_status == ReviewStatus.CONFIRMED


def test_editor_cannot_review_in_the_admin(client):
    AuthorshipFactory()
    audit()
    finding = Finding.objects.get()
    client.force_login(editor())
    url = reverse("admin:audits_finding_change", args=[finding.pk])
    data = {"reviews-TOTAL_FORMS": "1", "reviews-INITIAL_FORMS": "0", "reviews-0-decision": "confirmed"}
    assert client.post(url, data).status_code == 403
    assert FindingReview.objects.count() == 0


def test_admin_action_audits_the_selected_articles(client):
    authorship = AuthorshipFactory()
    AuthorshipFactory()
    client.force_login(auditor())
    response = client.post(
        reverse("admin:registry_article_changelist"),
        {"action": "audit_selected_articles", "_selected_action": [authorship.article_id]},
    )
    assert response.status_code == 302
    run = AuditRun.objects.get()
    assert run.scope["articles"] == [authorship.article_id]
    assert list(Finding.objects.values_list("authorship_id", flat=True)) == [authorship.pk]


def action_names(response) -> list[str]:
    return [name for name, _ in response.context["action_form"].fields["action"].choices if name]


def test_the_audit_action_is_offered_to_auditors_only(client):
    AuthorshipFactory()
    url = reverse("admin:registry_article_changelist")
    client.force_login(auditor())
    assert "audit_selected_articles" in action_names(client.get(url))
    client.force_login(editor())
    assert "audit_selected_articles" not in action_names(client.get(url))


def test_an_editor_cannot_run_the_audit_action(client):
    authorship = AuthorshipFactory()
    client.force_login(editor())
    client.post(
        reverse("admin:registry_article_changelist"),
        {"action": "audit_selected_articles", "_selected_action": [authorship.article_id]},
    )
    assert AuditRun.objects.count() == 0


def test_findings_changelist_queries_are_constant(client, django_assert_num_queries):
    AuthorshipFactory()
    audit()
    client.force_login(auditor())
    url = reverse("admin:audits_finding_changelist")
    # session, user, permissions (2), the auditor's group (which findings they read), count, rows with articles
    with django_assert_num_queries(7):
        client.get(url)
    for _ in range(5):
        AuthorshipFactory()
    audit()
    with django_assert_num_queries(7):
        client.get(url)
