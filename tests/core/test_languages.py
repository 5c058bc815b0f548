"""Vocabularies keep one field per site language; each is written in the admin form and searched."""

import pytest
from wagtail.admin.panels import get_edit_handler

from core.languages import SITE_LANGUAGES
from curation.commitments import Commitment
from practices.taxonomy import Country, IndicatorType, Mechanism, ProcedureStage


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Country, ["name"]),
        (Mechanism, ["name"]),
        (ProcedureStage, ["name"]),
        (IndicatorType, ["name", "description"]),
        (Commitment, ["action"]),
    ],
)
def test_each_language_of_a_vocabulary_is_in_its_admin_form_and_its_search(model, fields):
    form_fields = list(get_edit_handler(model).get_form_class().base_fields)
    searched = {field.field_name for field in getattr(model, "search_fields", [])}
    for field in fields:
        names = [f"{field}_{language}" for language in SITE_LANGUAGES]
        assert [name for name in form_fields if name in names] == names  # Spanish first, as filled
        if model is not IndicatorType:  # indicator types are chosen from a list, not searched
            assert set(names) <= searched
