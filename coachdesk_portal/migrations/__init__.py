"""Alembic migrations of the portal's own database, kept apart from the notebook's: their own scripts and their own
version table, so a portal database and a notebook can never be taken for one another.

`REVISIONS` lists them oldest first; a test keeps it equal to the scripts' own chain.
"""

REVISIONS = ("0001_portal", "0002_natural_keys")
HEAD = REVISIONS[-1]
VERSION_TABLE = "portal_schema_version"
