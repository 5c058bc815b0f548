from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [path("<int:page_id>/", views.submit, name="submit")]
