"""Speaker-label turns in transcripts."""

from crisisnet.extraction.transcripts import find_turns


def test_upper_case_labels_make_turns_and_mark_the_interviewer():
    s = "QUESTION: Will you talk?\nSECRETARY BLINKEN: We will.\nMR PRICE:\u00a0Next question.\n"
    turns = find_turns(s)
    assert [(t.label, t.is_interviewer, t.text) for t in turns] == [
        ("QUESTION", True, "Will you talk?"), ("SECRETARY BLINKEN", False, "We will."),
        ("MR PRICE", False, "Next question.")]
    assert all(s[t.start:t.end] == t.text for t in turns)


def test_mid_line_labels_after_a_sentence_end():
    # the Kremlin text lost its line breaks and repeats names in the label
    s = ("President of Russia Vladimir Putin: Mr Lavrov, go ahead. Foreign Minister Sergei Lavrov "
         "Lavrov SergeiForeign Minister of Russia: Mr President, we worked. Vladimir Putin: Good.")
    labels = [t.label for t in find_turns(s)]
    assert labels == ["President of Russia Vladimir Putin",
                      "Foreign Minister Sergei Lavrov Lavrov SergeiForeign Minister of Russia",
                      "Vladimir Putin"]


def test_a_single_headline_label_does_not_make_a_transcript():
    assert find_turns("Blinken: talks will go on\nThe Secretary said more.") == []


def test_colons_inside_sentences_are_not_labels():
    s = "QUESTION: Fine?\nSECRETARY BLINKEN: The bottom line is this: we are ready. The messages read: no."
    assert [t.label for t in find_turns(s)] == ["QUESTION", "SECRETARY BLINKEN"]


def _known(label):
    # stands in for the codebook test of the extractor: a known person's name inside the label
    return any(n in label.replace("Foreign", " Foreign") for n in ("Putin", "Lavrov"))


def test_loose_mid_line_labels_with_a_known_name():
    s = ("The hall fell quiet.President of Russia Vladimir Putin: Shall we start with the report? "
         "Lavrov: Certainly, the partners have replied in writing.\u00a0Sergei Lavrov, Foreign Minister "
         "of Russia: We will answer soon. Putin: Good. Thank you (applause). Sergei LavrovForeign "
         "Minister: You are welcome. QUESTION: And then?")
    assert [t.label for t in find_turns(s)] == []          # without ``known`` none of these count
    turns = find_turns(s, known=_known)
    assert [t.label for t in turns] == [
        "President of Russia Vladimir Putin", "Lavrov", "Sergei Lavrov, Foreign Minister of Russia",
        "Putin", "Sergei LavrovForeign Minister", "QUESTION"]
    assert turns[1].text == "Certainly, the partners have replied in writing."
    assert turns[-1].is_interviewer
    # a capitalised phrase with a colon that names nobody is no label
    assert find_turns("It ended. Note: none. Putin: Fine. Lavrov: Yes.", known=_known)[0].label == "Putin"


def test_an_earlier_label_is_not_hidden_by_a_later_one():
    s = "Opening words. QUESTION: Is there a deal? SECRETARY BLINKEN: Not yet, the talks go on."
    assert [t.label for t in find_turns(s, known=lambda lab: False)] == ["QUESTION", "SECRETARY BLINKEN"]


def test_bracketed_qualifiers_and_one_word_interviewer_labels():
    text = ("MODERATOR (OANA LUNGESCU): Good afternoon.\n\n"
            "Jens Stoltenberg (NATO Secretary General): Allies are ready for dialogue.\n\n"
            "QUESTION (Reuters): Did Russia accept?\n\n"
            "Journalist: And the sanctions?\n\n"
            "Dmitry Peskov: We do not comment.\n\n"
            "Question [AFP]: Why?\n\n"
            "Q: And then?\n\n"
            "SECRETARY GENERAL STOLTENBRG: No.\n")
    turns = find_turns(text)
    assert [(t.label, t.is_interviewer) for t in turns] == [
        ("MODERATOR (OANA LUNGESCU)", True),
        ("Jens Stoltenberg (NATO Secretary General)", False),
        ("QUESTION (Reuters)", True), ("Journalist", True), ("Dmitry Peskov", False),
        ("Question [AFP]", True), ("Q", True), ("SECRETARY GENERAL STOLTENBRG", False)]
    assert turns[3].text == "And the sanctions?"


def test_a_misspelt_surname_in_a_label_names_the_person(tmp_path):
    from tests.extraction_helpers import extract_texts
    rows = extract_texts(tmp_path, {"t": "QUESTION: Any sanctions?\n"
                                         "MR SHERMANN: We are ready with sanctions.\n"})
    assert list(rows.speaker) == ["sherman"]


def test_a_bare_q_and_spaces_opens_a_question():
    text = "MS. PSAKI:  Hi.\n\nQ    Thank you, Jen. What now?\n\nMS. PSAKI:  Well.\n\nQuite a day.\n"
    assert [(t.label, t.is_interviewer, t.text) for t in find_turns(text)] == [
        ("MS. PSAKI", False, "Hi."), ("Q", True, "Thank you, Jen. What now?"),
        ("MS. PSAKI", False, "Well.\n\nQuite a day.")]
