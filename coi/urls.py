"""URL routes: public pages, the auditor pages and the editors' admin."""

from django.contrib import admin
from django.urls import include, path

from registry import views

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("audits/", include("audits.urls")),
]
