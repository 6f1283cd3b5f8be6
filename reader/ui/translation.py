"""Loading the UI translation: the ``.ts`` source ships, the ``.qm`` is compiled once into the cache.

No generated file lives in git: the first start in a language runs
``lrelease`` (it ships in the PySide6-Essentials wheel) and later starts load
the cached ``.qm`` as long as it is newer than its source.
"""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.ui.resources import resources_dir

log = logging.getLogger(__name__)


def lrelease() -> str | None:
    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    import shutil

    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled(ts: Path, cache_dir: Path) -> Path | None:
    qm = cache_dir / ts.with_suffix(".qm").name
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = lrelease()
    if tool is None:
        log.warning("no lrelease found; the UI stays in English")
        return None
    import subprocess  # only on the first start in a language

    cache_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, timeout=30, check=False
    )
    if result.returncode != 0 or not qm.exists():
        log.warning("lrelease failed on %s: %s", ts, result.stderr.strip())
        return None
    return qm


def load_translator(app: QCoreApplication, locale: QLocale, cache_dir: Path) -> QTranslator | None:
    for name in locale.uiLanguages():
        language = name.replace("-", "_").split("_")[0]
        if language == "en":
            return None
        ts = resources_dir() / "translations" / f"reader_{language}.ts"
        if not ts.exists():
            continue
        qm = compiled(ts, cache_dir)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            log.info("UI translation %s loaded", qm.name)
            return translator
    return None
