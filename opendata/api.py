"""Wagtail API v2 at /api/v2/: practices, institutions and topics, read-only and public.

Only live pages without view restrictions are served, to everybody as to an anonymous visitor.
A listing without `locale` answers from the Spanish tree, where every original lives, so each
practice comes once; `locale=en`/`pt` gives that language tree (aliases and translations).
Text search is not offered here: `/api/search/` is the one search path (docs/api.md).
"""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page

from core import params
from practices.models import InstitutionPage, PracticeDocument, PracticePage
from practices.queries import published_practices
from practices.taxonomy import Country, Mechanism, TaggedTopic, Topic
from search.engine import filter_practices
from search.facets import FACETS
from search.forms import SearchForm

from . import fields
from .parameters import InvalidParameters, check_known_parameters, locale_for

PAGING_PARAMETERS = {"limit", "offset", "fields", "order", "format", "_"}
PRACTICE_FILTERS = tuple(facet.key for facet in FACETS)
YEAR_FILTERS = ("year", "year_from", "year_to")


class BoundedPagination(WagtailPagination):
    """`offset` and `limit` read by the one parameter rule (core/params.py): ASCII digits that
    fit in 64 bits, given once; Wagtail's own `int()` let a 26-digit offset reach the database."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        try:
            offset = params.optional(params.integer, request.GET, "offset") or 0
            limit = params.optional(params.integer, request.GET, "limit", maximum=limit_max)
        except params.BadParameter as error:
            raise InvalidParameters([error.message]) from error
        limit = min(20, limit_max) if limit is None else limit
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class PublicReadOnly:
    """Everyone is served as an anonymous visitor; answers are JSON only (no browsable HTML)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    filter_parameters: tuple[str, ...] = ()

    def find_object(self, queryset, request):
        """`?id=` read by the one rule; `html_path` (pages) is Wagtail's, NUL already refused."""
        if "id" in request.GET:
            try:
                pk = params.identifier(params.one(request.GET, "id"))
            except params.BadParameter as error:
                raise InvalidParameters([error.message]) from error
            return queryset.filter(pk=pk).first()
        return super().find_object(queryset, request)

    def check_query_parameters(self, queryset):
        errors = check_known_parameters(self.request.GET, self.allowed_parameters())
        if errors:
            raise InvalidParameters(errors)

    def allowed_parameters(self) -> set[str]:
        return PAGING_PARAMETERS | set(self.filter_parameters)

    def finalize_response(self, request, response, *args, **kwargs):
        keep_status_outside_languages(request._request, response)
        return super().finalize_response(request, response, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, InvalidParameters):
            return Response({"message": str(exc), "errors": exc.errors}, status=status.HTTP_400_BAD_REQUEST)
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data:
            # DRF's own errors (405, 406…) in the shape of every other API error (docs/api.md).
            response.data = {"message": str(response.data["detail"])}
        return response


class SafeOrdering(OrderingFilter):
    """`order` on the view's plain columns only: ordering on a relation would repeat rows."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("order") == "random" and "offset" in request.GET:
            # Each random page is drawn anew, so an offset into it means nothing.
            raise InvalidParameters([_("“order=random” cannot be combined with “offset”.")])
        for name in (request.GET.get("order") or "").split(","):
            if name and name != "random" and name.lstrip("-") not in view.ordering_fields:
                raise BadRequestError(
                    _("cannot order by “%(field)s”; accepted: %(accepted)s")
                    % {"field": name[:40], "accepted": ", ".join(view.ordering_fields)}
                )
        return super().filter_queryset(request, queryset, view)


def keep_status_outside_languages(request, response) -> None:
    """LocaleMiddleware turns a 404 outside the language prefixes into a redirect to /es/…, where
    Wagtail answers with an HTML page; an API client must get the JSON 404 itself. The middleware
    only does so when the request's URLconf uses language prefixes, so name one that does not."""
    if response.status_code == 404:
        request.urlconf = "opendata.urlconf_without_languages"


class LanguageTreeMixin(PublicReadOnly):
    def private_sections(self):
        """Pages under a view restriction, read once per request (`.public()` reads them on every call)."""
        if not hasattr(self, "_private_q"):
            self._private_q = Page.objects.private_q()
        return self._private_q

    def get_base_queryset(self):
        """Live pages without any view restriction: what an anonymous visitor can read. (Wagtail's
        own version also reads every restriction and the site tree each time it is asked.)"""
        return Page.objects.live().exclude(self.private_sections())

    def listing_locale(self):
        """Spanish (the originals) unless `locale` names another tree."""
        return locale_for(self.request.GET.get("locale"), default=settings.LANGUAGE_CODE)


class PracticeFilter(BaseFilterBackend):
    """The search facets' vocabularies and semantics (OR within a filter, AND across; a country
    matches its own and its partner practices), applied by the search engine's own filter code."""

    def filter_queryset(self, request, queryset, view):
        if view.action != "listing_view":
            return queryset
        locale = view.listing_locale()
        form = SearchForm(request.GET, locale=locale, strict=True, exact_year=True)
        search_request = form.parameters().request  # strict: a bad value raises InvalidParameters (400)
        return filter_practices(queryset.filter(locale=locale), search_request)


class PracticesAPIViewSet(LanguageTreeMixin, PagesAPIViewSet):
    model = PracticePage
    name = "practices"
    filter_backends = [PracticeFilter, SafeOrdering]
    filter_parameters = ("locale", *PRACTICE_FILTERS, *YEAR_FILTERS)
    ordering_fields = ("id", "title", "first_published_at", "last_published_at", "year_started", "year_ended")

    body_fields = PagesAPIViewSet.body_fields + [
        "kind",
        "status",
        APIField("country", serializer=fields.CountryField()),
        APIField("institution", serializer=fields.InstitutionField()),
        APIField("partners", serializer=fields.PartnersField()),
        APIField("topics", serializer=fields.TopicsField()),
        APIField("stages", serializer=fields.SluggedManyField("stages")),
        APIField("mechanisms", serializer=fields.SluggedManyField("mechanisms")),
        "year_started",
        "year_ended",
        "summary",
        "problem",
        APIField("approach", serializer=fields.RawStreamField("approach")),
        APIField("results", serializer=fields.ResultsField()),
        APIField("lessons", serializer=fields.RawStreamField("lessons")),
        "resources_staff",
        "resources_budget",
        "resources_time",
        "support_organizations",
        "transferability",
        APIField("documents", serializer=fields.DocumentsField()),
        "contact_name",
        "original_language",
        "external_id",
    ]
    meta_fields = PagesAPIViewSet.meta_fields + [
        "last_published_at",
        "translation_key",
        APIField("content_language", serializer=fields.ContentLanguageField()),
        APIField("text_origin", serializer=fields.TextOriginField()),
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "kind",
        "status",
        "country",
        "institution",
        "topics",
        "year_started",
        "summary",
    ]

    def get_queryset(self):
        return (
            PracticePage.objects.live()
            .exclude(self.private_sections())
            .select_related("institution", "country", "locale", "alias_of")
            .prefetch_related(
                Prefetch("tagged_topics", queryset=TaggedTopic.objects.select_related("tag")),
                "stages",
                "mechanisms",
                "partners",
                "results",
                "translated_text",
                Prefetch("attachments", queryset=PracticeDocument.objects.select_related("document")),
            )
            .order_by("-first_published_at", "-pk")
        )


class InstitutionFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if view.action != "listing_view":
            return queryset
        locale = view.listing_locale()
        # The search's form, strict, for the two vocabularies institutions are filtered by.
        chosen = SearchForm(request.GET, locale=locale, strict=True).parameters().request.selections
        queryset = queryset.filter(locale=locale)
        if countries := chosen.get("country"):
            queryset = queryset.filter(country__in=countries)
        if mechanisms := chosen.get("mechanism"):
            members = Country.objects.filter(mechanisms__in=mechanisms)
            queryset = queryset.filter(country__in=members.values("pk"))
        return queryset


class InstitutionsAPIViewSet(LanguageTreeMixin, PagesAPIViewSet):
    model = InstitutionPage
    name = "institutions"
    filter_backends = [InstitutionFilter, SafeOrdering]
    filter_parameters = ("locale", "country", "mechanism")
    ordering_fields = ("id", "title", "first_published_at", "last_published_at")

    body_fields = PagesAPIViewSet.body_fields + [
        "acronym",
        APIField("country", serializer=fields.CountryField()),
        APIField("mechanisms", serializer=fields.CodeNamesField()),
        "mandate",
        "contact",
        "website",
        "original_language",
        APIField("practice_count", serializer=fields.AnnotatedField("practice_count")),
    ]
    meta_fields = PagesAPIViewSet.meta_fields + [
        "last_published_at",
        "translation_key",
        APIField("content_language", serializer=fields.ContentLanguageField()),
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "acronym",
        "country",
        "mechanisms",
        "practice_count",
    ]

    def get_queryset(self):
        # Its own published practices in its own language tree (partner practices are not counted).
        own = (
            PracticePage.objects.live()
            .exclude(self.private_sections())
            .filter(institution=OuterRef("pk"))
            .order_by()
            .values("institution")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            InstitutionPage.objects.live()
            .exclude(self.private_sections())
            .select_related("country", "locale", "alias_of")
            .prefetch_related(Prefetch("country__mechanisms", queryset=Mechanism.objects.all()))
            .annotate(practice_count=Coalesce(Subquery(own, output_field=IntegerField()), 0))
            .order_by("country__name_es", "pk")
        )


class TopicsAPIViewSet(PublicReadOnly, BaseAPIViewSet):
    """The topic vocabulary (taggit), names in es/en/pt, with the number of published practices."""

    model = Topic
    name = "topics"
    filter_backends = [SafeOrdering]
    ordering_fields = ("id", "slug")
    body_fields = BaseAPIViewSet.body_fields + [
        "slug",
        APIField("names", serializer=fields.TopicNamesField()),
        "description",
        APIField("practice_count", serializer=fields.AnnotatedField("practice_count")),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["slug", "names", "practice_count"]

    def get_queryset(self):
        originals = published_practices(locale=locale_for(settings.LANGUAGE_CODE))
        return Topic.objects.annotate(
            practice_count=Count(
                "tagged_practices", filter=Q(tagged_practices__content_object__in=originals.values("pk"))
            )
        ).order_by("sort_order", "name")


api_router = WagtailAPIRouter("opendata_api")
api_router.register_endpoint("practices", PracticesAPIViewSet)
api_router.register_endpoint("institutions", InstitutionsAPIViewSet)
api_router.register_endpoint("topics", TopicsAPIViewSet)
