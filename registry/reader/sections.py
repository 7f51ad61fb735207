"""Sections that other apps add to the public article and author pages, so the registry never imports them.

An app registers a provider in its AppConfig.ready() (audits adds its summary of confirmed findings);
the page asks each provider for its section, in the order they registered, and lists them at its end.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from registry.models import Article, Person

Record = TypeVar("Record", Article, Person)


@dataclass(frozen=True)
class PageSection:
    """What a reader page shows of another app: `template` renders it, reading `section.data`."""

    title: str  # its heading, and its link in the page's "On this page" list
    anchor: str  # the heading's id
    template: str
    data: Any


class SectionProviders(Generic[Record]):
    """The providers of one kind of page; each gets the page's record and returns its section."""

    def __init__(self) -> None:
        self._providers: list[Callable[[Record], PageSection]] = []

    def register(self, provider: Callable[[Record], PageSection]) -> None:
        if provider not in self._providers:  # ready() may run more than once in tests
            self._providers.append(provider)

    def sections(self, record: Record) -> list[PageSection]:
        return [provider(record) for provider in self._providers]


article_sections: SectionProviders[Article] = SectionProviders()
author_sections: SectionProviders[Person] = SectionProviders()


@dataclass(frozen=True)
class ArticleListFilter:
    """A filter another app adds to the public list of articles: `?<key>=1` keeps the articles for which
    `condition()` (a boolean expression over Article, e.g. an Exists) holds."""

    key: str
    label: str
    condition: Callable[[], Any]


class ArticleListFilters:
    def __init__(self) -> None:
        self._filters: dict[str, ArticleListFilter] = {}

    def register(self, article_filter: ArticleListFilter) -> None:
        self._filters[article_filter.key] = article_filter  # ready() may run more than once in tests

    def all(self) -> list[ArticleListFilter]:
        return list(self._filters.values())


article_list_filters = ArticleListFilters()
