"""REVIEWER_CONFLICT over articles as the JATS importer records them: the handling editor of one
article co-authored another in the registry with one of its authors."""

import pytest

from registry.importers import import_jats_paths
from tests.audits.helpers import audit, summaries

pytestmark = pytest.mark.django_db


def contrib(kind: str, given: str, family: str, institution: str) -> str:
    return (
        f'<contrib contrib-type="{kind}"><name><surname>{family}</surname><given-names>{given}</given-names></name>'
        f"<aff><institution>{institution}</institution></aff></contrib>"
    )


def jats(doi: str, title: str, year: int, authors: list[str], editors: list[str] = ()) -> str:
    group = f'<contrib-group content-type="section">{"".join(editors)}</contrib-group>' if editors else ""
    return (
        "<article><front><journal-meta><journal-title-group><journal-title>eLife</journal-title>"
        f'</journal-title-group></journal-meta><article-meta><article-id pub-id-type="doi">{doi}</article-id>'
        f"<title-group><article-title>{title}</article-title></title-group>"
        f"<contrib-group>{''.join(authors)}</contrib-group>{group}"
        f'<history><date date-type="received"><day>1</day><month>2</month><year>{year}</year></date></history>'
        f'<pub-date date-type="pub"><day>1</day><month>9</month><year>{year}</year></pub-date>'
        "</article-meta></front></article>"
    )


VESTERGAARD = contrib("author", "Annelise", "Vestergaard", "Kyoto University")


def test_an_editor_who_coauthored_with_an_author_in_the_registry_is_flagged(tmp_path):
    earlier = tmp_path / "earlier.xml"
    earlier.write_text(
        jats(
            "10.7554/eLife.90001",
            "Zebrafish retina",
            2022,
            [VESTERGAARD, contrib("author", "Hideyuki", "Okano", "Keio University")],
        ),
        encoding="utf-8",
    )
    handled = tmp_path / "handled.xml"
    handled.write_text(
        jats(
            "10.7554/eLife.90002",
            "Zebrafish tectum",
            2024,
            [VESTERGAARD, contrib("author", "Bo", "Chen", "Osaka University")],
            [contrib("editor", "Hideyuki", "Okano", "Keio University")],
        ),
        encoding="utf-8",
    )
    assert import_jats_paths([earlier, handled]).ok

    assert summaries(audit(["REVIEWER_CONFLICT"])) == [
        "Hideyuki Okano, handling editor of “Zebrafish tectum”, is close to the author Annelise Vestergaard: "
        "they co-authored “Zebrafish retina” (2022-02-01), within 3 years."
    ]
