"""Serializer fields of API v2: every one reads only what the endpoint's queryset prefetched."""

from rest_framework.fields import Field

from translation.services import text_origin

from .rows import indicator_record


def names(item) -> dict:
    """A vocabulary entry's names in the three site languages (empty when not yet translated)."""
    return {"es": item.name_es, "en": item.name_en or "", "pt": item.name_pt or ""}


class _WholeInstanceField(Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class CountryField(_WholeInstanceField):
    def to_representation(self, page):
        country = page.country
        return {"code": country.iso2, "names": names(country)} if country else None


class PartnersField(_WholeInstanceField):
    def to_representation(self, page):
        return [{"code": country.iso2, "names": names(country)} for country in page.partners.all()]


class InstitutionField(_WholeInstanceField):
    def to_representation(self, page):
        institution = page.institution
        if institution is None:
            return None
        return {
            "id": institution.pk,
            "slug": institution.slug,
            "title": institution.title,
            "acronym": institution.acronym,
        }


class TopicsField(_WholeInstanceField):
    def to_representation(self, page):
        return [{"slug": tagged.tag.slug, "names": names(tagged.tag)} for tagged in page.tagged_topics.all()]


class SluggedManyField(_WholeInstanceField):
    """Stages or mechanisms: slug and names, in the vocabulary's order."""

    def __init__(self, relation: str, **kwargs):
        self.relation = relation
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [{"slug": item.slug, "names": names(item)} for item in getattr(page, self.relation).all()]


class ResultsField(_WholeInstanceField):
    def to_representation(self, page):
        return [indicator_record(row) for row in page.results.all()]


class DocumentsField(_WholeInstanceField):
    def to_representation(self, page):
        request = self.context["request"]
        return [
            {"title": item.document.title, "url": request.build_absolute_uri(item.document.url)}
            for item in page.attachments.all()
        ]


class RawStreamField(_WholeInstanceField):
    """A StreamField as stored: blocks with their type and value (chooser blocks as ids).

    Wagtail's own StreamField serializer converts every chooser block first, one query per
    practice; the stored form says the same without touching the database.
    """

    def __init__(self, name: str, **kwargs):
        self.stream_name = name
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [{"type": block["type"], "value": block["value"]} for block in getattr(page, self.stream_name).raw_data]


class ContentLanguageField(_WholeInstanceField):
    def to_representation(self, page):
        return page.content_language


class CodeNamesField(_WholeInstanceField):
    """A country's mechanisms for an institution, from the prefetched country."""

    def to_representation(self, institution):
        return [{"slug": m.slug, "names": names(m)} for m in institution.country.mechanisms.all()]


class AnnotatedField(_WholeInstanceField):
    def __init__(self, attribute: str, **kwargs):
        self.attribute = attribute
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return getattr(instance, self.attribute, None)


class TopicNamesField(_WholeInstanceField):
    def to_representation(self, topic):
        return {"es": topic.name, "en": topic.name_en or "", "pt": topic.name_pt or ""}


class TextOriginField(_WholeInstanceField):
    """original | machine (a machine draft nobody has reviewed) | reviewed (translation/)."""

    def to_representation(self, page):
        return str(text_origin(page))
