"""Imports between the project's apps point one way: down the layers in README "Layers".

The imports are read from the source with `ast`, so an import hidden inside a function
counts as much as one at the top of a module. A module may import its own app and any
app in a lower layer, never one beside it or above it.
"""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Lowest first. `config` wires everything together and is above every app.
LAYERS = [
    {"home"},
    {"services", "search"},
    {"events"},
    {"editorial", "imports", "api", "notices"},
    {"demo"},
    {"config"},
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}


def project_modules():
    for app in RANK:
        folder = ROOT / app
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def imported_apps(path, app):
    """(line, imported module) for every import of another of our apps in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:  # relative imports stay inside their own package
            continue
        for name in names:
            top = name.split(".")[0]
            if top in RANK and top != app:
                yield node.lineno, name


def violations(modules):
    found = []
    for app, path in modules:
        for line, name in imported_apps(path, app):
            if RANK[name.split(".")[0]] >= RANK[app]:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return found


def test_every_app_is_in_a_layer():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench"}
    }
    assert packages <= set(RANK), f"put {packages - set(RANK)} in a layer"


def test_imports_point_down_the_layers():
    assert violations(project_modules()) == []


@pytest.mark.parametrize(
    ("app", "source", "allowed"),
    [
        ("services", "from events.queries import upcoming_at_venue\n", False),
        ("services", "def f():\n    from events import models\n", False),
        ("home", "import services.models\n", False),
        ("services", "from search.text import index_text\n", False),  # same layer
        ("events", "from services.models import PartnerPage\n", True),
        ("editorial", "from home.translations import complete\n", True),
        ("services", "from .opening import is_open\n", True),
        ("api", "from events.queries import Filters\n", True),
        ("events", "from api.params import BadParameter\n", False),
        ("editorial", "import api.urls\n", False),  # same layer
    ],
)
def test_the_check_catches_an_upward_import(tmp_path, app, source, allowed):
    module = tmp_path / app / "module.py"
    module.parent.mkdir()
    module.write_text(source)
    found = []
    for line, name in imported_apps(module, app):
        if RANK[name.split(".")[0]] >= RANK[app]:
            found.append((line, name))
    assert (found == []) is allowed
