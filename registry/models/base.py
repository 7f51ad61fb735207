"""Shared model behaviour."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import models


class NormalizedNameModel(models.Model):
    """Keeps `normalized_name` in step with `name` before validation and on every save.

    Validation needs it too: unique constraints on the normal form are checked by full_clean().
    """

    normalizer: Callable[[str], str]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.normalize()

    def normalize(self) -> None:
        self.normalized_name = type(self).normalizer(self.name)


class CanonicalFieldsModel(models.Model):
    """Brings identifiers entered in another accepted form (an orcid.org URL, a doi.org link,
    lower-case currency) to their stored form before the field validators see them.

    A value that cannot be brought to form is left as entered, so the validator reports it.
    """

    field_normalizers: dict[str, Callable[[str], str]] = {}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.canonicalize_fields()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        self.canonicalize_fields()
        super().clean_fields(exclude=exclude)

    def canonicalize_fields(self) -> None:
        for field_name, normalizer in self.field_normalizers.items():
            value = getattr(self, field_name)
            if value in (None, ""):
                setattr(self, field_name, None if self._meta.get_field(field_name).null else "")
                continue
            try:
                setattr(self, field_name, normalizer(value))
            except ValidationError:
                continue  # the field validator reports it, in the form's own words
