"""Test-wide set-up: offscreen Qt, no real user data, loopback fixtures."""

from __future__ import annotations

import os

# Must be set before pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.support.fixtures"]
