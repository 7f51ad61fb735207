"""measure_throughput: what `manage.py bench` will report for the parser (speed itself is not tested here)."""

import pytest

from registry.parsing.authors import author_index
from registry.parsing.benchmark import measure_throughput

RECORDS = [
    {
        "statement": "JFM: Reviewing editor, eLife. || The other authors declare no competing interests.",
        "authors": ["Jeff F Miller", "Ana Lopez"],
    },
    {"statement": "The author declares no conflicts of interest.", "authors": ["Tor-Morten Kvam"]},
]


def test_throughput_is_statements_per_second():
    assert measure_throughput(RECORDS, repeat=3) > 0


def test_every_pass_meets_each_author_list_anew():
    measure_throughput(RECORDS * 2, repeat=3)
    # The last pass began with no author list known: each of the two was new once, then known once.
    info = author_index.cache_info()
    assert (info.misses, info.hits) == (2, 2)


@pytest.mark.parametrize(("records", "repeat"), [([], 3), (RECORDS, 0)])
def test_nothing_to_measure_is_an_error(records, repeat):
    with pytest.raises(ValueError):
        measure_throughput(records, repeat=repeat)
