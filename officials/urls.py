from django.urls import path

from . import views

app_name = "invitations"
urlpatterns = [
    path("<str:uidb64>/<str:token>/", views.accept, name="accept"),
]
