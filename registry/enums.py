"""Choice sets of the registry vocabulary (DESIGN.md section 2), in one place."""

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
    REVIEWER = "reviewer", "Reviewer"
