"""Create many new rows at once, validated field by field and with their history, in two queries.

Importers find out beforehand what already exists (in batched reads), so uniqueness needs no
per-row query here; the database's constraints still refuse anything that slipped through.
Updates of existing rows go through registry.services one by one.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils import timezone

from registry.importers.errors import ImportFailure


def validated(obj, *, location: str = ""):
    """Field validators, canonical forms and the model's clean(), without database queries.

    Foreign keys are not looked up again: importers set them to rows they have just read or written.
    """
    relations = [field.name for field in obj._meta.concrete_fields if field.is_relation]
    try:
        obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise ImportFailure("; ".join(_messages(exc)), location=location) from None
    return obj


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{field}: {message}" for field, errors in exc.message_dict.items() for message in errors]
    return exc.messages


def create_with_history(objs: Sequence, *, actor, reason: str) -> list:
    """Insert validated, unsaved objects of one model and their history rows (two queries)."""
    if not objs:
        return []
    model = type(objs[0])
    created = model._default_manager.bulk_create(objs)
    if not hasattr(model._meta, "simple_history_manager_attribute"):
        return created
    if created[0].pk is None:  # SQLite 3.35+ and PostgreSQL return ids from bulk inserts
        raise RuntimeError("The database did not return the ids of bulk-inserted rows.")
    insert_history(created, actor=actor, reason=reason)
    return created


def insert_history(objs: Sequence, *, actor, reason: str, history_type: str = "+") -> None:
    """The "created" history rows of `objs`, as simple-history's bulk_history_create writes them.

    Written with one executemany of prepared values: building a historical model instance per row
    through the ORM cost more than inserting the rows themselves.
    """
    history = getattr(type(objs[0]), type(objs[0])._meta.simple_history_manager_attribute).model
    tracked = [field.attname for field in history.tracked_fields]
    fields = {field.attname: field for field in history._meta.concrete_fields if not field.primary_key}
    common = {
        "history_date": timezone.now(),
        "history_change_reason": reason[:100],
        "history_type": history_type,
        "history_user_id": actor.pk if getattr(actor, "pk", None) else None,
    }
    columns = [*tracked, *common]
    connection = connections[router.db_for_write(history)]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(quote(fields[c].column) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    prepared_common = [fields[name].get_db_prep_save(value, connection) for name, value in common.items()]
    rows = [
        [fields[name].get_db_prep_save(getattr(obj, name), connection) for name in tracked] + prepared_common
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
