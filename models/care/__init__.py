"""The home-service ledger (上门服务台账): residents who need help at home and the services done for them.

The package's public face: callers use `models.care.<name>`."""

from __future__ import annotations

from models.care.ledger import (  # noqa: F401
    CareProblem,
    Due,
    add_need,
    due_on,
    end_need,
    from_monitoring,
    history,
    needs,
    plan,
    record,
    record_round_sampling,
    waiting_items,
)
from models.care.tables import (  # noqa: F401
    MAX_EVERY,
    NEED_LABELS,
    NEED_PERSONAL,
    SERVICE_LABELS,
    SERVICE_PERSONAL,
    HomeNeed,
    HomeService,
    NeedKind,
    ServiceKind,
)
