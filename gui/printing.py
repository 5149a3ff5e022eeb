"""Printing pages the core has drawn: each page image fills the printable area, centred, at 300 dpi.

The core renders (models/drawing.py); Qt only hands the images to the system's print dialog.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QWidget


def qimage(pil_image) -> QImage:
    rgb = pil_image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format_RGB888).copy()


def print_pages(parent: QWidget, pages, *, size: str = "A4", title: str = "") -> bool:
    """The system print dialog, then the pages; False when the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from models.kit.drawing import to_image

    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(title or "GateDesk")
    printer.setPageSize(QPageSize(QPageSize.A3 if size == "A3" else QPageSize.A4))
    printer.setPageOrientation(QPageLayout.Portrait)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.Accepted:
        return False
    paint_pages(printer, [to_image(p, 300) for p in pages])
    return True


def paint_pages(printer, images) -> None:
    painter = QPainter(printer)
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            page.moveTo(0, 0)
            img = qimage(image)
            scaled = img.size().scaled(page.size().toSize(), Qt.KeepAspectRatio)
            target = QRectF(page.x() + (page.width() - scaled.width()) / 2,
                            page.y() + (page.height() - scaled.height()) / 2, scaled.width(), scaled.height())
            painter.drawImage(target, img)
    finally:
        painter.end()
