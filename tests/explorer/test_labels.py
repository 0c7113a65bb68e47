"""Label reveal scales: the most important label shows first, none lands on another."""

from __future__ import annotations

import random

import numpy as np

from explorer.labels import CHAR_EM, LABEL_PX, LINE_EM, MAX_FONT, MAX_LABEL_PX, font_sizes, reveal_scales


def boxes_at(scale: float, xs: list[float], ys: list[float], sizes: list[float], labels: list[str],
             shown: list[int]) -> list[tuple[float, float, float, float]]:
    """Screen boxes (left, top, right, bottom) of the shown labels at this scale, 16 px text under each node."""
    out = []
    for i in shown:
        half = len(labels[i]) * CHAR_EM * MAX_LABEL_PX / 2
        x, top = xs[i] * scale, (ys[i] + sizes[i]) * scale
        out.append((x - half, top, x + half, top + LINE_EM * MAX_LABEL_PX))
    return out


def overlaps(boxes: list[tuple[float, float, float, float]]) -> int:
    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:]
               if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_reveal_scales_first_label_always_and_close_ones_later() -> None:
    scales = reveal_scales([0, 10, 1000], [0, 0, 0], [5, 5, 5], ["Alpha", "Beta", "Gamma"])
    assert scales[0] == 0
    assert scales[1] > 3 and scales[2] < 0.2  # a close neighbour waits for a deep zoom, a far one barely


def test_reveal_scales_no_two_labels_overlap_at_any_zoom() -> None:
    rnd = random.Random(3)
    n = 120
    xs, ys = [rnd.uniform(-600, 600) for _ in range(n)], [rnd.uniform(-400, 400) for _ in range(n)]
    sizes = [rnd.uniform(8, 36) for _ in range(n)]
    labels = ["".join(rnd.choice("abcdefgh") for _ in range(rnd.randint(3, 20))) for _ in range(n)]
    scales = reveal_scales(xs, ys, sizes, labels)
    for zoom in (0.2, 0.45, 1.0, 2.5):
        shown = [i for i in range(n) if scales[i] <= zoom]
        assert overlaps(boxes_at(zoom, xs, ys, sizes, labels, shown)) == 0, zoom
    counts = [sum(scales <= zoom) for zoom in (0.2, 0.45, 1.0, 2.5)]
    assert counts == sorted(counts) and counts[0] < counts[-1]  # labels come in as you zoom in


def test_font_sizes_draw_each_label_from_its_reveal_scale() -> None:
    scales = np.array([0.0, 0.5, 2.0, 1e-9])
    fonts = font_sizes(scales)
    assert fonts[0] == MAX_FONT and fonts[3] == MAX_FONT
    assert fonts[1] * 0.5 == LABEL_PX and fonts[2] * 2.0 == LABEL_PX
