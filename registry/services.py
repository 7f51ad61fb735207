"""Every write to the registry. Each function takes keyword arguments and the acting user,
validates, runs in one transaction and records history with a reason.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction

from registry.enums import ArticleStatus, DisclosureForm, DisclosureStatus, OrganizationOrigin, Payee, Provenance
from registry.identity import organizations as organization_identity  # it saves through this module
from registry.models import (
    Affiliation,
    Article,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    OrganizationAlias,
    Person,
    PersonName,
    Topic,
)
from registry.names import normalize_organization_name

Actor = AbstractBaseUser | None


def save_with_history(instance: models.Model, *, actor: Actor, reason: str) -> models.Model:
    """Validate and save, recording who made the change and why in the model's history."""
    instance.full_clean()
    instance._history_user = actor
    instance._change_reason = reason
    instance.save()
    return instance


def update_fields(instance: models.Model, values: dict) -> bool:
    """Set `values` on the unsaved instance; whether any of them changed."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


@transaction.atomic
def record_organization(
    *,
    actor: Actor,
    name: str,
    aliases: Iterable[str] = (),
    topics: Iterable[Topic] = (),
    reason: str = "Recorded by an editor",
    **fields,
) -> Organization:
    """Create the organization, or update the one with the same normalized canonical name."""
    organization = Organization.objects.filter(normalized_name=normalize_organization_name(name)).first()
    if organization is None:
        organization = Organization(name=name)
    if update_fields(organization, {"name": name, **fields}) or organization.pk is None:
        save_with_history(organization, actor=actor, reason=reason)
    for alias in aliases:
        if not organization.aliases.filter(normalized_name=normalize_organization_name(alias)).exists():
            alias_row = OrganizationAlias(organization=organization, name=alias)
            alias_row.full_clean()
            alias_row.save()
    if topics:
        organization.topics.add(*topics)
    return organization


@transaction.atomic
def record_topic(
    *, name: str, synonyms: Iterable[str] = (), related: Iterable[Topic] = (), description: str = ""
) -> Topic:
    topic, _ = Topic.objects.get_or_create(normalized_name=Topic.normalizer(name), defaults={"name": name})
    if description and topic.description != description:
        topic.description = description
        topic.save()
    for synonym in synonyms:
        if not topic.synonyms.filter(normalized_name=Topic.normalizer(synonym)).exists():
            row = topic.synonyms.model(topic=topic, name=synonym)
            row.full_clean()
            row.save()
    if related:
        topic.related.add(*related)
    return topic


@transaction.atomic
def record_person(
    *,
    actor: Actor,
    name: str,
    orcid: str | None = None,
    name_variants: Iterable[str] = (),
    reason: str = "Recorded by an editor",
    **fields,
) -> Person:
    """Create the person, or update the one with the same ORCID iD (or, without one, the same name)."""
    person = None
    if orcid:
        person = Person.objects.filter(orcid__iexact=orcid).first()
    if person is None:
        person = Person.objects.filter(normalized_name=Person.normalizer(name), orcid__isnull=True).first()
    if person is None:
        person = Person(name=name)
    if update_fields(person, {"name": name, "orcid": orcid or person.orcid, **fields}) or person.pk is None:
        save_with_history(person, actor=actor, reason=reason)
    for variant in name_variants:
        if not person.name_variants.filter(normalized_name=Person.normalizer(variant)).exists():
            row = PersonName(person=person, name=variant)
            row.full_clean()
            row.save()
    return person


@transaction.atomic
def record_affiliation(
    *,
    actor: Actor,
    person: Person,
    organization: Organization,
    role: str = "",
    department: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
    reason: str = "Recorded by an editor",
) -> Affiliation:
    affiliation, _ = Affiliation.objects.get_or_create(
        person=person,
        organization=organization,
        role=role,
        department=department,
        defaults={"start_date": start_date, "end_date": end_date},
    )
    if update_fields(affiliation, {"start_date": start_date, "end_date": end_date}):
        save_with_history(affiliation, actor=actor, reason=reason)
    return affiliation


@transaction.atomic
def record_article(
    *,
    actor: Actor,
    doi: str,
    topics: Iterable[Topic] = (),
    funders: Iterable[tuple[Organization, str]] = (),
    reason: str = "Recorded by an editor",
    article: Article | None = None,
    **fields,
) -> Article:
    """Create or update the article with this DOI, or update `article` (found by another identifier,
    such as its PMID; then a DOI given is set on it)."""
    if article is not None:
        if doi:
            fields = {"doi": doi, **fields}
    else:
        probe = Article(doi=doi)
        probe.canonicalize_fields()
        article = Article.objects.filter(doi=probe.doi).first() or probe
    if update_fields(article, fields) or article.pk is None:
        save_with_history(article, actor=actor, reason=reason)
    if topics:
        article.topics.add(*topics)
    for organization, award_id in funders:
        article.fundings.get_or_create(organization=organization, award_id=award_id)
    return article


# Rows an import writes along with an article (the API's copy of its JSON, by the database's triggers);
# anything else pointing at it is someone's work.
_WRITTEN_WITH_ARTICLE = ("authorships", "fundings", "person_matches", "topics", "stored_json")


def article_has_own_record(article: Article) -> bool:
    """Whether the article holds more than an import wrote: a disclosure, a change by anyone but an
    importer, or rows of another kind (editorial roles, audit findings) that refer to it."""
    if Disclosure.objects.filter(authorship__article=article).exists():
        return True
    if article.history.exclude(history_change_reason__startswith="Imported from ").exists():
        return True
    for relation in Article._meta.related_objects:
        if relation.get_accessor_name() in _WRITTEN_WITH_ARTICLE or relation.related_model._meta.auto_created:
            continue
        if relation.related_model._base_manager.filter(**{relation.field.name: article}).exists():
            return True
    return False


@transaction.atomic
def remove_article(*, actor: Actor, article: Article, reason: str) -> ArticleStatus | None:
    """An article its source deleted: withdrawn when it holds more than an import wrote (see
    `article_has_own_record`), so declarations and reviews stay readable; otherwise deleted with its
    authorships and funders (the people stay). Returns WITHDRAWN, or None when deleted."""
    if article_has_own_record(article):
        if article.status != ArticleStatus.WITHDRAWN:
            article.status = ArticleStatus.WITHDRAWN
            save_with_history(article, actor=actor, reason=reason)
        return ArticleStatus.WITHDRAWN
    article._history_user = actor
    article._change_reason = reason
    article.delete()
    return None


@transaction.atomic
def record_authorship(
    *,
    actor: Actor,
    article: Article,
    person: Person,
    position: int,
    corresponding: bool = False,
    name_as_printed: str = "",
    affiliations_as_printed: str = "",
    reason: str = "Recorded by an editor",
) -> Authorship:
    authorship = Authorship.objects.filter(article=article, person=person).first() or Authorship(
        article=article, person=person, position=position
    )
    values = {
        "position": position,
        "corresponding": corresponding,
        "name_as_printed": name_as_printed,
        "affiliations_as_printed": affiliations_as_printed,
    }
    if update_fields(authorship, values) or authorship.pk is None:
        save_with_history(authorship, actor=actor, reason=reason)
    return authorship


@dataclass(frozen=True)
class InterestInput:
    """One declared interest, as an editor confirmed it or an importer read it."""

    category: str
    organization: Organization | None = None
    organization_name: str = ""
    payee: str = Payee.SELF
    specification: str = ""
    amount: Decimal | None = None
    currency: str = ""
    start_date: date | None = None
    end_date: date | None = None
    ongoing: bool = False
    topics: Sequence[Topic] = field(default_factory=tuple)
    text_as_written: str = ""
    span: tuple[int, int] | None = None

    @property
    def organization_id(self) -> int | None:
        return self.organization.pk if self.organization is not None else None


def tie_key(tie: "Interest | InterestInput") -> tuple:
    """What makes two interests of one person the same tie: the category, the payee, the dates and the
    counterparty (the registry's organization, else the name as written, else the specification).
    One Interest is declared in many disclosures by this key."""
    if tie.organization_id is not None:
        counterparty = (tie.organization_id, "", "")
    elif tie.organization_name:
        counterparty = (None, tie.organization_name, "")
    else:
        counterparty = (None, "", tie.specification)
    return (tie.category, tie.payee, *counterparty, tie.start_date, tie.end_date)


def same_ties(ties: Iterable[Interest], item: "InterestInput") -> list[Interest]:
    """The interests among `ties` that are the tie `item` declares (several only where the registry
    holds duplicates). A tie recorded under the name alone, before the name had a record, is the same
    tie as one naming that record."""
    ties = list(ties)
    key = tie_key(item)
    found = [interest for interest in ties if tie_key(interest) == key]
    if not found and item.organization_id is not None and item.organization_name:
        key = tie_key(replace(item, organization=None))
        found = [interest for interest in ties if interest.organization_id is None and tie_key(interest) == key]
    return found


def _find_same_interest(person: Person, item: InterestInput) -> Interest | None:
    """The registry's existing record of this tie, so that one Interest is declared in many disclosures."""
    found = same_ties(Interest.objects.filter(person=person, category=item.category, payee=item.payee), item)
    return found[0] if found else None


def restated_values(interest: Interest, item: InterestInput, provenance_detail: str) -> dict:
    """The values a tie takes when `item` declares it (again): the newer organization, wording and
    source; an amount or an ongoing flag already on record stays when `item` does not give one (a
    statement that names no amount says nothing about it). The dates identify the tie."""
    given_amount = item.amount is not None
    return {
        "organization_id": item.organization.pk if item.organization is not None else None,
        "organization_name": item.organization_name,
        "specification": item.specification or interest.specification,
        "amount": item.amount if given_amount else interest.amount,
        "currency": item.currency if given_amount else interest.currency,
        "start_date": item.start_date,
        "end_date": item.end_date,
        "ongoing": item.ongoing or interest.ongoing,
        "provenance_detail": provenance_detail or interest.provenance_detail,
    }


@transaction.atomic
def record_interest(
    *,
    actor: Actor,
    person: Person,
    item: InterestInput,
    provenance: str = Provenance.DISCLOSURE,
    provenance_detail: str = "",
    reason: str = "Recorded by an editor",
) -> Interest:
    """Record a tie, reusing the registry's existing record of the same tie.

    A counterparty named but not chosen is resolved through names and aliases, or created unreviewed.
    """
    if item.organization is None and item.organization_name.strip():
        where = f"{person.name}, {provenance_detail or reason}"
        organization = organization_identity.organization_for_name(
            actor=actor,
            name=item.organization_name,
            origin=OrganizationOrigin.DECLARED_TIE,
            detail=where,
            reason=reason,
        )
        item = replace(item, organization=organization)
    interest = _find_same_interest(person, item) or Interest(
        person=person, category=item.category, payee=item.payee, provenance=provenance
    )
    if update_fields(interest, restated_values(interest, item, provenance_detail)) or interest.pk is None:
        save_with_history(interest, actor=actor, reason=reason)
    if item.topics:
        interest.topics.add(*item.topics)
    return interest


CORRECTION_NEEDS_REASON = "This disclosure belongs to a published article: say why it is corrected."


@dataclass(frozen=True)
class DisclosureInput:
    """One author's disclosure, as an editor, the API, a parsed statement or an import gives it."""

    authorship: Authorship
    statement: str
    form: str = DisclosureForm.FREE_TEXT
    completed_on: date | None = None
    declares_none: bool = False
    # None: the interests declared on file stay as they are (the admin edits them on their own).
    interests: Sequence[InterestInput] | None = ()


def corrects_published(disclosure: Disclosure | None) -> bool:
    """Whether a change to this disclosure corrects a published article's disclosure on file: that
    takes a reason, and marks the disclosure corrected."""
    return (
        disclosure is not None
        and disclosure.pk is not None
        and disclosure.authorship.article.status == ArticleStatus.PUBLISHED
    )


def require_correction_reason(disclosure: Disclosure | None, *, correction_note: str) -> None:
    """Refuse to change a published article's disclosure on file without saying why."""
    if corrects_published(disclosure) and not correction_note.strip():
        raise ValidationError(CORRECTION_NEEDS_REASON, code="correction_needs_reason")


@transaction.atomic
def record_disclosures(
    *,
    actor: Actor,
    items: Sequence[DisclosureInput],
    provenance_detail: str = "",
    reason: str = "Recorded by an editor",
    correction_note: str = "",
) -> list[Disclosure]:
    """Record what authors declared: each statement as written and the interests it lists.

    A disclosure that declares nothing cannot list interests. Recording again replaces the set of
    declared interests with the one given; history keeps the earlier set. Changing a published
    article's disclosure on file is a correction: without a `correction_note` it is refused
    (ValidationError, nothing written); with one, the note joins the history's reason and the
    disclosure is marked corrected. All or nothing.
    """
    for item in items:
        if item.declares_none and item.interests:
            raise ValueError("A disclosure that declares no interests cannot list interests.")
    found = Disclosure.objects.filter(authorship__in=[item.authorship.pk for item in items]).order_by()
    on_file = {disclosure.authorship_id: disclosure for disclosure in found}
    return [
        _record_disclosure(
            actor=actor,
            item=item,
            disclosure=on_file.get(item.authorship.pk),
            provenance_detail=provenance_detail,
            reason=reason,
            correction_note=correction_note.strip(),
        )
        for item in items
    ]


def record_disclosure(
    *,
    actor: Actor,
    provenance_detail: str = "",
    reason: str = "Recorded by an editor",
    correction_note: str = "",
    **disclosure,
) -> Disclosure:
    """Record one author's disclosure (`disclosure`: the fields of a DisclosureInput), as record_disclosures()."""
    return record_disclosures(
        actor=actor,
        items=[DisclosureInput(**disclosure)],
        provenance_detail=provenance_detail,
        reason=reason,
        correction_note=correction_note,
    )[0]


def _record_disclosure(
    *,
    actor: Actor,
    item: DisclosureInput,
    disclosure: Disclosure | None,
    provenance_detail: str,
    reason: str,
    correction_note: str,
) -> Disclosure:
    on_file = disclosure
    if disclosure is None:
        disclosure = Disclosure(authorship=item.authorship)
    else:
        disclosure.authorship = item.authorship
    values = {
        "statement": item.statement,
        "form": item.form,
        "completed_on": item.completed_on,
        "declares_none": item.declares_none,
    }
    changed = update_fields(disclosure, values)
    correcting = corrects_published(on_file) and (changed or _declared_set_changes(disclosure, item))
    if correcting:
        require_correction_reason(disclosure, correction_note=correction_note)
        reason = f"{reason}: {correction_note}"
    if changed or disclosure.pk is None:
        save_with_history(disclosure, actor=actor, reason=reason)
    if item.interests is not None:
        keep = []
        for interest_item in item.interests:
            interest = record_interest(
                actor=actor,
                person=item.authorship.person,
                item=interest_item,
                provenance=Provenance.DISCLOSURE,
                provenance_detail=provenance_detail,
                reason=reason,
            )
            keep.append(
                declare_interest(
                    actor=actor, disclosure=disclosure, interest=interest, item=interest_item, reason=reason
                )
            )
        for stale in disclosure.declared_interests.exclude(pk__in=[row.pk for row in keep]):
            stale._history_user = actor
            stale._change_reason = reason
            stale.delete()
    if correcting:
        change_disclosure_status(
            actor=actor, disclosure=disclosure, status=DisclosureStatus.CORRECTED, note=correction_note
        )
    return disclosure


def _declared_set_changes(disclosure: Disclosure, item: DisclosureInput) -> bool:
    """Whether recording `item` would change which ties the disclosure on file declares, or in which words."""
    if item.interests is None:
        return False
    ties = list(Interest.objects.filter(person_id=item.authorship.person_id))
    wanted = {}
    for interest_item in item.interests:
        found = same_ties(ties, interest_item)
        if not found:
            return True
        start, end = interest_item.span or (None, None)
        wanted[found[0].pk] = (interest_item.text_as_written, start, end)
    declared = disclosure.declared_interests.order_by().values_list(
        "interest_id", "text_as_written", "span_start", "span_end"
    )
    return wanted != {row[0]: row[1:] for row in declared}


def declare_interest(
    *, actor: Actor, disclosure: Disclosure, interest: Interest, item: InterestInput, reason: str
) -> DeclaredInterest:
    declared = DeclaredInterest.objects.filter(disclosure=disclosure, interest=interest).first()
    declared = declared or DeclaredInterest(disclosure=disclosure, interest=interest)
    start, end = item.span or (None, None)
    if update_fields(declared, {"text_as_written": item.text_as_written, "span_start": start, "span_end": end}) or (
        declared.pk is None
    ):
        save_with_history(declared, actor=actor, reason=reason)
    return declared


@transaction.atomic
def change_disclosure_status(
    *, actor: Actor, disclosure: Disclosure, status: str, note: str, on: date | None = None
) -> Disclosure:
    """Mark a disclosure corrected or withdrawn, with the reason; nothing is deleted."""
    if status != DisclosureStatus.ACTIVE and not note.strip():
        raise ValueError("Say why the disclosure is corrected or withdrawn.")
    disclosure.status = status
    disclosure.status_note = note
    disclosure.status_changed_on = on or date.today()
    return save_with_history(disclosure, actor=actor, reason=f"{disclosure.get_status_display()}: {note}")
