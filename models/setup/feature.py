"""The compound, its gates and this station: set up once, sent whole in every bundle."""
from models.setup.settings import SettingRow
from models.setup.site import Compound, Gate, Station
from models.store.registry import Feature, RecordType

FEATURE = Feature(
    name="setup",
    tables=(Compound, Gate, Station, SettingRow),
    records=(RecordType("compound", Compound, whole=True, office_made=True),
             RecordType("gate", Gate, whole=True, office_made=True)),
    counted={"compounds": Compound, "gates": Gate, "stations": Station},
)
