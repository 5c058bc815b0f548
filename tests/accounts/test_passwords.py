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
