"""URL routes: public pages, the auditor pages and the editors' admin."""

from django.contrib import admin
from django.urls import include, path

from registry import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("people/<int:pk>/", views.person, name="person"),
    # By DOI, which has slashes (/articles/10.4045/tidsskr.26.0122/); by id for an article without one.
    path("articles/<path:key>/", views.article, name="article"),
    path("organizations/<int:pk>/", views.organization, name="organization"),
    path("admin/", admin.site.urls),
    path("audits/", include("audits.urls")),
    path("api/", include("coi.api_urls")),
]

# A refused request says why (too many parameters, too large a body) instead of a bare "Bad Request".
handler400 = "coi.errors.bad_request"
