"""Which node labels to draw at which zoom: the most important first, none on top of another.

vis-network draws a label only when its font size (canvas units) times the
zoom scale reaches ``scaling.label.drawThreshold`` - 1 and caps it on
screen at ``scaling.label.maxVisible`` (``vis_options`` sets 14 and 16 px).
So a label with font size ``LABEL_PX / s`` appears once the user has zoomed
to scale ``s`` and is then at least 13 px tall on screen.

``reveal_scales`` finds that ``s`` per node: walking the nodes from the most
important, a label may show from the scale at which its box (16 px text
under the node) no longer overlaps the box of any label before it.  Zooming
in spreads the positions apart while the text keeps its screen size, so
labels come in as room appears; the most important one shows at any zoom.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LABEL_PX = 14.0     # vis scaling.label.drawThreshold: on-screen px at which a label appears
MAX_LABEL_PX = 16.0  # vis scaling.label.maxVisible: on-screen px a label never exceeds
CHAR_EM = 0.58      # average glyph width of the canvas sans-serif, in font sizes (a little generous)
LINE_EM = 1.3       # label box height incl. the stroke, in font sizes
PAD_PX = 6.0        # free screen pixels kept between two label boxes
MAX_FONT = 400.0    # canvas font size of labels that fit at any zoom (vis caps them at MAX_LABEL_PX)


def reveal_scales(xs: Sequence[float], ys: Sequence[float], sizes: Sequence[float],
                  labels: Sequence[str]) -> np.ndarray:
    """Per node, in the given order (most important first), the least zoom scale at which its label
    clears the labels of all nodes before it (0 for the first).

    ``xs``/``ys``: node centres and ``sizes``: node radii, in canvas units;
    the label's top sits at the node's bottom (y + size), as vis draws it.
    """
    x, top = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64) + np.asarray(sizes, dtype=np.float64)
    half = np.asarray([len(text) for text in labels], dtype=np.float64) * CHAR_EM * MAX_LABEL_PX / 2
    height = LINE_EM * MAX_LABEL_PX + PAD_PX
    scales = np.zeros(len(x))
    for i in range(1, len(x)):
        across = (half[i] + half[:i] + PAD_PX) / np.maximum(np.abs(x[i] - x[:i]), 1e-9)
        down = height / np.maximum(np.abs(top[i] - top[:i]), 1e-9)
        scales[i] = float(np.minimum(across, down).max())
    return scales


def font_sizes(scales: np.ndarray) -> list[float]:
    """Canvas font sizes that make vis draw each label from its reveal scale on."""
    return [round(float(min(MAX_FONT, LABEL_PX / s)) if s > 0 else MAX_FONT, 2) for s in scales]
