"""Render resources/icons/palimpsest.svg into the PNG sizes desktops look for.

Run it after changing the SVG (`python packaging/make_icons.py`); the PNGs are
committed, so neither a build nor an install needs Qt's SVG support to draw them.
Needs no screen: it sets QT_QPA_PLATFORM=offscreen unless one is chosen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
#: The hicolor theme's usual application sizes.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_name(size: int) -> str:
    """The file name of the PNG icon of `size` pixels, beside the SVG."""
    return f"palimpsest-{size}.png"


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write one square PNG per size from `svg` into `out_dir`; returns their paths."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # QPainter on text needs fonts
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / png_name(size)
        if not image.save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the icon set; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICONS / "palimpsest.svg")
    parser.add_argument("--out", type=Path, default=ICONS, help="folder for the PNGs (default: beside the SVG)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
