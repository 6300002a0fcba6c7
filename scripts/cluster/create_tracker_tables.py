"""Create the tracker store's tables in PostgreSQL once, before the Rasa servers start.

Rasa's SQLTrackerStore creates its tables itself at start-up; two servers starting
side by side race to do it and one of them logs an error ("relation already
exists") or waits 5 s and retries. Creating them first, with Rasa's own table
definitions, avoids both. Settings come from the same environment variables as
deploy/endpoints.cluster.yml (HANDLEVEJ_PG_HOST, _PORT, _DB, _USER, _PASSWORD).
Waits up to 60 s for the database to accept connections.
"""

from __future__ import annotations

import os
import sys
import time
import warnings


def main() -> int:
    warnings.simplefilter("ignore")
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore

    env = os.environ
    url = SQLTrackerStore.get_db_url(
        "postgresql", env["HANDLEVEJ_PG_HOST"], int(env["HANDLEVEJ_PG_PORT"]), env["HANDLEVEJ_PG_DB"],
        env["HANDLEVEJ_PG_USER"], env["HANDLEVEJ_PG_PASSWORD"],
    )
    engine = sa.create_engine(url)
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                SQLTrackerStore.Base.metadata.create_all(engine)
                return 0
            except sa.exc.OperationalError as error:
                if time.monotonic() > deadline:
                    print(f"create_tracker_tables: database not reachable: {error}", file=sys.stderr)
                    return 1
                time.sleep(2)
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
