"""Numbers said in words in an estimate (`mock.design._said_in_words`, via final_number):
several words make one number ("twenty one thousand" is 21,000, not 20)."""

from __future__ import annotations

import pytest

from netprep.mock.design import _said_in_words, final_number


@pytest.mark.parametrize("said, value", [
    ("twenty one thousand", 21_000),
    ("about twenty one thousand requests a second", 21_000),
    ("twenty-one thousand", 21_000),
    ("two hundred and fifty", 250),
    ("three hundred twenty one", 321),
    ("a thousand and one", 1_001),
    ("1.5 million", 1_500_000),
    ("one point five million", 1_500_000),
    ("two point five million users", 2_500_000),
    ("a hundred thousand", 100_000),
    ("one million two hundred thousand", 1_200_000),
    ("ninety nine", 99),
    ("seventy five thousand and one hundred", 75_100),
])
def test_a_number_in_several_words_is_one_number(said: str, value: float) -> None:
    assert final_number(said) == value


def test_the_rough_and_the_lone_words_keep_their_reading() -> None:
    assert final_number("half a million a day") == 500_000
    assert final_number("a few hundred") == 300
    assert final_number("a couple of thousand") == 2_000
    assert final_number("the one that expires first") is None
    assert final_number("the one point I make") is None
    assert final_number("one or two servers") == 2


def test_each_number_ends_where_its_words_end() -> None:
    text = "twelve five, then twenty one thousand"
    assert [v for _, v in _said_in_words(text)] == [12, 5, 21_000]
    assert _said_in_words(text)[-1][0] == len(text)
