"""The desktop bundle's inputs (packaging/): the .desktop file, the AppStream metadata, the
PyInstaller spec and the icons agree with each other and with the package. Fast: nothing here
builds the bundle (`make package` and `make package-check` do, docs/packaging.md)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "cxworkshop" / "resources"
ICONS = RESOURCES / "icons"
APP_ID = "org.cxworkshop.CXWorkshop"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "cxworkshop.spec"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in a .desktop file
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def spec_constant(name: str):
    """A constant assigned a literal at the top of the spec (the spec itself only runs inside
    PyInstaller)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} assigns no {name}")


def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_desktop_file_launches_the_app_with_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "CX Workshop"
    assert entry["Exec"].split()[0] == "cxworkshop"
    assert entry["Icon"] == APP_ID == DESKTOP.name.removesuffix(".desktop")
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].split(";")
    assert categories[-1] == "", "Categories must end with a semicolon"
    assert "Office" in categories


def test_the_metainfo_names_the_desktop_file_and_the_release():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    for tag in ("id", "metadata_license", "project_license", "name", "summary", "description",
                "launchable", "content_rating", "releases", "developer/name"):
        element = root.find(tag)
        assert element is not None, f"the metainfo has no <{tag}>"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == desktop_entry()["Name"]
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.findtext("icon") == desktop_entry()["Icon"]
    assert root.find("description/p") is not None
    assert root.find("content_rating").get("type", "").startswith("oars-")
    assert root.find("releases/release").get("version") == project_version()


def test_the_app_id_is_one_name_everywhere():
    from cxworkshop.ui.app import APP_ID as app_id

    assert spec_constant("APP_ID") == app_id == APP_ID
    assert f"APP_ID={APP_ID}\n" in (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")


def test_the_spec_names_every_resources_folder():
    folders = {"."} | {p.name for p in RESOURCES.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert set(spec_constant("RESOURCE_FOLDERS")) == folders


def test_the_icon_is_an_svg_with_pngs_of_the_sizes_their_names_say():
    svg = ET.parse(ICONS / "cxworkshop.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    sizes = make_icons().PNG_SIZES
    assert sorted(int(p.stem.rsplit("-", 1)[1]) for p in ICONS.glob("cxworkshop-*.png")) == list(sizes)
    for size in sizes:
        assert png_size(ICONS / f"cxworkshop-{size}.png") == (size, size)


def test_the_windows_and_macos_icon_files_hold_every_size():
    tool = make_icons()
    ico = (PACKAGING / "icons" / "cxworkshop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(tool.ICO_SIZES))
    for i, size in enumerate(tool.ICO_SIZES):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i:22 + 16 * i])
        assert width == height == size % 256
        assert ico[offset + 16:offset + 24] == struct.pack(">II", size, size)
    icns = (PACKAGING / "icons" / "cxworkshop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    found, at = {}, 8
    while at < len(icns):
        kind, length = icns[at:at + 4].decode("ascii"), struct.unpack(">I", icns[at + 4:at + 8])[0]
        found[kind] = struct.unpack(">II", icns[at + 24:at + 32])[0]
        at += length
    assert found == dict(tool.ICNS_TYPES)


def test_the_window_gets_the_icon_at_every_size(qapp):
    from cxworkshop.ui.app import app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(make_icons().PNG_SIZES)


@pytest.mark.parametrize("script", ["linux/install.sh", "check-bundle.sh"])
def test_the_shell_scripts_parse(script):
    result = subprocess.run(["sh", "-n", str(PACKAGING / script)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (Debian/Ubuntu: apt install appstream)")
def test_appstreamcli_validates_the_metainfo():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian/Ubuntu: apt install "
                           "desktop-file-utils)")
def test_desktop_file_validate_accepts_the_desktop_file():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout
