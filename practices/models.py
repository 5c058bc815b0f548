"""Page types of the repository: practices index, institution (CONARE profile) and practice."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import TEXT_FEATURES, ApproachBlock, LessonsBlock
from .choices import FIRST_YEAR, LAST_YEAR, BudgetRange, FigureBasis, PracticeKind, PracticeStatus
from .forms import PracticePageForm
from .indicators import period_label
from .mixins import OriginalLanguageMixin
from .page_forms import OnlyPermittedMediaPageForm
from .revisions import with_references_checked
from .taxonomy import Country, IndicatorType, Keyword, Mechanism, ProcedureStage, TaggedKeyword, TaggedTopic, Topic  # noqa: F401
from .workflow_lookup import CachedWorkflowMixin

# hooks.register(PRACTICE_PAGE_CONTEXT_HOOK) fn(page, context): adds to a practice page's context.
PRACTICE_PAGE_CONTEXT_HOOK = "practice_page_context"

YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class PracticeIndexPage(Page):
    """The root of the institutions: one per language tree."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.InstitutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practices index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        institutions = InstitutionPage.objects.child_of(self).live().public().select_related("country")
        context["institutions"] = sorted(institutions, key=lambda page: page.country.localized_name().casefold())
        return context


class InstitutionPage(OriginalLanguageMixin, CachedWorkflowMixin, Page):
    """The profile of one national asylum institution (CONARE or equivalent body) of one country."""

    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="institutions",
        help_text=_("The member state this institution belongs to. Only one institution per country."),
    )
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    name_confirmed = models.BooleanField(
        _("name confirmed"),
        default=True,
        help_text=_("Untick while the secretariat has not confirmed the institution's official name."),
    )
    mandate = RichTextField(_("mandate"), blank=True, features=TEXT_FEATURES)
    contact = models.TextField(
        _("contact details"), blank=True, help_text=_("Postal address, telephone, office hours.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Who the institution's officials are (practices/roles.py): their edit rights, the exchange
    # requests they see and receive. A link, not a group name, so renaming the group in the
    # admin changes nothing. Set by the roles code, never in the editor.
    officials_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("officials' group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="institution_pages",
    )

    content_panels = Page.content_panels + [
        # Officials edit their profile but never move it to another country.
        FieldPanel("country", permission="practices.change_country"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("name_confirmed", permission="practices.change_country")]),
        FieldPanel("mandate"),
        MultiFieldPanel([FieldPanel("contact"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")),
        FieldPanel("original_language"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("mandate"),
        index.FilterField("country_id"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = ["practices.PracticePage"]
    base_form_class = OnlyPermittedMediaPageForm  # its mandate's rich text may link documents and images

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def with_content_json(self, content):
        # A revision saved before the group was linked (or relinked) must not unlink it when it
        # is published: the link belongs to the live page, like its tree position.
        page = super().with_content_json(content)
        page.officials_group_id = self.officials_group_id
        return page

    def clean(self):
        super().clean()
        self.validate_unique_country()

    def validate_unique_country(self):
        if self.country_id and self.locale_id:
            others = InstitutionPage.objects.filter(country_id=self.country_id, locale_id=self.locale_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"country": _("This country already has an institution page.")})

    @property
    def display_name(self) -> str:
        """The name with its country, in the active language: six institutions are called "CONARE"
        and two "Comisión Nacional para los Refugiados". Every listing, chooser, facet, e-mail and
        statistic that names an institution uses this (or `__str__`, or the admin title)."""
        return self.with_country(self.title)

    def with_country(self, name: str) -> str:
        # Breadcrumbs load ancestors without their fields: reading the country would cost a query
        # per crumb, and a breadcrumb under the country's own page needs no country.
        if "country_id" in self.get_deferred_fields() or not self.country_id:
            return name
        return f"{name} ({Country.name_of(self.country_id)})"

    def __str__(self):
        return self.display_name

    def get_admin_display_title(self):
        # The admin shows the draft title (explorer, page chooser, listings): with the country too.
        return self.with_country(super().get_admin_display_title())

    @property
    def mechanisms(self):
        return self.country.mechanisms.all()

    def practices(self):
        """Live practices it publishes or takes part in as a partner, in this page's language tree."""
        return (
            PracticePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(Q(institution=self) | Q(partners=self.country_id))
            .distinct()
            .for_listing()
            .order_by("-year_started", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practices = list(self.practices())
        context["own_practices"] = [p for p in practices if p.institution_id == self.pk]
        context["partner_practices"] = [p for p in practices if p.institution_id != self.pk]
        context["mechanisms"] = self.country.mechanisms.all()
        return context


class PracticePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Everything a practice card shows, in a constant number of queries."""
        return self.select_related("institution", "country", "locale").prefetch_related(
            Prefetch("tagged_topics", queryset=TaggedTopic.objects.select_related("tag"))
        )


class PracticePage(OriginalLanguageMixin, CachedWorkflowMixin, Page):
    """A structured case study: one good practice or one lesson learned by a national institution."""

    kind = models.CharField(_("kind"), max_length=20, choices=PracticeKind.choices, default=PracticeKind.PRACTICE)
    summary = models.TextField(
        _("summary"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters: what was done and what it achieved. Shown in search results."),
    )
    problem = RichTextField(
        _("problem addressed"),
        features=TEXT_FEATURES,
        help_text=_("The situation or difficulty the practice responds to."),
    )
    approach = StreamField(
        ApproachBlock(),
        verbose_name=_("approach"),
        blank=True,
        help_text=_("How it was done: text, numbered steps, quotes, images and documents."),
    )
    lessons = StreamField(
        LessonsBlock(),
        verbose_name=_("lessons learned"),
        blank=True,
        help_text=_("One lesson per item: what worked, what did not, what you would do differently."),
    )
    resources_staff = models.CharField(
        _("staff"), max_length=255, blank=True, help_text=_('People involved, e.g. "6 eligibility officers".')
    )
    resources_budget = models.CharField(_("budget range"), max_length=20, choices=BudgetRange.choices, blank=True)
    resources_time = models.CharField(
        _("time needed"), max_length=255, blank=True, help_text=_('e.g. "8 months of design and 4 of pilot".')
    )
    support_organizations = models.CharField(
        _("supporting organisations"),
        max_length=255,
        blank=True,
        help_text=_("Partners such as UNHCR, IOM or OAS, separated by commas."),
    )
    transferability = models.TextField(
        _("transferability"), blank=True, help_text=_("What another country would need to replicate it.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.IMPLEMENTED
    )
    # Nullable in the database but required in the form: Wagtail's autosave then keeps a new
    # practice as a draft before the year is typed (on the second tab) instead of answering 400
    # on every keystroke; submitting and publishing still require it.
    year_started = models.PositiveSmallIntegerField(_("year started"), null=True, validators=YEAR_VALIDATORS)
    year_ended = models.PositiveSmallIntegerField(_("year ended"), null=True, blank=True, validators=YEAR_VALIDATORS)
    stages = ParentalManyToManyField(
        ProcedureStage,
        verbose_name=_("procedure stages"),
        related_name="practices",
        blank=True,
        help_text=_("Which stages of the refugee status determination procedure it improves."),
    )
    topics = ClusterTaggableManager(
        through=TaggedTopic,
        verbose_name=_("topics"),
        blank=True,
        related_name="practices",
        help_text=_("Choose from the secretariat's vocabulary."),
    )
    keywords = ClusterTaggableManager(
        through=TaggedKeyword,
        verbose_name=_("keywords"),
        blank=True,
        related_name="practices",
        help_text=_("Free keywords, in the practice's language."),
    )
    mechanisms = ParentalManyToManyField(Mechanism, verbose_name=_("mechanisms"), related_name="practices", blank=True)
    partners = ParentalManyToManyField(
        Country,
        verbose_name=_("partner countries"),
        related_name="partner_practices",
        blank=True,
        help_text=_("Other member states that ran the practice jointly. It is listed under their institutions too."),
    )
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Shown to visitors in a form that e-mail harvesters cannot read.")
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Identifier in an imported compilation; re-importing updates the practice with this identifier."),
    )
    is_demo = models.BooleanField(
        _("demonstration content"),
        default=False,
        help_text=_("Marks fictitious example content; the page says so to visitors."),
    )

    # Derived from the position in the tree on every save, never typed by an editor.
    institution = models.ForeignKey(
        InstitutionPage, on_delete=models.PROTECT, related_name="+", editable=False, null=True
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", editable=False, null=True)

    objects = PageManager.from_queryset(PracticePageQuerySet)()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        InlinePanel("results", heading=_("Results"), label=_("Indicator")),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("resources_staff"),
                FieldPanel("resources_budget"),
                FieldPanel("resources_time"),
                FieldPanel("support_organizations"),
            ],
            heading=_("Resources needed"),
        ),
        FieldPanel("transferability"),
        InlinePanel("attachments", heading=_("Documents"), label=_("Document")),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]
    classification_panels = [
        FieldRowPanel([FieldPanel("year_started"), FieldPanel("year_ended")]),
        FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics"),
        FieldPanel("keywords"),
        FieldPanel("mechanisms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("original_language"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("external_id"), FieldPanel("is_demo")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Case study")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("lessons"),
        index.SearchField("transferability"),
        index.RelatedFields(
            "topics", [index.SearchField("name"), index.SearchField("name_en"), index.SearchField("name_pt")]
        ),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.RelatedFields(
            "country", [index.SearchField("name_es"), index.SearchField("name_en"), index.SearchField("name_pt")]
        ),
        index.FilterField("country_id"),
        index.FilterField("institution_id"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("year_started"),
        index.FilterField("original_language"),
        # Multi-valued facets for Elasticsearch (the database engine groups with the ORM instead).
        index.FilterField("country_ids", type="IntegerField"),
        index.FilterField("topic_ids", type="IntegerField"),
        index.FilterField("stage_ids", type="IntegerField"),
        index.FilterField("mechanism_ids", type="IntegerField"),
    ]

    override_translatable_fields = [
        SynchronizedField("external_id"),
        SynchronizedField("contact_name"),
        SynchronizedField("stages"),
        SynchronizedField("mechanisms"),
        SynchronizedField("partners"),
    ]

    base_form_class = PracticePageForm
    parent_page_types = ["practices.InstitutionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        # The technical secretariat's role, whatever its group is called: accounts/policy.py
        # (two-step verification, unlocking accounts) and the reports only it may read.
        permissions = [("review_practices", _("Can review and publish every institution's practices"))]

    @classmethod
    def get_indexed_objects(cls):
        # Everything a search document reads, fetched per batch instead of per page.
        return (
            super()
            .get_indexed_objects()
            .select_related("country", "institution", "locale")
            .prefetch_related("partners", "stages", "mechanisms", "tagged_topics__tag", "tagged_keywords__tag")
        )

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        # A draft is rebuilt from its revision on every edit form: references checked in bulk.
        if check_fks:
            data = with_references_checked(cls, data, strict=strict_fks)
            if data is None:
                return None
        return super().from_serializable_data(data, check_fks=False, strict_fks=strict_fks)

    def country_ids(self) -> list[int]:
        """The publishing country and the partners: a joint practice is found under each."""
        return [pk for pk in [self.country_id, *(c.pk for c in self.partners.all())] if pk]

    def topic_ids(self) -> list[int]:
        return [tagged.tag_id for tagged in self.tagged_topics.all()]

    def stage_ids(self) -> list[int]:
        return [stage.pk for stage in self.stages.all()]

    def mechanism_ids(self) -> list[int]:
        return [mechanism.pk for mechanism in self.mechanisms.all()]

    def clean(self):
        super().clean()
        if self.year_started and self.year_ended and self.year_ended < self.year_started:
            raise ValidationError({"year_ended": _("The year it ended cannot be before the year it started.")})

    def save(self, *args, **kwargs):
        self.sync_place_in_tree()
        return super().save(*args, **kwargs)

    def sync_place_in_tree(self) -> None:
        """Institution and country come from the parent page, so they are never typed twice."""
        if not self.path or self.depth is None or self.depth <= 1:
            return
        parent = self.get_parent()
        if parent is None:
            return
        institution = InstitutionPage.objects.filter(pk=parent.pk).only("pk", "country_id").first()
        if institution is not None:
            self.institution_id = institution.pk
            self.country_id = institution.country_id

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["results"] = list(self.results.select_related("indicator_type"))
        context["attachments"] = list(self.attachments.select_related("document"))
        context["topics"] = list(self.topics.all())
        context["keywords"] = list(self.keywords.all())
        context["stages"] = list(self.stages.all())
        context["mechanisms"] = list(self.mechanisms.all())
        partners = list(self.partners.all())
        partner_pages = {
            p.country_id: p
            for p in InstitutionPage.objects.live().filter(
                locale_id=self.locale_id, country__in=[c.pk for c in partners]
            )
        }
        context["partners"] = [(c, partner_pages.get(c.pk)) for c in partners]
        # What other apps add to the page (search adds `related`, search/wagtail_hooks.py): practices
        # sits below search and never imports it.
        for add_to_context in hooks.get_hooks(PRACTICE_PAGE_CONTEXT_HOOK):
            add_to_context(self, context)
        return context


class ResultIndicator(TranslatableMixin, Orderable):
    """One measured result, so that numbers stay numbers and compare across practices.

    A row names its shared type (`IndicatorType`) when there is one: rows of the same type line up
    in a comparison whatever each institution called them. The free label stays for what no type
    covers and for the institution's own wording. The period is two dates; `period` is the old free
    text, kept readable for rows written before the dates existed."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="results")
    indicator_type = models.ForeignKey(
        IndicatorType,
        verbose_name=_("indicator type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="results",
        help_text=_("Choose the shared indicator this row measures, so that it is compared with other countries'."),
    )
    indicator = models.CharField(
        _("indicator"),
        max_length=255,
        blank=True,
        help_text=_("Your own wording; may stay empty when an indicator type is chosen."),
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    result = models.DecimalField(_("result"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("e.g. days, cases, %"))
    basis = models.CharField(
        _("the figures count"),
        max_length=10,
        choices=FigureBasis.choices,
        default=FigureBasis.PERIOD,
        blank=True,
        help_text=_(
            "For a total (applications registered, people trained): the whole period, or one year or month of it."
        ),
    )
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    period = models.CharField(
        _("period (text)"),
        max_length=60,
        blank=True,
        help_text=_("Only if the dates cannot say it; e.g. 2022-2024"),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("indicator_type"), FieldPanel("indicator")]),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("result"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end"), FieldPanel("period")]),
        FieldPanel("basis"),
        FieldPanel("source"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("result indicator")
        verbose_name_plural = _("result indicators")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if not self.indicator and not self.indicator_type_id:
            raise ValidationError({"indicator": _("Choose an indicator type or write the indicator's name.")})
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    @property
    def label(self) -> str:
        """What the row is called: the institution's wording, else its type's name."""
        if self.indicator:
            return self.indicator
        return self.indicator_type.localized_name() if self.indicator_type_id else ""

    @property
    def period_label(self) -> str:
        """The period as the dates say it (years when whole years), else the old free text."""
        return period_label(self.period_start, self.period_end) or self.period

    @property
    def change(self):
        if self.baseline is None:
            return None
        return self.result - self.baseline


class PracticeDocument(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
