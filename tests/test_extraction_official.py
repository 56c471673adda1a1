"""Official documents: hard-wrapped readouts, call participants, written statements by an author."""

import pytest

from crisisnet.corpus import load_corpus
from crisisnet.extraction.attribution import find_author
from crisisnet.extraction.quotes import _paragraphs
from crisisnet.extraction.speakers import SpeakerResolver
from crisisnet.extraction.stance import ConceptMatcher
from extraction_helpers import extract_texts, make_codebook

READOUT = """DATE: 2022-03-03
---
Secretary Blinken hosted a video call with partners today.
They reaffirmed their lasting
commitment to diplomacy and welcomed further
talks. The leaders also reviewed the
talks held last week in several formats.

Participants in the call included NATO Secretary General Jens
Stoltenberg and Foreign Minister Sergei
Lavrov.
"""
STATEMENT = """DATE: 2022-03-04
---
Antony J. Blinken, Secretary of State

We firmly back further talks with Moscow. It was a pleasure to visit the museum today.

Economic sanctions remain on the table if the crisis deepens.
"""


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    return extract_texts(tmp_path_factory.mktemp("official"), {"readout": READOUT, "statement": STATEMENT})


def test_hard_wrapped_block_is_one_paragraph():
    text = "Ministers met in a small\ntown and agreed on a\nnew plan. Then they left.\n\nNext paragraph."
    paras = [text[s:e] for s, e in _paragraphs(text)]
    assert paras == ["Ministers met in a small\ntown and agreed on a\nnew plan. Then they left.",
                     "Next paragraph."]


def test_newline_after_sentence_end_still_ends_a_wrapped_paragraph():
    text = "A long line that is cut\nin the middle of a\nsentence ends here.\nA new one starts."
    assert len(_paragraphs(text)) == 2


def test_they_after_a_call_names_host_and_listed_participants(extracted):
    rows = extracted[(extracted.doc_id == "readout") & extracted.text.str.contains("commitment to diplomacy")]
    assert set(rows.speaker) == {"blinken", "stoltenberg", "lavrov"}
    assert set(rows["mode"]) == {"indirect"}


def test_the_leaders_reviewed_is_a_topic_without_stance(extracted):
    rows = extracted[(extracted.doc_id == "readout") & extracted.text.str.contains("held last week")]
    assert set(rows.speaker) == {"blinken", "stoltenberg", "lavrov"}
    assert set(rows.stance) == {0}


def test_written_statement_is_its_bylined_author(extracted):
    rows = extracted[extracted.doc_id == "statement"]
    assert set(rows.speaker) == {"blinken"}
    assert set(rows["mode"]) == {"direct"}
    assert rows.text.str.contains("We firmly back further talks").any()
    assert rows.text.str.contains("Economic sanctions remain").any()
    assert not rows.text.str.contains("museum").any()  # no concept: a pleasantry, not a statement
    assert set(rows.cue) == {"Antony J. Blinken, Secretary of State"}


def test_author_from_title_or_publisher_name_but_not_from_an_office():
    res = SpeakerResolver(make_codebook())
    assert find_author(res, "We act now.", title="Statement by Secretary Blinken on the Crisis").actor == "blinken"
    assert find_author(res, "We act now.", publisher="Department (Antony J. Blinken, Secretary of State)"
                       ).actor == "blinken"
    assert find_author(res, "We act now.", publisher="Department (Office of the Secretary of State)") is None
    assert find_author(res, "We act now.", title="Remarks by Blinken and Lavrov") is None


def test_news_article_has_no_author():
    res = SpeakerResolver(make_codebook())
    assert find_author(res, "Talks resume in Geneva\nDiplomats met on Monday.", title="Talks resume") is None


def test_oppose_phrase_is_not_flipped_again_by_a_word_of_increase(codebook):
    from crisisnet.nlp import load_model
    doc = load_model()("The allies agreed to reinforce security on the eastern flank.")
    found = {cs.concept: cs.stance for cs in ConceptMatcher(codebook).analyse(doc[:], "agree")}
    assert found["nato_rollback"] == -1


def test_participle_used_as_adjective_is_no_cue(tmp_path):
    from crisisnet.extraction.pipeline import extract_corpus
    (tmp_path / "a.txt").write_text("DATE: 2022-03-05\n---\nThe plan ignores Moscow's stated preference for "
                                    "further talks, the paper said.\n", encoding="utf-8")
    df = extract_corpus(load_corpus(tmp_path), make_codebook())
    assert "russia" not in set(df.speaker)


READOUT_CLAUSES = """DATE: 2022-03-06
---
The Secretary reiterated the U.S. support for talks. He underscored that, while any new attack would bring severe sanctions, the United States remains open to talks. Secretary Blinken repeated our concerns that Moscow has the means to strike at short notice and emphasized the need for serious talks.
"""


@pytest.fixture(scope="module")
def clauses(tmp_path_factory):
    return extract_texts(tmp_path_factory.mktemp("clauses"), {"r": READOUT_CLAUSES})


def test_while_clause_before_the_main_clause_is_its_own_statement(clauses):
    sanc = clauses[clauses.concept == "sanctions"]
    dipl = clauses[clauses.text.str.startswith("the United States remains open")]
    assert set(sanc.speaker) == {"blinken"} and set(dipl.speaker) == {"blinken"}
    assert not sanc.text.str.contains("remains open").any()


def test_past_tense_cue_after_a_present_tense_clause_keeps_the_higher_speaker(clauses):
    rows = clauses[clauses.text.str.contains("need for serious talks")]
    assert set(rows.speaker) == {"blinken"}
    assert not clauses.text.str.endswith(" and").any()


BRIEFING = """TITLE: Briefing
DATE: 2022-02-14
PUBLISHER: {publisher}
---
MS. PSAKI: The President was direct with President Putin. He told him that sanctions would follow.

Q    And the talks?

MS. PSAKI: Thanks. The President said today that diplomacy remains open.
"""


@pytest.fixture(scope="module")
def briefings(tmp_path_factory):
    return extract_texts(tmp_path_factory.mktemp("briefings"), {
        "wh": BRIEFING.format(publisher="U.S. Department of State"),
        "kr": BRIEFING.format(publisher="Office of the President of Russia")})


def test_the_president_is_the_publishing_state_s_and_not_the_one_named_beside(briefings):
    def who(doc, words):
        rows = briefings[(briefings.doc_id == doc) & briefings.text.str.contains(words)
                         & (briefings["mode"] == "indirect")]
        return sorted(set(rows.speaker))
    # "The President was direct with President Putin. He told him ...": not Putin
    assert who("wh", "sanctions would follow") == ["biden"]
    assert who("kr", "sanctions would follow") == ["biden"]
    # "the President said ..." with no other clue: the publishing state's president
    assert who("wh", "diplomacy remains open") == ["biden"]
    assert who("kr", "diplomacy remains open") == ["putin"]
