"""Only the secretariat and administrators read the dashboard; officials neither see it nor reach it."""

import pytest
from django.contrib.auth.models import Group

from practices.roles import SECRETARIAT_GROUP

from .conftest import DASHBOARD


@pytest.mark.parametrize("username", ["secretaria", "admin"])
def test_the_secretariat_and_administrators_see_the_menu_item_and_the_dashboard(login, username):
    client = login(username)
    assert DASHBOARD in client.get("/admin/").content.decode()
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and 'scope="row"' in html and 'scope="col"' in html


@pytest.mark.parametrize("username", ["oficial-ar", "oficial-mx"])
def test_officials_neither_see_the_menu_item_nor_reach_the_dashboard(login, username):
    client = login(username)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert DASHBOARD not in home.content.decode()
    for query in ("", "?days=365", "?download=countries", "?download=views"):
        response = client.get(DASHBOARD + query)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    followed = client.get(DASHBOARD, follow=True)
    assert "permiso" in followed.content.decode()  # Wagtail's own message, in the admin's language


def test_visitors_are_sent_to_the_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_right_comes_from_the_secretariat_group(login, django_user_model):
    assert Group.objects.get(name=SECRETARIAT_GROUP).permissions.filter(codename="view_statistics").exists()
    assert not Group.objects.filter(name__startswith="Funcionarios", permissions__codename="view_statistics").exists()
    secretaria = django_user_model.objects.get(username="secretaria")
    assert not secretaria.is_superuser
    secretaria.groups.clear()
    assert login("secretaria").get(DASHBOARD).status_code == 302
