"""The PyInstaller build: it builds, starts, reads every format and installs its desktop files.

Slow (a build takes about 40 s), so the tests of the bundle run only when asked:

    PALIMPSEST_BUILD_TESTS=1 make test                  # builds into a temporary folder
    PALIMPSEST_BUILD_TESTS=1 PALIMPSEST_BUNDLE=dist/palimpsest make test   # tests a `make package`
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.palimpsest.Palimpsest"
#: What a stripped one-folder build may weigh (154 MB when written, about 30 MB more unstripped):
#: a new dependency, or a hook collecting what the spec prunes, shows up here first.
SIZE_BUDGET_MB = 165



@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder build: $PALIMPSEST_BUNDLE if given, else built from this tree."""
    if os.environ.get("PALIMPSEST_BUILD_TESTS") != "1":
        pytest.skip("builds the PyInstaller bundle (slow): set PALIMPSEST_BUILD_TESTS=1")
    given = os.environ.get("PALIMPSEST_BUNDLE")
    if given:
        return Path(given).resolve()
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "palimpsest.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "palimpsest"


@pytest.fixture
def app_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment that keeps the frozen app's settings and library out of the user's."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PALIMPSEST_")}
    env.update(QT_QPA_PLATFORM="offscreen", PALIMPSEST_CONFIG_DIR=str(tmp_path / "config"),
               PALIMPSEST_LIBRARY=str(tmp_path / "unused-library"))
    yield env
    # The app must honour --library: nothing may land in the default place.
    assert not (tmp_path / "unused-library").exists()


def run(program: Path, *args: str, env: dict[str, str], cwd: Path | None = None,
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("program", ["palimpsest", "palimpsest-cli"])
def test_version(bundle: Path, program: str, app_env: dict[str, str]) -> None:
    result = run(bundle / program, "--version", env=app_env)
    assert (result.returncode, result.stdout.strip()) == (0, f"{program} {__version__}"), result.stderr


def test_window_opens_the_samples_and_exits(bundle: Path, tmp_path: Path,
                                            app_env: dict[str, str]) -> None:
    library = tmp_path / "library"
    result = run(bundle / "palimpsest", "--smoke-test", "--library", str(library), env=app_env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    listed = run(bundle / "palimpsest-cli", "--library", str(library), "list", "--json", env=app_env)
    assert listed.returncode == 0, listed.stderr
    # Both seeds, found inside the bundle where desktop/core/bundled.py looks.
    paths = sorted(Path(article["path"]).name for article in json.loads(listed.stdout))
    assert paths == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert all(Path(a["path"]).parent == bundle / "_internal" / "desktop" / "seeds"
               for a in json.loads(listed.stdout))


def test_window_compares_two_files(bundle: Path, tmp_path: Path, app_env: dict[str, str]) -> None:
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    result = run(bundle / "palimpsest", "--smoke-test", "--library", str(tmp_path / "library"),
                 *seeds, env=app_env)
    assert result.returncode == 0, result.stderr


def test_saved_web_page_is_read_by_trafilatura(bundle: Path, tmp_path: Path,
                                              app_env: dict[str, str]) -> None:
    # trafilatura, justext and htmldate read data files at run time: the spec must ship them.
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report on the river bridge, which the council discussed at "
        f"length on Tuesday evening before a vote that surprised many residents.</p>" for n in range(4))
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge repairs</title>'
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
        '<body><nav><a href="/">Home</a> <a href="/news">Navigation menu</a></nav>'
        f"<article><h1>Bridge repairs</h1>{paragraphs}</article>"
        "<footer>Copyright footer text</footer></body></html>", "utf-8")
    result = run(bundle / "palimpsest-cli", "show", str(page), "--json", env=app_env)
    assert result.returncode == 0, result.stderr
    assert '"date": "2024-03-05"' in result.stdout and '"author": "Jane Roe"' in result.stdout
    assert "Paragraph 3 of the report" in result.stdout
    assert "Navigation menu" not in result.stdout, "trafilatura did not run: the whole page was kept"
    assert "WARNING" not in result.stderr, result.stderr


def test_large_import_uses_worker_processes(bundle: Path, tmp_path: Path,
                                           app_env: dict[str, str]) -> None:
    # 200 files or more are read in spawned worker processes, which re-run the frozen
    # executable: without freeze_support in its entry script they would start another CLI.
    from desktop.core.library.importer import PARALLEL_MIN_FILES

    folder = tmp_path / "articles"
    folder.mkdir()
    count = PARALLEL_MIN_FILES + 10
    for n in range(count):
        (folder / f"a{n}.txt").write_text(
            f"Article {n}\n\nThe first paragraph of article number {n}, about day {n}.\n\n"
            f"A second paragraph mentioning token{n} and little else.\n", "utf-8")
    result = run(bundle / "palimpsest-cli", "--library", str(tmp_path / "library"), "import",
                 str(folder), env=app_env)
    assert result.returncode == 0, result.stderr
    assert f"Added: {count}" in result.stdout
    assert result.stderr == "", result.stderr  # e.g. "import worker processes died"


def qt_modules_imported() -> set[str]:
    """The PySide6 modules the app's code imports (`from PySide6.QtGui import …`)."""
    return {match for path in (ROOT / "desktop").rglob("*.py")
            for match in re.findall(r"\bPySide6\.(Qt\w+)", path.read_text("utf-8"))}


def test_bundle_holds_only_the_qt_it_uses(bundle: Path) -> None:
    internal = bundle / "_internal"
    # QtDBus and QtSvg come with the platform and icon plugins.
    allowed = qt_modules_imported() | {"QtDBus", "QtSvg"}
    modules = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert modules <= allowed, modules - allowed
    assert {"QtCore", "QtGui", "QtWidgets"} <= modules
    libraries = {p.name for p in internal.rglob("libQt6*.so*")}
    for unused in ("Qml", "Quick", "Pdf", "WebEngine", "Multimedia", "EglFS"):
        assert not any(f"libQt6{unused}" in name for name in libraries), unused
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    dangling = [str(p) for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_every_bundled_library_finds_what_it_needs(bundle: Path) -> None:
    # What the pruning in the spec removed must not be needed by anything still there.
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed")
    internal = bundle / "_internal"
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}", "PATH": os.defpath}
    shipped = {p.name for p in internal.rglob("*.so*")}
    missing = {}
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True,
                             check=False).stdout
        absent = [line.split()[0] for line in out.splitlines() if "not found" in line]
        # A library we once shipped and pruned; system ones (libxcb-icccm, …) are the user's.
        pruned = [name for name in absent if name.startswith(("libQt6", "libpyside6", "libshiboken6"))
                  or name in shipped]
        if pruned:
            missing[str(path.relative_to(internal))] = pruned
    assert missing == {}


def test_bundle_fits_its_size_budget(bundle: Path) -> None:
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < SIZE_BUDGET_MB * 1024 * 1024, f"{size / 1024 / 1024:.0f} MB"


def test_desktop_files_are_in_the_bundle(bundle: Path) -> None:
    share = bundle / "share"
    assert (share / "applications" / "palimpsest.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "palimpsest.svg").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "palimpsest.png").is_file()
    assert os.access(bundle / "install.sh", os.X_OK)


def test_install_script_installs_and_removes(bundle: Path, tmp_path: Path,
                                            app_env: dict[str, str]) -> None:
    prefix = tmp_path / "prefix dir"  # a space, as in many home folders
    installed = run(bundle / "install.sh", "--prefix", str(prefix), env=app_env)
    assert installed.returncode == 0, installed.stderr
    entry = prefix / "share" / "applications" / "palimpsest.desktop"
    assert f'Exec="{prefix}/bin/palimpsest" %F' in entry.read_text("utf-8")
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True,
                                 check=False)
        assert checked.returncode == 0, checked.stdout
    launched = run(prefix / "bin" / "palimpsest-cli", "--version", env=app_env)
    assert launched.stdout.strip() == f"palimpsest-cli {__version__}", launched.stderr
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "palimpsest.png").is_file()

    removed = run(bundle / "install.sh", "--prefix", str(prefix), "--uninstall", env=app_env)
    assert removed.returncode == 0, removed.stderr
    left = [p for p in prefix.rglob("*") if p.is_file() and p.name not in ("mimeinfo.cache",
                                                                            "icon-theme.cache")]
    assert left == []


def load_runtime_hook() -> ModuleType:
    path = ROOT / "packaging" / "rthook_library_path.py"
    spec = importlib.util.spec_from_file_location("rthook_library_path", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # does nothing to this process: it is not frozen
    return module


@pytest.mark.parametrize(("before", "after"), [
    ({"LD_LIBRARY_PATH": "/b/_internal:/opt/lib", "LD_LIBRARY_PATH_ORIG": "/opt/lib", "HOME": "/h"},
     {"LD_LIBRARY_PATH": "/opt/lib", "HOME": "/h"}),
    ({"LD_LIBRARY_PATH": "/b/_internal", "HOME": "/h"}, {"HOME": "/h"}),
    ({"HOME": "/h"}, {"HOME": "/h"}),
])
def test_children_get_the_users_library_path(before: dict[str, str], after: dict[str, str]) -> None:
    environ = dict(before)
    load_runtime_hook().restore_library_path(environ)
    assert environ == after


@pytest.mark.parametrize("program", ["palimpsest", "palimpsest-cli"])
def test_programs_run_the_runtime_hooks(bundle: Path, program: str) -> None:
    listing = subprocess.run(
        [sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "--list", "--brief",
         str(bundle / program)], capture_output=True, text=True, timeout=60, check=False)
    assert listing.returncode == 0, listing.stderr
    scripts = listing.stdout.split()
    assert "rthook_library_path" in scripts and "pyi_rth_multiprocessing" in scripts
