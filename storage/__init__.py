"""SQLite storage: the database handle, migrations and one repository module per aggregate.

All SQL in echobot lives in this package. Repositories take a `Reader` (or a `Tx` when
they write) and return domain models from `echobot.models`.
"""

from echobot.storage.database import Database, Reader, SchemaError, Tx

__all__ = ["Database", "Reader", "SchemaError", "Tx"]
