"""Forms of the auditor pages: start a run, filter findings, review a finding."""

from django import forms

from audits.enums import Presence, ReviewStatus, Severity
from audits.rules import all_rules
from registry.validators import normalize_doi

# Ids are 64-bit integers: a larger number can name no record, and the database refuses it as a parameter.
MAX_ID = 2**63 - 1


def rule_choices():
    return [(code, f"{code} — {cls.title}") for code, cls in all_rules().items()]


class RunAuditForm(forms.Form):
    article = forms.CharField(required=False, label="Article DOI", help_text="Leave empty to audit everything.")
    person = forms.CharField(required=False, label="Person (ORCID iD or id)")
    since = forms.DateField(
        required=False, label="Articles dated since", widget=forms.DateInput(attrs={"type": "date"})
    )
    rules = forms.MultipleChoiceField(
        required=False,
        choices=rule_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Default: every rule.",
    )
    window_months = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=240,
        help_text="Look-back window for every rule that takes one (default 36).",
    )


class FindingFilterForm(forms.Form):
    rule = forms.ChoiceField(required=False, choices=lambda: [("", "Any rule"), *rule_choices()])
    severity = forms.ChoiceField(required=False, choices=[("", "Any severity"), *Severity.choices])
    status = forms.ChoiceField(required=False, choices=[("", "Any review status"), *ReviewStatus.choices])
    presence = forms.ChoiceField(required=False, choices=[("", "Found or resolved"), *Presence.choices])
    article = forms.CharField(required=False, label="Article DOI", max_length=300)
    person = forms.IntegerField(required=False, label="Person id", min_value=1, max_value=MAX_ID)
    organization = forms.IntegerField(required=False, label="Organization id", min_value=1, max_value=MAX_ID)

    def clean_article(self) -> str:
        """A DOI in any of its written forms (a doi.org link, upper case) finds the article's findings."""
        article = self.cleaned_data["article"].strip()
        return normalize_doi(article) if article else ""


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=ReviewStatus.choices)
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == ReviewStatus.DISMISSED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Say why the finding is dismissed.")
        return cleaned
