"""Runs migrations on the connection `coachdesk.storage` hands over; never opens one of its own."""

from alembic import context

from coachdesk.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_name=lambda name, type_, _parent: not (type_ == "table" and name and name.startswith("search_")),
)
with context.begin_transaction():
    context.run_migrations()
