"""Every facet's counts, and which matches pass all the filters, in one SQL statement (database backends).

Why hand-written SQL: the ORM's version was a UNION ALL of nine GROUP BYs, each joining the
matched ids to the practice and page tables again (17–60 ms a branch at 10,000 practices on
PostgreSQL, half of every search page). Here the practices in scope are read once, as a
materialised CTE of narrow columns (the facet columns of the practice table, and one boolean per
selected facet: does this practice pass that facet's filter), and every count is a GROUP BY over
that CTE, joined only to the narrow link tables (partners, mechanisms, topics, stages) where a
facet lives in one. A facet's counts ignore its own selection (its boolean is left out of its
branch's WHERE); the year range applies everywhere.

The same statement also returns, when asked, the ids that pass every filter (`hits`): the
engine ranks on ids and fetches the rows of one page only.

Where each facet lives comes from the model's fields (`FACETS[...].orm_paths`), so adding a facet
to search/facets.py needs no SQL here.
"""

import json
from dataclasses import dataclass

from django.db import connection

from practices.models import PracticePage

from .facets import FACETS, FACETS_BY_KEY


@dataclass(frozen=True)
class FacetPath:
    """Where one path of a facet is stored: a column of the practice table, or a link table."""

    facet: str
    column: str = ""  # a column of the practice table
    table: str = ""  # or a link table: its practice column and its value column
    practice_column: str = ""
    value_column: str = ""


def _path(facet_key: str, orm_path: str) -> FacetPath:
    name, _, rest = orm_path.partition("__")
    field = PracticePage._meta.get_field(name)
    if field.many_to_many:
        through = field.remote_field.through
        return FacetPath(facet_key, "", through._meta.db_table, field.m2m_column_name(), field.m2m_reverse_name())
    if field.one_to_many:  # a reverse foreign key: tagged_topics__tag_id
        related = field.related_model
        return FacetPath(
            facet_key,
            "",
            related._meta.db_table,
            field.field.column,
            related._meta.get_field(rest.removesuffix("_id")).column,
        )
    return FacetPath(facet_key, field.column)


def facet_paths() -> list[FacetPath]:
    return [_path(facet.key, path) for facet in FACETS for path in facet.orm_paths]


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def id_list_sql(ids: list[int]) -> tuple[str, list]:
    """Many ids as one bound parameter: thousands of `IN (%s, …)` placeholders cost more to compile
    than the statement costs to run (1.8 s for 7,700 ids at 10,000 practices)."""
    if connection.vendor == "postgresql":
        return "SELECT unnest(%s::integer[])", [ids]
    return "SELECT value FROM json_each(%s)", [json.dumps(ids)]


def count_statement(base, request, *, ids: list[int] | None, hits: bool) -> tuple[str, list]:
    """(sql, params) of the one statement: rows (facet key, value as text, count); with `hits`, also
    ('', id, 0) for every practice in scope passing every filter. `base`: the practices searched
    (a queryset); `ids`: the matches, or None for all of `base`."""
    table, pk = _q(PracticePage._meta.db_table), _q(PracticePage._meta.pk.column)
    paths = facet_paths()
    base_sql, base_params = base.order_by().values("pk").query.sql_with_params()
    where, params = [f"p.{pk} IN ({base_sql})"], list(base_params)
    if ids is not None:
        ids_sql, ids_params = id_list_sql(ids)
        where.append(f"p.{pk} IN ({ids_sql})")
        params += ids_params
    year = _q(PracticePage._meta.get_field("year_started").column)
    if request.year_from is not None:
        where.append(f"p.{year} >= %s")
        params.append(request.year_from)
    if request.year_to is not None:
        where.append(f"p.{year} <= %s")
        params.append(request.year_to)

    own_columns = dict.fromkeys(path.column for path in paths if path.column)
    columns = [f"p.{pk} AS id"] + [f"p.{_q(column)} AS {_q('c_' + column)}" for column in own_columns]
    select_params: list = []
    selected = [key for key, values in request.selections.items() if values and key in FACETS_BY_KEY]
    for key in selected:
        values = sorted(request.selections[key], key=str)
        placeholders = ", ".join(["%s"] * len(values))
        conditions = []
        for path in (p for p in paths if p.facet == key):
            if path.column:
                conditions.append(f"p.{_q(path.column)} IN ({placeholders})")
            else:
                conditions.append(
                    f"p.{pk} IN (SELECT l.{_q(path.practice_column)} FROM {_q(path.table)} l "
                    f"WHERE l.{_q(path.value_column)} IN ({placeholders}))"
                )
            select_params += values
        columns.append(f"({' OR '.join(conditions)}) AS {_q('s_' + key)}")

    def passing(skip: str | None) -> str:
        kept = [f"m.{_q('s_' + key)}" for key in selected if key != skip]
        return " AND ".join(kept) if kept else "1 = 1"

    branches = []
    for path in paths:
        label = f"'{path.facet}'"  # a facet key from the code, never from a request
        if path.column:
            column = f"m.{_q('c_' + path.column)}"
            branches.append(
                f"SELECT {label} AS facet, CAST({column} AS text) AS value, COUNT(*) AS n FROM m "
                f"WHERE {column} IS NOT NULL AND {passing(path.facet)} GROUP BY {column}"
            )
        else:
            value = f"l.{_q(path.value_column)}"
            branches.append(
                f"SELECT {label}, CAST({value} AS text), COUNT(DISTINCT m.id) FROM m "
                f"JOIN {_q(path.table)} l ON l.{_q(path.practice_column)} = m.id "
                f"WHERE {passing(path.facet)} GROUP BY {value}"
            )
    if hits:
        branches.append(f"SELECT '', CAST(m.id AS text), 0 FROM m WHERE {passing(None)}")
    sql = (
        f"WITH m AS MATERIALIZED (SELECT {', '.join(columns)} FROM {table} p WHERE {' AND '.join(where)}) "
        + " UNION ALL ".join(branches)
    )
    return sql, select_params + params


def count(base, request, *, ids: list[int] | None, hits: bool = False):
    """(facet key -> stored value -> count, ids passing every filter or None), from one statement."""
    sql, params = count_statement(base, request, ids=ids, hits=hits)
    counts: dict[str, dict[object, int]] = {facet.key: {} for facet in FACETS}
    passing: set[int] | None = set() if hits else None
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, value, n in cursor.fetchall():
            if not key:
                passing.add(int(value))
                continue
            stored = FACETS_BY_KEY[key].stored(value)
            # A facet with two paths (country: own and partner) adds them up, as it always has.
            counts[key][stored] = counts[key].get(stored, 0) + n
    return counts, passing
