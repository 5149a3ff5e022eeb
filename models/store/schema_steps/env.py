"""Alembic's environment: always the connection (and transaction) GateDesk opened."""
from alembic import context
from sqlmodel import SQLModel

conn = context.config.attributes["connection"]
context.configure(connection=conn, target_metadata=SQLModel.metadata,
                  render_as_batch=conn.dialect.name == "sqlite")
with context.begin_transaction():  # inside GateDesk's transaction already: nothing more is begun
    context.run_migrations()
