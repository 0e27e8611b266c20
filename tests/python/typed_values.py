"""The JSON events of the cases as a host holds them in Python: dates as
``datetime.date``, amounts as ``ipart.Money``, chosen by the kind of each
field (``Event.kind``). Shared by test_event.py and tests/bench/bench_apply.py.

SPDX-License-Identifier: Apache-2.0
"""
from typing import Any

import ipart


def typed_values(p: ipart.Partnership, event: ipart.Event, path: str, value: Any) -> Any:
    """`value`, found at `path` of `event` (the top-level "type" left out),
    with its dates and amounts typed; money in `p`'s currency."""
    if isinstance(value, dict):
        return {k: typed_values(p, event, f"{path}.{k}" if path else k, v)
                for k, v in value.items() if path or k != "type"}
    if isinstance(value, list):
        return [typed_values(p, event, f"{path}[{i}]", v) for i, v in enumerate(value)]
    if isinstance(value, str):
        kind = event.kind(path)
        if kind == ipart.FieldKind.DATE:
            return ipart.parse_date(value)
        if kind == ipart.FieldKind.MONEY:
            return ipart.Money(value, p.currency)
    return value
