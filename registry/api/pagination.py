"""Page-number pagination for every API list, with a client-chosen page size up to a ceiling."""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class RegistryPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    page_size_query_description = _("Number of results per page: 50 unless given, at most 200.")
    # An article carries its authors and their declared interests: a bigger page costs too much.
    max_page_size = 200


class ArticlePagination(RegistryPagination):
    """Articles come 20 to a page unless asked otherwise: a page of 50 articles with their authors and
    every declared tie is some 240 KB of JSON, and the time to write it grows with it."""

    page_size = 20
    page_size_query_description = _("Number of articles per page: 20 unless given, at most 200.")
