"""The admin's "Parse statement" pages: paste (or take the stored) statement, review the proposed rows,
correct them and save. Parsing writes nothing; only "Save" records disclosures, through the services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from registry.enums import InterestCategory, Payee
from registry.models import Article, Authorship, Disclosure, Organization
from registry.proposals import (
    ConfirmedRow,
    Outcome,
    Proposal,
    ProposedRow,
    article_authorships,
    author_name,
    confirm_parsed_statement,
    disclosure_authorships,
    plan,
    propose,
    resolve_rows,
)

PERMISSION = "registry.change_disclosure"
MAX_ROWS = 1000


class StatementForm(forms.Form):
    statement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10, "cols": 100}),
        strip=False,  # the rows point into the text by offset: keep it exactly as pasted
        help_text="Paste the competing-interest statement, or parse the one on file.",
    )

    def clean_statement(self) -> str:
        statement = self.cleaned_data["statement"].replace("\r\n", "\n")  # browsers send CRLF
        if not statement.strip():
            raise forms.ValidationError("Paste the statement to parse.")
        return statement


class RowForm(forms.Form):
    include = forms.BooleanField(required=False)
    author = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    category = forms.ChoiceField(choices=InterestCategory.choices)
    organization_name = forms.CharField(label="organization as written", required=False, max_length=300)
    # A select of the resolved record, records sharing the name and close names; checked on save.
    organization = forms.IntegerField(label="organization in the registry", required=False, widget=forms.Select)
    payee = forms.ChoiceField(choices=Payee.choices)
    specification = forms.CharField(required=False, widget=forms.TextInput(attrs={"size": 28}))
    span_start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    span_end = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, authors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_author = bool(authors)
        if authors:
            self.fields["author"].choices = [("", "— choose —"), *authors]
        else:
            del self.fields["author"]  # one author's own statement: every row is theirs
        self.row: ProposedRow | None = None

    def offer(self, row: ProposedRow) -> None:
        """Show this row's organization options (computed from the name as written)."""
        self.row = row
        options = row.choices()
        chosen = self["organization"].value()
        if chosen not in (None, "") and str(chosen) not in {value for value, _ in options}:
            options.insert(0, (str(chosen), "the organization chosen before"))
        self.fields["organization"].widget.choices = options

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("include"):
            return cleaned
        if self.needs_author and cleaned.get("author") is None:
            self.add_error("author", "Choose whose tie this is.")
        named = cleaned.get("organization") is not None or (cleaned.get("organization_name") or "").strip()
        if not named and not (cleaned.get("specification") or "").strip():
            self.add_error("organization_name", "Name the organization, or describe the tie in the specification.")
        start, end = cleaned.get("span_start"), cleaned.get("span_end")
        if start is not None and end is not None and start > end:
            self.add_error(None, "This row points at no text of the statement; parse it again.")
        return cleaned


class BaseRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, authors=(), **kwargs):
        self.authors = list(authors)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"authors": self.authors}


RowFormSet = forms.formset_factory(
    RowForm, formset=BaseRowFormSet, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS
)


class ConfirmForm(forms.Form):
    statement = forms.CharField(widget=forms.HiddenInput, strip=False)
    change_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="Required when this corrects a published article's disclosure; kept in the history.",
    )

    def __init__(self, *args, authorships: list[Authorship], **kwargs):
        super().__init__(*args, **kwargs)
        self.authorships = authorships
        for authorship in authorships:
            label = f"{author_name(authorship)} declares nothing"
            self.fields[f"none_{authorship.pk}"] = forms.BooleanField(required=False, label=label)

    def none_fields(self) -> list[forms.BoundField]:
        return [self[f"none_{authorship.pk}"] for authorship in self.authorships]

    def declares_none(self) -> set[int]:
        return {a.pk for a in self.authorships if self.cleaned_data.get(f"none_{a.pk}")}

    def clean_statement(self) -> str:
        return self.cleaned_data["statement"].replace("\r\n", "\n")


# ---- urls and views ----


def disclosure_parse_urls(model_admin: ModelAdmin) -> list:
    def view(request, object_id):
        return parse_disclosure(request, object_id, model_admin)

    return [path("<path:object_id>/parse/", model_admin.admin_site.admin_view(view), name="registry_disclosure_parse")]


def article_parse_urls(model_admin: ModelAdmin) -> list:
    def view(request, object_id):
        return parse_article(request, object_id, model_admin)

    return [path("<path:object_id>/parse/", model_admin.admin_site.admin_view(view), name="registry_article_parse")]


def parse_disclosure(request: HttpRequest, object_id: str, model_admin: ModelAdmin) -> HttpResponse:
    """One author's disclosure: the statement is theirs alone, so a change of wording is a change."""
    _require_editor(request)
    # With what its name on the page needs ("Disclosure of <author> (1) on <article>").
    disclosure = get_object_or_404(
        Disclosure.objects.select_related("authorship__person", "authorship__article"), pk=object_id
    )
    authorships = disclosure_authorships(disclosure)
    page = _Page(request, model_admin, disclosure, authorships, stored=disclosure.statement, whole_statement=True)
    page.title = f"Parse the statement of {author_name(authorships[0])}"
    page.back = reverse("admin:registry_disclosure_change", args=[disclosure.pk])
    return page.respond()


def parse_article(request: HttpRequest, object_id: str, model_admin: ModelAdmin) -> HttpResponse:
    """An article's printed statement, read against its authors in byline order."""
    _require_editor(request)
    article = get_object_or_404(Article, pk=object_id)
    authorships = article_authorships(article)
    page = _Page(
        request, model_admin, article, authorships, stored=article.competing_interests_text, whole_statement=False
    )
    page.title = f"Parse the competing-interest statement of “{article.title}”"
    page.back = reverse("admin:registry_article_change", args=[article.pk])
    return page.respond()


def _require_editor(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class _Page:
    """Step 1 (the statement), step 2 (the proposed rows) and the save, for a disclosure or an article."""

    title = back = ""

    def __init__(self, request, model_admin, subject, authorships: list[Authorship], *, stored, whole_statement):
        self.request, self.model_admin, self.subject = request, model_admin, subject
        self.authorships, self.stored, self.whole_statement = authorships, stored, whole_statement
        # An author column only where the statement covers several authors (the article page).
        self.author_choices = [] if whole_statement else [(a.pk, author_name(a)) for a in authorships]

    def respond(self) -> HttpResponse:
        if self.request.method != "POST":
            return self.render(
                "admin/registry/parse/statement.html", {"form": StatementForm(initial={"statement": self.stored})}
            )
        if "save" in self.request.POST:
            return self.save()
        form = StatementForm(self.request.POST)
        if not form.is_valid():
            return self.render("admin/registry/parse/statement.html", {"form": form})
        proposal = propose(form.cleaned_data["statement"], self.authorships)
        formset = RowFormSet(initial=[_initial(row) for row in proposal.rows], authors=self.author_choices)
        initial = {"statement": proposal.statement, **{f"none_{pk}": True for pk in proposal.declares_none}}
        confirm = ConfirmForm(initial=initial, authorships=self.authorships)
        confirmed = [_as_confirmed(row) for row in proposal.rows if row.authorship is not None]
        return self.proposal_step(proposal, formset, confirm, confirmed, proposal.declares_none)

    def save(self) -> HttpResponse:
        post = self.request.POST
        confirm = ConfirmForm(post, authorships=self.authorships)
        formset = RowFormSet(post, authors=self.author_choices)
        confirm_valid, rows_valid = confirm.is_valid(), formset.is_valid()  # both, to show every error
        if not (confirm_valid and rows_valid):
            return self.show_again(formset, confirm, post.get("statement", ""), [], set())
        statement = confirm.cleaned_data["statement"]
        confirmed = _confirmed_rows(formset, self.authorships)
        declares_none = confirm.declares_none()
        valid = _check(formset, confirm, confirmed, declares_none, statement)
        if not valid:
            return self.show_again(formset, confirm, statement, confirmed, declares_none)
        try:
            outcome = confirm_parsed_statement(
                actor=self.request.user,
                statement=statement,
                authorships=self.authorships,
                rows=confirmed,
                declares_none=declares_none,
                whole_statement=self.whole_statement,
                change_reason=confirm.cleaned_data["change_reason"],
            )
        except ValidationError as exc:
            if getattr(exc, "code", None) != "correction_needs_reason":
                raise
            confirm.add_error("change_reason", exc)
            return self.show_again(formset, confirm, statement, confirmed, declares_none)
        messages.success(self.request, _summary(outcome))
        return redirect(self.back)

    def show_again(self, formset, confirm, statement: str, confirmed, declares_none) -> HttpResponse:
        """The rows page again, with the editor's entries and errors, and organization options for them."""
        rows = [_posted_row(form, self.authorships) for form in formset.forms]
        resolve_rows(rows)
        proposal = Proposal(statement, self.authorships, rows, declares_none)
        return self.proposal_step(proposal, formset, confirm, confirmed, declares_none)

    def proposal_step(self, proposal: Proposal, formset, confirm, confirmed, declares_none) -> HttpResponse:
        for form, row in zip(formset.forms, proposal.rows, strict=False):
            form.offer(row)
        _, corrections = self._plan(proposal.statement, confirmed, declares_none)
        context = {
            "proposal": proposal,
            "formset": formset,
            "confirm": confirm,
            "corrections": corrections,
            "show_author": bool(self.author_choices),
        }
        return self.render("admin/registry/parse/proposal.html", context)

    def _plan(self, statement, confirmed, declares_none):
        return plan(
            self.authorships, confirmed, declares_none, statement=statement, whole_statement=self.whole_statement
        )

    def render(self, template: str, context: dict) -> HttpResponse:
        base = {
            **self.model_admin.admin_site.each_context(self.request),
            "opts": self.subject._meta,
            "original": self.subject,
            "title": self.title,
            "back": self.back,
        }
        return TemplateResponse(self.request, template, {**base, **context})


def _initial(row: ProposedRow) -> dict:
    return {
        "include": True,
        "author": row.authorship.pk if row.authorship else None,
        "category": row.category,
        "organization_name": row.organization_name,
        "organization": row.organization.pk if row.organization else None,
        "payee": row.payee,
        "specification": row.specification,
        "span_start": row.span[0],
        "span_end": row.span[1],
    }


def _as_confirmed(row: ProposedRow) -> ConfirmedRow:
    return ConfirmedRow(
        row.authorship, row.category, row.organization, row.organization_name, row.payee, row.specification, row.span
    )


def _posted_row(form: RowForm, authorships: list[Authorship]) -> ProposedRow:
    """A submitted row, to show the page again with its organization options."""
    by_pk = {str(a.pk): a for a in authorships}
    start, end = form["span_start"].value(), form["span_end"].value()
    author = form["author"].value() if "author" in form.fields else None
    return ProposedRow(
        authorship=by_pk.get(str(author)) or (authorships[0] if len(authorships) == 1 else None),
        category=form["category"].value() or "",
        organization_name=(form["organization_name"].value() or "").strip(),
        payee=form["payee"].value() or "",
        specification=form["specification"].value() or "",
        span=(int(start) if str(start).isdigit() else 0, int(end) if str(end).isdigit() else 0),
    )


def _confirmed_rows(formset, authorships: list[Authorship]) -> list[ConfirmedRow]:
    """The included rows of a valid formset, their organizations fetched in one query."""
    by_pk = {a.pk: a for a in authorships}
    only = authorships[0] if len(authorships) == 1 else None
    included = [form for form in formset.forms if form.cleaned_data.get("include")]
    wanted = {form.cleaned_data["organization"] for form in included} - {None}
    orgs = Organization.objects.in_bulk(wanted) if wanted else {}
    rows = []
    for form in included:
        data = form.cleaned_data
        authorship = by_pk.get(data["author"]) if data.get("author") is not None else only
        if authorship is None or (data["organization"] is not None and data["organization"] not in orgs):
            continue  # _check() reports it
        rows.append(
            ConfirmedRow(
                authorship=authorship,
                category=data["category"],
                organization=orgs.get(data["organization"]),
                organization_name=(data["organization_name"] or "").strip(),
                payee=data["payee"],
                specification=(data["specification"] or "").strip(),
                span=(data["span_start"], data["span_end"]),
            )
        )
    return rows


def _check(formset, confirm, confirmed: list[ConfirmedRow], declares_none: set[int], statement: str) -> bool:
    """Errors a valid form can still have once the rows meet the registry; True when there are none."""
    ok = True
    known = {row.organization.pk for row in confirmed if row.organization}
    for form in formset.forms:
        data = form.cleaned_data
        if not data.get("include"):
            continue
        if data["organization"] is not None and data["organization"] not in known:
            form.add_error("organization", "That organization is not in the registry; choose again.")
            ok = False
        if data["span_end"] > len(statement):
            form.add_error(None, "This row points outside the statement; parse it again.")
            ok = False
    for name in sorted({author_name(r.authorship) for r in confirmed if r.authorship.pk in declares_none}):
        confirm.add_error(None, f"{name} is marked as declaring nothing but has rows included: untick one of them.")
        ok = False
    return ok


def _summary(outcome: Outcome) -> str:
    if not outcome.written:
        return "Nothing changed: the disclosures on file already declare this."
    names = ", ".join(d.authorship.person.name for d in outcome.written)
    text = f"Recorded the disclosure of {names} from the parsed statement."
    if outcome.corrected:
        text += f" Marked {len(outcome.corrected)} published disclosure(s) as corrected."
    return text
