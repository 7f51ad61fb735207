"""Routes of the JSON API, mounted at /api/: the registry's records and the audits' findings.

One router for both apps, composed here in the project so that the registry never routes audits' views.
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from audits.api import FindingViewSet
from registry.api import disclosures, views

app_name = "api"

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("people", views.PersonViewSet, basename="person")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("findings", FindingViewSet, basename="finding")

urlpatterns = [
    path("articles/<int:pk>/disclosures/", disclosures.ArticleDisclosureView.as_view(), name="article-disclosures"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    *router.urls,
]
