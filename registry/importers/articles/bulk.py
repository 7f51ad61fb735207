"""Create many new rows at once, validated field by field and with their history, in two queries.

Importers find out beforehand what already exists (in batched reads), so uniqueness needs no
per-row query here; the database's constraints still refuse anything that slipped through.
Updates of existing rows go through registry.services one by one.
"""

import inspect
import sqlite3
from collections.abc import Sequence
from contextlib import nullcontext
from datetime import date
from functools import cache

from django.conf import settings
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, models, router
from django.db.models import signals
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.utils import timezone

from registry.importers.errors import ImportFailure
from registry.models.base import CanonicalFieldsModel


def _attribute_values(obj, attnames) -> list:
    """The instance's values of these attributes: every column is an attribute of a new row, read
    without getattr(); a deferred or descriptor-held one is asked for."""
    attributes = obj.__dict__
    try:
        return [attributes[name] for name in attnames]
    except KeyError:
        return [attributes[name] if name in attributes else getattr(obj, name) for name in attnames]


def validated(obj, *, location: str = ""):
    """Field validators, canonical forms and the model's clean(), without database queries.

    Foreign keys are not looked up again: importers set them to rows they have just read or written.
    Plain values (text within its length, a choice, a number within its range, a date, a flag) are
    checked here, as Django would check them but without its call chain per field; any other value,
    and any plain value that fails, goes through the field's own clean(), which says what is wrong.
    A row whose every value is plain and passes only runs the model's own clean().
    """
    model = type(obj)
    checks, canonical, whole = _plain_checks(model)
    if canonical:
        obj.canonicalize_fields()  # as its clean_fields() does first
    attributes = obj.__dict__
    values = _attribute_values(obj, [attname for _, attname, _ in checks])
    results = [accepts(value) for (_, _, accepts), value in zip(checks, values, strict=True)]
    if whole and all(results) and obj.pk is None:
        try:
            for field in canonical:  # validated by the field, as clean_fields() would
                value = attributes[field.attname]
                if not (field.blank and value in field.empty_values):
                    attributes[field.attname] = field.clean(value, obj)
            obj.clean()
            return obj
        except ValidationError:
            pass  # full_clean() below says it in its own words
    passed = frozenset(name for (name, _, _), ok in zip(checks, results, strict=True) if ok)
    try:
        obj.full_clean(exclude=_relations(model) | passed, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise ImportFailure("; ".join(_messages(exc)), location=location) from None
    return obj


@cache
def _relations(model) -> frozenset[str]:
    return frozenset(field.name for field in model._meta.concrete_fields if field.is_relation)


_TEXT_VALIDATORS = (validators.MaxLengthValidator, validators.ProhibitNullCharactersValidator)
_RANGE_VALIDATORS = (validators.MinValueValidator, validators.MaxValueValidator)


@cache
def _plain_checks(model) -> tuple[tuple, bool]:
    """(name, attname, accepts(value)) of the fields whose values can be checked without the field:
    text, numbers, dates and flags without validators of their own (beyond length, NUL characters
    and the column's range), and not brought to a canonical form by the model first; the fields that
    are (`CanonicalFieldsModel`); and whether these are all the fields `clean_fields()` checks (but for
    an unset automatic primary key), the model's `clean_fields()` being Django's or the canonical one."""
    normalized = set(model.field_normalizers) if issubclass(model, CanonicalFieldsModel) else set()
    checks, canonical = [], []
    whole = model.clean_fields in (models.Model.clean_fields, CanonicalFieldsModel.clean_fields)
    for field in model._meta.concrete_fields:
        if field.is_relation or field.primary_key or field.generated:
            continue
        if field.name in normalized:
            canonical.append(field)
            continue
        accepts = _plain_check(field)
        if accepts is None:
            whole = False
            continue
        checks.append((field.name, field.attname, accepts))
    auto_key = isinstance(model._meta.pk, models.AutoField)
    return tuple(checks), tuple(canonical), whole and auto_key


def _plain_check(field):
    """A function accepting the values `field.clean()` would accept as they are, or None."""
    # clean_fields() passes an empty value of a field that may be blank, and validate() none of a field
    # that is not editable (its validators skip empty values).
    empty_passes = field.blank or not field.editable
    accepts = _plain_value_check(field, empty_passes)
    if accepts is None and empty_passes:
        empty = field.empty_values
        return lambda value: value in empty
    return accepts


def _plain_value_check(field, blank: bool):
    choices = frozenset(value for value, _ in field.flatchoices) if field.choices and field.editable else None
    if type(field) in (models.CharField, models.TextField):
        if any(not isinstance(validator, _TEXT_VALIDATORS) for validator in field.validators):
            return None
        limit = field.max_length

        def accepts_text(value) -> bool:
            if value is None or value == "":
                return blank  # clean_fields() passes an empty value of a field that may be blank
            return (
                isinstance(value, str)  # a choice's enum member is a str too
                and (limit is None or len(value) <= limit)
                and "\x00" not in value
                and (choices is None or value in choices)
            )

        return accepts_text
    if choices is not None:
        return None
    if type(field) in _INTEGER_FIELDS:
        ranges = field.validators
        if any(not isinstance(v, _RANGE_VALIDATORS) or callable(v.limit_value) for v in ranges):
            return None
        low = max((v.limit_value for v in ranges if isinstance(v, validators.MinValueValidator)), default=None)
        high = min((v.limit_value for v in ranges if isinstance(v, validators.MaxValueValidator)), default=None)

        def accepts_integer(value) -> bool:
            if value is None:
                return blank
            return type(value) is int and (low is None or value >= low) and (high is None or value <= high)

        return accepts_integer
    plain_type = {models.DateField: date, models.BooleanField: bool}.get(type(field))
    if plain_type is None or field.validators:
        return None
    return lambda value: type(value) is plain_type or (value is None and blank)


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{field}: {message}" for field, errors in exc.message_dict.items() for message in errors]
    return exc.messages


def create_with_history(objs: Sequence, *, actor, reason: str) -> list:
    """Insert validated, unsaved objects of one model and their history rows (two queries)."""
    if not objs:
        return []
    created, inserted = _insert_objects(objs)
    if _history_model(type(created[0])) is not None:
        insert_history(created, actor=actor, reason=reason, inserted=inserted)
    return created


def update_with_history(objs: Sequence, fields: Sequence[str], *, actor, reason: str) -> None:
    """Save `fields` of validated rows already in the database, and their "changed" history rows."""
    if not objs:
        return
    model = type(objs[0])
    opts = model._meta
    connection = connections[router.db_for_write(model)]
    columns = tuple(opts.get_field(name) for name in fields)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = f"UPDATE {quote(opts.db_table)} SET {assignments} WHERE {quote(opts.pk.column)} = %s"
    prepare = _preparers(columns)
    rows = [
        [_prepared(field, plain, prep, field.pre_save(obj, False), connection) for field, plain, prep in prepare]
        + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)  # one statement a row: cheaper to build than a CASE per column
    if _history_model(model) is not None:
        insert_history(objs, actor=actor, reason=reason, history_type="~")


def insert_rows(objs: Sequence) -> list:
    """Insert unsaved objects of one model with a multi-row INSERT … RETURNING id per batch, and set
    their ids: what `bulk_create()` does for new rows, without compiling a query per batch.
    """
    return _insert_objects(objs)[0]


def _insert_objects(objs: Sequence) -> tuple[list, tuple | None]:
    """`insert_rows()`, and the (fields, prepared rows) inserted, which the rows' history repeats;
    None when Django inserted them."""
    objs = list(objs)
    if not objs:
        return objs, None
    model = type(objs[0])
    opts = model._meta
    if any(obj.pk is not None for obj in objs):  # not the importers' case; Django knows how
        return model._default_manager.bulk_create(objs), None
    alias = router.db_for_write(model)
    connection = connections[alias]
    fields = _insert_fields(model)
    rows = _rows(objs, fields, connection)
    ids = _insert(connection, opts.db_table, fields, rows, returning=opts.pk.column)
    if len(ids) != len(objs):
        raise RuntimeError("The database did not return the ids of bulk-inserted rows.")
    for obj, (pk,) in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = alias
    return objs, (fields, rows)


def _rows(objs: Sequence, fields: tuple, connection) -> list[list]:
    """The prepared values of unsaved objects' fields, as `bulk_create()` would insert them: each
    foreign key first takes the id of a related row saved after the object was built.

    Read from each instance's own attributes: a field whose value needs no `pre_save()` (no automatic
    date, no file) skips it, and foreign keys are checked without Django's pass over every field."""
    plan = _row_plan(type(objs[0]), fields)
    if plan is None:
        for obj in objs:
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
        prepare = _preparers(fields)
        return [
            [_prepared(field, plain, prep, field.pre_save(obj, True), connection) for field, plain, prep in prepare]
            for obj in objs
        ]
    prepare, related = plan
    rows = []
    for obj in objs:
        attributes = obj.__dict__
        cached = obj._state.fields_cache
        for name, attname, target in related:
            other = cached.get(name)
            if other is None:
                continue
            if other.pk is None:
                raise ValueError(
                    f"bulk_create() prohibited to prevent data loss due to unsaved related object '{name}'."
                )
            value = getattr(other, target)
            if attributes[attname] is None:
                attributes[attname] = value  # saved after this object was built
            elif attributes[attname] != value:
                del cached[name]  # the id was changed since: the related object is no longer this one
        values = [attributes[attname] if attname else field.pre_save(obj, True) for field, attname, _, _ in prepare]
        # A plain value is its own database value: no call for it (most of a row's values).
        rows.append(
            [
                value if type(value) in plain else prep(field, value, connection)
                for (field, _, plain, prep), value in zip(prepare, values, strict=True)
            ]
        )
    return rows


@cache
def _row_plan(model, fields: tuple) -> tuple | None:
    """((field, attname or "" when `pre_save()` is needed, plain types, prepare) of each field, (name, attname, target
    attname) of each foreign key), or None for a model `_rows()` leaves to Django (generic relations,
    keys of several columns, foreign keys whose empty value is not None)."""
    if model._meta.private_fields:
        return None
    prepare, related = [], []
    for field, plain_types, prep in _preparers(fields):
        plain = type(field).pre_save is models.Field.pre_save
        if field.is_relation:
            if len(field.related_fields) != 1 or type(field.target_field) not in _INTEGER_FIELDS:
                return None
            related.append((field.name, field.attname, field.target_field.attname))
        prepare.append((field, field.attname if plain else "", plain_types, prep))
    return tuple(prepare), tuple(related)


def insert_values(model, names: Sequence[str], rows: Sequence[Sequence]) -> int:
    """Insert rows given as tuples of the values of the fields `names` (attnames), without ids
    returned or history: for derived rows no one needs as model instances. How many rows."""
    if not rows:
        return 0
    opts = model._meta
    connection = connections[router.db_for_write(model)]
    prepare = _preparers(tuple(opts.get_field(name) for name in names))
    prepared = [
        [
            value if type(value) in plain else prep(field, value, connection)
            for (field, plain, prep), value in zip(prepare, row, strict=True)
        ]
        for row in rows
    ]
    _insert(connection, opts.db_table, [field for field, _, _ in prepare], prepared)
    return len(prepared)


def _insert(connection, table: str, fields: Sequence, rows: list[list], *, returning: str = "") -> list[tuple]:
    """Multi-row INSERTs of prepared values, as many rows a statement as the backend takes (COPY on
    PostgreSQL)."""
    copied = not returning or len(rows) >= _COPY_RETURNING_FROM
    if connection.vendor == "postgresql" and copied and all(_copied(field, connection) for field in fields):
        return _copy(connection, table, fields, rows, returning=returning)
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(table)} ({', '.join(quote(field.column) for field in fields)}) VALUES "
    # SQLite's own placeholders: Django would rewrite each of a statement's thousands of %s with a regex.
    qmark = connection.vendor == "sqlite"
    row_sql = f"({', '.join(['?' if qmark else '%s'] * len(fields))})"
    tail = f" RETURNING {quote(returning)}" if returning else ""
    # PostgreSQL takes at most 65,535 parameters a statement when they are bound on the server.
    size = max(min(connection.ops.bulk_batch_size(fields, rows), 65535 // len(fields)), 1)
    returned = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            sql = head + ", ".join([row_sql] * len(batch)) + tail
            params = [value for row in batch for value in row]
            if qmark:
                _execute_qmark(connection, cursor, sql, params)
            else:
                cursor.execute(sql, params)
            if returning:
                returned += cursor.fetchall()
    return returned


def _execute_qmark(connection, cursor, sql: str, params: list) -> None:
    """A statement with SQLite's `?` placeholders run by sqlite3's own cursor, through the
    connection's query wrappers and logged like any other (the page cache sees the write)."""

    def execute(sql, params, many, context) -> None:
        with connection.wrap_database_errors:
            sqlite3.Cursor.execute(context["cursor"].cursor, sql, params)

    with cursor.debug_sql(sql, params) if hasattr(cursor, "debug_sql") else nullcontext():
        cursor._execute_with_wrappers(sql, params, False, executor=execute)


# Rows from which a COPY whose ids are drawn first (two round trips) costs less than one INSERT.
_COPY_RETURNING_FROM = 20


def _copy(connection, table: str, fields: Sequence, rows: list[list], *, returning: str) -> list[tuple]:
    """COPY … FROM STDIN: psycopg writes the rows in C, where an INSERT's parameters (a VALUES list,
    or one array a column) are quoted into the statement in Python, which cost more than the
    database takes to insert them. The ids of `returning` are drawn from the table's sequence
    first (one query), in ascending order as the INSERT would have given them, and copied with the rows.

    The statement goes through the connection's query wrappers like any other write (the page cache
    sees it)."""
    quote = connection.ops.quote_name
    columns = [field.column for field in fields]
    ids: list[int] = []
    with connection.cursor() as cursor:
        if returning:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [quote(table), returning, len(rows)],
            )
            ids = sorted(pk for (pk,) in cursor.fetchall())
            rows = [[pk, *row] for pk, row in zip(ids, rows, strict=True)]
            columns = [returning, *columns]
        sql = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"

        def copy_rows(sql, params, many, context) -> None:
            with connection.wrap_database_errors, context["cursor"].cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)

        # Logged like any statement when queries are (DEBUG, the tests' query counts).
        with cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext():
            cursor._execute_with_wrappers(sql, None, False, executor=copy_rows)
    return [(pk,) for pk in ids]


def _copied(field, connection) -> bool:
    """Whether the column's values can be copied: every stored column, JSON too (its adapter, psycopg's
    Jsonb, writes the document's text for COPY as for an INSERT; an INSERT of JSON rows cost more in
    psycopg's splitting and quoting of its thousands of parameters than the database took to insert them)."""
    return field.db_type(connection) is not None


@cache
def _insert_fields(model) -> tuple:
    return tuple(field for field in model._meta.concrete_fields if not field.primary_key and not field.generated)


# Fields whose database value is the Python value itself when it has one of these types (their
# get_db_prep_save() is the identity then): skipping the call chain halves the cost of a row.
_INTEGERS = (int, type(None))
_INTEGER_FIELDS = {
    models.IntegerField,
    models.SmallIntegerField,
    models.BigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.AutoField,
    models.BigAutoField,
}
_PLAIN_TYPES = {
    models.CharField: (str, type(None)),
    models.TextField: (str, type(None)),
    models.BooleanField: (bool,),
    **dict.fromkeys(_INTEGER_FIELDS, _INTEGERS),
}


def _prepare_any(field, value, connection):
    return field.get_db_prep_save(value, connection)


def _prepare_text(field, value, connection):
    # A choice's enum member is text: its database value is its text, which the field's call chain
    # would hand on as the member itself (for the driver to look its type up again each row).
    if isinstance(value, str):
        return str.__str__(value)
    return _prepare_any(field, value, connection)


def _prepare_date(field, value, connection):
    # A date's database value is what the backend makes of it; anything else goes through the field.
    if value is None:
        return None
    return (
        connection.ops.adapt_datefield_value(value) if type(value) is date else _prepare_any(field, value, connection)
    )


@cache
def _preparers(fields: tuple) -> tuple:
    """(field, the types of the values that are their own database value, function giving the
    database value of any other) for each field."""
    prepared = []
    for field in fields:
        if type(field) in (models.ForeignKey, models.OneToOneField):
            types = _INTEGERS if type(field.target_field) in _INTEGER_FIELDS else ()
        elif type(field) is models.DateField:
            prepared.append((field, frozenset(), _prepare_date))
            continue
        elif type(field) in (models.CharField, models.TextField):
            prepared.append((field, frozenset(_PLAIN_TYPES[type(field)]), _prepare_text))
            continue
        else:
            types = _PLAIN_TYPES.get(type(field), ())
        prepared.append((field, frozenset(types), _prepare_any))
    return tuple(prepared)


def _prepared(field, plain: frozenset, prepare, value, connection):
    return value if type(value) in plain else prepare(field, value, connection)


@cache
def _history_model(model):
    """The historical model of `model`, or None; read once (simple-history builds a manager per access)."""
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute).model if attribute else None


# A row's own change reason, when the rows written together do not all have the same (the files of a
# batch each name themselves); else the `reason` given.
ROW_REASON = "_import_reason"


def insert_history(
    objs: Sequence, *, actor, reason: str, history_type: str = "+", inserted: tuple | None = None
) -> None:
    """The "created" history rows of `objs`, as simple-history's bulk_history_create writes them.

    Written as multi-row INSERTs of prepared values: building a historical model instance per row
    through the ORM cost more than inserting the rows themselves, and an executemany() sends one
    statement per row to PostgreSQL. `inserted`: the (fields, prepared rows) `objs` were inserted
    with just now, whose values the history rows take as they are.
    """
    history = _history_model(type(objs[0]))
    tracked, fields = _history_fields(history)
    common = {
        "history_date": timezone.now(),
        "history_type": history_type,
        "history_user_id": actor.pk if getattr(actor, "pk", None) else None,
    }
    columns = [*tracked, *common, "history_change_reason"]
    connection = connections[router.db_for_write(history)]
    prepared_common = [fields[name].get_db_prep_save(value, connection) for name, value in common.items()]
    rows = _history_rows_from(objs, inserted, history) if inserted is not None else None
    if rows is None:
        rows = _history_rows_prepared(objs, history)
    for obj, row in zip(objs, rows, strict=True):
        row += [*prepared_common, obj.__dict__.get(ROW_REASON, reason)[:100]]
    _insert(connection, history._meta.db_table, [fields[name] for name in columns], rows)


def _history_rows_prepared(objs: Sequence, history) -> list[list]:
    """The tracked values of the history rows of `objs`, prepared from each instance's attributes."""
    tracked, fields = _history_fields(history)
    connection = connections[router.db_for_write(history)]
    prepare = _preparers(tuple(fields[name] for name in tracked))
    return [
        # Each value from the instance's own attributes (a foreign key's id without its descriptor);
        # a plain value is its own database value: no call for it (most of a row's values).
        [
            value if type(value) in plain else prep(field, value, connection)
            for (field, plain, prep), value in zip(prepare, _attribute_values(obj, tracked), strict=True)
        ]
        for obj in objs
    ]


def _history_rows_from(objs: Sequence, inserted: tuple, history) -> list[list] | None:
    """The tracked values of the history rows of `objs`, taken from the prepared rows they were just
    inserted with (`inserted`: fields, rows) and the id of each; None when some tracked value would
    not be prepared the same way for the historical field as for the field it copies."""
    fields, rows = inserted
    model = type(objs[0])
    sources = _history_sources(history, model, fields)
    if sources is None:
        return None
    pk = model._meta.pk.attname
    return [
        [obj.__dict__[pk] if index is None else row[index] for index in sources]
        for obj, row in zip(objs, rows, strict=True)
    ]


@cache
def _history_sources(history, model, fields: tuple) -> tuple | None:
    """For each tracked column of `history`, the index of the inserted field (of `fields`) whose
    prepared value it repeats, None for the integer primary key; or None when a column is neither,
    or its field is not prepared as the one it copies (another class, other plain types)."""
    tracked, history_fields = _history_fields(history)
    index = {field.attname: position for position, field in enumerate(fields)}
    pk = model._meta.pk
    sources = []
    for attname in tracked:
        if attname == pk.attname:
            if type(pk) not in _INTEGER_FIELDS:
                return None
            sources.append(None)
        elif attname in index and _prepared_alike(fields[index[attname]], history_fields[attname]):
            sources.append(index[attname])
        else:
            return None
    return tuple(sources)


_KEYS = (models.ForeignKey, models.OneToOneField)


def _prepared_alike(field, copy) -> bool:
    """Whether a value of `field` is prepared for `copy` (its historical field) as for itself."""
    same_kind = type(field) is type(copy) or (type(field) in _KEYS and type(copy) in _KEYS)
    return same_kind and _preparers((field,))[0][1:] == _preparers((copy,))[0][1:]


@cache
def _history_fields(history) -> tuple[list[str], dict]:
    tracked = [field.attname for field in history.tracked_fields]
    return tracked, {field.attname: field for field in history._meta.concrete_fields if not field.primary_key}


def new_row(model, **values):
    """`model(**values)` for the importers' new rows, without Django's general constructor (a pass
    over every field with its descriptors and signals), which cost more than validating the row.

    The same instance: each column's value as given, else its default; a related object given by
    name sets the id and is cached, as the foreign key's descriptor does. Models it cannot build
    this way (composite keys, data descriptors, init signals, database routers, other keywords)
    get Django's constructor."""
    plan = _init_plan(model)
    if plan is None or not values.keys() <= plan[1] or _init_signals(model):
        return model(**values)
    obj = model.__new__(model)
    state = obj._state = ModelState()
    cache = state.fields_cache
    attributes = obj.__dict__
    for field, name, attname, target, default in plan[0]:
        if target is not None and name in values:
            related = values[name]
            if related is None:
                attributes[attname] = None
            else:
                attributes[attname] = getattr(related, target)
                if state.db is None:
                    state.db = related._state.db or DEFAULT_DB_ALIAS
                if related._state.db is None:
                    related._state.db = state.db
                if field.one_to_one:  # the related object knows its one row, as the descriptor tells it
                    field.remote_field.set_cached_value(related, obj)
            cache[name] = related
        elif attname in values:
            attributes[attname] = values[attname]
        elif default is _CALLED:
            attributes[attname] = field.get_default()
        else:
            attributes[attname] = default
    return obj


@cache
def _init_plan(model) -> tuple | None:
    """((field, name, attname, target attname of a foreign key or None) of each column, names accepted),
    or None when the model is not one `new_row()` builds itself."""
    if settings.DATABASE_ROUTERS:
        return None
    plan, accepted = [], set()
    for field in model._meta.concrete_fields:
        if field.generated:
            continue
        descriptor = inspect.getattr_static(model, field.attname, None)
        # A foreign key's id attribute only clears a cached related object when set: none is cached yet.
        if hasattr(type(descriptor), "__set__") and type(descriptor) is not ForeignKeyDeferredAttribute:
            return None
        target = None
        if field.is_relation:
            if len(field.related_fields) != 1:
                return None
            target = field.related_fields[0][1].attname
            accepted.add(field.name)
        accepted.add(field.attname)
        plan.append((field, field.name, field.attname, target, _constant_default(field)))
    return tuple(plan), frozenset(accepted)


_CALLED = object()  # the field's get_default() is called for each row


def _constant_default(field):
    """What `field.get_default()` returns every time (the same object: a default that is not
    callable, else None or ""), or `_CALLED` when it must be asked for each row."""
    if field.is_relation or field.has_db_default():
        return _CALLED
    if field.has_default():
        return _CALLED if callable(field.default) else field.default
    return field.get_default()  # None, or "" for text that is not null


def _init_signals(model) -> bool:
    # No receiver at all (the usual case) is read without the signals' per-sender look-up.
    if not (signals.pre_init.receivers or signals.post_init.receivers):
        return False
    return signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model)
