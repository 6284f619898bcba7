"""Runs the portal's migrations on the connection `coachdesk_portal.store` hands over; never opens one of its own."""

from alembic import context

import coachdesk_portal.organisation
import coachdesk_portal.records  # noqa: F401  (their tables belong to the metadata compared below)
from coachdesk_portal.migrations import VERSION_TABLE
from coachdesk_portal.store import PortalBase

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=PortalBase.metadata,
    version_table=VERSION_TABLE,
)
with context.begin_transaction():
    context.run_migrations()
