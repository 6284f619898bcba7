"""The layer rule: Qt lives in coachdesk/ui/ and the app's entry point only, so the core runs headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import coachdesk

PACKAGE = Path(coachdesk.__file__).parent
QT_ALLOWED = {"ui", "app.py"}


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_qt_is_imported_only_by_the_ui_and_the_entry_point() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files()
        if path.relative_to(PACKAGE).parts[0] not in QT_ALLOWED
        and any(m.split(".")[0] in {"PySide6", "shiboken6"} for m in imported_modules(path))
    ]
    assert offenders == []


def test_dependencies_point_one_way() -> None:
    """Models know nothing of services; services and sync know nothing of the UI or the CLI."""
    rules = {
        "models": ("coachdesk.services", "coachdesk.ui", "coachdesk.cli"),
        "services": ("coachdesk.ui", "coachdesk.cli", "coachdesk.reports"),
        "reports": ("coachdesk.ui", "coachdesk.cli"),
        "sync": ("coachdesk.ui", "coachdesk.cli", "coachdesk.reports"),
    }
    offenders = []
    for folder, forbidden in rules.items():
        for path in (PACKAGE / folder).rglob("*.py"):
            bad = [m for m in imported_modules(path) if m.startswith(forbidden)]
            if bad:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {bad}")
    assert offenders == []


def test_the_whole_core_runs_without_loading_qt() -> None:
    core = [
        "coachdesk." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in python_files()
        if p.relative_to(PACKAGE).parts[0] not in QT_ALLOWED | {"__main__.py", "migrations"}
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
