"""Admin for articles: authorships, funders and each author's disclosure on one page."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from registry.admin.disclosures import DisclosureInline
from registry.admin.parse import article_parse_urls
from registry.admin.statements import article_statement_urls
from registry.models import Article, ArticleFunding, Authorship, DeclaredInterest, Disclosure, EditorialRole


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["person"]
    fields = [
        "position",
        "person",
        "name_as_printed",
        "corresponding",
        "affiliations_as_printed",
        "disclosure",
    ]
    readonly_fields = ["disclosure"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "disclosure")

    @admin.display(description="disclosure")
    def disclosure(self, obj: Authorship) -> str:
        if obj.pk is None:
            return "—"
        try:
            disclosure = obj.disclosure
        except Disclosure.DoesNotExist:
            url = reverse("admin:registry_disclosure_add") + f"?authorship={obj.pk}"
            return format_html('No disclosure on file — <a href="{}">add one</a>', url)
        url = reverse("admin:registry_disclosure_change", args=[disclosure.pk])
        label = "declares nothing" if disclosure.declares_none else "on file"
        return format_html('<a href="{}">{}</a> ({})', url, label, disclosure.get_status_display())


class ArticleFundingInline(admin.TabularInline):
    model = ArticleFunding
    extra = 1
    autocomplete_fields = ["organization"]


class EditorialRoleInline(admin.TabularInline):
    model = EditorialRole
    extra = 1
    autocomplete_fields = ["person"]
    verbose_name = "editor or reviewer"
    verbose_name_plural = "editors and reviewers"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class DisclosureStatusFilter(admin.SimpleListFilter):
    title = "disclosures"
    parameter_name = "disclosures"

    def lookups(self, request, model_admin):
        return [("complete", "All authors have one"), ("missing", "Some missing")]

    def queryset(self, request, queryset):
        # The changelist queryset carries the counts of with_disclosure_counts().
        if self.value() == "complete":
            return queryset.filter(author_count__gt=0, disclosure_count=F("author_count"))
        if self.value() == "missing":
            return queryset.filter(disclosure_count__lt=F("author_count"))
        return queryset


@dataclass(frozen=True)
class ArticleListAction:
    """An action another app offers on the article list, to users who hold `permission` ("app.codename")."""

    function: Callable
    permission: str


# Filled by other apps in their AppConfig.ready() (audits: "Run an audit of the selected articles"),
# so that the registry's admin offers their actions without importing them.
article_list_actions: list[ArticleListAction] = []


def register_article_list_action(function: Callable, *, permission: str) -> None:
    action = ArticleListAction(function, permission)
    if action not in article_list_actions:  # ready() may run more than once in tests
        article_list_actions.append(action)


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    # Large tables: one COUNT over the filtered rows is enough; skip the unfiltered total.
    show_full_result_count = False
    list_display = ["title", "doi", "journal", "published_date", "status", "disclosure_status"]
    list_filter = ["status", DisclosureStatusFilter, "journal", "topics"]
    search_fields = ["title", "doi", "journal", "authorships__person__name"]
    date_hierarchy = "published_date"
    autocomplete_fields = ["topics"]
    inlines = [AuthorshipInline, ArticleFundingInline, EditorialRoleInline]
    readonly_fields = ["disclosures_side_by_side", "other_versions"]
    # Adds "Parse competing-interest statement" and "Write statement".
    change_form_template = "admin/registry/parse/article_change_form.html"
    fieldsets = [
        (None, {"fields": ["doi", "title", "journal", "article_type", "status"]}),
        ("Versions", {"fields": ["preprint_doi", "preprint_pmid", "other_versions"]}),
        ("Dates", {"fields": ["received_date", "accepted_date", "published_date"]}),
        ("Content", {"fields": ["topics", "funding_statement", "competing_interests_text"]}),
        ("Disclosures", {"fields": ["disclosures_side_by_side"]}),
    ]

    @admin.display(description="other versions on record")
    def other_versions(self, obj: Article) -> str:
        """The preprint this article was and the published versions of it, linked to their admin pages."""
        if obj.pk is None:
            return "-"
        found = Article.objects.versions_of(obj).only("doi", "title").order_by("pk")
        links = [
            format_html('<a href="{}">{}</a>', reverse("admin:registry_article_change", args=[other.pk]), other)
            for other in found
        ]
        return format_html_join(mark_safe("<br>"), "{}", ((link,) for link in links)) if links else "-"

    def get_urls(self):
        return article_parse_urls(self) + article_statement_urls(self) + super().get_urls()

    def get_queryset(self, request):
        return super().get_queryset(request).with_disclosure_counts()

    def get_actions(self, request):
        """The admin's own actions, then those other apps registered that the user may run."""
        actions = super().get_actions(request)
        if IS_POPUP_VAR in request.GET:
            return actions
        for extra in article_list_actions:
            if request.user.has_perm(extra.permission):
                function, name, description = self.get_action(extra.function)
                actions[name] = (function, name, description)
        return actions

    @admin.display(description="disclosures on file")
    def disclosure_status(self, obj: Article) -> str:
        text = f"{obj.disclosure_count} of {obj.author_count}"
        if obj.declares_none_count:
            text += f" ({obj.declares_none_count} declare nothing)"
        return text

    @admin.display(description="each author's disclosure")
    def disclosures_side_by_side(self, obj: Article) -> str:
        if obj.pk is None:
            return "—"
        authorships = obj.authorships.select_related("person", "disclosure").prefetch_related(
            Prefetch(
                "disclosure__declared_interests",
                queryset=DeclaredInterest.objects.select_related("interest__organization"),
            )
        )
        rows = []
        for authorship in authorships:
            disclosure = getattr(authorship, "disclosure", None)
            if disclosure is None:
                rows.append((authorship.person.name, "No disclosure on file.", ""))
                continue
            declared = "; ".join(
                f"{row.interest.get_category_display().split('. ', 1)[-1]}: "
                f"{row.interest.organization or row.interest.organization_name or row.interest.specification}"
                for row in disclosure.declared_interests.all()
            )
            summary = "Declares nothing." if disclosure.declares_none else declared
            rows.append((authorship.person.name, disclosure.statement, summary))
        return format_html(
            "<table><tr><th>Author</th><th>Statement</th><th>Declared</th></tr>{}</table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )


@admin.register(Authorship)
class AuthorshipAdmin(SimpleHistoryAdmin):
    # Large tables: one COUNT over the filtered rows is enough; skip the unfiltered total.
    show_full_result_count = False
    list_display = ["name_as_printed", "person", "article", "position", "corresponding"]
    list_filter = ["corresponding", "article__status"]
    list_select_related = ["person", "article"]
    search_fields = ["person__name", "name_as_printed", "article__title", "article__doi"]
    autocomplete_fields = ["article", "person"]
    inlines = [DisclosureInline]
