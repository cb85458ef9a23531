import datetime as dt

from newsweave.annotate.timevalues import intervals_meet, value_interval


def test_value_intervals():
    assert value_interval("2020-11-20") == (dt.date(2020, 11, 20), dt.date(2020, 11, 20))
    assert value_interval("2020-W47") == (dt.date(2020, 11, 16), dt.date(2020, 11, 22))
    assert value_interval("2020-12") == (dt.date(2020, 12, 1), dt.date(2020, 12, 31))
    assert value_interval("1994") is None and value_interval("P6W") is None and value_interval("2020-02-30") is None


def test_last_week_meets_the_tenth_in_a_report_of_the_twentieth():
    assert intervals_meet(value_interval("2020-W46"), value_interval("2020-11-10"))
    assert not intervals_meet(value_interval("2020-11-15"), value_interval("2020-11-25"))
