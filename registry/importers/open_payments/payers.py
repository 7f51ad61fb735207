"""Which organization paid a register payment: the payer found by its register id, then by name
and aliases, or created unreviewed (saying which file named it) when the registry does not know it
yet; the register id is kept as an identifier of the organization, so the next file finds it by id."""

import pyarrow as pa
import pyarrow.compute as pc

from registry.enums import IdentifierScheme, OrganizationOrigin
from registry.identity.organizations import organizations_for_names
from registry.importers.open_payments.matching import Lookup
from registry.models import OrganizationIdentifier

REASON = "Payer named in an Open Payments file"


class PayerResolver:
    """Payers as written -> registry organization ids, once per name per file.

    Each file starts afresh (two queries): if the previous file was refused, its transaction took
    away the records it created.
    """

    def __init__(self):
        self.known: dict[str, int] = {}

    def start_file(self) -> None:
        self.known.clear()

    def resolve(self, names: pa.Array, register_ids: pa.Array | None = None, *, file: str = "") -> pa.Array:
        if any(name and name not in self.known for name in pc.unique(names).to_pylist()):
            ids = register_ids if register_ids is not None else pa.repeat("", len(names))
            pairs = pa.table({"name": names, "id": ids}).group_by(["name", "id"]).aggregate([]).to_pylist()
            wanted = {row["name"]: row["id"] or "" for row in pairs if row["name"] and row["name"] not in self.known}
            self._resolve(wanted, file=file)
        return Lookup(self.known).find(names)

    def _resolve(self, wanted: dict[str, str], *, file: str) -> None:
        scheme = IdentifierScheme.OPEN_PAYMENTS
        rows = OrganizationIdentifier.objects.filter(scheme=scheme, value__in=set(wanted.values()) - {""})
        by_id = dict(rows.order_by().values_list("value", "organization_id"))
        named = sorted(name for name, register_id in wanted.items() if register_id not in by_id)
        found = organizations_for_names(
            actor=None,
            names=named,
            origin=OrganizationOrigin.PAYMENT,
            detail=f"Open Payments file {file}" if file else REASON,
            reason=REASON,
        )
        new_ids = []
        for name in named:
            register_id, organization = wanted[name], found[name]
            if register_id and register_id not in by_id:
                new_ids.append(OrganizationIdentifier(organization=organization, scheme=scheme, value=register_id))
                by_id[register_id] = organization.pk
            self.known[name] = organization.pk
        OrganizationIdentifier.objects.bulk_create(new_ids)
        for name, register_id in wanted.items():
            if name not in self.known:  # found by its register id
                self.known[name] = by_id[register_id]
