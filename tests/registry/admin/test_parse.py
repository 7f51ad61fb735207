"""The admin's "Parse statement" flow: a statement in, proposed rows with organizations resolved, nothing
written until the editor saves, then disclosures recorded through the services with history."""

import pytest
from django.urls import reverse

from registry.enums import ArticleStatus, DisclosureForm, DisclosureStatus
from registry.models import DeclaredInterest, Disclosure, Interest
from registry.proposals import PARSED_REASON
from registry.selectors import similar_organizations_for
from tests import factories
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

# Two of the seed article's statements (Tidsskrift 2026, DOI 10.4045/tidsskr.26.0122), verbatim.
GOKSOYR = (
    "The author has completed the ICMJE form and declares the following conflict of interest: "
    "he has served on the advisory board for Norsk Psykedelisk Vitenskap."
)
ANDREASSEN = (
    "The author has completed the ICMJE form and declares the following conflicts of interest: "
    "he has received consultancy fees from Precision-Health.ai, Ledidi, BMS and Lilly; lecture fees from "
    "BMS, Lilly, Janssen, Lundbeck, Otsuka and Sunovion; has served on the advisory board for Ledidi; and "
    "holds stock options/shares in Precision-Health.ai, Lididi and Cortechs.ai."
)
NONE_TEXT = "The author has completed the ICMJE form and declares no conflicts of interest."
# A multi-author statement in the eLife style: one footnote per group of authors.
ELIFE = (
    "JFM: Reviewing editor, eLife. || CW, JH: Co-founder of iRepertoire. || "
    "The other authors declare that no competing interests exist."
)
ELIFE_AUTHORS = ["Jeff F Miller", "Chunlin Wang", "Jian Han", "Ana Lopez"]


@pytest.fixture
def registry_orgs(db):
    """The seed's companies as the registry knows them; "Lididi" is deliberately not among them."""
    orgs = {}
    for name, aliases in [
        ("Norsk Psykedelisk Vitenskap", []),
        ("Precision-Health.ai", []),
        ("Ledidi", []),
        ("Bristol-Myers Squibb", ["BMS"]),
        ("Eli Lilly and Company", ["Lilly"]),
        ("Janssen Pharmaceuticals", ["Janssen"]),
        ("H. Lundbeck A/S", ["Lundbeck"]),
        ("Otsuka Pharmaceutical Co., Ltd.", ["Otsuka"]),
        ("Sunovion Pharmaceuticals Inc.", ["Sunovion"]),
        ("Cortechs.ai", []),
        ("eLife Sciences Publications", ["eLife"]),
    ]:
        orgs[name] = OrganizationFactory(name=name)
        for alias in aliases:
            OrganizationAliasFactory(organization=orgs[name], name=alias)
    return orgs


def disclosure_of(name: str, statement: str, *, status=ArticleStatus.DRAFT, **kwargs) -> Disclosure:
    article = ArticleFactory(status=status, published_date=None if status == ArticleStatus.DRAFT else "2026-06-16")
    authorship = AuthorshipFactory(article=article, person=PersonFactory(name=name), position=1)
    return DisclosureFactory(authorship=authorship, statement=statement, **kwargs)


def article_with(authors: list[str], statement: str, *, status=ArticleStatus.PUBLISHED):
    article = ArticleFactory(competing_interests_text=statement, status=status)
    for position, name in enumerate(authors, start=1):
        AuthorshipFactory(article=article, person=PersonFactory(name=name), position=position)
    return article


def parse_url(model: str, pk: int) -> str:
    return reverse(f"admin:registry_{model}_parse", args=[pk])


def rows_of(response) -> list[tuple]:
    """(author, category, organization as written, registry record, payee) of each proposed row."""
    out = []
    for form in response.context["formset"].forms:
        row = form.row
        record = row.organization.name if row.organization else None
        author = row.authorship.person.name if row.authorship else None
        out.append((author, row.category, row.organization_name, record, row.payee))
    return out


def save_data(response, *, reason: str = "", none=(), **changes) -> dict:
    """The proposal page's forms as the browser would submit them, with `changes` as form-N-field keys."""
    formset, confirm = response.context["formset"], response.context["confirm"]
    data = {
        "save": "Save",
        "statement": confirm["statement"].value(),
        "change_reason": reason,
        "form-TOTAL_FORMS": str(len(formset.forms)),
        "form-INITIAL_FORMS": str(len(formset.forms)),
    }
    for form in formset.forms:
        for name in form.fields:
            value = form.initial.get(name)
            if name == "include":
                if value:
                    data[form.add_prefix(name)] = "on"
            elif value is not None:
                data[form.add_prefix(name)] = str(value)
    for field in confirm.none_fields():
        if field.value() or field.name in none:
            data[field.html_name] = "on"
    for key, value in changes.items():
        key = key.replace("__", "-")
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def counts() -> tuple[int, ...]:
    return (
        Disclosure.objects.count(),
        Interest.objects.count(),
        DeclaredInterest.objects.count(),
        Disclosure.history.count(),
        Interest.history.count(),
        DeclaredInterest.history.count(),
    )


# ---- the links and step 1 ----


def test_disclosure_page_links_to_the_parse_page(editor_client):
    disclosure = disclosure_of("Ivar W. Goksøyr", GOKSOYR)
    page = editor_client.get(reverse("admin:registry_disclosure_change", args=[disclosure.pk])).content.decode()
    assert f'<a href="{parse_url("disclosure", disclosure.pk)}">Parse statement</a>' in page


def test_article_page_links_to_the_parse_page(editor_client):
    article = article_with(ELIFE_AUTHORS, ELIFE)
    page = editor_client.get(reverse("admin:registry_article_change", args=[article.pk])).content.decode()
    assert f'<a href="{parse_url("article", article.pk)}">Parse competing-interest statement</a>' in page


def test_step_one_offers_the_stored_statement(editor_client):
    disclosure = disclosure_of("Ivar W. Goksøyr", GOKSOYR)
    response = editor_client.get(parse_url("disclosure", disclosure.pk))
    assert response.status_code == 200
    assert response.context["form"]["statement"].value() == GOKSOYR


def test_an_empty_statement_is_refused(editor_client):
    disclosure = disclosure_of("Ivar W. Goksøyr", "")
    response = editor_client.post(parse_url("disclosure", disclosure.pk), {"statement": "  ", "parse": "Parse"})
    assert response.context["form"].errors == {"statement": ["Paste the statement to parse."]}


# ---- step 2: the proposal ----


def test_parsing_proposes_rows_with_organizations_resolved(editor_client, registry_orgs):
    disclosure = disclosure_of("Ole A. Andreassen", ANDREASSEN)
    response = editor_client.post(parse_url("disclosure", disclosure.pk), {"statement": ANDREASSEN, "parse": "Parse"})
    a = "Ole A. Andreassen"
    assert rows_of(response) == [
        (a, "consulting", "Precision-Health.ai", "Precision-Health.ai", "self"),
        (a, "consulting", "Ledidi", "Ledidi", "self"),
        (a, "consulting", "BMS", "Bristol-Myers Squibb", "self"),
        (a, "consulting", "Lilly", "Eli Lilly and Company", "self"),
        (a, "lectures", "BMS", "Bristol-Myers Squibb", "self"),
        (a, "lectures", "Lilly", "Eli Lilly and Company", "self"),
        (a, "lectures", "Janssen", "Janssen Pharmaceuticals", "self"),
        (a, "lectures", "Lundbeck", "H. Lundbeck A/S", "self"),
        (a, "lectures", "Otsuka", "Otsuka Pharmaceutical Co., Ltd.", "self"),
        (a, "lectures", "Sunovion", "Sunovion Pharmaceuticals Inc.", "self"),
        (a, "advisory_board", "Ledidi", "Ledidi", "self"),
        (a, "stock", "Precision-Health.ai", "Precision-Health.ai", "self"),
        (a, "stock", "Lididi", None, "self"),
        (a, "stock", "Cortechs.ai", "Cortechs.ai", "self"),
    ]
    page = response.content.decode()
    assert "new — close names: Ledidi (83%)" in page
    assert "“Ledidi” and “Lididi” may be the same organization: check the spelling before you save." in page
    # Each row's span runs from its relation phrase to its organization, so list items overlap.
    assert '<mark title="row 11">advisory board for Ledidi</mark>' in page
    assert '<mark title="row 13, 14">, Lididi</mark><mark title="row 14"> and Cortechs.ai</mark>' in page
    assert f'<input type="hidden" name="statement" value="{ANDREASSEN}" id="id_statement">' in page
    lididi = response.context["formset"].forms[12]
    ledidi = registry_orgs["Ledidi"]
    assert lididi.fields["organization"].widget.choices == [
        (str(ledidi.pk), "Ledidi (83% similar)"),
        ("", "New — not in the registry yet"),
    ]


def test_an_unnamed_counterparty_is_described(editor_client):
    autran = (
        "The author has completed the ICMJE form and declares the following conflict of interest: "
        "she is a shareholder in a clinic providing ketamine treatment for depression."
    )
    disclosure = disclosure_of("Ingrid Autran", autran)
    response = editor_client.post(parse_url("disclosure", disclosure.pk), {"statement": autran, "parse": "Parse"})
    form = response.context["formset"].forms[0]
    assert rows_of(response) == [("Ingrid Autran", "stock", "", None, "self")]
    assert form.initial["specification"] == "a clinic providing ketamine treatment for depression"
    start, end = form.initial["span_start"], form.initial["span_end"]
    assert autran[start:end] == "shareholder in a clinic providing ketamine treatment for depression"
    assert form.fields["organization"].widget.choices == [("", "No organization named")]


def test_parsing_writes_nothing(editor_client, registry_orgs):
    disclosure = disclosure_of("Ole A. Andreassen", NONE_TEXT, declares_none=True)
    before = counts()
    response = editor_client.post(parse_url("disclosure", disclosure.pk), {"statement": ANDREASSEN, "parse": "Parse"})
    assert response.status_code == 200
    assert counts() == before
    disclosure.refresh_from_db()
    assert (disclosure.statement, disclosure.declares_none) == (NONE_TEXT, True)


# ---- saving ----


def test_saving_records_the_confirmed_rows_with_the_text_they_came_from(editor_client, editor_user, registry_orgs):
    disclosure = disclosure_of("Ivar W. Goksøyr", "", declares_none=False, form=DisclosureForm.ICMJE_2021)
    response = editor_client.post(parse_url("disclosure", disclosure.pk), {"statement": GOKSOYR, "parse": "Parse"})
    saved = editor_client.post(parse_url("disclosure", disclosure.pk), save_data(response))
    assert saved.status_code == 302
    assert saved.url == reverse("admin:registry_disclosure_change", args=[disclosure.pk])
    disclosure.refresh_from_db()
    assert (disclosure.statement, disclosure.declares_none, disclosure.form) == (GOKSOYR, False, "icmje_2021")
    declared = DeclaredInterest.objects.select_related("interest__organization").get(disclosure=disclosure)
    assert declared.text_as_written == "advisory board for Norsk Psykedelisk Vitenskap"
    assert GOKSOYR[declared.span_start : declared.span_end] == declared.text_as_written
    interest = declared.interest
    assert (interest.category, interest.organization, interest.organization_name, interest.payee) == (
        "advisory_board",
        registry_orgs["Norsk Psykedelisk Vitenskap"],
        "Norsk Psykedelisk Vitenskap",
        "self",
    )
    assert interest.specification == "advisory board"
    history = disclosure.history.first()
    assert (history.history_user, history.history_change_reason) == (editor_user, PARSED_REASON)
    assert disclosure.status == DisclosureStatus.ACTIVE


def test_the_editor_corrects_rows_before_saving(editor_client, registry_orgs):
    disclosure = disclosure_of("Ole A. Andreassen", "")
    response = editor_client.post(parse_url("disclosure", disclosure.pk), {"statement": ANDREASSEN, "parse": "Parse"})
    ledidi = registry_orgs["Ledidi"]
    changes = {f"form__{i}__include": None for i in range(12)}  # keep the last two rows only
    changes.update({"form__12__organization": str(ledidi.pk), "form__13__category": "founder"})
    editor_client.post(parse_url("disclosure", disclosure.pk), save_data(response, **changes))
    rows = DeclaredInterest.objects.filter(disclosure=disclosure).select_related("interest__organization")
    assert sorted((r.interest.category, r.interest.organization.name, r.interest.organization_name) for r in rows) == [
        ("founder", "Cortechs.ai", "Cortechs.ai"),
        ("stock", "Ledidi", "Lididi"),
    ]


def test_correcting_a_published_disclosure_needs_a_reason_and_marks_it_corrected(editor_client, registry_orgs):
    disclosure = disclosure_of("Ivar W. Goksøyr", NONE_TEXT, status=ArticleStatus.PUBLISHED, declares_none=True)
    url = parse_url("disclosure", disclosure.pk)
    response = editor_client.post(url, {"statement": GOKSOYR, "parse": "Parse"})
    assert [a.pk for a in response.context["corrections"]] == [disclosure.authorship_id]
    before = counts()
    refused = editor_client.post(url, save_data(response))
    assert refused.status_code == 200
    assert refused.context["confirm"].errors == {
        "change_reason": ["This disclosure belongs to a published article: say why it is corrected."]
    }
    assert counts() == before

    saved = editor_client.post(url, save_data(response, reason="The author sent a corrected form."))
    assert saved.status_code == 302
    disclosure.refresh_from_db()
    assert (disclosure.statement, disclosure.declares_none) == (GOKSOYR, False)
    assert (disclosure.status, disclosure.status_note) == (
        DisclosureStatus.CORRECTED,
        "The author sent a corrected form.",
    )
    reasons = list(disclosure.history.values_list("history_change_reason", flat=True)[:2])
    assert reasons == [
        "Corrected: The author sent a corrected form.",
        f"{PARSED_REASON}: The author sent a corrected form.",
    ]


def test_saving_what_is_already_on_file_changes_nothing(editor_client, registry_orgs):
    disclosure = disclosure_of("Ole A. Andreassen", NONE_TEXT, status=ArticleStatus.PUBLISHED, declares_none=True)
    url = parse_url("disclosure", disclosure.pk)
    response = editor_client.post(url, {"statement": NONE_TEXT, "parse": "Parse"})
    assert response.context["corrections"] == []
    before = counts()
    saved = editor_client.post(url, save_data(response), follow=True)
    assert [str(m) for m in saved.context["messages"]] == [
        "Nothing changed: the disclosures on file already declare this."
    ]
    assert counts() == before


def test_declaring_nothing_and_listing_rows_at_once_is_refused(editor_client, registry_orgs):
    disclosure = disclosure_of("Ivar W. Goksøyr", "")
    url = parse_url("disclosure", disclosure.pk)
    response = editor_client.post(url, {"statement": GOKSOYR, "parse": "Parse"})
    before = counts()
    none_field = response.context["confirm"].none_fields()[0].name
    refused = editor_client.post(url, save_data(response, none=(none_field,)))
    assert refused.context["confirm"].non_field_errors() == [
        "Ivar W. Goksøyr is marked as declaring nothing but has rows included: untick one of them."
    ]
    assert counts() == before


def test_a_row_needs_an_organization_or_a_description(editor_client, registry_orgs):
    disclosure = disclosure_of("Ivar W. Goksøyr", "")
    url = parse_url("disclosure", disclosure.pk)
    response = editor_client.post(url, {"statement": GOKSOYR, "parse": "Parse"})
    data = save_data(response, form__0__organization=None, form__0__organization_name="", form__0__specification="")
    refused = editor_client.post(url, data)
    assert refused.context["formset"].forms[0].errors == {
        "organization_name": ["Name the organization, or describe the tie in the specification."]
    }
    assert not DeclaredInterest.objects.exists()


def test_an_organization_missing_from_the_registry_is_refused(editor_client, registry_orgs):
    disclosure = disclosure_of("Ivar W. Goksøyr", "")
    url = parse_url("disclosure", disclosure.pk)
    response = editor_client.post(url, {"statement": GOKSOYR, "parse": "Parse"})
    refused = editor_client.post(url, save_data(response, form__0__organization="999999"))
    assert refused.context["formset"].forms[0].errors == {
        "organization": ["That organization is not in the registry; choose again."]
    }
    assert not DeclaredInterest.objects.exists()


def test_a_row_pointing_outside_the_statement_is_refused(editor_client, registry_orgs):
    disclosure = disclosure_of("Ivar W. Goksøyr", "")
    url = parse_url("disclosure", disclosure.pk)
    response = editor_client.post(url, {"statement": GOKSOYR, "parse": "Parse"})
    refused = editor_client.post(url, save_data(response, form__0__span_end=str(len(GOKSOYR) + 5)))
    assert refused.context["formset"].forms[0].non_field_errors() == [
        "This row points outside the statement; parse it again."
    ]
    assert not DeclaredInterest.objects.exists()


# ---- the article page: one statement, several authors ----


def test_an_article_statement_proposes_rows_for_each_author(editor_client, registry_orgs):
    article = article_with(ELIFE_AUTHORS, ELIFE)
    response = editor_client.post(parse_url("article", article.pk), {"statement": ELIFE, "parse": "Parse"})
    assert rows_of(response) == [
        ("Jeff F Miller", "leadership", "eLife", "eLife Sciences Publications", "self"),
        ("Chunlin Wang", "founder", "iRepertoire", None, "self"),
        ("Jian Han", "founder", "iRepertoire", None, "self"),
    ]
    nothing = {field.label: field.value() for field in response.context["confirm"].none_fields()}
    assert nothing == {
        "Jeff F Miller declares nothing": None,
        "Chunlin Wang declares nothing": None,
        "Jian Han declares nothing": None,
        "Ana Lopez declares nothing": True,
    }


def test_saving_an_article_statement_records_each_authors_disclosure(editor_client, registry_orgs):
    article = article_with(ELIFE_AUTHORS, ELIFE)
    response = editor_client.post(parse_url("article", article.pk), {"statement": ELIFE, "parse": "Parse"})
    saved = editor_client.post(parse_url("article", article.pk), save_data(response))
    assert saved.status_code == 302
    disclosures = Disclosure.objects.filter(authorship__article=article).order_by("authorship__position")
    summary = [
        (
            d.authorship.person.name,
            d.declares_none,
            sorted(
                (r.interest.category, r.interest.organization_name, r.text_as_written)
                for r in d.declared_interests.all()
            ),
        )
        for d in disclosures
    ]
    assert summary == [
        ("Jeff F Miller", False, [("leadership", "eLife", "Reviewing editor, eLife")]),
        ("Chunlin Wang", False, [("founder", "iRepertoire", "Co-founder of iRepertoire")]),
        ("Jian Han", False, [("founder", "iRepertoire", "Co-founder of iRepertoire")]),
        ("Ana Lopez", True, []),
    ]
    assert {d.statement for d in disclosures} == {ELIFE}
    assert {d.status for d in disclosures} == {DisclosureStatus.ACTIVE}  # new disclosures correct nothing


def test_the_seed_article_statement_goes_to_its_six_authors(editor_client, registry_orgs):
    statements = {
        "Tor-Morten Kvam": NONE_TEXT,
        "Ivar W. Goksøyr": GOKSOYR,
        "Mark Berthold-Losleben": NONE_TEXT,
        "Ole A. Andreassen": ANDREASSEN,
    }
    text = "\n\n".join(f"{name}: {statement}" for name, statement in statements.items())
    article = article_with(list(statements), text)
    response = editor_client.post(parse_url("article", article.pk), {"statement": text, "parse": "Parse"})
    authors = [row[0] for row in rows_of(response)]
    assert authors == ["Ivar W. Goksøyr"] + ["Ole A. Andreassen"] * 14
    nothing = [field.label for field in response.context["confirm"].none_fields() if field.value()]
    assert nothing == ["Tor-Morten Kvam declares nothing", "Mark Berthold-Losleben declares nothing"]


def test_a_disclosure_on_file_that_declares_the_same_keeps_its_own_words(editor_client, registry_orgs):
    article = article_with(ELIFE_AUTHORS, ELIFE)
    lopez = article.authorships.get(position=4)
    DisclosureFactory(authorship=lopez, statement="I have nothing to declare.", declares_none=True)
    miller = article.authorships.get(position=1)
    on_file = DeclaredInterestFactory(
        disclosure=DisclosureFactory(authorship=miller, statement="Editor at eLife.", declares_none=False),
        interest__organization=registry_orgs["eLife Sciences Publications"],
        interest__organization_name="eLife",
        interest__category="leadership",
    )
    response = editor_client.post(parse_url("article", article.pk), {"statement": ELIFE, "parse": "Parse"})
    assert response.context["corrections"] == []
    saved = editor_client.post(parse_url("article", article.pk), save_data(response))
    assert saved.status_code == 302
    lopez.disclosure.refresh_from_db()
    on_file.disclosure.refresh_from_db()
    assert (lopez.disclosure.statement, on_file.disclosure.statement) == (
        "I have nothing to declare.",
        "Editor at eLife.",
    )
    assert Disclosure.objects.filter(authorship__article=article, statement=ELIFE).count() == 2


def test_a_row_without_an_author_needs_one_on_the_article_page(editor_client, registry_orgs):
    statement = "The study was funded by Pfizer."
    article = article_with(ELIFE_AUTHORS[:2], statement)
    response = editor_client.post(parse_url("article", article.pk), {"statement": statement, "parse": "Parse"})
    assert rows_of(response) == [(None, "manuscript_support", "Pfizer", None, "self")]  # the study's funding
    refused = editor_client.post(parse_url("article", article.pk), save_data(response))
    assert refused.context["formset"].forms[0].errors == {"author": ["Choose whose tie this is."]}
    wang = article.authorships.get(position=2)
    saved = editor_client.post(parse_url("article", article.pk), save_data(response, form__0__author=str(wang.pk)))
    assert saved.status_code == 302
    assert [(d.authorship_id, d.declares_none) for d in Disclosure.objects.all()] == [(wang.pk, False)]


# ---- who may ----


@pytest.mark.parametrize("method", ["get", "post"])
def test_auditors_may_not_parse(client, auditor_user, registry_orgs, method):
    disclosure = disclosure_of("Ivar W. Goksøyr", GOKSOYR)
    article = article_with(ELIFE_AUTHORS, ELIFE)
    client.force_login(auditor_user)
    before = counts()
    for url in (parse_url("disclosure", disclosure.pk), parse_url("article", article.pk)):
        response = getattr(client, method)(url, {"statement": GOKSOYR, "parse": "Parse"})
        assert response.status_code == 403
    assert counts() == before


def test_staff_without_a_role_may_not_parse(client):
    disclosure = disclosure_of("Ivar W. Goksøyr", GOKSOYR)
    client.force_login(factories.UserFactory(is_staff=True))
    assert client.get(parse_url("disclosure", disclosure.pk)).status_code == 403


def test_anonymous_users_are_sent_to_the_login_page(client):
    disclosure = disclosure_of("Ivar W. Goksøyr", GOKSOYR)
    response = client.get(parse_url("disclosure", disclosure.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_auditors_do_not_see_the_parse_link(client, auditor_user):
    disclosure = disclosure_of("Ivar W. Goksøyr", GOKSOYR)
    client.force_login(auditor_user)
    page = client.get(reverse("admin:registry_disclosure_change", args=[disclosure.pk])).content.decode()
    assert "Parse statement" not in page


# ---- query budget ----

# The proposal page: session, user, the user's own and group permissions (2), the disclosure with its
# author and article, the authorship with what is on file, the declared interests on file, the names
# resolved (canonical names, aliases), the close names of new ones (candidates, their aliases, records).
PROPOSAL_QUERIES = 12


@pytest.mark.parametrize(
    "statement",
    [
        "He has received consultancy fees from Lididi.",  # one row, its organization new
        ANDREASSEN,  # fourteen rows, one organization new
    ],
)
def test_the_proposal_page_queries_do_not_grow_with_rows(
    editor_client, registry_orgs, django_assert_num_queries, statement
):
    disclosure = disclosure_of("Ole A. Andreassen", "")
    with django_assert_num_queries(PROPOSAL_QUERIES):
        response = editor_client.post(
            parse_url("disclosure", disclosure.pk), {"statement": statement, "parse": "Parse"}
        )
    assert response.status_code == 200


# The article's proposal page: session, user, permissions (2), the article, its authorships with what is
# on file, the declared interests on file, names resolved (2), close names of new ones (3).
ARTICLE_PROPOSAL_QUERIES = 12


@pytest.mark.parametrize(
    ("authors", "statement"),
    [
        (["Jeff F Miller"], "JFM: Consultant for Lididi."),  # one author, one row, its organization new
        (ELIFE_AUTHORS, ELIFE + " || AL: Employee of Lididi."),  # four authors, four rows
    ],
)
def test_the_article_proposal_page_queries_do_not_grow(
    editor_client, registry_orgs, django_assert_num_queries, authors, statement
):
    article = article_with(authors, statement)
    for authorship in article.authorships.all():
        DisclosureFactory(authorship=authorship)
    with django_assert_num_queries(ARTICLE_PROPOSAL_QUERIES):
        response = editor_client.post(parse_url("article", article.pk), {"statement": statement, "parse": "Parse"})
    assert len(response.context["formset"].forms) == len(authors)


def test_close_names_for_many_names_at_once(registry_orgs, django_assert_num_queries):
    OrganizationAliasFactory(organization=registry_orgs["Ledidi"], name="Ledidi AS")
    names = ["Lididi", "Janssen Pharma", "Sunovion Pharma Inc", "Otsuka Pharmaceuticals", "Zzyzx", ""]
    with django_assert_num_queries(3):  # candidates by first letter, their aliases, the organizations found
        found = {name: close for name, close in similar_organizations_for(names).items() if close}
    assert {name: [org.name for org, _ in close] for name, close in found.items()} == {
        "Lididi": ["Ledidi"],
        "Otsuka Pharmaceuticals": ["Otsuka Pharmaceutical Co., Ltd."],
    }
    assert [(org.name, round(score)) for org, score in found["Lididi"]] == [("Ledidi", 83)]
