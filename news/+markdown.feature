Markdown import (REST, the ``@@recap-import`` form and the
``confrecap-import`` command) and export (``@@recap.md``).
