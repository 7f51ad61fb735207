"""`manage.py bench --only statements`: the statement parser's figure alone, without a database."""

import json

from django.core.management import call_command


def test_only_statements_reports_the_parser_figure_alone(tmp_path):
    out = tmp_path / "bench.json"
    call_command("bench", "--only", "statements", "--json", str(out), verbosity=0)
    result = json.loads(out.read_text("utf-8"))
    assert [(f["name"], f["unit"], f["target"]) for f in result["figures"]] == [
        ("statement parsing", "statements/s", 5000.0)
    ]
    figure = result["figures"][0]
    assert figure["value"] > 0  # speed itself is the benchmark's to report, not a test's
    assert figure["note"].startswith("CPU time on one core, median of 20 passes over the 127 eLife/PLOS")
    assert result["planted"] == {}
