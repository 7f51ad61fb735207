"""Forms of the auditor pages: start a run, filter findings, review a finding."""

from django import forms

from audits.enums import Presence, ReviewStatus, Severity
from audits.models import AuditRun, Finding
from audits.rules import all_rules
from registry.models import Article, Organization, Person
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

    # The workbench's filters: by name rather than by id, a date range of the articles, one run.
    person_name = forms.CharField(required=False, label="Person name", max_length=300)
    organization_name = forms.CharField(required=False, label="Organization name", max_length=300)
    date_from = forms.DateField(
        required=False, label="Articles dated from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(required=False, label="to", widget=forms.DateInput(attrs={"type": "date"}))
    in_run = forms.IntegerField(required=False, label="Found by audit run", min_value=1)

    def clean_article(self) -> str:
        """A DOI in any of its written forms (a doi.org link, upper case) finds the article's findings."""
        article = self.cleaned_data["article"].strip()
        doi = normalize_doi(article) if article else ""
        if doi and not Article.objects.filter(doi=doi).exists():
            raise forms.ValidationError(f"No article with DOI {doi} in the registry.")
        return doi

    def clean_person_name(self) -> str:
        name = self.cleaned_data["person_name"].strip()
        if name and not Person.objects.filter(name__icontains=name).exists():
            raise forms.ValidationError(f"No person named “{name}” in the registry.")
        return name

    def clean_organization_name(self) -> str:
        name = self.cleaned_data["organization_name"].strip()
        if name and not Organization.objects.filter(name__icontains=name).exists():
            raise forms.ValidationError(f"No organization named “{name}” in the registry.")
        return name

    def clean_in_run(self) -> int | None:
        run = self.cleaned_data["in_run"]
        if run and not AuditRun.objects.filter(pk=run).exists():
            raise forms.ValidationError(f"No audit run {run}.")
        return run

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The range ends before it starts.")
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=ReviewStatus.choices)
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == ReviewStatus.DISMISSED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Say why the finding is dismissed.")
        return cleaned


class BulkReviewForm(ReviewForm):
    """One decision and one reason for the findings ticked on the list, or for every finding the filter matches."""

    findings = forms.ModelMultipleChoiceField(queryset=None, required=False)
    all_matching = forms.BooleanField(required=False, label="All findings matching this filter")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].queryset = Finding.objects.all()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("all_matching") and not cleaned.get("findings"):
            raise forms.ValidationError("Select the findings to review, or all findings matching this filter.")
        return cleaned
