"""The garbage collector's threshold during a bulk import: raised within, put back after."""

import gc
import threading

from registry.importers.collection import YOUNG_THRESHOLD, young_collections_spaced


def test_the_youngest_generation_is_collected_less_often_within_and_as_before_after():
    before = gc.get_threshold()
    with young_collections_spaced():
        assert gc.get_threshold() == (max(YOUNG_THRESHOLD, before[0]), *before[1:])
        with young_collections_spaced():  # nested: the same
            assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
        assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
    assert gc.get_threshold() == before


def test_the_threshold_is_put_back_after_a_failure_and_when_uses_overlap():
    before = gc.get_threshold()
    try:
        with young_collections_spaced():
            raise RuntimeError
    except RuntimeError:
        pass
    assert gc.get_threshold() == before
    # Two threads, the first leaving before the second: the last to leave puts back what the first found.
    entered, first_left = threading.Event(), threading.Event()

    def second():
        with young_collections_spaced():
            entered.set()
            first_left.wait(5)

    with young_collections_spaced():
        thread = threading.Thread(target=second)
        thread.start()
        entered.wait(5)
    assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
    first_left.set()
    thread.join(5)
    assert gc.get_threshold() == before
