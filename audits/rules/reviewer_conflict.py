"""REVIEWER_CONFLICT: an editor or reviewer close to an author (OpenReview-style policy)."""

from collections import defaultdict

from audits.dates import months_before, overlaps
from audits.enums import Severity, SubjectType
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import article_evidence
from audits.rules.explain import day, join_words, quoted
from registry.enums import EditorialRoleKind
from registry.models import Article, Authorship
from registry.names import normalize_organization_name


@register
class ReviewerConflictRule(Rule):
    """Flags a handling editor or reviewer who shares a current affiliation with an author (at the
    article's date), or who co-authored an article with an author within the last N years.

    An institution is shared only when it is the same organization record: sibling units of one
    parent (two Howard Hughes Medical Institute labs at different universities) are not. Being on
    the publishing journal's own staff (an affiliation named after the journal) is not a conflict.
    Medium: the editor's closeness to an author is a conflict for the journal to manage (ICMJE asks
    editors to recuse themselves), not an undisclosed financial tie of the author's, which alone is high."""

    code = "REVIEWER_CONFLICT"
    version = 3
    title = "Editor or reviewer close to an author"
    severity = Severity.MEDIUM
    subject_type = SubjectType.ARTICLE
    parameters = (Parameter("coauthorship_years", 3, "Years back in which co-authorship counts."),)

    def find(self, ctx):
        if not ctx.editorial_roles:
            return
        authors_by_article: dict[int, set[int]] = defaultdict(set)
        for row in ctx.authorships:
            authors_by_article[row.article_id].add(row.person_id)
        coauthored = self.coauthorships(ctx, authors_by_article)
        journals = self.journals(ctx)
        for article_id, editor_id, _role_id, role in sorted(ctx.editorial_roles):
            article = ctx.articles[article_id]
            shared = self.shared_affiliations(ctx, editor_id, authors_by_article[article_id], article.ref_date)
            shared = {
                author: {org for org in orgs if not self.at_journal(ctx, org, journals.get(article_id, ""))}
                for author, orgs in shared.items()
            }
            for author_id in sorted(authors_by_article[article_id] - {editor_id}):
                orgs = shared.get(author_id, set())
                papers = coauthored.get((article_id, editor_id, author_id), [])
                if orgs or papers:
                    yield self.build(ctx, article, editor_id, author_id, role, orgs, papers)

    @staticmethod
    def journals(ctx) -> dict[int, str]:
        """The normal journal name of each article an editor or reviewer handled (one query)."""
        ids = {article_id for article_id, _, _, _ in ctx.editorial_roles}
        rows = Article.objects.filter(pk__in=ids).exclude(journal="").order_by().values_list("pk", "journal")
        return {pk: normalize_organization_name(journal) for pk, journal in rows}

    @staticmethod
    def at_journal(ctx, org_id: int, journal: str) -> bool:
        """Whether the organization is the publishing journal itself ("eLife", "eLife Sciences")."""
        if not journal:
            return False
        name = normalize_organization_name(ctx.organization_name(org_id))
        return name == journal or name.startswith(f"{journal} ")

    def shared_affiliations(self, ctx, editor_id, author_ids, on_day):
        def current(person_id):
            return {
                org
                for org, start, end in ctx.affiliations_by_person.get(person_id, ())
                if overlaps(start, end, on_day, on_day)
            }

        editor_orgs = current(editor_id)
        if not editor_orgs:
            return {}
        shared = {author: editor_orgs & current(author) for author in author_ids}
        return {author: orgs for author, orgs in shared.items() if orgs}

    def coauthorships(self, ctx, authors_by_article):
        """(article, editor, author) → co-authored articles within the window, in one query."""
        editor_ids = {editor for _, editor, _, _ in ctx.editorial_roles}
        rows = (
            Authorship.objects.filter(person_id__in=editor_ids)
            .order_by()
            .values_list(
                "person_id", "article_id", "article__title", "article__published_date", "article__received_date"
            )
        )
        papers_by_editor = defaultdict(list)
        for editor, paper, title, published, received in rows:
            papers_by_editor[editor].append((paper, title, received or published))
        paper_ids = {paper for papers in papers_by_editor.values() for paper, _, _ in papers}
        authors_of = defaultdict(set)
        for paper, person in (
            Authorship.objects.filter(article_id__in=paper_ids).order_by().values_list("article_id", "person_id")
        ):
            authors_of[paper].add(person)
        found = defaultdict(list)
        years = self.params["coauthorship_years"]
        for article_id, editor, _, _ in ctx.editorial_roles:
            ref = ctx.articles[article_id].ref_date
            since = months_before(ref, 12 * years)
            for paper, title, when in papers_by_editor.get(editor, []):
                if paper == article_id or when is None or not since <= when <= ref:
                    continue
                for author in authors_of[paper] & authors_by_article[article_id]:
                    found[(article_id, editor, author)].append({"id": paper, "title": title, "date": when.isoformat()})
        return found

    def build(self, ctx, article, editor_id, author_id, role, orgs, papers):
        editor_name = ctx.person_name(editor_id)
        author_name = ctx.person_name(author_id)
        reasons = []
        # The dates relied on: the article's, at which both affiliations are current, and each shared paper's.
        if orgs:
            where = join_words(sorted(ctx.organization_name(o) for o in orgs))
            reasons.append(f"both are at {where} on {day(article.ref_date)}")
        if papers:
            titles = join_words(f"{quoted(p['title'])} ({p['date']})" for p in papers[:2])
            reasons.append(f"they co-authored {titles}, within {self.params['coauthorship_years']} years")
        role_label = EditorialRoleKind(role).label.lower() if role in EditorialRoleKind.values else role
        return self.finding(
            key=f"article:{article.id}|editor:{editor_id}|author:{author_id}",
            summary=(
                f"{editor_name}, {role_label} of {quoted(article.title)}, is close to the author "
                f"{author_name}: {'; '.join(reasons)}."
            ),
            evidence={
                "article": article_evidence(article),
                "editor": {"id": editor_id, "name": editor_name, "role": role},
                "author": {"id": author_id, "name": author_name},
                "shared_affiliations": sorted(ctx.organization_name(o) for o in orgs),
                "coauthored": papers,
            },
            article_id=article.id,
            person_id=author_id,
        )
