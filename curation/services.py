"""The curated pages in the site tree: topics, featured selections and the joint roadmap.

Built the way `home.site.ensure_site_tree` builds the other index pages: once in the
Spanish tree (aliases follow in en/pt), then translated with wagtail-localize. Idempotent:
existing pages are found by type and kept as the secretariat left them.
"""

from wagtail.models import Page

from practices.services import add_child_with_aliases, default_locale, other_locales, translate_page

from .models import FeaturedSelectionIndexPage, RoadmapPage, TopicIndexPage

PAGES = {
    TopicIndexPage: {
        "es": (
            "Temas",
            "temas",
            "Las prácticas del repositorio ordenadas por los temas del vocabulario común de las comisiones.",
        ),
        "en": ("Topics", "topics", "The repository's practices by the topics of the commissions' common vocabulary."),
        "pt": (
            "Temas",
            "temas",
            "As práticas do repositório organizadas pelos temas do vocabulário comum das comissões.",
        ),
    },
    FeaturedSelectionIndexPage: {
        "es": (
            "Selecciones destacadas",
            "selecciones",
            "Prácticas elegidas por la secretaría técnica en torno a un mismo desafío.",
        ),
        "en": (
            "Featured selections",
            "featured-selections",
            "Practices chosen by the technical secretariat around a shared challenge.",
        ),
        "pt": (
            "Seleções em destaque",
            "selecoes",
            "Práticas escolhidas pela secretaria técnica em torno de um mesmo desafio.",
        ),
    },
    RoadmapPage: {
        "es": (
            "Hoja de ruta conjunta 2026",
            "hoja-de-ruta-2026",
            "Compromisos para el fortalecimiento progresivo y sostenible de las CONARE y organismos equivalentes, "
            "articulando el Proceso de Quito, el MIRPS y el Plan de Acción de Chile.",
        ),
        "en": (
            "2026 joint roadmap",
            "roadmap-2026",
            "Commitments for the progressive and sustainable strengthening of the CONAREs and equivalent bodies, "
            "bringing together the Quito Process, the MIRPS and the Chile Plan of Action.",
        ),
        "pt": (
            "Roteiro conjunto 2026",
            "roteiro-2026",
            "Compromissos para o fortalecimento progressivo e sustentável das CONAREs e órgãos equivalentes, "
            "articulando o Processo de Quito, o MIRPS e o Plano de Ação do Chile.",
        ),
    },
}


def ensure_curation_pages(home: Page) -> dict[type, Page]:
    es = default_locale()
    pages = {}
    for model, texts in PAGES.items():
        page = model.objects.filter(locale=es).first()
        if page is None:
            title, slug, intro = texts["es"]
            page = model(title=title, slug=slug, intro=f"<p>{intro}</p>", locale=es)
            add_child_with_aliases(home, page)
            page.save_revision().publish()
        for locale in other_locales():
            translation = page.get_translation_or_none(locale)
            if translation is None or translation.alias_of_id:
                code = locale.language_code
                strings = dict(zip(texts["es"], texts[code], strict=True))
                translate_page(page, locale, strings)
        pages[model] = page
    return pages
