"""Translations: English source strings in the code, German shipped as a Qt .qm file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from aipdesk.paths import resources_dir

LANGUAGES = ("de", "en")
_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install(app: QCoreApplication, lang: str) -> None:
    """Load aipdesk's and Qt's own translations for `lang` (English needs none)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.German if lang == "de" else QLocale.Language.English,
            QLocale.Country.Germany if lang == "de" else QLocale.Country.UnitedKingdom,
        )
    )
    if lang == "en":
        return
    ours = QTranslator(app)
    if not ours.load(f"aipdesk_{lang}", translations_dir()):
        raise FileNotFoundError(f"translation aipdesk_{lang}.qm missing in {translations_dir()}")
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
