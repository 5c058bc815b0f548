"""Run in a separate process against a scratch database and media directory (test_backup_restore.py):

    copy the test site there (restore_site of the session's backup), back it up with backup_site,
    wipe it (flush, delete the media), restore_site the new archive, and report what is there.

Separate, because restoring replaces the whole database: the test session's own database keeps the
demo content for every other test.
"""

import json
import shutil
import sys
from pathlib import Path

import django


def main(archive: str, workdir: str) -> None:
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from tests.backups.state import site_state

    work = Path(workdir)
    call_command("restore_site", archive, "--no-input", "--no-index", verbosity=0)
    call_command("backup_site", "--output-dir", str(work / "second"), verbosity=0)
    (second,) = (work / "second").glob("backup-*.tar.gz")

    call_command("flush", "--no-input", verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    wiped = site_state()

    call_command("restore_site", str(second), "--no-input", verbosity=0)
    print(json.dumps({"wiped": wiped, "restored": site_state(search=True)}))


if __name__ == "__main__":
    main(*sys.argv[1:])
