"""The Linux desktop files and icons: valid for the freedesktop tools, and agreeing with the app."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "resources" / "linux"
ICONS = ROOT / "resources" / "icons"
DESKTOP_FILE = LINUX / "palimpsest.desktop"
APP_ID = "io.github.palimpsest.Palimpsest"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPES = {"text/plain", "text/markdown", "text/html"}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP_FILE.read_text("utf-8"))
    return parser["Desktop Entry"]


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian: apt-get install "
                    f"{'desktop-file-utils' if command[0] == 'desktop-file-validate' else 'appstream'})")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_file_is_valid() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP_FILE))
    # It exits 0 on mere hints; anything it prints beyond a hint is worth fixing.
    complaints = [line for line in result.stdout.splitlines() if ": hint: " not in line]
    assert result.returncode == 0 and not complaints, result.stdout + result.stderr


def test_metainfo_is_valid() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", "--explain", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_opens_articles() -> None:
    entry = desktop_entry()
    assert set(entry["MimeType"].rstrip(";").split(";")) >= MIME_TYPES
    assert entry["Exec"].split()[0] == "palimpsest"
    assert "%F" in entry["Exec"].split()  # several files: two open side by side
    assert entry["Icon"] == "palimpsest"


def test_window_names_the_desktop_file() -> None:
    # Wayland finds the window's icon and menu entry through this name alone.
    source = (ROOT / "desktop" / "app.py").read_text("utf-8")
    assert re.search(r'setDesktopFileName\("palimpsest"\)', source)


def test_metainfo_describes_this_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    releases = component.findall("releases/release")
    assert releases, "no <release> in the metainfo"
    # Releases are listed newest first; bumping __version__ needs a release entry.
    assert releases[0].get("version") == __version__
    assert {m.text for m in component.findall("provides/mediatype")} >= MIME_TYPES
    assert {b.text for b in component.findall("provides/binary")} == {"palimpsest", "palimpsest-cli"}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size: int) -> None:
    assert png_size(ICONS / f"palimpsest-{size}.png") == (size, size)


def test_no_stray_png_icons() -> None:
    assert {p.name for p in ICONS.glob("*.png")} == {f"palimpsest-{s}.png" for s in ICON_SIZES}


def load_script(name: str) -> ModuleType:
    # packaging/ is a folder of scripts, not a package (and `packaging` names a PyPI library).
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icon_script_renders_every_size(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    make_icons = load_script("make_icons")
    assert make_icons.SIZES == ICON_SIZES
    written = make_icons.render(ICONS / "palimpsest.svg", tmp_path)
    assert [png_size(path) for path in written] == [(s, s) for s in ICON_SIZES]
    image = QImage(str(tmp_path / "palimpsest-16.png"))
    opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(16) for y in range(16))
    assert opaque > 16 * 16 // 3, "the 16-pixel icon came out (nearly) empty"
