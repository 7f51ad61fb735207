"""The maintained list of organizations (placeholder until the loader lands)."""

from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIST = Path(__file__).resolve().parents[2] / "fixtures" / "organizations" / "organizations.jsonl"


@dataclass(frozen=True)
class ListRow:
    key: str
    name: str
    aliases: tuple[str, ...] = ()


def read_list(path):
    return []
