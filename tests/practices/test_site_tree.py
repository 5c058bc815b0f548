from wagtail.models import Page, Site

from home.models import HomePage
from home.site import ensure_site_tree
from practices.models import InstitutionPage, PracticeIndexPage


def test_each_language_tree_has_a_home_an_index_and_the_17_institutions(es, en, pt):
    for locale in (es, en, pt):
        assert HomePage.objects.filter(locale=locale).count() == 1
        assert PracticeIndexPage.objects.filter(locale=locale, live=True).count() == 1
        assert InstitutionPage.objects.filter(locale=locale, live=True).count() == 17
    assert Site.objects.get(is_default_site=True).root_page.specific.locale == es


def test_home_and_indexes_are_real_translations_not_aliases(en, pt):
    for locale in (en, pt):
        assert HomePage.objects.get(locale=locale).alias_of_id is None
        assert PracticeIndexPage.objects.get(locale=locale).alias_of_id is None
    assert HomePage.objects.get(locale=en).title == "Asylum good practices of the Americas"
    assert PracticeIndexPage.objects.get(locale=pt).slug == "instituicoes"


def test_setting_up_the_site_again_keeps_the_secretariats_settings(db):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = "buenaspracticas.example.org", 443, "Editado"
    site.save()
    extra = Page(title="Página suelta", slug="suelta")
    Page.get_first_root_node().add_child(instance=extra)
    before = Page.objects.count()
    ensure_site_tree()
    assert Page.objects.count() == before
    site.refresh_from_db()
    assert (site.hostname, site.port, site.site_name) == ("buenaspracticas.example.org", 443, "Editado")


def test_institution_pages_carry_the_reference_names(es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="MX")
    assert institution.title == "Comisión Mexicana de Ayuda a Refugiados"
    assert institution.acronym == "COMAR"
    assert InstitutionPage.objects.get(locale=es, country__iso2="GY").name_confirmed is False
