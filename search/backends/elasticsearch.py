"""Elasticsearch 9 with the three site languages, selected as "search.backends.elasticsearch".

Every analyzer is named on its field: osmem (the test engine) ignores an index-wide default
analyzer while Elasticsearch applies it, so relying on one would make tests and production differ.

- The catch-all text fields (`_all_text`, `_all_text_boost_*`) fold accents and case, and carry
  sub-fields stemmed in Spanish and English. Each language appears twice: folded
  before the stemmer ("digitalizacion" typed without accent meets "digitalización") and stemmed
  before folding (Snowball needs the accent to strip "-ción": "resolución" meets "resoluciones").
  Queries run over all of them; the Spanish stemmer also reduces most Portuguese plurals and
  verb forms ("refugiados" finds "refugiado", "passivos" finds "passivo").
- Autocomplete queries fold accents like the indexed edge n-grams do, so "Méx" finds "México".
- Typos: the words of the relaxed query (`TolerantText`, search/text.py) also match their folded
  forms within `FUZZINESS` edits on the catch-all fields (not on the stemmed sub-fields, where a
  stem one edit away is another word): "notificasiones" meets "notificaciones". The first letter
  must be right (`prefix_length`), which keeps the expansion small.
- Per language, on the index side: Spanish and English stemmed sub-fields for every text. No
  Portuguese sub-field: on osmem every Portuguese stemmer (`portuguese`, `light_portuguese`,
  `minimal_portuguese`, `portuguese_rslp`, snowball Portuguese) indexes no tokens and makes any
  query match every document (checked 2026-11-28), so tests could not tell production's behaviour;
  the Spanish stemmer reduces most Portuguese plurals and verb forms, and the database backends
  and the meaning side cover Portuguese.
"""

import copy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field

from indexing.backend import EngineHealthMixin, LongTimeoutIndexMixin, QueuedIndexingMixin

from .analysis import TolerantText

LANGUAGES = {"es": ("spanish", "_spanish_"), "en": ("english", "_english_")}
# No edit below 6 letters ("plato" must not find "plazo"), one up to 8, two from 9.
FUZZINESS = "AUTO:6,9"
SUBFIELDS = {f"{code}_{order}": f"{code}_{order}" for code in LANGUAGES for order in ("folded", "accented")}


def analysis_settings() -> dict:
    filters, analyzers = (
        {},
        {"folding": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}},
    )
    for code, (language, stopwords) in LANGUAGES.items():
        filters[f"{code}_stop"] = {"type": "stop", "stopwords": stopwords}
        filters[f"{code}_stemmer"] = {"type": "stemmer", "language": language}
        analyzers[f"{code}_folded"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", f"{code}_stop", "asciifolding", f"{code}_stemmer"],
        }
        analyzers[f"{code}_accented"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", f"{code}_stop", f"{code}_stemmer", "asciifolding"],
        }
    return {"analyzer": analyzers, "filter": filters}


class LanguageMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "folding"}

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if name.startswith("_all_text"):
                field["analyzer"] = "folding"
                field["fields"] = {sub: {"type": "text", "analyzer": analyzer} for sub, analyzer in SUBFIELDS.items()}
        return mapping


class LanguageQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LanguageMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if fields:
            return remapped
        # The catch-all fields and each of their language sub-fields, with the same boost.
        return [
            Field(name, field.boost)
            for field in remapped
            for name in (field.field_name, *(f"{field.field_name}.{sub}" for sub in SUBFIELDS))
        ]

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        if isinstance(query, TolerantText) and len(fields) == 1 and "." not in fields[0].field_name:
            compiled["match"][fields[0].field_name].update(fuzziness=FUZZINESS, prefix_length=1)
        return compiled


class LanguageAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = LanguageMapping


class LanguageIndex(LongTimeoutIndexMixin, Elasticsearch9Index):
    pass


# Failed index writes are queued and retried; update_index gets its own long timeout (indexing/).
class LanguageSearchBackend(EngineHealthMixin, QueuedIndexingMixin, Elasticsearch9SearchBackend):
    mapping_class = LanguageMapping
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler
    autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler

    settings = copy.deepcopy(Elasticsearch9SearchBackend.settings)
    settings["settings"]["analysis"]["analyzer"].update(analysis_settings()["analyzer"])
    settings["settings"]["analysis"].setdefault("filter", {}).update(analysis_settings()["filter"])


SearchBackend = LanguageSearchBackend
