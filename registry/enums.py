"""Choice sets of the registry vocabulary, in one place."""

from django.db import models


class InterestCategory(models.TextChoices):
    """The 13 ICMJE 2021 disclosure items, plus employment and founder roles.

    Slugs are those of the labelling guide; labels quote the ICMJE 2021 item wording.
    """

    MANUSCRIPT_SUPPORT = (
        "manuscript_support",
        "1. All support for the present manuscript (e.g., funding, provision of study materials, "
        "medical writing, article processing charges, etc.)",
    )
    GRANTS = "grants", "2. Grants or contracts from any entity"
    ROYALTIES = "royalties", "3. Royalties or licenses"
    CONSULTING = "consulting", "4. Consulting fees"
    LECTURES = (
        "lectures",
        "5. Payment or honoraria for lectures, presentations, speakers bureaus, manuscript writing "
        "or educational events",
    )
    EXPERT_TESTIMONY = "expert_testimony", "6. Payment for expert testimony"
    TRAVEL = "travel", "7. Support for attending meetings and/or travel"
    PATENTS = "patents", "8. Patents planned, issued or pending"
    ADVISORY_BOARD = "advisory_board", "9. Participation on a Data Safety Monitoring Board or Advisory Board"
    LEADERSHIP = (
        "leadership",
        "10. Leadership or fiduciary role in other board, society, committee or advocacy group, paid or unpaid",
    )
    STOCK = "stock", "11. Stock or stock options"
    GIFTS = (
        "gifts",
        "12. Receipt of equipment, materials, drugs, medical writing, gifts or other services",
    )
    OTHER = "other", "13. Other financial or non-financial interests"
    EMPLOYMENT = "employment", "Employment"
    FOUNDER = "founder", "Founder or co-founder"


# Categories that are payments or holdings of value (used by financial rules and summaries).
FINANCIAL_CATEGORIES = frozenset(
    {
        InterestCategory.MANUSCRIPT_SUPPORT,
        InterestCategory.GRANTS,
        InterestCategory.ROYALTIES,
        InterestCategory.CONSULTING,
        InterestCategory.LECTURES,
        InterestCategory.EXPERT_TESTIMONY,
        InterestCategory.TRAVEL,
        InterestCategory.PATENTS,
        InterestCategory.STOCK,
        InterestCategory.GIFTS,
        InterestCategory.EMPLOYMENT,
        InterestCategory.FOUNDER,
    }
)

# Money or a stake paid to the person: an audit's high findings are about these.
PERSONAL_FINANCIAL_CATEGORIES = frozenset(
    {
        InterestCategory.CONSULTING,
        InterestCategory.STOCK,
        InterestCategory.LECTURES,
        InterestCategory.EMPLOYMENT,
        InterestCategory.FOUNDER,
        InterestCategory.ROYALTIES,
        InterestCategory.EXPERT_TESTIMONY,
    }
)


class Payee(models.TextChoices):
    SELF = "self", "Self"
    INSTITUTION = "institution", "Institution"
    FAMILY = "family", "Family member"


class OrganizationKind(models.TextChoices):
    COMPANY = "company", "Company"
    UNIVERSITY = "university", "University"
    HOSPITAL = "hospital", "Hospital or health trust"
    CLINIC = "clinic", "Clinic"
    FUNDER = "funder", "Funder or foundation"
    ADVOCACY = "advocacy", "Advocacy group"
    SOCIETY = "society", "Society or association"
    AGENCY = "agency", "Government agency"
    PUBLISHER = "publisher", "Publisher or journal"
    OTHER = "other", "Other"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    # Deleted from its source (PubMed's DeleteCitation) but kept: it carries disclosures or editors' work.
    WITHDRAWN = "withdrawn", "Withdrawn from its source"


class DisclosureForm(models.TextChoices):
    ICMJE_2021 = "icmje_2021", "ICMJE 2021 form"
    FREE_TEXT = "free_text", "Free-text statement"
    NONE = "none", "No form"


class DisclosureStatus(models.TextChoices):
    """Lifecycle of a declaration: corrected or withdrawn, never silently overwritten."""

    ACTIVE = "active", "Active"
    CORRECTED = "corrected", "Corrected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Statuses of a disclosure whose declaration still stands (DisclosureQuerySet.in_force()): a corrected
# disclosure is corrected in place and holds the corrected declaration; a withdrawn one declares nothing.
DISCLOSURE_STATUSES_IN_FORCE = frozenset({DisclosureStatus.ACTIVE, DisclosureStatus.CORRECTED})


class Provenance(models.TextChoices):
    """Where a registry record came from."""

    DISCLOSURE = "disclosure", "Declared in a disclosure"
    EDITOR = "editor", "Entered by an editor"
    IMPORT = "import", "Imported from a file"
    REGISTER = "register", "Public payments register"


class EditorialRoleKind(models.TextChoices):
    """How a person handled an article other than as its author."""

    HANDLING_EDITOR = "handling_editor", "Handling editor"
    SENIOR_EDITOR = "senior_editor", "Senior editor"
    REVIEWER = "reviewer", "Reviewer"


class OrganizationOrigin(models.TextChoices):
    """Where an organization record came from, so editors know what to review."""

    EDITOR = "editor", "Entered by an editor"
    LIST = "list", "Maintained list of organizations"
    DECLARED_TIE = "declared_tie", "Named in a declared tie"
    PAYMENT = "payment", "Payer in a payments register"
    FUNDER = "funder", "Funder of an article"
    AFFILIATION = "affiliation", "Affiliation of an author"


class MergeSuggestionStatus(models.TextChoices):
    OPEN = "open", "To review"
    MERGED = "merged", "Merged"
    REJECTED = "rejected", "Rejected: different organizations"


# Imports: what a file held, how it ended, and how an author was linked to a person.


class ImportKind(models.TextChoices):
    JATS = "jats", "JATS XML article"
    CROSSREF = "crossref", "Crossref work JSON"
    ORCID = "orcid", "ORCID record"
    DISCLOSURES = "disclosures", "Spreadsheet of disclosures"
    OPEN_PAYMENTS = "open_payments", "CMS Open Payments CSV"
    PUBMED = "pubmed", "PubMed/MEDLINE XML"


class ImportStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a worker"
    SUCCEEDED = "succeeded", "Imported"
    FAILED = "failed", "Refused; nothing written"


class IdentifierScheme(models.TextChoices):
    FUNDREF = "fundref", "Crossref Funder Registry (FundRef)"
    RINGGOLD = "ringgold", "Ringgold"
    GRID = "grid", "GRID"
    ISNI = "isni", "ISNI"
    OPEN_PAYMENTS = "open_payments", "CMS Open Payments manufacturer or GPO id"


class MatchMethod(models.TextChoices):
    ORCID = "orcid", "Same ORCID iD"
    NAME_AND_AFFILIATION = "name_affiliation", "Same name and a shared affiliation"
    NAME_ONLY = "name_only", "Same name, no shared affiliation"
    EVIDENCE = "evidence", "Weighed evidence (see the score)"


class MatchStatus(models.TextChoices):
    AUTOMATIC = "automatic", "Matched automatically"
    PENDING = "pending", "To confirm"
    CONFIRMED = "confirmed", "Confirmed: merged"
    REJECTED = "rejected", "Rejected: different people"


# Payment registers (CMS Open Payments): their entries and how each was matched to a person.


class PaymentRegister(models.TextChoices):
    CMS_OPEN_PAYMENTS = "cms_open_payments", "CMS Open Payments (US)"


class PaymentKind(models.TextChoices):
    GENERAL = "general", "General payment"
    RESEARCH = "research", "Research payment"
    OWNERSHIP = "ownership", "Ownership or investment interest"


class PaymentMatchMethod(models.TextChoices):
    NPI = "npi", "Same NPI"
    PROFILE_ID = "profile_id", "Same Open Payments profile id"
    NAME = "name", "Same first and last name, and no one else by that name"


class PaymentMatchStatus(models.TextChoices):
    MATCHED = "matched", "Matched"
    AMBIGUOUS = "ambiguous", "Several people by that name; not matched"
    UNMATCHED = "unmatched", "No one in the registry"
    # An editor's decision, which re-imports keep: the person they confirmed, or no one.
    CONFIRMED = "confirmed", "Confirmed by an editor"
    REJECTED = "rejected", "Rejected by an editor: not this person"


class LinkMethod(models.TextChoices):
    AUTOMATIC = "automatic", "Linked automatically (score above the threshold)"
    CONFIRMED = "confirmed", "Confirmed by an editor from the queue"
    MANUAL = "manual", "Merged by an editor"


class LinkStatus(models.TextChoices):
    LINKED = "linked", "Linked: one person"
    UNLINKED = "unlinked", "Unlinked by an editor: two people"


class StatementStyle(models.TextChoices):
    """House styles the registry writes an article's competing-interest statement in."""

    ICMJE = "icmje", "ICMJE wording (“… reports … outside the submitted work”)"
    PER_AUTHOR = "per-author", "One paragraph per author"
