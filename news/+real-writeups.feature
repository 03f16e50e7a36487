Markdown import of real-world write-ups (speakers in headings, speaker lines,
tables, link lists, raw HTML/MDX read safely, other formats refused), an
editable review of the plan in ``@@recap-import`` and ``{"plan": …}`` over
REST, and limits on every import (linear parsing, bounded YAML/TOML/Markdown
nesting, a section limit in the control panel, a time budget); profile 1003
adds the section limit's registry record.
