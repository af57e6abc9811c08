"""The page of the Controllingbericht: A4 in millimetres, fonts, text that fits its box,
header and footer, and the flow of blocks onto pages.

Everything is measured in millimetres and turned into the device's pixels here, so the
same pages paint on a `QPdfWriter` (the PDF/A file) and on a `QPrinter` (printing and
its preview) at whatever resolution they have.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait, mm
MARGIN = 15.0
HEADER = 12.0  # the header band below the top margin
FOOTER = 10.0
BODY_TOP = MARGIN + HEADER
BODY_BOTTOM = PAGE_H - MARGIN - FOOTER
BODY_W = PAGE_W - 2 * MARGIN
FAMILY = "DejaVu Sans"  # shipped with most Linux systems; Qt falls back to a sans serif

INK = QColor("#262626")  # Ist, text: dark
GREY = QColor("#a6a6a6")  # Vorjahr
LIGHT = QColor("#e6e6e6")  # rules, shading
MUTED = QColor("#595959")  # secondary text
GOOD = QColor("#3a8a2e")  # positive deviation
BAD = QColor("#d1262b")  # negative deviation
AMBER = QColor("#c78a00")
WHITE = QColor("#ffffff")

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


class Canvas:
    """A painter on one paged device, addressed in millimetres from the paper's corner."""

    def __init__(self, painter: QPainter, device: QPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.dpi = float(device.logicalDpiX())
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def px(self, mm: float) -> float:
        return mm * self.dpi / 25.4

    def mm(self, px: float) -> float:
        return px * 25.4 / self.dpi

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.px(x), self.px(y), self.px(w), self.px(h))

    def font(self, size: float = 8.0, bold: bool = False) -> QFont:
        key = (size, bold)
        if key not in self._fonts:
            font = QFont(FAMILY)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(size)
            font.setBold(bold)
            # No ligatures: the PDF's text reads back as typed ("beruflich", not "beruﬂich"),
            # for search, copying and the archive.
            font.setFeature(QFont.Tag("liga"), 0)
            self._fonts[key] = font
        return self._fonts[key]

    def metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(self.font(size, bold), self.device)

    def width(self, text: str, size: float = 8.0, bold: bool = False) -> float:
        return self.mm(self.metrics(size, bold).horizontalAdvance(text))

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        size: float = 8.0,
        bold: bool = False,
        align: Qt.AlignmentFlag = LEFT,
        color: QColor = INK,
    ) -> None:
        """One line in the box; cut with "…" where it does not fit."""
        metrics = self.metrics(size, bold)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.px(w))
        self.painter.setFont(self.font(size, bold))
        self.painter.setPen(color)
        self.painter.drawText(self.rect(x, y, w, h), int(align), shown)

    def wrapped_height(self, text: str, w: float, size: float = 8.0, bold: bool = False) -> float:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        box = self.metrics(size, bold).boundingRect(QRectF(0, 0, self.px(w), 1e6), flags, text)
        return self.mm(box.height())

    def paragraph(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        size: float = 8.0,
        color: QColor = INK,
        bold: bool = False,
    ) -> float:
        """Text wrapped at `w`; returns its height."""
        height = self.wrapped_height(text, w, size, bold)
        self.painter.setFont(self.font(size, bold))
        self.painter.setPen(color)
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        self.painter.drawText(self.rect(x, y, w, height + 1), flags, text)
        return height

    def line(
        self, x1: float, y1: float, x2: float, y2: float, color: QColor = INK, width: float = 0.2
    ) -> None:
        pen = QPen(color)
        pen.setWidthF(self.px(width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.painter.setPen(pen)
        self.painter.drawLine(QLineF(self.px(x1), self.px(y1), self.px(x2), self.px(y2)))

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: QColor | None = None,
        outline: QColor | None = None,
        width: float = 0.25,
    ) -> None:
        """A rectangle; negative heights are drawn downwards from `y` as well."""
        if h < 0:
            y, h = y + h, -h
        if outline is not None:
            pen = QPen(outline)
            pen.setWidthF(self.px(width))
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            self.painter.setPen(pen)
            # The outline inside the box, so an outlined bar is as tall as a solid one.
            inset = width / 2
            x, y, w, h = x + inset, y + inset, max(w - width, 0), max(h - width, 0)
        else:
            self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(fill) if fill is not None else Qt.BrushStyle.NoBrush)
        self.painter.drawRect(self.rect(x, y, w, h))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)

    def hatch(self, x: float, y: float, w: float, h: float, color: QColor = INK) -> None:
        """A box hatched with diagonal lines (the forecast), drawn as lines: PDF/A-1 wants
        no pattern transparency."""
        if h < 0:
            y, h = y + h, -h
        self.box(x, y, w, h, fill=WHITE, outline=color, width=0.2)
        self.painter.save()
        self.painter.setClipRect(self.rect(x, y, w, h))
        step = 1.0
        offset = -h
        while offset < w:
            self.line(x + offset, y + h, x + offset + h, y, color, 0.18)
            offset += step
        self.painter.restore()

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.px(x), self.px(y))


@dataclass
class Block:
    """Something of fixed height that goes on a page: `paint(canvas, top)` draws it
    across the body's width from `top` (mm)."""

    height: float
    paint: Callable[[Canvas, float], None]
    # Start a new page before this block (a project begins on its own page).
    new_page: bool = False
    # Painted on top of each page this block's section continues onto.
    continued: Block | None = None
    gap: float = 0.0  # space above the block (none at the top of a page)
    keep_with_next: bool = False  # a heading never stands alone at the foot of a page


def flow(blocks: Sequence[Block]) -> list[list[tuple[Block, float]]]:
    """The blocks placed onto pages: (block, top) per page; a block that does not fit
    where it would start goes to the next page, after its section's "continued" line."""
    pages: list[list[tuple[Block, float]]] = []
    top = BODY_BOTTOM + 1.0  # nothing placed yet: the first block opens a page
    heading: Block | None = None
    for position, block in enumerate(blocks):
        needed = block.gap + block.height
        if block.keep_with_next and position + 1 < len(blocks):
            following = blocks[position + 1]
            needed += following.gap + following.height
        if block.new_page:
            heading = block.continued
            top = BODY_BOTTOM + 1.0
        if block.new_page or top + needed > BODY_BOTTOM:
            pages.append([])
            top = BODY_TOP
            if not block.new_page and heading is not None:
                pages[-1].append((heading, top))
                top += heading.height + 2.0
        elif pages[-1]:
            top += block.gap
        pages[-1].append((block, top))
        top += block.height
    return pages
