"""Every write of aipdesk as an operation, in one place (see `aipdesk.services.operation`).

The window runs these through its runner and keeps their inverses for undo; the
command line runs the same ones through the service calls beside them.
"""

from aipdesk.services.batch import WriteValues
from aipdesk.services.maintenance import RestoreBackup
from aipdesk.services.operation import (
    NOTHING,
    Operation,
    ReplacingOperation,
    Result,
    Steps,
    Versions,
    Work,
    label_of,
)
from aipdesk.services.projects import (
    AddMetric,
    AddProject,
    ChangeMetric,
    ChangeProject,
    RemoveMetric,
    RemoveProject,
    TrackMetric,
    UntrackMetric,
)
from aipdesk.services.targets import CopyTargets, RemoveTarget, SetTarget
from aipdesk.services.values import SetCells

__all__ = [
    "NOTHING",
    "AddMetric",
    "AddProject",
    "ChangeMetric",
    "ChangeProject",
    "CopyTargets",
    "Operation",
    "RemoveMetric",
    "RemoveProject",
    "RemoveTarget",
    "ReplacingOperation",
    "RestoreBackup",
    "Result",
    "SetCells",
    "SetTarget",
    "Steps",
    "TrackMetric",
    "UntrackMetric",
    "Versions",
    "Work",
    "WriteValues",
    "label_of",
]
