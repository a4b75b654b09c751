"""The quantity stage takes time linear in its input, whatever a page repeats.

Each payload is a run the genre never writes but a broken page can hold (a table flattened
into one line, a repeated header). Inserted into the seed's body, it once made the stage
quadratic: a regex retried from every position of a long clause, a clause searched again for
every number in it, a recursion as deep as the numeral. The tests compare the time for a
payload of size n with size 2n: linear work gives a ratio near 2, quadratic near 4. Wall
times would depend on the machine; the ratio does not. The garbage collector is paused while
timing, because its full passes grow with the heap and blur the ratio of the algorithm.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from policytext.quantities import extract_deadlines, extract_indicators, find_quantities
from policytext.read.numerals import cn_to_number

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"

# payload builder and the size n (the test also runs 2n)
PAYLOADS = {
    "approx percentages 7%左右": (lambda n: "7%左右" * n, 15_000),
    "amounts 10亿元": (lambda n: "10亿元" * n, 15_000),
    "amounts 12.5万亿元": (lambda n: "12.5万亿元" * n, 10_000),
    "百分之 without a numeral": (lambda n: "百分之" * n, 25_000),
    "numbers joined by 、": (lambda n: "、".join(str(i) for i in range(n)) + "个", 10_000),
    "dates 1月1日": (lambda n: "1月1日" * n, 15_000),
    "分别 before one value": (lambda n: "分别" * n + "达到7%。", 25_000),
    "scale words 千万千万": (lambda n: "千万" * n, 25_000),
}


def _seconds(text: str) -> float:
    # fresh copies defeat the per-text caches of find_quantities
    text = "".join(list(text))
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        find_quantities(text)
        extract_indicators(text)
        extract_deadlines(text, year=2019)
        return time.perf_counter() - t0
    finally:
        gc.enable()


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_time_doubles_at_most_when_the_payload_doubles(name):
    build, n = PAYLOADS[name]
    seed = SEED.read_text(encoding="utf-8")
    mid = len(seed) // 2
    small = seed[:mid] + build(n) + seed[mid:]
    large = seed[:mid] + build(2 * n) + seed[mid:]
    ratios = []
    for _ in range(2):  # a second try absorbs a busy moment of a shared machine
        ratios.append(_seconds(large) / _seconds(small))
        if ratios[-1] < 3:
            break
    assert min(ratios) < 3, f"{name}: time(2n)/time(n) = {min(ratios):.2f}"


def test_a_run_of_scale_words_is_no_numeral():
    with pytest.raises(ValueError):
        cn_to_number("千万" * 1000)  # raised RecursionError before
    assert find_quantities("投资" + "千万" * 1000 + "元") == []
    assert cn_to_number("三千万亿") == 3e15 and cn_to_number("一亿二千万") == 1.2e8
