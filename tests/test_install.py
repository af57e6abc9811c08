"""A non-editable install (`pip install .` into a clean venv) finds migrations and catalogue."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_install_finds_db_folder(tmp_path: Path) -> None:
    # Build the wheel from a copy of the sources, so nothing of the checkout can leak in.
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "*.sqlite*", "__pycache__", ".*_cache", "build", "dist"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(wheels), str(source)], check=True, capture_output=True)
    (wheel,) = wheels.glob("aipdesk-*.whl")

    clean = tmp_path / "venv"
    venv.create(clean, with_pip=True)
    python = clean / "bin" / "python"
    if not python.exists():  # Windows layout
        python = clean / "Scripts" / "python.exe"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    # The dependencies come from this test's environment through a path file; aipdesk
    # itself must come from the clean venv (a .pth line does not process nested .pth files,
    # so the editable install of the checkout stays invisible).
    site = Path(subprocess.run([str(python), "-c", "import sysconfig;"
                                "print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    db = workdir / "x.sqlite"
    probe = subprocess.run(
        [str(python), "-c",
         "import aipdesk, aipdesk.paths as p, json;"
         "print(json.dumps([aipdesk.__file__, str(p.migrations_dir()), str(p.catalogue_file())]))"],
        cwd=workdir, check=True, capture_output=True, text=True)
    package, migrations, catalogue = json.loads(probe.stdout)
    assert package.startswith(str(site))
    assert migrations.startswith(str(site)) and Path(migrations, "env.py").is_file()
    assert catalogue.startswith(str(site)) and Path(catalogue).is_file()

    for args in (["init"], ["status", "--year", "2021", "--json"]):
        result = subprocess.run([str(python), "-m", "aipdesk", *args, "--db", str(db)],
                                cwd=workdir, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert any(r["project"] == "NEUSTART" and r["target"] == 700 for r in rows)

