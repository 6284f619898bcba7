"""Alembic migrations of the notebook schema.

`REVISIONS` lists them oldest first so that opening an up-to-date notebook needs no Alembic import (it costs
about 0.4 s); a test keeps this list equal to the scripts' own chain.
"""

REVISIONS = ("0001_core", "0002_search", "0003_meeting_goals", "0004_sync_outbox")
HEAD = REVISIONS[-1]
