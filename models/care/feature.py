"""The home-service ledger (上门服务台账): the register and the services; they travel to the office."""
from models.care import demo
from models.care.tables import NEED_PERSONAL, SERVICE_PERSONAL, HomeNeed, HomeService
from models.store.registry import Feature, RecordType, Scrub

FEATURE = Feature(
    name="care",
    tables=(HomeNeed, HomeService),
    records=(RecordType("home_need", HomeNeed, personal=NEED_PERSONAL, since_format=3),
             RecordType("home_service", HomeService, parent=("home_need", "need_id"), personal=SERVICE_PERSONAL,
                        since_format=3)),
    # Someone still on the register keeps their name while help goes on; once it has ended, by age.
    scrubs=(Scrub("home_need", HomeNeed, dict(name="", note=""), "created_at",
                  settled=HomeNeed.ended_at.is_not(None)),
            Scrub("home_service", HomeService, dict(volunteer=None, note=""), "created_at")),
    counted={"home_services": HomeService},
    demo=demo.fill,
)
