"""The code version recorded on each audit run."""

import subprocess
from functools import cache
from pathlib import Path

from django.conf import settings


@cache
def code_version() -> str:
    """The commit the code runs from, with the project version; 'unknown' outside a checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=Path(settings.BASE_DIR),
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return result.stdout.strip() or "unknown"
