"""NumPy arrays and pandas Series/DataFrames where the evaluation takes
arrays: turned into int64 data in the library's order, or refused with a
message that says the shape expected. NumPy and pandas are optional: they
are imported only when such an object is passed."""
from typing import Any, List, Optional, Sequence, Tuple


def _is_pandas(obj: Any) -> bool:
    return hasattr(obj, "to_numpy") and hasattr(obj, "index") and hasattr(obj, "ndim")


def _is_numpy(obj: Any) -> bool:
    return hasattr(obj, "__array_interface__") and hasattr(obj, "dtype")


def _by_name(obj: Any, names: Sequence[str], what: str, unit: str) -> Any:
    """A Series' index or a DataFrame's columns matched to the criterion
    names: reordered by name, or taken in order when numbered 0..K-1."""
    labels = list(obj.index if obj.ndim == 1 else obj.columns)
    text = [str(label) for label in labels]
    if sorted(text) == sorted(names) and len(set(text)) == len(text):
        order = [labels[text.index(n)] for n in names]
        return obj.reindex(order) if obj.ndim == 1 else obj[order]
    if labels == list(range(len(labels))):
        return obj
    kind = type(obj).__name__
    axis = "an index" if obj.ndim == 1 else "columns"
    raise ValueError(f"{what}: a {kind} of {unit} needs {axis} naming the criteria "
                     f"{list(names)} (or numbered 0..{len(names) - 1}); it has {text}")


def _int64(arr: Any, what: str, unit: str) -> Any:
    import numpy as np
    if arr.dtype.kind not in "iu":
        raise TypeError(f"{what} must be integers ({unit}), not {arr.dtype}")
    if arr.dtype.kind == "u" and arr.size and int(arr.max()) > np.iinfo(np.int64).max:
        raise OverflowError(f"{what}: a value does not fit in int64")
    return np.ascontiguousarray(arr, dtype=np.int64)


def weights(obj: Any, criteria: Sequence[str], *, single: bool) -> Any:
    """Weights (basis points) from a NumPy array or a pandas Series or
    DataFrame as a flat int64 array, rows being weight vectors; None for
    anything else. ``single``: exactly one vector is expected."""
    if _is_pandas(obj):
        obj = _by_name(obj, criteria, "weights", "weights")
        arr = obj.to_numpy()
    elif _is_numpy(obj):
        arr = obj
    else:
        return None
    arr = _int64(arr, "weights", "basis points")
    k = len(criteria)
    if arr.ndim > 2 or (arr.ndim == 2 and arr.shape[1] != k):
        raise ValueError(f"weights: an array of shape {arr.shape}; expected ({k},) for one "
                         f"vector or (M, {k}) for M vectors, one column per criterion")
    if single and arr.ndim == 2 and arr.shape[0] != 1:
        raise ValueError(f"weights: one vector of {k} criteria expected, not {arr.shape[0]} "
                         f"rows (score many vectors with bulk())")
    return arr.reshape(-1)


def table(obj: Any, tenders: Optional[Sequence[str]], criteria: Optional[Sequence[str]]
          ) -> Optional[Tuple[Any, Optional[Sequence[str]], Optional[Sequence[str]]]]:
    """Tender values from a DataFrame (rows tenders, columns criteria) or a
    2-D NumPy array: (flat data, tender names, criterion names), the names
    taken from the frame's labels unless given; None for anything else."""
    if _is_pandas(obj):
        if obj.ndim != 2:
            raise ValueError("values: a Series is one column; pass a DataFrame with one row "
                             "per tender and one column per criterion")
        if criteria is not None:
            obj = _by_name(obj, criteria, "values", "tender values")
        elif list(obj.columns) != list(range(obj.shape[1])):
            criteria = [str(c) for c in obj.columns]
        if tenders is None and list(obj.index) != list(range(obj.shape[0])):
            tenders = [str(t) for t in obj.index]
        arr = obj.to_numpy()
    elif _is_numpy(obj):
        arr = obj
        if arr.ndim != 2:
            return None  # a flat buffer of tenders x criteria, read in place as before
    else:
        return None
    if arr.dtype.kind == "O":  # Money objects or Python ints: checked one by one in C
        from ._money import Money
        flat = [v.minor if isinstance(v, Money) else v for v in arr.reshape(-1).tolist()]
        return flat, tenders, criteria
    return _int64(arr, "values", "minor units and scores").reshape(-1), tenders, criteria
