"""Store an ArticleRecord: the article, its funders and topics, its authors matched to registry
people with their affiliations, and each author's disclosure read from the competing-interest text.

Re-importing the same or a newer version of an article updates these rows in place.
"""

from collections import defaultdict
from collections.abc import Sequence
from contextlib import nullcontext

from django.core.exceptions import ValidationError
from django.db.models import Count, F

from registry import public_set, services
from registry.enums import ArticleStatus, DisclosureStatus, InterestCategory, Provenance
from registry.identity.linking import link_people
from registry.identity.lookup_keys import refresh_lookup_keys_of
from registry.identity.names import block_key
from registry.importers.articles.bulk import create_with_history, insert_rows, new_row, update_with_history, validated
from registry.importers.articles.fresh import new_records, write_new_articles
from registry.importers.articles.orgs import OrganizationResolver
from registry.importers.articles.origins import Origin, import_reason
from registry.importers.articles.people import PersonMatcher, identity, person_key
from registry.importers.articles.records import ArticleRecord
from registry.importers.articles.reimport import (
    article_unchanged,
    changed_by_editors,
    kept_by_editors,
    unchanged_disclosures,
)
from registry.importers.articles.statements import statement_plans
from registry.importers.articles.topics import topics_by_key, topics_for, topics_from
from registry.importers.errors import ImportFailure
from registry.importers.runner import count_rows_since, last_ids
from registry.models import (
    Affiliation,
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    EditorialRole,
    Interest,
    Organization,
    Person,
    Topic,
)

_CATEGORIES = set(InterestCategory.values)
# New articles in a batch from which their rows' public flags are refreshed together, not a row at a time.
REFRESHED_ONCE_FROM = 50
# Positions are moved out of the way before authors are renumbered (unique per article).
_POSITION_SHIFT = 10000


class ArticleWriter:
    def __init__(self, *, actor, source: str, warnings: list[str], bulk: bool = True):
        """`bulk`: write the articles new to the registry together (`fresh`); off, one at a time."""
        self.bulk = bulk
        self.actor = actor
        self.source = source
        self.reason = import_reason(source)
        self.correction_note = f"A newer version of the article ({source})"
        self.warnings = warnings
        # Records of several files written together (`write_all(origins=)`): each record's file, by
        # id(record) and then by article id, and the file of the record being written.
        self.origins: dict[int, Origin] = {}
        self.article_origins: dict[int, Origin] = {}
        self.origin: Origin | None = None
        self.organizations = OrganizationResolver(actor=actor, reason=self.reason)
        self.people = PersonMatcher(actor=actor, reason=self.reason, source=source)
        # The authorships this batch created, and their people; emptied when the batch is written.
        self.new_authorships: set[int] = set()
        self.new_authors: set[int] = set()
        self.known: dict[tuple[str, str], Article] | None = None  # by ("pmid"|"doi", value), in write_all
        self.topics: dict[str, Topic] | None = None  # by normal name, in write_all

    def write_all(self, records: Sequence[ArticleRecord], origins: dict[int, Origin] | None = None) -> list[Article]:
        """Store the records; with `origins` (by id(record)), records read from several files, each
        written as its file says (reasons, sources, warnings) and counted in its `Origin`."""
        self.origins = origins or {}
        named = [
            aff.organization
            for record in records
            for author in [*record.authors, *record.editors]
            for aff in author.affiliations
        ]
        funders = [funder.organization for record in records for funder in record.funders]
        if not self.origins:
            self.organizations.ensure(named, funders=funders)
        else:
            # Each file's organizations in turn, as when imported one by one: the first file that
            # names an organization creates it, as a funder when it names it so.
            file_of = {
                id(funder.organization): self.origin_of(record) for record in records for funder in record.funders
            }
            in_order = []
            for record in records:
                for author in [*record.authors, *record.editors]:
                    for aff in author.affiliations:
                        file_of[id(aff.organization)] = self.origin_of(record)
                        in_order.append(aff.organization)
                in_order += [funder.organization for funder in record.funders]
            self.organizations.ensure(in_order, funders=funders, origin_of=lambda ref: file_of[id(ref)])
        self.people.prefetch([author for record in records for author in [*record.authors, *record.editors]])
        self.prefetch_articles(records)
        self.topics = topics_by_key(name for record in records for name in record.topics)
        new = new_records(records, self.find) if self.bulk else []
        written = {}
        if new:
            # Many new articles: the public flags of their rows are refreshed once for the batch.
            many = len(new) >= REFRESHED_ONCE_FROM
            with public_set.inserts_refreshed_once() if many else nullcontext():
                written = dict(zip(map(id, new), write_new_articles(self, new), strict=True))
        articles = []
        for record in records:
            self.enter(self.origin_of(record))
            articles.append(written.get(id(record)) or self.write(record))
        # The people this batch added may be people the registry knows: weigh all the evidence now
        # (those of earlier batches were weighed then, against everyone on record).
        new_people = [person.pk for person in self.people.created]
        # People already known may be printed under a new name or id: linking finds them by it.
        refresh_lookup_keys_of(self.new_authors - self.people.created_ids)
        link_people(actor=self.actor, person_ids=new_people, reason=self.linking_reason(records))
        self.forget_batch()
        return articles

    def origin_of(self, record: ArticleRecord) -> Origin | None:
        return self.origins.get(id(record))

    def enter(self, origin: Origin | None) -> None:
        """Write what follows as read from `origin`'s file (nothing changes without one)."""
        if origin is None or origin is self.origin:
            return
        self.origin = origin
        self.source, self.reason, self.warnings = origin.source, origin.reason, origin.warnings
        self.correction_note = origin.correction_note
        self.people.enter(origin)

    def stamp(self, obj):
        """A row created for the record being written: its file's reason, and counted for its file."""
        return obj if self.origin is None else self.origin.stamp(obj)

    def enter_article(self, article_id: int) -> None:
        """Write what follows as read from the file of this article (of the batch)."""
        self.enter(self.article_origins.get(article_id))

    def linking_reason(self, records: Sequence[ArticleRecord]) -> str:
        """The reason of the links made after the batch: its file, or its files when several."""
        sources = list(dict.fromkeys(origin.source for origin in map(self.origin_of, records) if origin))
        if len(sources) <= 1:
            return import_reason(sources[0]) if sources else self.reason
        return import_reason(f"{sources[0]} and {len(sources) - 1} other file(s)")

    def forget_batch(self) -> None:
        """Everything the batch wrote is on record: the next batch reads what it needs again, so that
        memory stays flat over a file of any size."""
        self.people.forget()
        self.new_authorships, self.new_authors = set(), set()
        self.origins, self.article_origins = {}, {}

    def prefetch_articles(self, records: Sequence[ArticleRecord]) -> None:
        """The articles on record for these records, by PMID and by DOI (two queries for a file)."""
        pmids = {record.pmid for record in records if record.pmid}
        dois = {record.doi for record in records if record.doi}
        self.known = {}
        for article in Article.objects.filter(pmid__in=pmids).order_by() if pmids else ():
            self.known[("pmid", article.pmid)] = article
        for article in Article.objects.filter(doi__in=dois).order_by() if dois else ():
            self.known[("doi", article.doi)] = article

    def find(self, record: ArticleRecord) -> Article | None:
        """The article on record: by PMID when the source gives one, else (or then) by DOI."""
        if self.known is not None:
            return self.known.get(("pmid", record.pmid)) or self.known.get(("doi", record.doi))
        found = Article.objects.filter(pmid=record.pmid).first() if record.pmid else None
        if found is None and record.doi:
            found = Article.objects.filter(doi=record.doi).first()
        return found

    def remember(self, article: Article) -> None:
        """A later record of the same batch (the same DOI or PMID) finds the article just written."""
        if self.origin is not None:
            self.article_origins[article.pk] = self.origin
        if self.known is not None:
            for scheme in ("pmid", "doi"):
                if getattr(article, scheme):
                    self.known[(scheme, getattr(article, scheme))] = article

    def article_fields(self, record: ArticleRecord, existing: Article | None) -> dict:
        """The article's fields as the record gives them."""
        fields = {
            "title": record.title[:1000],
            "journal": record.journal[:300],
            "article_type": record.article_type[:100],
            "received_date": record.received_date,
            "accepted_date": record.accepted_date,
            "published_date": record.published_date,
            "funding_statement": record.funding_statement,
            "competing_interests_text": "\n\n".join(statement.text for statement in record.statements),
        }
        if record.pmid:
            fields.update(pmid=record.pmid, pmid_version=record.pmid_version, pubmed_file=self.source[:100])
        if record.preprint_doi or record.preprint_pmid:
            fields.update(preprint_doi=record.preprint_doi, preprint_pmid=record.preprint_pmid[:20])
        if record.published_date:
            fields["status"] = ArticleStatus.PUBLISHED
        elif existing is None:
            fields["status"] = ArticleStatus.DRAFT
        return fields

    def topics_of(self, record: ArticleRecord) -> list[Topic]:
        return topics_for(record.topics) if self.topics is None else topics_from(self.topics, record.topics)

    def write(self, record: ArticleRecord) -> Article:
        existing = self.find(record)
        fields = self.article_fields(record, existing)
        topics = self.topics_of(record)
        if existing is not None:
            self.keep_editors_fields(existing, fields)
        if existing is None:
            article = validated(Article(doi=record.doi or None, **fields), location=record.location)
            create_with_history([article], actor=self.actor, reason=self.reason)
            insert_rows([Article.topics.through(article=article, topic=topic) for topic in topics])
        elif article_unchanged(existing, fields, topics):
            article = existing
        else:
            try:
                article = services.record_article(
                    actor=self.actor, doi=record.doi, article=existing, topics=topics, reason=self.reason, **fields
                )
            except ValidationError as exc:
                raise ImportFailure("; ".join(exc.messages), location=record.location) from None
        self.remember(article)
        self.write_funders(article, record, is_new=existing is None)
        authorships = self.write_authors(article, record, is_new=existing is None)
        self.write_editors(article, record, is_new=existing is None)
        self.write_disclosures(record, authorships, article=article)
        return article

    def keep_editors_fields(self, article: Article, fields: dict) -> None:
        """Fields an editor changed since the last import keep the editor's value: dropped from
        `fields`, with a warning of what the file says."""
        differing = [name for name, value in fields.items() if getattr(article, name) != value]
        if not differing:
            return
        for name in sorted(changed_by_editors(article, differing), key=differing.index):
            label = Article._meta.get_field(name).verbose_name
            self.warn_kept(article, label, _shown(getattr(article, name)), _shown(fields.pop(name)))

    def warn_kept(self, article: Article, what: str, editor_value: str, file_value: str) -> None:
        self.warnings.append(
            f"{self.source}: {article.doi}: kept the editor's {what} ({editor_value}); the file says {file_value}"
        )

    def write_funders(self, article: Article, record: ArticleRecord, *, is_new: bool) -> None:
        """Exactly the funders the file lists (a newer version may drop one)."""
        wanted = self.funders_of(record)
        current = {} if is_new else {(f.organization_id, f.award_id): f for f in article.fundings.order_by()}
        for key, funding in current.items():
            if key not in wanted:
                funding.delete()
        insert_rows(
            [
                ArticleFunding(article=article, organization=organization, award_id=key[1])
                for key, organization in wanted.items()
                if key not in current
            ]
        )

    def funders_of(self, record: ArticleRecord) -> dict[tuple[int, str], Organization]:
        """The record's funders by (organization id, award id)."""
        wanted = {}
        for funder in record.funders:
            organization = self.organizations.get(funder.organization)
            for award in funder.award_ids or [""]:
                if organization is not None:
                    wanted[(organization.pk, award[:200])] = organization
        return wanted

    # Authors

    def decide_authors(self, record: ArticleRecord, *, on_article: dict[str, Person]) -> list:
        """(Decision, AuthorRecord) for each author, in byline order; new people are not saved yet."""
        taken: set = set()
        decisions = []
        byline = frozenset(block_key(author.name, author.family_name) for author in record.authors)
        for author in record.authors:
            organization_ids = {
                org.pk for org in map(self.organizations.get, (a.organization for a in author.affiliations)) if org
            }
            decision = self.people.decide(
                author, organization_ids=organization_ids, on_article=on_article, taken=taken, coauthors=byline
            )
            taken.add(identity(decision.person))
            decisions.append((decision, author))
        if self.origins:
            # Later files' authors are matched as if this file were on record already.
            self.people.add_coauthors(decisions)
        return decisions

    @staticmethod
    def authorship_values(position: int, author) -> dict:
        return {
            "position": position,
            "corresponding": author.corresponding,
            "name_as_printed": author.name,
            "affiliations_as_printed": "\n".join(aff.text for aff in author.affiliations),
            "contributor_id": author.contributor_id,
            "email": author.email,
        }

    def write_authors(self, article: Article, record: ArticleRecord, *, is_new: bool) -> list[Authorship]:
        current = [] if is_new else list(article.authorships.select_related("person").order_by("position"))
        on_article: dict[str, Person] = {}
        for authorship in current:
            on_article.setdefault(person_key(authorship.name_as_printed), authorship.person)
            on_article.setdefault(authorship.person.normalized_name, authorship.person)
        already = {person.pk for person in on_article.values()}
        decisions = self.decide_authors(record, on_article=on_article)
        self.people.flush()
        self.people.record([pair for pair in decisions if pair[0].person.pk not in already], article=article)
        self.write_affiliations(decisions)
        people = [decision.person for decision, _ in decisions]
        self.make_room(current, [person.pk for person in people])
        by_person = {authorship.person_id: authorship for authorship in current}
        authorships, new = [], []
        for position, (decision, author) in enumerate(decisions, start=1):
            values = self.authorship_values(position, author)
            authorship = by_person.get(decision.person.pk)
            if authorship is None:
                authorship = Authorship(article=article, person=decision.person, **values)
                new.append(validated(authorship, location=author.location))
            elif any(getattr(authorship, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(authorship, name, value)
                authorship.full_clean(validate_unique=False, validate_constraints=False)
                services.save_with_history(authorship, actor=self.actor, reason=self.reason)
            authorships.append(authorship)
        create_with_history(new, actor=self.actor, reason=self.reason)
        self.new_authorships.update(authorship.pk for authorship in new)
        self.new_authors.update(authorship.person_id for authorship in new)
        return authorships

    def write_editors(self, article: Article, record: ArticleRecord, *, is_new: bool) -> None:
        """Exactly the editorial roles the file names, each editor matched to a registry person the
        way authors are (ORCID iD, else name and a shared affiliation organization)."""
        current = [] if is_new else list(article.editorial_roles.select_related("person").order_by("pk"))
        if not record.editors and not current:
            return
        on_article = {role.person.normalized_name: role.person for role in current}
        decisions = self.decide_editors(record, on_article=on_article)
        self.people.flush()
        already = {role.person_id for role in current}
        self.people.record([pair for pair in decisions if pair[0].person.pk not in already], article=article)
        self.write_affiliations(decisions)
        wanted = self.editorial_roles(article, decisions)
        for role in current:
            if (role.person_id, role.role) not in wanted:
                role._history_user = self.actor
                role._change_reason = self.reason
                role.delete()
        have = {(role.person_id, role.role) for role in current}
        create_with_history(
            [role for key, role in wanted.items() if key not in have], actor=self.actor, reason=self.reason
        )

    def decide_editors(self, record: ArticleRecord, *, on_article: dict[str, Person]) -> list:
        """(Decision, AuthorRecord) for each editor the file names; new people are not saved yet."""
        taken: set = set()
        decisions = []
        for editor in record.editors:
            organization_ids = {
                org.pk for org in map(self.organizations.get, (a.organization for a in editor.affiliations)) if org
            }
            decision = self.people.decide(editor, organization_ids=organization_ids, on_article=on_article, taken=taken)
            taken.add(identity(decision.person))
            decisions.append((decision, editor))
        return decisions

    @staticmethod
    def editorial_roles(article: Article, decisions: list) -> dict[tuple[int, str], EditorialRole]:
        """The roles the decided editors hold on `article`, by (person id, role), validated and not saved;
        call after `people.flush()`."""
        wanted = {(decision.person.pk, editor.role): (decision, editor) for decision, editor in decisions}
        return {
            key: validated(
                EditorialRole(article=article, person=decision.person, role=editor.role), location=editor.location
            )
            for key, (decision, editor) in wanted.items()
        }

    def make_room(self, current: list[Authorship], people: list[int]) -> None:
        """Remove authors the new version no longer lists; move the rest out of the way when renumbered."""
        wanted = {person_id: position for position, person_id in enumerate(people, start=1)}
        for authorship in current:
            if authorship.person_id not in wanted:
                authorship._history_user = self.actor
                authorship._change_reason = self.reason
                authorship.delete()
        moving = [a.pk for a in current if a.person_id in wanted and wanted[a.person_id] != a.position]
        if moving:
            Authorship.objects.filter(pk__in=moving).update(position=F("position") + _POSITION_SHIFT)

    def write_affiliations(self, decisions) -> None:
        create_with_history(self.new_affiliations(decisions), actor=self.actor, reason=self.reason)

    def new_affiliations(self, decisions) -> list[Affiliation]:
        """The organizations of each author's affiliations, as affiliations of the person (once),
        validated and not saved yet."""
        new = []
        for decision, author in decisions:
            known = self.people.organizations_of[identity(decision.person)]
            for aff in author.affiliations:
                organization = self.organizations.get(aff.organization)
                if organization is None or organization.pk in known:
                    continue
                affiliation = new_row(
                    Affiliation, person=decision.person, organization=organization, department=aff.department
                )
                new.append(self.stamp(validated(affiliation, location=author.location)))
                known.add(organization.pk)
        return new

    # Disclosures

    def write_disclosures(self, record: ArticleRecord, authorships: list[Authorship], *, article: Article) -> None:
        plans = self.disclosure_plans(record, authorships)
        if plans:
            self.store_disclosures(plans, article=article, locate=lambda authorship: record.location)

    def disclosure_plans(self, record: ArticleRecord, authorships: list[Authorship]) -> list[tuple]:
        """(authorship, statement, parsed items, declares none) for each author with a statement: as the
        reading process planned them (`record.planned`), or planned here."""
        if not record.statements:
            return []
        planned = record.planned or statement_plans(record)
        if planned.unattributed and len(record.authors) > 1:
            self.warnings.append(
                f"{self.source}:{record.location}: {planned.unattributed} interest(s) in the statement "
                "name no author; kept in the statement text only"
            )
        return [
            (authorship, *plan)
            for plan, authorship in zip(planned.per_author, authorships, strict=True)
            if plan is not None
        ]

    def store_disclosures(self, plans: list[tuple], *, article: Article | None, locate) -> None:
        """The disclosures of `disclosure_plans()` (of one article, or of many new ones), new ones in
        bulk; `locate(authorship)` names the record in errors."""
        # The file that names a counterparty first is where a new one comes from.
        first: dict[str, Origin | None] = {}
        for authorship, _, items, _ in plans:
            for item in items:
                if item.organization:
                    first.setdefault(item.organization, self.article_origins.get(authorship.article_id))
        resolved = self.organizations.ensure_names(first, origin_of=first.get if self.article_origins else None)
        earlier = [authorship for authorship, *_ in plans if authorship.pk not in self.new_authorships]
        on_file = {}
        if earlier:  # authorships this import created have no disclosure yet
            found = Disclosure.objects.filter(authorship__in=earlier).order_by()
            on_file = {d.authorship_id: d for d in found.annotate(declared=Count("declared_interests"))}
        fresh = self.people.created_ids
        new: list[tuple[Authorship, str, bool, list[services.InterestInput]]] = []
        updates = []
        for authorship, statement, items, declares_none in plans:
            self.enter_article(authorship.article_id)
            interests = self.interest_inputs(statement, items, resolved)
            existing = on_file.get(authorship.pk)
            if existing is None:
                new.append((authorship, statement, declares_none, interests))
            else:
                updates.append((authorship, statement, declares_none, interests, existing))
        known = [plan for plan in [*new, *updates] if plan[0].person_id not in fresh]
        self.link_resolved_organizations(
            [(plan[0].person_id, item, self.reason_for(plan[0])) for plan in known for item in plan[3]]
        )
        # People this import created have ties from its earlier articles only, read like the others'.
        ties = self.ties_of({authorship.person_id for authorship, *_, items in new if items})
        bulk = []
        for plan in new:
            if any(len(services.same_ties(ties[plan[0].person_id], item)) > 1 for item in plan[3]):
                updates.append((*plan, None))  # several ties on record fit: the service decides which is meant
            else:
                bulk.append(plan)
        self.create_disclosures(bulk, ties, locate=locate)
        same = unchanged_disclosures([u for u in updates if u[3]])
        writing = [
            (authorship, statement, declares_none, interests, existing)
            for authorship, statement, declares_none, interests, existing in updates
            # A re-import that would change nothing is not written at all (no transaction, no reads).
            if authorship.pk not in same
            and (
                interests
                or (existing.statement, existing.declares_none, existing.declared) != (statement, declares_none, 0)
            )
        ]
        kept = self.keep_editors_disclosures(writing, article=article)
        changing = [
            services.DisclosureInput(
                authorship=authorship, statement=statement, declares_none=declares_none, interests=interests
            )
            for authorship, statement, declares_none, interests, _ in writing
            if authorship.pk not in kept
        ]
        if changing:
            self.record_changed_disclosures(changing)

    def record_changed_disclosures(self, changing: list[services.DisclosureInput]) -> None:
        """Through the service, a file at a time when the batch holds the records of several files
        (what the service creates counted for the file)."""
        by_origin: dict[Origin | None, list[services.DisclosureInput]] = defaultdict(list)
        for item in changing:
            by_origin[self.article_origins.get(item.authorship.article_id)].append(item)
        for origin, items in by_origin.items():
            self.enter(origin)
            before = last_ids() if origin is not None else {}
            services.record_disclosures(
                actor=self.actor,
                items=items,
                provenance_detail=self.source,
                reason=self.reason,
                correction_note=self.correction_note,
            )
            if origin is not None:
                origin.counts.update(count_rows_since(before))

    def keep_editors_disclosures(self, updates: list, *, article: Article) -> set[int]:
        """The authorships whose disclosure keeps an editor's correction, each with a warning."""
        note = self.correction_note
        own = {self.reason, f"{self.reason}: {note}"[:100], f"{DisclosureStatus.CORRECTED.label}: {note}"[:100]}
        kept = kept_by_editors(updates, own_reasons=own)
        for authorship, statement, _, interests, existing in updates:
            if authorship.pk not in kept:
                continue
            if existing.statement != statement:
                editor_value, file_value = existing.statement, statement
            else:
                editor_value = f"{existing.declared} declared interest(s)"
                file_value = f"{len(interests)} declared interest(s)"
            self.warn_kept(article, f"disclosure of {authorship.name_as_printed}", editor_value, file_value)
        return kept

    def reason_for(self, authorship: Authorship) -> str:
        """The change reason of what is written for this authorship: its file's."""
        origin = self.article_origins.get(authorship.article_id)
        return self.reason if origin is None else origin.reason

    def link_resolved_organizations(self, items: list[tuple[int, services.InterestInput, str]]) -> None:
        """An interest recorded under a name the registry did not know yet gets its organization
        once the name resolves, so that re-importing finds it instead of recording a second tie.
        Each item: (person id, interest read, the change reason of its file)."""
        wanted = {
            (person_id, item.category, item.payee, item.organization_name): (item.organization, reason)
            for person_id, item, reason in items
            if item.organization is not None and item.organization_name
        }
        if not wanted:
            return
        unlinked = Interest.objects.filter(
            person_id__in={key[0] for key in wanted},
            organization__isnull=True,
            organization_name__in={key[3] for key in wanted},
        )
        for interest in unlinked:
            key = (interest.person_id, interest.category, interest.payee, interest.organization_name)
            if key in wanted:
                interest.organization, reason = wanted[key]
                services.save_with_history(interest, actor=self.actor, reason=f"{reason}: organization resolved"[:100])

    def ties_of(self, person_ids: set[int]) -> defaultdict[int, list[Interest]]:
        """The interests on record of these people, by person (one query)."""
        ties: defaultdict[int, list[Interest]] = defaultdict(list)
        if person_ids:
            for interest in Interest.objects.filter(person_id__in=person_ids).order_by("pk"):
                ties[interest.person_id].append(interest)
        return ties

    def create_disclosures(self, plans, ties: dict[int, list[Interest]], *, locate) -> None:
        """New disclosures in bulk, with what record_disclosure() would write for each: a tie already
        on record (`ties`) is declared again and takes the newer wording and source; any other becomes
        a new interest. Disclosures on file, and ties that fit several on record, go through the service."""
        disclosures, created, changed, declared, restated, locations = [], [], {}, {}, [], {}
        for authorship, statement, declares_none, items in plans:
            self.enter_article(authorship.article_id)
            disclosure = new_row(Disclosure, authorship=authorship, statement=statement, declares_none=declares_none)
            disclosures.append(self.stamp(validated(disclosure, location=locate(authorship))))
            known = ties[authorship.person_id]
            for item in items:
                found = services.same_ties(known, item)
                if found:
                    interest = found[0]
                else:
                    interest = new_row(Interest, person=authorship.person, category=item.category, payee=item.payee)
                    interest.provenance = Provenance.DISCLOSURE
                    created.append(self.stamp(interest))
                    known.append(interest)
                values = services.restated_values(interest, item, self.source[:500])
                restated = list(values)
                if services.update_fields(interest, values) and interest.pk is not None:
                    changed[interest.pk] = interest if self.origin is None else self.origin.mark(interest)
                # Declared once per disclosure: the last phrase naming the tie gives its words, as in the service.
                declared[(id(disclosure), id(interest))] = (disclosure, interest, item, self.origin)
                locations[id(interest)] = locate(authorship)
        for interest in [*created, *changed.values()]:
            validated(interest, location=locations[id(interest)])
        create_with_history(disclosures, actor=self.actor, reason=self.reason)
        create_with_history(created, actor=self.actor, reason=self.reason)
        update_with_history(list(changed.values()), restated, actor=self.actor, reason=self.reason)
        rows = []
        for disclosure, interest, item, origin in declared.values():
            row = new_row(
                DeclaredInterest,
                disclosure=disclosure,
                interest=interest,
                text_as_written=item.text_as_written,
                span_start=item.span[0],
                span_end=item.span[1],
            )
            rows.append(row if origin is None else origin.mark(row))
        create_with_history(rows, actor=self.actor, reason=self.reason)
        # Setting a disclosure's authorship cached the disclosure on the authorship too (a one-to-one's
        # reverse side): a cycle of every new authorship, disclosure, person and article, which only the
        # garbage collector's full passes would free. Dropped, they go when the batch does.
        for disclosure in disclosures:
            disclosure.authorship._state.fields_cache.pop("disclosure", None)

    def interest_inputs(self, statement: str, items, resolved) -> list[services.InterestInput]:
        interests = []
        for item in items:
            name = (item.organization or "")[:300]
            if item.category not in _CATEGORIES:
                self.warnings.append(f"{self.source}: unknown interest category {item.category!r}; skipped")
                continue
            if not (name or item.specification):
                continue
            start, end = item.span
            interests.append(
                services.InterestInput(
                    category=item.category,
                    organization=resolved.get(item.organization) if item.organization else None,
                    organization_name=name,
                    payee=item.payee,
                    specification=item.specification,
                    text_as_written=statement[start:end],
                    span=(start, end),
                )
            )
        return _distinct(interests)


def _shown(value) -> str:
    """A field's value as a warning quotes it."""
    if value is None or value == "":
        return "none"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _distinct(interests: list[services.InterestInput]) -> list[services.InterestInput]:
    """One row per tie: the parser may read the same tie twice from overlapping phrases."""
    seen: dict[tuple, services.InterestInput] = {}
    for item in interests:
        seen.setdefault(services.tie_key(item), item)
    return list(seen.values())
