"""How often a client may call the API: the public by address, token holders by account.

DRF's own throttles read their rates once, when imported; these read them from settings on every
request, so that a deployment (and a test) can change them without a restart of the import machinery.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _RatesFromSettings:
    scope: str

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class PublicRateThrottle(_RatesFromSettings, AnonRateThrottle):
    """Anonymous readers, counted by their address."""


class AccountRateThrottle(_RatesFromSettings, UserRateThrottle):
    """Editors and auditors, counted by their account whichever address they call from."""
