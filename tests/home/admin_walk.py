"""The admin pages of the editors' journeys, for the official of Brazil and for the secretariat."""

from django.contrib.auth import get_user_model

from practices.models import InstitutionPage, PracticePage


def practice_in_review() -> tuple[PracticePage, object]:
    """A Brazilian practice submitted to the secretariat's review (submitted once, then reused)."""
    official = get_user_model().objects.get(username="oficial-br")
    page = PracticePage.objects.filter(locale__language_code="es", country__iso2="BR").order_by("pk").first()
    if page.current_workflow_state is None:
        page.save_revision(user=official)
        page.get_workflow().start(page, official)
    page = PracticePage.objects.get(pk=page.pk)
    return page, page.current_workflow_task_state


def translated_original():
    """A Spanish original that has been submitted for translation (the demo translates a few)."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(locale__language_code="es").order_by("pk").first()
    return source.get_source_instance()


def journey_urls(user) -> list[str]:
    brazil = InstitutionPage.objects.get(locale__language_code="es", country__iso2="BR")
    practice, task_state = practice_in_review()
    other = PracticePage.objects.filter(institution=brazil).exclude(pk=practice.pk).order_by("pk").first()
    urls = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{brazil.get_parent().pk}/",
        f"/admin/pages/{brazil.pk}/",
        f"/admin/pages/add/practices/practicepage/{brazil.pk}/",
        f"/admin/pages/{other.pk}/edit/",
        f"/admin/pages/{practice.pk}/edit/",
        f"/admin/pages/{practice.pk}/workflow_history/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/account/",
        "/admin/exchangerequest/",
    ]
    if not user.groups.filter(name__startswith="Funcionarios").exists():  # the secretariat's screens
        urls += [
            f"/admin/pages/workflow/action/{practice.pk}/approve/{task_state.pk}/",
            f"/admin/pages/workflow/action/{practice.pk}/reject/{task_state.pk}/",
            "/admin/snippets/practices/topic/",
            "/admin/snippets/practices/country/",
            "/admin/snippets/curation/commitment/",
            "/admin/reports/locked/",
            f"/admin/localize/update/{translated_original().pk}/",
        ]
    return urls
