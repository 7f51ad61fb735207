from pathlib import Path

import pytest

from tests.helpers import DATA


@pytest.fixture
def jats_dir() -> Path:
    return DATA / "jats"


@pytest.fixture
def variant(tmp_path):
    """A copy of a test file with text replaced, as a newer or a broken version of it."""

    def make(source: Path, *replacements: tuple[str, str], name: str | None = None) -> Path:
        text = source.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        target = tmp_path / (name or source.name)
        target.write_text(text, encoding="utf-8")
        return target

    return make
