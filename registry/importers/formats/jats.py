"""Read JATS XML (eLife, PLOS, PMC and PMC's OAI/articleset wrappers) into ArticleRecords.

Pure reading: nothing here touches the database. Every refusal names the element path.
"""

import re

from django.core.exceptions import ValidationError
from lxml import etree

from registry.enums import EditorialRoleKind, OrganizationKind
from registry.importers.articles.records import (
    AffiliationRecord,
    ArticleRecord,
    AuthorRecord,
    EditorRecord,
    FunderRecord,
    OrganizationRef,
    StatementRecord,
)
from registry.importers.errors import ImportFailure
from registry.importers.formats.fields import check_doi, check_orcid, identifier, make_date
from registry.importers.formats.places import country_code, split_affiliation
from registry.importers.formats.xmlsafe import local_name, text_of
from registry.validators import normalize_doi

# "Competing interests", "Conflict of interest statement", "Declaration of interests", ...
COI_TITLE = re.compile(
    r"^\s*(?:"
    r"(?:declarations?|statements?|disclosures?)\s+of\s+(?:potential\s+)?(?:(?:competing|conflicts?\s+of)\s+)?"
    r"|(?:potential\s+)?(?:competing|conflicting|duality\s+of|conflicts?\s+of)(?:\s+financial)?\s+"
    r")interests?(?:\s+(?:statement|disclosures?|declarations?))?\s*[:.]?\s*$",
    re.IGNORECASE,
)
_COI_TYPES = {"conflict", "coi-statement", "competing-interests", "competing-interest"}
_HEADING_PREFIX = re.compile(
    r"^\s*(?:competing|conflicts?|declarations?)(?:\s+financial)?(?:\s+of)?\s+interests?\s*:\s*", re.I
)
_SKIP_IN_TEXT = frozenset({"label", "title", "sup", "email", "xref"})
# Publisher-assigned contributor ids that stay with a person across articles (eLife's "author-1031");
# per-article ids such as "a1" or "c2" say nothing about identity and are not kept.
_STABLE_CONTRIBUTOR_ID = re.compile(r"^author-\d+$")
_SKIP_KWD_GROUPS = {"research-organism", "abbreviations"}
# Subject groups naming what the article is about. eLife's "display-channel" and "heading" and
# PLOS's "heading" give the article type ("Research Article") or a whole field ("Cell Biology"):
# as topics they would make every tie in that field look relevant, so they are not read.
_TOPIC_SUBJECT_GROUPS = {"discipline-v3", "discipline-v2", "discipline", "subject", "keywords"}
# Who handled the article besides its authors: eLife's "Reviewing editor" and "Senior editor",
# PLOS's "Academic Editor", eLife's named reviewers.
_EDITOR_TYPES = {"editor", "senior_editor", "reviewer"}


def read_jats(tree: etree._ElementTree, *, file: str) -> list[ArticleRecord]:
    """Every article in the document (one, or several in a pmc-articleset)."""
    root = tree.getroot()
    articles = [root] if local_name(root) == "article" else list(root.iter("{*}article"))
    if not articles:
        raise ImportFailure("no <article> element: this is not a JATS article", file=file, location="/")
    records = []
    for article in articles:
        if isinstance(article.tag, str) and article.tag.startswith("{"):
            _strip_namespaces(article)
        try:
            records.append(_JatsArticle(tree, article).read())
        except ImportFailure as failure:
            raise failure.in_file(file) from None
    return records


def _strip_namespaces(article) -> None:
    """OAI-PMH responses put JATS in a namespace; the reader speaks plain JATS element names."""
    for element in article.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = local_name(element)


class _JatsArticle:
    def __init__(self, tree, article):
        self.tree = tree
        self.article = article
        self.meta = article.find("front/article-meta")
        if self.meta is None:
            raise ImportFailure("the article has no <front>/<article-meta>", location=self.path(article))

    def path(self, element) -> str:
        return self.tree.getpath(element)

    def read(self) -> ArticleRecord:
        meta = self.meta
        doi_el = meta.find("article-id[@pub-id-type='doi']")
        doi = check_doi(
            doi_el.text if doi_el is not None else "",
            location=self.path(doi_el if doi_el is not None else meta),
        )
        title = text_of(meta.find("title-group/article-title"))
        if not title:
            raise ImportFailure("the article has no title", location=self.path(meta) + "/title-group")
        statements = self.statements()
        record = ArticleRecord(
            doi=doi,
            title=title,
            journal=self.journal(),
            article_type=self.article_type(),
            received_date=self.history_date("received"),
            accepted_date=self.history_date("accepted"),
            published_date=self.published_date(),
            topics=self.topics(),
            funders=self.funders(),
            funding_statement=text_of(meta.find("funding-group/funding-statement")),
            authors=self.authors({statement.key for statement in statements if statement.key}),
            statements=statements,
            editors=self.editors(),
            location=self.path(self.article),
        )
        record.preprint_doi = self.preprint_doi()
        for author in [*record.authors, *record.editors]:
            if author.contributor_id:  # scoped by the publisher's DOI prefix: ids are per publisher
                author.contributor_id = f"{doi.split('/')[0]}/{author.contributor_id}"[:100]
        if record.received_date and record.accepted_date and record.accepted_date < record.received_date:
            raise ImportFailure(
                f"accepted {record.accepted_date} is before received {record.received_date}",
                location=self.path(meta.find("history")),
            )
        return record

    def preprint_doi(self) -> str:
        """The preprint this article is the published version of: a related article of type "preprint"
        (bioRxiv, medRxiv and Europe PMC name it so, by DOI, in the article's front matter)."""
        for related in self.meta.iter("related-article"):
            if (related.get("related-article-type") or "").lower() != "preprint":
                continue
            href = related.get("{http://www.w3.org/1999/xlink}href") or related.get("href") or ""
            try:
                return normalize_doi(href)
            except ValidationError:
                continue  # a preprint named by a URL outside doi.org: not a link the registry can follow
        return ""

    # Journal, type, topics and dates

    def journal(self) -> str:
        journal_meta = self.article.find("front/journal-meta")
        if journal_meta is None:
            return ""
        title = journal_meta.find(".//journal-title")
        if title is not None:
            return text_of(title)
        journal_id = journal_meta.find("journal-id")
        return text_of(journal_id)

    def article_type(self) -> str:
        for group_type in ("display-channel", "heading"):
            subject = self.meta.find(f"article-categories/subj-group[@subj-group-type='{group_type}']/subject")
            if subject is not None:
                return text_of(subject)[:100]
        return (self.article.get("article-type") or "").replace("-", " ")[:100]

    def topics(self) -> list[str]:
        found: list[str] = []
        for group in self.meta.findall("article-categories/subj-group"):
            group_type = (group.get("subj-group-type") or "").lower()
            if group_type not in _TOPIC_SUBJECT_GROUPS:
                continue
            subjects = list(group.iter("subject"))
            if group_type.startswith("discipline-v"):
                subjects = subjects[-1:]  # the most specific term of the chain
            found += [text_of(subject) for subject in subjects]
        for group in self.meta.findall("kwd-group"):
            if (group.get("kwd-group-type") or "").lower() not in _SKIP_KWD_GROUPS:
                found += [text_of(kwd) for kwd in group.iter("kwd")]
        unique = {topic.casefold(): topic for topic in reversed(found) if topic and len(topic) <= 200}
        return list(reversed(unique.values()))

    def _date(self, element):
        if element is None:
            return None
        return make_date(
            element.findtext("year"),
            element.findtext("month"),
            element.findtext("day"),
            location=self.path(element),
        )

    def history_date(self, kind: str):
        return self._date(self.meta.find(f"history/date[@date-type='{kind}']"))

    def published_date(self):
        """The electronic publication date, else print, else any printed date (partial dates allowed)."""

        def rank(element) -> tuple[int, int]:
            kind = (element.get("date-type") or element.get("pub-type") or "").lower()
            order = {"pub": 0, "epub": 0, "epub-ppub": 1, "ppub": 2}.get(kind, 3)
            return (0 if element.findtext("day") else 1, order)

        dates = sorted(self.meta.findall("pub-date"), key=rank)
        return self._date(dates[0]) if dates else None

    # Funding

    def funders(self) -> list[FunderRecord]:
        funders = []
        for group in self.meta.findall("funding-group/award-group"):
            awards = [text_of(award) for award in group.findall("award-id") if text_of(award)]
            for source in group.findall("funding-source"):
                organization = self.organization_ref(source, kind=OrganizationKind.FUNDER)
                if organization.name:
                    funders.append(FunderRecord(organization=organization, award_ids=awards))
        return funders

    def organization_ref(self, element, *, kind: str = "") -> OrganizationRef:
        """The institution named in a funding-source or aff, with its ROR/FundRef/Ringgold ids."""
        names = [
            text_of(inst, skip=frozenset({"institution-id"}))
            for inst in element.iter("institution")
            if (inst.get("content-type") or "").lower() not in {"dept", "department"}
        ]
        name = next((n for n in names if n), "") or (
            text_of(element, skip=frozenset({"institution-id"})) if element.tag == "funding-source" else ""
        )
        ror_id, identifiers = None, []
        for id_el in element.iter("institution-id"):
            scheme, value = identifier(
                id_el.get("institution-id-type") or "", text_of(id_el), location=self.path(id_el)
            )
            if scheme == "ror":
                ror_id = value
            elif value:
                identifiers.append((scheme, value))
        return OrganizationRef(name=name[:300], ror_id=ror_id, identifiers=tuple(identifiers), kind=kind)

    # Authors and affiliations

    def authors(self, statement_keys: set[str]) -> list[AuthorRecord]:
        affiliations = {aff.get("id"): aff for aff in self.meta.iter("aff") if aff.get("id")}
        # An article with one affiliation that no author links to: every author has it (an
        # editor's affiliation, such as PLOS's "edit1", is not one of them).
        editors_affs = {
            rid
            for contrib in self.editor_contribs()
            for xref in contrib.findall("xref")
            for rid in (xref.get("rid") or "").split()
        }
        unlinked = [
            aff
            for aff in self.meta.iter("aff")
            if aff.getparent().tag != "contrib" and aff.get("id") not in editors_affs
        ]
        if len(unlinked) != 1 or any(
            contrib.find("xref[@ref-type='aff']") is not None
            for contrib in self.meta.findall("contrib-group/contrib")
            if (contrib.get("contrib-type") or "author") == "author"
        ):
            unlinked = []
        authors = []
        for group in self.meta.findall("contrib-group"):
            for contrib in group.findall("contrib"):
                if (contrib.get("contrib-type") or "author") != "author":
                    continue
                author = self.author(contrib, affiliations, unlinked, statement_keys)
                if author is not None:
                    authors.append(author)
        return authors

    def editor_contribs(self) -> list:
        return [
            contrib
            for group in self.meta.findall("contrib-group")
            for contrib in group.findall("contrib")
            if (contrib.get("contrib-type") or "").lower() in _EDITOR_TYPES
        ]

    def editors(self) -> list[EditorRecord]:
        """The article's editors and named reviewers (the front matter only: decision letters in
        sub-articles repeat them)."""
        affiliations = {aff.get("id"): aff for aff in self.meta.iter("aff") if aff.get("id")}
        editors = []
        for contrib in self.editor_contribs():
            person = self.author(contrib, affiliations, [], set())
            if person is not None:
                editors.append(EditorRecord(**vars(person), role=_editorial_role(contrib)))
        return editors

    def author(self, contrib, affiliations, unlinked, statement_keys) -> AuthorRecord | None:
        name_el = contrib.find("name")
        if name_el is None:
            name_el = contrib.find("string-name")
        if name_el is None:
            return None  # a group author (<collab>) is not a person
        given = text_of(name_el.find("given-names"))
        family = text_of(name_el.find("surname"))
        full = " ".join(part for part in (given, family) if part) or text_of(name_el)
        if not full:
            return None
        orcid_el = contrib.find("contrib-id[@contrib-id-type='orcid']")
        where = self.path(contrib)
        orcid = check_orcid(orcid_el.text if orcid_el is not None else None, location=where)
        rids = [rid for xref in contrib.findall("xref") for rid in (xref.get("rid") or "").split()]
        aff_elements = [affiliations[rid] for rid in rids if rid in affiliations]
        aff_elements += contrib.findall("aff")
        if not aff_elements and len(unlinked) == 1:
            aff_elements = unlinked
        corresponding = contrib.get("corresp") == "yes" or contrib.find("xref[@ref-type='corresp']") is not None
        return AuthorRecord(
            name=full[:300],
            given_names=given[:200],
            family_name=family[:200],
            orcid=orcid,
            corresponding=corresponding,
            affiliations=[aff for aff in map(self.affiliation, aff_elements) if aff is not None],
            statement_keys=[rid for rid in rids if rid in statement_keys],
            location=where,
            contributor_id=contrib.get("id", "") if _STABLE_CONTRIBUTOR_ID.match(contrib.get("id", "")) else "",
            email=self.email(contrib, rids),
            byline_role=next(
                (text_of(role) for role in contrib.findall("role") if not role.get("content-type") and text_of(role)),
                "",
            )[:300],
        )

    def email(self, contrib, rids: list[str]) -> str:
        """The author's own e-mail, or the one of a correspondence note naming a single address."""
        emails = [text_of(el) for el in contrib.findall("email")]
        if not emails:
            notes = {note.get("id"): note for note in self.meta.iter("corresp") if note.get("id")}
            for rid in rids:
                found = [text_of(el) for el in notes[rid].iter("email")] if rid in notes else []
                if len(found) == 1:
                    emails = found
        email = emails[0].strip().casefold() if len(emails) == 1 else ""
        return email if "@" in email and len(email) <= 254 else ""

    def affiliation(self, aff) -> AffiliationRecord | None:
        printed = text_of(aff, skip=_SKIP_IN_TEXT)
        if aff.find(".//institution") is not None:
            organization = self.organization_ref(aff)
            department = ", ".join(
                text_of(inst)
                for inst in aff.iter("institution")
                if (inst.get("content-type") or "").lower() in {"dept", "department"}
            )
            city = text_of(aff.find(".//named-content[@content-type='city']")) or text_of(aff.find(".//city"))
            country_el = aff.find(".//country")
            country = ""
            if country_el is not None:
                country = country_code(country_el.get("country") or "") or country_code(text_of(country_el))
        else:
            name, department, city, country = split_affiliation(printed)
            organization = OrganizationRef(name=name[:300])
        if not organization.name:
            return None
        organization.country = country
        return AffiliationRecord(organization=organization, department=department[:300], city=city[:300], text=printed)

    # Competing interests

    def statements(self) -> list[StatementRecord]:
        """Competing-interest footnotes, notes and sections, outside sub-articles (decision letters)."""
        found: list[StatementRecord] = []
        chosen: list = []
        for part in self.article:
            if part.tag == "sub-article" or not isinstance(part.tag, str):
                continue
            for element in part.iter("fn", "sec", "notes", "ack"):
                if not self.is_statement(element) or any(_is_within(element, c) for c in chosen):
                    continue
                text = self.statement_text(element)
                chosen.append(element)
                if text:
                    found.append(
                        StatementRecord(
                            text=text,
                            key=element.get("id") or "" if element.tag == "fn" else "",
                            location=self.path(element),
                        )
                    )
        return found

    @staticmethod
    def is_statement(element) -> bool:
        kind = (element.get("fn-type") or element.get("notes-type") or element.get("sec-type") or "").lower()
        if kind in _COI_TYPES:
            return True
        # A footnote in a competing-interest group is a statement whatever its own (sometimes wrong) type says:
        # eLife files have per-author statements typed as contributions ("con") inside that group.
        parent = element.getparent()
        in_group = element.tag == "fn" and parent is not None and parent.tag == "fn-group"
        if in_group and (parent.get("content-type") or "").lower() in _COI_TYPES:
            return True
        heading = element.find("title")
        if heading is None:
            heading = element.find("label")
        if heading is None:
            first = element.find("p")
            if first is not None and len(first) == 1 and first[0].tag == "bold" and not (first.text or "").strip():
                heading = first
        return heading is not None and bool(COI_TITLE.match(text_of(heading)))

    @staticmethod
    def statement_text(element) -> str:
        paragraphs = [p for p in element if p.tag == "p"]
        if not paragraphs:
            paragraphs = list(element.iter("p"))
        texts = [text_of(p, skip=_SKIP_IN_TEXT - {"sup"}) for p in paragraphs]
        texts = [text for text in texts if text and not COI_TITLE.match(text)]
        return _HEADING_PREFIX.sub("", " ".join(texts)).strip()


def _editorial_role(contrib) -> str:
    kind = (contrib.get("contrib-type") or "").lower()
    role = text_of(contrib.find("role")).casefold()
    if kind == "reviewer" or (kind == "editor" and role == "reviewer"):
        return EditorialRoleKind.REVIEWER
    if kind == "senior_editor" or "senior editor" in role:
        return EditorialRoleKind.SENIOR_EDITOR
    return EditorialRoleKind.HANDLING_EDITOR


def _is_within(element, ancestor) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())
