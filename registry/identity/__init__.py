"""Identity resolution: one registry record per person and per organization, however the sources name them."""
