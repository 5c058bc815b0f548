"""The test settings with the media directory of the site being restored (tests/backups/cycle.py)."""

import os
from pathlib import Path

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["RESTORE_MEDIA_ROOT"])
