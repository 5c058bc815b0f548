"""The multilingual thesaurus the secretariat keeps: terms that mean the same in the field."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SynonymGroup(index.Indexed, models.Model):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("A label for the group, e.g. “Backlog”. Not used in searches.")
    )
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "One term per line, in any of the three languages, e.g. rezago, backlog, passivo. "
            "A search for any of them also finds the others."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("terms")]
    search_fields = [index.SearchField("name"), index.SearchField("terms")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("group of equivalent terms")
        verbose_name_plural = _("thesaurus")

    def __str__(self):
        return self.name

    def term_list(self) -> list[str]:
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


class SearchTermStat(models.Model):
    """What people looked for, per day and language: how often, and how often it found nothing.

    Written in batches by search/log.py, never once per request.
    """

    day = models.DateField(_("day"), db_index=True)
    language = models.CharField(_("language"), max_length=2)
    query = models.CharField(_("search"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="unique_search_term_per_day")]

    def __str__(self):
        return self.query


class PassageVector(models.Model):
    """One passage of a practice (title and summary, problem, an approach block…) as a vector of
    meaning, for the semantic side of the search (search/semantic.py). Rebuilt, never edited."""

    page = models.ForeignKey("practices.PracticePage", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    # sha1 of the passage's text: an alias or an unchanged section reuses its vector.
    digest = models.CharField(max_length=40, db_index=True)
    vector = models.BinaryField()  # float32, L2-normalised (search/embeddings.py)

    class Meta:
        ordering = ["page", "position"]
        constraints = [models.UniqueConstraint(fields=["page", "position"], name="unique_passage_position")]

    def __str__(self):
        return f"{self.page_id}:{self.position}"
