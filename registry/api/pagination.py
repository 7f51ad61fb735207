"""Page-number pagination for every API list, with a client-chosen page size up to a ceiling."""

from rest_framework.pagination import PageNumberPagination


class RegistryPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    # An article carries its authors and their declared interests: a bigger page costs too much.
    max_page_size = 200
