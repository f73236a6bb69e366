"""extract/equipment.py: equipment from the bundled and user gazetteers and from designator patterns."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import InputError, StorylineError
from storyline.extract.equipment import equipment_mentions, load_gazetteer, parse_gazetteer
from storyline.model import Article


def found(body: str, gazetteers=()) -> list[str]:
    mentions = equipment_mentions(Article(id="a", source="a", body=body), gazetteers)
    assert all(m.label == "EQUIPMENT" and body[m.mention.start:m.mention.end] == m.mention.text for m in mentions)
    return [m.mention.text for m in mentions]


@pytest.mark.parametrize(("body", "expected"), [
    # gazetteer names, families with a designator number, plurals outside the mention
    ("Russia used Shahed-136 drones and Shahed 131s.", ["Shahed-136", "Shahed 131"]),
    ("Iranian Shahed-129 and Mohajer-6 drones.", ["Shahed-129", "Mohajer-6"]),
    ("Su-35 and Su-25SM jets, a Tu-22M3 bomber, Kh-101 missiles.", ["Su-35", "Su-25SM", "Tu-22M3", "Kh-101"]),
    ("The US sent HIMARS. More Himars arrived. Javelins too.", ["HIMARS", "Himars", "Javelin"]),
    ("Turkish-made Bayraktar TB2 armed drones and the Bayraktar.", ["Bayraktar TB2", "Bayraktar"]),
    ("the S-400 and a Boeing 777-200LR", ["S-400", "Boeing 777-200LR"]),
    # an alias that is also an ordinary word counts only next to an equipment noun
    ("Germany sent Abrams tanks.", ["Abrams"]),
    ("Stacey Abrams spoke. A patriot waved.", []),
    ("the javelin throw", []),
    # designator shapes next to an equipment noun, or not
    ("drones such as the Qaher-313 and XQ-58 jets", ["Qaher-313", "XQ-58"]),
    ("The Zolfa-9 drone. COVID-19 rules. G7 leaders.", ["Zolfa-9"]),
    ("A380 aircraft. The A380 was late.", ["A380"]),
    # a capitalised equipment noun with a number
    ("Valdaro said Tank 4 had been inspected. tank 5 was not.", ["Tank 4"]),
])
def test_equipment_names(body, expected):
    assert found(body) == expected


def test_no_overlaps_and_empty_article():
    assert found("") == []
    texts = found("MQ-1C Gray Eagle drones and the Gray Eagle.")
    assert texts == ["MQ-1C Gray Eagle", "Gray Eagle"]


def test_user_gazetteer(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my additions\n\nZircon\thypersonic missile\t3M22 Zircon|3M22\nKub-#\tdrone\t\n",
                    encoding="utf-8")
    assert found("Russia fired a Zircon and a 3M22 Zircon. Kub-2 loitered.", [path]) == [
        "Zircon", "3M22 Zircon", "Kub-2"]
    assert found("Russia fired a Zircon.") == []
    gazetteer = load_gazetteer([path])
    assert gazetteer.canonical("3M22") == "Zircon"
    assert gazetteer.canonical("Geran-2") == "Shahed-136"
    assert gazetteer.canonical("Sukhoi Su-35") == "Su-35"
    assert gazetteer.canonical("Stacey Abrams") is None


@pytest.mark.parametrize("line", [
    "Zircon",  # no kind
    "Zircon\t",  # empty kind
    "\tmissile\tZ",  # no name
    "Zircon\tmissile\tZ\textra",  # a fourth column
    "Zircon\tmissile\t#-7",  # an alias starting with "#"
    "Zircon\tmissile\tZ-#-#",  # two numbers
])
def test_a_malformed_line_raises_a_one_line_input_error(tmp_path, line):
    path = tmp_path / "bad.tsv"
    path.write_text(f"# header\nGood\tdrone\t\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        found("anything", [path])
    message = str(caught.value)
    assert isinstance(caught.value, StorylineError)
    assert "\n" not in message and "line 3" in message and str(path) in message


def test_a_missing_gazetteer_raises(tmp_path):
    with pytest.raises(InputError, match="cannot read equipment gazetteer"):
        load_gazetteer([tmp_path / "nowhere.tsv"])


def test_the_bundled_gazetteer_is_well_formed():
    text = files("storyline.data").joinpath("equipment.tsv").read_text(encoding="utf-8")
    entries = parse_gazetteer(text)
    assert len(entries) >= 40
    assert len({e.name for e in entries}) == len(entries)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="SuTank -0123456789dronesHIMARS.\nb", max_size=80))
def test_mentions_are_valid_spans_in_order(body):
    mentions = equipment_mentions(Article(id="a", source="a", body=body))
    spans = [(m.mention.start, m.mention.end) for m in mentions]
    assert spans == sorted(spans)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))
    assert all(m.mention.text == body[m.mention.start:m.mention.end] and m.mention.text for m in mentions)
