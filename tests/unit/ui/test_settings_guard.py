"""A corrupt settings file is set aside with a message; the app starts from defaults."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.ui.settings_guard import Problem, backup_path, check_settings, show_settings_problem

GARBAGE = b"\x00\xff[[[reading\x00\nfont_px=\xfe\xfe\n=\x00=\n[\n"


def test_a_corrupt_file_is_kept_as_bak_and_defaults_apply(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_bytes(GARBAGE)
    problem = check_settings(path)
    assert problem is not None and problem.kind is Problem.CORRUPT
    assert problem.backup == backup_path(path) == tmp_path / "settings.ini.bak"
    assert problem.backup.read_bytes() == GARBAGE
    assert not path.exists()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    assert settings.status() == QSettings.Status.NoError
    assert settings.value("reading/font_px", 18) == 18
    text = problem.message()
    assert str(problem.backup) in text
    assert "default settings" in text


def test_a_good_or_missing_file_is_left_alone(tmp_path):
    path = tmp_path / "settings.ini"
    assert check_settings(path) is None
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("reading/font_px", 20)
    settings.sync()
    del settings
    assert check_settings(path) is None
    assert path.exists() and not backup_path(path).exists()


def test_a_file_that_cannot_be_moved_aside_is_still_reported(tmp_path, monkeypatch):
    path = tmp_path / "settings.ini"
    path.write_bytes(GARBAGE)

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "replace", refuse)
    problem = check_settings(path)
    assert problem is not None and problem.backup is None
    assert "could not be moved aside" in problem.message()
    assert "Permission denied" in problem.message()


def test_the_message_box_does_not_block(qtbot, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_bytes(GARBAGE)
    problem = check_settings(path)
    assert problem is not None
    box = show_settings_problem(problem)
    qtbot.addWidget(box)
    assert box.isVisible() and not box.isModal()
    assert str(problem.backup) in box.text()
