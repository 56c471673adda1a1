"""Quote-mark pairing: curly and straight marks, apostrophes, unbalanced and doubled marks."""

from crisisnet.extraction.quotes import find_quotes, paragraph_index


def texts(s):
    return [q.text for q in find_quotes(s)]


def test_curly_and_straight_quotes_give_content_without_marks():
    s = '“We are ready,” he said. She said "no."'
    qs = find_quotes(s)
    assert [q.text for q in qs] == ["We are ready,", "no."]
    assert all(s[q.start:q.end] == q.text for q in qs)


def test_apostrophes_are_not_quotes():
    # Russia’s, isn’t and allies’ are apostrophes; only the double-quoted words are a quote
    assert texts("Russia’s view isn’t new, the allies’ view “is clear” now.") == ["is clear"]


def test_single_curly_quotes_pair_only_as_open_close():
    assert texts("‘Real risk for new armed conflict in Europe’") == [
        "Real risk for new armed conflict in Europe"]


def test_mixed_glyphs_and_doubled_opening_mark():
    # seed 001 opens straight and closes curly; seed 003 doubles the opener ("”here)
    assert texts('x "Russia will decide,” y') == ["Russia will decide,"]
    assert texts('but "”here is a response.”') == ["here is a response."]


def test_unbalanced_quote_ends_at_paragraph_and_is_marked_open():
    s = "He said “this never closes\nNext paragraph “is fine.”"
    qs = find_quotes(s)
    assert [(q.text, q.closed) for q in qs] == [("this never closes", False), ("is fine.", True)]


def test_lone_closing_mark_is_ignored():
    assert texts("no opener here” at all") == []


def test_quote_continuing_over_paragraphs_gives_one_quote_per_paragraph():
    s = "“First part of the quote.\n“Second part,” he said."
    assert texts(s) == ["First part of the quote.", "Second part,"]


def test_hard_wrapped_line_does_not_end_a_paragraph():
    # "the\nwork" is a hard wrap (line ends mid-sentence, next starts lower case)
    s = "thank you for all of the\nwork. Next line.\nNew paragraph."
    assert paragraph_index(s) == [0, s.index("New")]
