"""NumPy arrays and pandas Series/DataFrames where the evaluation takes
arrays (Debian's python3-numpy and python3-pandas): read in the library's
order, labels matched to the criteria and tenders, and anything of another
shape or type refused with a message naming the shape expected. A
DataFrame of weights used to be read as its column labels."""
import numpy as np
import pandas as pd
import pytest

import ipart

CRITERIA = ["price", "quality"]


def two():
    return ipart.Evaluation(["price", "quality"], [[100, 8], [120, 9]], tenders=["a", "b"],
                            criteria=CRITERIA)


@pytest.mark.parametrize("weights", [
    np.array([7000, 3000]), np.array([7000, 3000], dtype=np.int32),
    np.array([7000, 3000], dtype=np.uint16), pd.Series([7000, 3000]),
    pd.Series({"quality": 3000, "price": 7000}),
    pd.DataFrame([[3000, 7000]], columns=["quality", "price"]),
    pd.DataFrame([[7000, 3000]]),
])
def test_one_weight_vector_from_numpy_or_pandas(weights):
    e = two()
    assert e.totals(weights) == e.totals([7000, 3000]) == [94000000, 85333333]
    assert e.score(weights) == e.score([7000, 3000])
    assert e.stability(weights) == e.stability([7000, 3000])


def test_a_dataframe_of_weight_vectors_is_a_sweep_by_criterion_name():
    e = two()
    frame = pd.DataFrame({"quality": [5000, 3000], "price": [5000, 7000]})
    sweep = e.bulk(frame, totals=True)
    want = e.bulk([[5000, 5000], [7000, 3000]], totals=True)
    assert list(sweep.winners) == list(want.winners) == [0, 0]
    assert list(sweep.totals) == list(want.totals) == [90000000, 86666667, 94000000, 85333333]
    assert list(e.bulk(np.array([[5000, 5000], [7000, 3000]], dtype=np.int32)).winners) == [0, 0]


@pytest.mark.parametrize("weights, exc, words", [
    (np.array([5000.0, 5000.0]), TypeError, "integers (basis points), not float64"),
    (pd.Series([0.5, 0.5]), TypeError, "integers (basis points)"),
    (pd.DataFrame([[5000, 5000]], columns=["x", "y"]), ValueError,
     "columns naming the criteria ['price', 'quality'] (or numbered 0..1); it has ['x', 'y']"),
    (pd.Series({"price": 5000, "delivery": 5000}), ValueError, "an index naming the criteria"),
    (np.array([[5000, 5000], [3000, 7000]]), ValueError,
     "one vector of 2 criteria expected, not 2 rows (score many vectors with bulk())"),
    (np.zeros((2, 2, 2), dtype=np.int64), ValueError, "expected (2,) for one vector or (M, 2)"),
])
def test_wrong_shapes_and_types_are_refused_with_the_shape_expected(weights, exc, words):
    with pytest.raises(exc) as info:
        two().totals(weights)
    assert words in str(info.value)


def test_a_dataframe_of_values_names_tenders_and_criteria():
    frame = pd.DataFrame({"price": [100, 120], "quality": [8, 9]}, index=["op05", "op11"])
    e = ipart.Evaluation(["price", "quality"], frame)
    assert (e.tenders, e.criteria) == (["op05", "op11"], CRITERIA)
    assert e.totals([5000, 5000]) == two().totals([5000, 5000])
    # Columns in another order are matched to the criteria given.
    swapped = ipart.Evaluation(["price", "quality"], frame[["quality", "price"]],
                               criteria=CRITERIA)
    assert swapped.totals([5000, 5000]) == e.totals([5000, 5000])
    assert e.stability([5000, 5000]).winner == "op05"


def test_money_in_a_dataframe_and_numpy_tables():
    money = pd.DataFrame({"price": [ipart.Money("1.00", "NOK"), ipart.Money("1.20", "NOK")],
                          "quality": [8, 9]})
    assert ipart.Evaluation(["price", "quality"], money).totals([5000, 5000]) == \
        two().totals([5000, 5000])
    table = np.array([[100, 8], [120, 9]], dtype=np.int32)
    assert ipart.Evaluation(["price", "quality"], table).totals([5000, 5000]) == \
        two().totals([5000, 5000])
    with pytest.raises(TypeError):
        ipart.Evaluation(["price", "quality"], np.array([[100.0, 8.0], [120.0, 9.0]]))
    with pytest.raises(ValueError, match="one row per tender"):
        ipart.Evaluation(["price", "quality"], pd.Series([100, 8]))
