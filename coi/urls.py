"""URL routes: the editors' admin and the public start page."""

from django.contrib import admin
from django.urls import path

from registry import views

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
]
