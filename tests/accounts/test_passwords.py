import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize(
    "password",
    [
        "password1234",  # Django's common list
        "Password2024!",  # a breached password with the usual decorations
        "qwertyuiop123",  # a keyboard row
        "BuenasPracticas2026",  # the site's own words
        "oficial-ar-2026",  # the user name
        "short",
    ],
)
def test_weak_passwords_are_refused(official, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=official)


def test_breached_variants_are_refused_by_the_offline_check(official):
    from accounts.validators import BreachedPasswordValidator

    with pytest.raises(ValidationError) as refused:
        BreachedPasswordValidator().validate("Password2024!", user=official)
    assert refused.value.error_list[0].code == "password_breached_or_guessable"


def test_a_long_passphrase_is_accepted(official):
    validate_password("marea cóndor trébol vasija 71", user=official)


def test_changing_to_a_weak_password_in_the_admin_shows_why(client, official):
    client.force_login(official)
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": "oficial-ar-demo-2026",
            "password-new_password1": "Password2024!",
            "password-new_password2": "Password2024!",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "demasiado fácil de adivinar" in response.content.decode()  # the admin speaks Spanish
    official.refresh_from_db()
    assert official.check_password("oficial-ar-demo-2026")


@pytest.fixture
def maria(official):
    """Argentina's official, with her own name (she is in the group Argentina's page links to)."""
    official.first_name, official.last_name, official.email = "María", "González", "mgonzalez@conare.example"
    official.save()
    return official


@pytest.mark.parametrize(
    "password",
    [
        "MariaGonzalez2026",  # her names and a year
        "gonzalez.maria!2026",
        "conare-argentina",  # her institution's acronym and country
        "Refugiados-Argentina-1",  # a word of its name and the country
        "ComisionNacionalRefugiados",  # the institution's name
        "mgonzalez-conare-2026",  # her e-mail address
    ],
)
def test_passwords_built_from_the_person_or_her_institution_are_refused(maria, password):
    from accounts.validators import PersonalInformationPasswordValidator

    with pytest.raises(ValidationError) as refused:
        PersonalInformationPasswordValidator().validate(password, user=maria)
    assert refused.value.error_list[0].code == "password_personal"
    with pytest.raises(ValidationError):
        validate_password(password, user=maria)


def test_a_passphrase_that_merely_contains_her_name_is_accepted(maria):
    validate_password("maría siembra trébol junto al cóndor", user=maria)


def test_an_invitee_cannot_choose_her_own_first_and_last_name(client, institution, django_user_model, settings):
    """Through the invitation page, in the invitation's language, with the message translated."""
    from django.contrib.auth.models import Group

    from officials.models import Invitation
    from officials.services import invitation_url

    user = django_user_model.objects.create(
        username="lucia@conare.example", email="lucia@conare.example", first_name="Lucía", last_name="Pereyra"
    )
    user.set_unusable_password()
    user.is_active = False
    user.save()
    user.groups.add(Group.objects.get(pk=institution.officials_group_id))
    Invitation.objects.create(user=user, institution=institution, language="es", invited_by=None)
    path = invitation_url(user).removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    for password in ("LuciaPereyra", "Lucía Pereyra 1990", "pereyra-lucia-conare"):
        response = client.post(path, {"new_password1": password, "new_password2": password})
        assert response.status_code == 400, password
        assert "está formada por su nombre" in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active
