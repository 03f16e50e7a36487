"""End to end: a Node client with plain ``fetch`` reads the running server."""

from ..content import SECRET_LIST_URL
from ..content import SECRET_SPEAKER
from ..content import SECRET_TITLE
from ..content import SECRET_URL
from pathlib import Path

import json
import os
import pytest
import shutil
import subprocess


SCRIPT = Path(__file__).parent.parent / "node" / "read_recap.mjs"
NODE = shutil.which("node")


@pytest.mark.skipif(
    NODE is None,
    reason="`node` (>= 18, for fetch) is not installed: apt-get install nodejs",
)
def test_node_fetch_client_reads_the_coverage(coverage, functional_portal):
    env = dict(
        os.environ,
        CONFRECAP_SITE=functional_portal.absolute_url(),
        CONFRECAP_CONFERENCE="pwc2023",
        CONFRECAP_SECRETS=json.dumps(
            [SECRET_SPEAKER, SECRET_URL, SECRET_TITLE, SECRET_LIST_URL]
        ),
    )
    result = subprocess.run(
        [NODE, str(SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 2 recaps, 2 speakers, 1 tool(s)")
