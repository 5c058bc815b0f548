from django.apps import apps

from practices.reference_data import load_reference_data
from practices.taxonomy import Country, Mechanism, ProcedureStage, Topic


def test_the_17_member_states_are_loaded_with_their_mechanisms(db):
    assert Country.objects.count() == 17
    both = {c.iso2 for c in Country.objects.all() if c.mechanisms.count() == 2}
    assert both == {"CR", "MX", "PA"}
    assert set(Country.objects.get(iso2="BZ").mechanisms.values_list("slug", flat=True)) == {"mirps"}
    assert set(Country.objects.get(iso2="BR").mechanisms.values_list("slug", flat=True)) == {"proceso-de-quito"}
    assert Mechanism.objects.get(slug="proceso-de-quito").countries.count() == 13
    assert Mechanism.objects.get(slug="mirps").countries.count() == 7


def test_vocabularies_have_names_in_three_languages(db):
    assert Mechanism.objects.count() == 3
    assert list(ProcedureStage.objects.values_list("slug", flat=True))[:2] == ["recepcion-y-registro", "admisibilidad"]
    assert ProcedureStage.objects.count() == 8
    assert Topic.objects.count() == 13
    topic = Topic.objects.get(slug="eficiencia-y-rezago")
    assert topic.localized_name("es") == "Eficiencia y reducción del rezago"
    assert topic.localized_name("en") == "Efficiency and backlog reduction"
    assert topic.localized_name("pt") == "Eficiência e redução do passivo de casos"
    assert Country.objects.get(iso2="BR").localized_name("es") == "Brasil"
    assert Country.objects.get(iso2="BR").localized_name("en") == "Brazil"


def test_reloading_reference_data_keeps_the_secretariats_edits(db):
    Topic.objects.filter(slug="digitalizacion").update(name_en="Digital transformation")
    Country.objects.filter(iso2="GY").update(name_es="Guyana (editado)")
    created = load_reference_data(apps)
    assert created == {"mechanisms": 0, "countries": 0, "stages": 0, "topics": 0}
    assert Topic.objects.get(slug="digitalizacion").name_en == "Digital transformation"
    assert Country.objects.get(iso2="GY").name_es == "Guyana (editado)"


def test_a_missing_record_is_created_again(db):
    ProcedureStage.objects.filter(slug="recursos").delete()
    created = load_reference_data(apps)
    assert created["stages"] == 1
    assert ProcedureStage.objects.filter(slug="recursos").exists()
