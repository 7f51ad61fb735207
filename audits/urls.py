from django.urls import path

from audits import views

app_name = "audits"

urlpatterns = [
    path("rules/", views.rule_catalogue, name="rules"),
    path("runs/", views.run_list, name="runs"),
    path("runs/start/", views.start_run, name="start"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("findings/", views.finding_list, name="findings"),
    path("findings/<int:pk>/", views.finding_detail, name="finding"),
    path("findings/<int:pk>/review/", views.review, name="review"),
]
