"""Read PubMed/MEDLINE XML (NLM's baseline and update files, gzipped or not) into ArticleRecords,
one record at a time: the file is parsed as a stream and each record is cleared once read.

Pure reading: nothing here touches the database. A refusal names the record (its PMID) and why.
"""

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import BinaryIO

from django.core.exceptions import ValidationError
from lxml import etree

from registry.enums import OrganizationKind
from registry.importers.articles.records import (
    AffiliationRecord,
    ArticleRecord,
    AuthorRecord,
    FunderRecord,
    OrganizationRef,
    StatementRecord,
)
from registry.importers.errors import ImportFailure
from registry.importers.formats.fields import identifier, make_date
from registry.importers.formats.places import country_code, split_affiliation
from registry.parsing import parse_statement
from registry.validators import normalize_doi, normalize_orcid

# Above any real PubMed file once decompressed (the largest baseline files hold about 300 MB):
# a gzip bomb stops here. lxml's own cap (huge_tree off) refuses any text node over 10 MB.
MAX_FILE_BYTES = 2 << 30
# The longest text kept from one field of a record (a statement, a title, an affiliation).
MAX_FIELD_CHARS = 100_000

_RECORD_TAGS = ("PubmedArticle", "DeleteCitation", "PubmedBookArticle")
_SEASONS = {"winter": 1, "spring": 3, "summer": 6, "fall": 9, "autumn": 9}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "2019 Sep-Oct", "2019 Jan-Dec", "1998 Dec-1999 Jan", "2000 Spring", "2019 Jul 15-21", "Winter 2019"
_MEDLINE_DATE = re.compile(
    rf"^\s*(?:(?P<season_before>winter|spring|summer|fall|autumn)\s+)?(?P<year>(?:1[89]|20)\d\d)"
    rf"(?:\s*(?P<month>{_MONTH}|winter|spring|summer|fall|autumn|\d\d?(?=\D|$))(?:\s+(?P<day>\d\d?)\b)?)?"
    rf"(?:\s*[-/,]\s*.*)?\s*$",
    re.IGNORECASE,
)
# Labels of an abstract's section naming the work's funders.
_FUNDING_LABELS = frozenset({"funding", "funding source", "funding sources", "funding/support", "sources of funding"})
# MeSH check tags (who or what was studied, not what the article is about) are not topics.
_CHECK_TAGS = frozenset(
    {
        "humans",
        "animals",
        "male",
        "female",
        "pregnancy",
        "infant, newborn",
        "infant",
        "child, preschool",
        "child",
        "adolescent",
        "young adult",
        "adult",
        "middle aged",
        "aged",
        "aged, 80 and over",
        "mice",
        "rats",
    }
)
_EMAIL = re.compile(r"\s*(?:electronic address:\s*)?\S+@\S+\.\w+\.?", re.IGNORECASE)
# "Samsung Bioepis Co., Ltd., Incheon": a company form after a comma belongs to the name before it.
_COMPANY_FORM = re.compile(r",\s*((?:Co\.,?\s*)?(?:Ltd|Inc|LLC|GmbH|AG|plc|S\.A|SA|Corp)\b\.?)", re.IGNORECASE)
_BORING_TYPES = frozenset({"journal article"})
# The DOI a CommentsCorrections entry cites ("... doi: 10.1101/2024.06.11.598480").
_PREPRINT_DOI = re.compile(r"\bdoi:\s*(10\.\S+)", re.IGNORECASE)


@dataclass
class PubmedCitation:
    """One PubmedArticle: the article as read, and which version of the PMID it is."""

    pmid: str
    version: int
    article: ArticleRecord


@dataclass
class PubmedDeletion:
    """A DeleteCitation element of an update file: these PMIDs are gone from PubMed."""

    pmids: list[str]
    location: str


def open_stream(raw: BinaryIO, *, file: str) -> BinaryIO:
    """The file's XML bytes: decompressed when it is gzipped (by its first bytes, not its name)."""
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if head == b"\x1f\x8b" else raw
    return _Capped(stream, file=file)


class _Capped:
    """Reads through to `stream`, refusing a file that decompresses beyond MAX_FILE_BYTES."""

    def __init__(self, stream, *, file: str):
        self.stream = stream
        self.file = file
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.stream.read(size if size and size > 0 else 1 << 20)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise ImportFailure(f"the gzip data is truncated or corrupt ({exc})", file=self.file) from None
        self.total += len(data)
        if self.total > MAX_FILE_BYTES:
            raise ImportFailure(f"the file holds more than {MAX_FILE_BYTES >> 20} MB of XML; refused", file=self.file)
        return data


def read_pubmed(raw: BinaryIO, *, file: str, warnings: list[str]) -> Iterator[PubmedCitation | PubmedDeletion]:
    """Each citation and deletion in file order. Entities are never expanded, no DTD is loaded and
    nothing is fetched from the network."""
    events = etree.iterparse(
        open_stream(raw, file=file),
        events=("start", "end"),
        tag=("PubmedArticleSet", *_RECORD_TAGS),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
    )
    last = "the start of the file"
    try:
        for event, element in events:
            if event == "start":
                if element.tag == "PubmedArticleSet":
                    _refuse_entity_declarations(element, file=file)
                continue
            if element.tag == "PubmedArticle":
                citation = _Citation(element, file=file, warnings=warnings).read()
                last = f"PMID {citation.pmid}"
                yield citation
            elif element.tag == "DeleteCitation":
                pmids = [(pmid.text or "").strip() for pmid in element.iter("PMID")]
                yield PubmedDeletion(pmids=[pmid for pmid in pmids if pmid], location=f"line {element.sourceline}")
            elif element.tag == "PubmedBookArticle":
                warnings.append(f"{file}:line {element.sourceline}: a book record (PubmedBookArticle); skipped")
            else:
                continue
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else "")
        raise ImportFailure(
            f"not well-formed XML after {last}: {exc.msg}", file=file, location=f"line {line}" if line else ""
        ) from None
    except ImportFailure as failure:
        if not failure.location:
            failure.location = f"after {last}"
        raise failure.in_file(file) from None


def _refuse_entity_declarations(root, *, file: str) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ImportFailure(
            "the DOCTYPE declares entities; documents with entity declarations are refused",
            file=file,
            location="line 1",
        )


_orcid = lru_cache(maxsize=65536)(normalize_orcid)
# Dates read so far, by their parts as printed (tag and text of each child).
_DATES: dict[tuple, date | None] = {}


@lru_cache(maxsize=65536)
def _split_affiliation(printed: str) -> tuple[str, str, str, str]:
    # Co-authors share affiliations, and the same institutions recur through a file.
    text = _EMAIL.sub("", printed) if "@" in printed else printed
    return split_affiliation(_COMPANY_FORM.sub(r" \1", text))


def _text(element) -> str:
    """The element's text, markup (<i>, <sup>) dropped and whitespace collapsed."""
    if element is None:
        return ""
    text = element.text if len(element) == 0 else "".join(element.itertext())
    return " ".join(text.split()) if text else ""


_NONE: tuple = ()


def _children(element) -> dict[str, list]:
    """The element's children by tag, in document order: one pass over them, where each
    ElementPath lookup (`find()`) costs a pass of its own and more than the parse of the record."""
    found: dict[str, list] = {}
    for child in element:
        tag = child.tag
        if tag in found:
            found[tag].append(child)
        else:
            found[tag] = [child]
    return found


def _first(children: dict[str, list], tag: str):
    """The first child of that tag (what `find(tag)` gives), or None."""
    found = children.get(tag)
    return found[0] if found else None


def _grandchildren(children: dict[str, list], tag: str, inner: str) -> list:
    """What `findall(f"{tag}/{inner}")` gives: every `inner` child of every `tag` child, in order."""
    return [child for parent in children.get(tag, _NONE) for child in parent if child.tag == inner]


class _Citation:
    def __init__(self, element, *, file: str, warnings: list[str]):
        self.element = element
        self.file = file
        self.warnings = warnings
        self.parts = _children(element)
        self.citation = _first(self.parts, "MedlineCitation")
        if self.citation is None:
            raise ImportFailure("a PubmedArticle without MedlineCitation", location=f"line {element.sourceline}")
        self.citation_parts = _children(self.citation)
        pmid_el = _first(self.citation_parts, "PMID")
        self.pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
        if not self.pmid.isdigit():
            raise ImportFailure(
                f"a record without a PMID ({self.pmid!r})" if self.pmid else "a record without a PMID",
                location=f"line {element.sourceline}",
            )
        self.where = f"PMID {self.pmid}"
        version = (pmid_el.get("Version") or "1").strip()
        if not version.isdigit():
            raise ImportFailure(f"PMID Version {version!r} is not a number", location=self.where)
        self.version = int(version)
        self.article = _first(self.citation_parts, "Article")
        if self.article is None:
            raise ImportFailure("the record has no Article element", location=self.where)
        self.article_parts = _children(self.article)
        data = _first(self.parts, "PubmedData")
        self.data_parts = _children(data) if data is not None else {}

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.file}:{self.where}: {message}")

    def field(self, element, what: str) -> str:
        text = _text(element)
        if len(text) > MAX_FIELD_CHARS:
            raise ImportFailure(
                f"the {what} holds {len(text):,} characters, more than the {MAX_FIELD_CHARS:,} kept; refused",
                location=self.where,
            )
        return text

    def read(self) -> PubmedCitation:
        parts = self.article_parts
        title = self.field(_first(parts, "ArticleTitle"), "title") or self.field(
            _first(parts, "VernacularTitle"), "title"
        )
        history = self.history_dates()
        received, accepted = history["received"], history["accepted"]
        if received and accepted and accepted < received:
            self.warn(f"accepted {accepted} is before received {received}; the accepted date is left out")
            accepted = None
        coi = _first(self.citation_parts, "CoiStatement")
        statement = self.field(coi, "competing-interest statement")
        record = ArticleRecord(
            doi=self.doi(),
            pmid=self.pmid,
            pmid_version=self.version,
            title=title or f"PubMed {self.pmid} (no title)",
            journal=self.field(self.journal_part("Title"), "journal title"),
            article_type=self.article_type(),
            received_date=received,
            accepted_date=accepted,
            published_date=self.published_date(),
            topics=self.topics(),
            funders=self.funders(),
            authors=self.authors(),
            statements=[StatementRecord(text=statement, location=f"{self.where}/CoiStatement")] if statement else [],
            location=self.where,
        )
        record.preprint_pmid, record.preprint_doi = self.preprint()
        return PubmedCitation(pmid=self.pmid, version=self.version, article=record)

    def preprint(self) -> tuple[str, str]:
        """(PMID, DOI) of the preprint this citation is the published version of: PubMed links the two
        by a CommentsCorrections entry of type UpdateOf, whose RefSource cites the preprint with its DOI
        ("bioRxiv. 2024 Jun 11:2024.06.11.598480. doi: 10.1101/2024.06.11.598480")."""
        for entry in _grandchildren(self.citation_parts, "CommentsCorrectionsList", "CommentsCorrections"):
            if entry.get("RefType") != "UpdateOf":
                continue
            pmid = _text(entry.find("PMID")) if entry.find("PMID") is not None else ""
            cited = _PREPRINT_DOI.search(_text(entry.find("RefSource")) if entry.find("RefSource") is not None else "")
            doi = ""
            if cited:
                try:
                    doi = normalize_doi(cited[1].rstrip("."))
                except ValidationError:
                    self.warn(f"{cited[1]!r} is not a DOI; the preprint is linked by PMID only")
            if pmid.isdigit() or doi:
                return (pmid if pmid.isdigit() else "", doi)
        return ("", "")

    def doi(self) -> str:
        candidates = [
            el.text for el in _grandchildren(self.data_parts, "ArticleIdList", "ArticleId") if el.get("IdType") == "doi"
        ]
        candidates += [
            el.text
            for el in self.article_parts.get("ELocationID", _NONE)
            if el.get("EIdType") == "doi" and (el.get("ValidYN") or "Y") == "Y"
        ]
        for value in candidates:
            if value and value.strip():
                try:
                    return normalize_doi(value)
                except ValidationError:
                    self.warn(f"{value.strip()!r} is not a DOI; left out")
        return ""

    def article_type(self) -> str:
        types = [_text(el) for el in _grandchildren(self.article_parts, "PublicationTypeList", "PublicationType")]
        specific = [kind for kind in types if kind.casefold() not in _BORING_TYPES and not kind.startswith("Research ")]
        return (specific or types or [""])[0][:100]

    # Dates

    def history_dates(self) -> dict[str, date | None]:
        wanted = {"received": None, "accepted": None}
        for element in _grandchildren(self.data_parts, "History", "PubMedPubDate"):
            status = element.get("PubStatus")
            if status in wanted and wanted[status] is None:
                wanted[status] = self.date_of(element)
        return wanted

    def published_date(self) -> date | None:
        """The electronic publication date, else the issue's date (partial and MEDLINE dates allowed)."""
        electronic = next(
            (el for el in self.article_parts.get("ArticleDate", _NONE) if el.get("DateType") == "Electronic"), None
        )
        if electronic is not None and electronic.findtext("Year"):
            return self.date_of(electronic)
        issues = _grandchildren(self.article_parts, "Journal", "JournalIssue")
        issue = next((date for parent in issues for date in parent if date.tag == "PubDate"), None)
        return self.date_of(issue) if issue is not None else None

    def journal_part(self, tag: str):
        """What `find(f"Journal/{tag}")` on the Article gives: the first such child of any Journal."""
        return next(iter(_grandchildren(self.article_parts, "Journal", tag)), None)

    def date_of(self, element) -> date | None:
        parts = {child.tag: child.text for child in element}
        # Dates recur through a file: each distinct one is worked out once (a bad one is never kept).
        key = tuple(parts.items())
        known = _DATES.get(key)
        if known is not None or (key in _DATES):
            return known
        found = self.new_date(element, parts)
        if len(_DATES) < 65536:
            _DATES[key] = found
        return found

    def new_date(self, element, parts: dict) -> date | None:
        where = f"{self.where}/{element.tag}"
        year = parts.get("Year")
        if year:
            month = parts.get("Month")
            season = (parts.get("Season") or "").strip().lower()
            if not month and season in _SEASONS:
                month = _SEASONS[season]
            return make_date(year, month, parts.get("Day"), location=where)
        medline = (parts.get("MedlineDate") or "").strip()
        if not medline:
            if len(element):
                raise ImportFailure(f"a date in no known format: {_text(element)!r}", location=where)
            return None
        match = _MEDLINE_DATE.match(medline)
        if match is None:
            raise ImportFailure(f"a MedlineDate in no known format: {medline!r}", location=where)
        month = (match["month"] or match["season_before"] or "").lower()
        month = _SEASONS.get(month, month[:3] or None)
        return make_date(match["year"], month, match["day"], location=where)

    # Topics and funders

    def topics(self) -> list[str]:
        names = [
            _text(name)
            for heading in _grandchildren(self.citation_parts, "MeshHeadingList", "MeshHeading")
            for name in heading
            if name.tag == "DescriptorName" and _text(name).casefold() not in _CHECK_TAGS
        ]
        names += [_text(keyword) for keyword in _grandchildren(self.citation_parts, "KeywordList", "Keyword")]
        unique = {name.casefold(): name for name in reversed(names) if name and len(name) <= 200}
        return list(reversed(unique.values()))

    def funders(self) -> list[FunderRecord]:
        by_agency: dict[str, FunderRecord] = {}
        for grant in _grandchildren(self.article_parts, "GrantList", "Grant"):
            agency = _text(grant.find("Agency"))[:300]
            if not agency:
                continue
            funder = by_agency.get(agency.casefold())
            if funder is None:
                organization = OrganizationRef(
                    name=agency, kind=OrganizationKind.FUNDER, country=country_code(_text(grant.find("Country")))
                )
                funder = by_agency[agency.casefold()] = FunderRecord(organization=organization)
            award = _text(grant.find("GrantID"))[:200]
            if award and award not in funder.award_ids:
                funder.award_ids.append(award)
        for name in self.abstract_funders():
            if name.casefold() not in by_agency:
                organization = OrganizationRef(name=name[:300], kind=OrganizationKind.FUNDER)
                by_agency[name.casefold()] = FunderRecord(organization=organization)
        return list(by_agency.values())

    def abstract_funders(self) -> list[str]:
        """The names in the abstract's funding section ("FUNDING: Cidara Therapeutics and Mundipharma.", as
        the Lancet journals print it), which GrantList often leaves out: a trial's sponsor."""
        names: list[str] = []
        for abstract in self.article_parts.get("Abstract", _NONE):
            for part in abstract:
                if part.tag != "AbstractText" or (part.get("Label") or "").strip().casefold() not in _FUNDING_LABELS:
                    continue
                text = " ".join(_text(part).split())
                if text and len(text) <= 2000:
                    # Read as the work's funding by the statement parser, which knows how names are listed.
                    parsed = parse_statement(f"The study was funded by {text}", [])
                    names += [item.organization for item in parsed.items if item.author is None and item.organization]
        return list(dict.fromkeys(names))

    # Authors

    def authors(self) -> list[AuthorRecord]:
        # Children are read in one pass: an ElementPath lookup per field costs more than the parse.
        authors = []
        for index, author in enumerate(_grandchildren(self.article_parts, "AuthorList", "Author"), start=1):
            if author.get("ValidYN") == "N":
                continue  # a name an erratum corrected
            parts = {"LastName": "", "ForeName": "", "Initials": "", "Suffix": ""}
            orcid, affiliations = None, []
            for child in author:
                tag = child.tag
                if tag in parts:
                    parts[tag] = _text(child)
                elif tag == "AffiliationInfo":
                    affiliation = self.affiliation(child)
                    if affiliation is not None:
                        affiliations.append(affiliation)
                elif tag == "Identifier" and orcid is None and child.get("Source") == "ORCID":
                    orcid = self.orcid(child.text)
            family = parts["LastName"]
            if not family:
                continue  # a group author (CollectiveName) is not a person
            given = parts["ForeName"] or parts["Initials"]
            name = " ".join(part for part in (given, family, parts["Suffix"]) if part)
            authors.append(
                AuthorRecord(
                    name=name[:300],
                    given_names=given[:200],
                    family_name=family[:200],
                    orcid=orcid,
                    affiliations=affiliations,
                    location=f"{self.where}/Author[{index}]",
                )
            )
        return authors

    def orcid(self, text: str | None) -> str | None:
        value = (text or "").strip().rstrip("/")
        if not value:
            return None
        try:
            return _orcid(value)
        except ValidationError:
            self.warn(f"{value!r} is not an ORCID iD; left out")
            return None

    def affiliation(self, info) -> AffiliationRecord | None:
        printed, ror_id, identifiers = "", None, []
        for child in info:
            if child.tag == "Affiliation":
                printed = self.field(child, "affiliation")
            elif child.tag == "Identifier":
                try:
                    scheme, value = identifier(child.get("Source") or "", _text(child), location=self.where)
                except ImportFailure as failure:
                    self.warn(f"{failure.reason}; left out")
                    continue
                if scheme == "ror":
                    ror_id = value
                elif value:
                    identifiers.append((scheme, value))
        if not printed:
            return None
        name, department, city, country = _split_affiliation(printed)
        if not name:
            return None
        organization = OrganizationRef(name=name[:300], ror_id=ror_id, identifiers=tuple(identifiers), country=country)
        return AffiliationRecord(organization=organization, department=department[:300], city=city[:300], text=printed)
