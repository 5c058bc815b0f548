"""The site's page tree, built once by `setup_site`: home → institutions index → one institution
page per member state, the meetings index and the curated pages, in every language; then the
groups and their rights.

The site is assembled here, in the one app that imports all the others (docs/architecture.md).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify
from wagtail.models import Page, Site

from curation.services import ensure_curation_pages
from meetings.models import MeetingIndexPage
from practices.choices import language_of_country
from practices.models import InstitutionPage, PracticeIndexPage
from practices.reference_data import institution_rows
from practices.roles import ensure_groups
from practices.services import add_child_with_aliases, default_locale, other_locales, translate_page
from practices.taxonomy import Country

from .models import HomePage

HOME_TITLES = {
    "es": "Buenas prácticas de asilo de las Américas",
    "en": "Asylum good practices of the Americas",
    "pt": "Boas práticas de asilo das Américas",
}
HOME_INTROS = {
    "es": "<p>Las comisiones nacionales para los refugiados de los 17 Estados del Proceso de Quito y del MIRPS "
    "comparten aquí sus buenas prácticas y lecciones aprendidas. Busque lo que otros países hicieron ante su "
    "mismo problema, compárelo y pida un intercambio.</p>",
    "en": "<p>The national refugee commissions of the 17 states of the Quito Process and the MIRPS share their "
    "good practices and lessons learned here. Find what other countries did about the same problem, compare it "
    "and ask for an exchange.</p>",
    "pt": "<p>As comissões nacionais para os refugiados dos 17 Estados do Processo de Quito e do MIRPS "
    "compartilham aqui suas boas práticas e lições aprendidas. Encontre o que outros países fizeram diante do "
    "mesmo problema, compare e peça um intercâmbio.</p>",
}
INDEX_TITLES = {
    "practices": {
        "es": ("Instituciones", "instituciones"),
        "en": ("Institutions", "institutions"),
        "pt": ("Instituições", "instituicoes"),
    },
    "meetings": {"es": ("Reuniones", "reuniones"), "en": ("Meetings", "meetings"), "pt": ("Reuniões", "reunioes")},
}


def remove_wagtail_welcome_page(root: Page) -> None:
    """Deletes the childless plain "Welcome" page Wagtail's first migration creates, and nothing else."""
    for page in root.get_children().filter(content_type=ContentType.objects.get_for_model(Page), slug="home"):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()


def ensure_site_tree() -> dict[str, Page]:
    """Creates (once) home → institutions index → 17 institution pages, and the meetings index.

    Idempotent: existing pages are found by type and kept as the secretariat left them.
    Deliberately not one transaction: wagtail-localize publishes translations in on-commit
    hooks, and deferred to the end of an outer transaction they would save parent pages
    with a stale child count and hide their children.
    """
    es = default_locale()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=es).first()
    if home is None:
        home = HomePage(title=HOME_TITLES["es"], slug="inicio", intro=HOME_INTROS["es"], locale=es)
        root.add_child(instance=home)
        home.save_revision().publish()
    if not Site.objects.filter(root_page__in=home.get_translations(inclusive=True)).exists():
        # First run: Wagtail's installer pointed the default site at its "Welcome" page.
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, hostname="localhost")
        site.root_page, site.site_name = home, HOME_TITLES["es"]
        site.save()
        remove_wagtail_welcome_page(root)
    for locale in other_locales():
        if not home.has_translation(locale) or home.get_translation(locale).alias_of_id:
            code = locale.language_code
            translate_page(
                home,
                locale,
                {
                    HOME_TITLES["es"]: HOME_TITLES[code],
                    HOME_INTROS["es"][3:-4]: HOME_INTROS[code][3:-4],
                    "inicio": {"en": "home", "pt": "pagina-inicial"}[code],
                },
            )

    index = PracticeIndexPage.objects.filter(locale=es).first()
    if index is None:
        title, slug = INDEX_TITLES["practices"]["es"]
        index = PracticeIndexPage(title=title, slug=slug, locale=es)
        add_child_with_aliases(home, index)
        index.save_revision().publish()
    meetings = MeetingIndexPage.objects.filter(locale=es).first()
    if meetings is None:
        title, slug = INDEX_TITLES["meetings"]["es"]
        meetings = MeetingIndexPage(title=title, slug=slug, locale=es)
        add_child_with_aliases(home, meetings)
        meetings.save_revision().publish()
    for key, page in (("practices", index), ("meetings", meetings)):
        for locale in other_locales():
            translation = page.get_translation_or_none(locale)
            if translation is None or translation.alias_of_id:
                code = locale.language_code
                es_title, es_slug = INDEX_TITLES[key]["es"]
                title, slug = INDEX_TITLES[key][code]
                translate_page(page, locale, {es_title: title, es_slug: slug})

    countries = {c.iso2: c for c in Country.objects.all()}
    existing = set(InstitutionPage.objects.filter(locale=es).values_list("country__iso2", flat=True))
    for row in institution_rows():
        if row["iso2"] in existing or row["iso2"] not in countries:
            continue
        institution = InstitutionPage(
            title=row["institution_es"],
            slug=slugify(row["name_es"]),
            country=countries[row["iso2"]],
            acronym=row["institution_acronym"],
            original_language=language_of_country(row["iso2"]),
            name_confirmed=row["name_confirmed"] == "yes",
            locale=es,
        )
        add_child_with_aliases(index, institution)
        institution.save_revision().publish()
    ensure_curation_pages(home)
    ensure_groups()
    return {"home": home, "practices": index, "meetings": meetings}
