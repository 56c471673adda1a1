"""Concept cues and stance: negations and reversing words compose along the parse."""

import pytest

from crisisnet.extraction.stance import ConceptMatcher
from extraction_helpers import make_codebook


@pytest.fixture(scope="module")
def nlp():
    from crisisnet.nlp import load_model
    return load_model()


@pytest.fixture(scope="module")
def matcher():
    return ConceptMatcher(make_codebook())


def stances(nlp, matcher, text, cue_lemma=""):
    doc = nlp(text)
    return {cs.concept: cs.stance for cs in matcher.analyse(doc[:], cue_lemma)}


def test_double_negation_is_support(nlp, matcher):
    # never (flip) x veto (flip) = +1 for the open door
    assert stances(nlp, matcher, "NATO members would never agree to veto Ukraine joining NATO.") == {
        "nato_open_door": 1}


def test_three_flips_oppose(nlp, matcher):
    # not x stop x prevent = -1
    assert stances(nlp, matcher, "Russia would not stop trying to prevent Ukraine from joining NATO.") == {
        "nato_open_door": -1}


def test_reversing_cue_verb_flips_what_it_reports(nlp, matcher):
    # "rejected Russia's call to bar Ukraine": the object (bar Ukraine) is opposed by the
    # cue phrase's own verb (bar), and rejecting it is support
    assert stances(nlp, matcher, "Russia's call to bar Ukraine from NATO", cue_lemma="reject") == {
        "nato_open_door": 1}


def test_cue_matches_lemmas_and_evidence_is_kept(nlp, matcher):
    doc = nlp("We prefer diplomacy and further talks.")
    (cs,) = matcher.analyse(doc[:])
    assert (cs.concept, cs.stance) == ("diplomacy", 1)
    assert "+prefer" in cs.evidence and "diplomacy" in cs.note()


def test_no_concept_cue_means_no_statement_concept(nlp, matcher):
    assert stances(nlp, matcher, "The weather in Geneva was cold.") == {}


def test_oppose_phrase_of_the_codebook_carries_its_own_stance(nlp):
    from crisisnet.codebook import load_codebook
    import tempfile, pathlib
    from extraction_helpers import CODEBOOK_YAML
    folder = pathlib.Path(tempfile.mkdtemp())
    (folder / "cb.yaml").write_text(CODEBOOK_YAML.replace(
        "oppose: Ukraine must be barred from NATO.", "oppose: Ukraine must never join NATO.").replace(
        "cues: [open door,", "cues: [never join, open door,"), encoding="utf-8")
    m = ConceptMatcher(load_codebook(folder / "cb.yaml"))
    doc = nlp("The documents rejected the demand for a pledge that Ukraine will never join.")
    # "never join" is an oppose phrase (-1) and the rejection flips it: +1
    assert {c.concept: c.stance for c in m.analyse(doc[:])} == {"nato_open_door": 1}


def test_quote_marks_inside_a_cue_are_ignored(nlp, matcher):
    assert stances(nlp, matcher, "Washington offered economic ‘punishments’ as a deterrent.") == {
        "sanctions": 1}


def test_a_negated_verb_of_perception_does_not_flip(nlp, matcher):
    # not having seen sanctions yet is no opposition to them
    assert stances(nlp, matcher, "We have not seen any sanctions so far.") == {"sanctions": 1}


def test_engage_in_is_doing_not_diplomacy(nlp, matcher):
    assert stances(nlp, matcher, "Russia says it has engaged in exercises near the border.") == {}
    assert stances(nlp, matcher, "In that case, they should engage.") == {"diplomacy": 1}


def test_increase_opposes_a_reduction_concept_unless_reported_as_fact(nlp):
    import tempfile, pathlib
    from crisisnet.codebook import load_codebook
    from extraction_helpers import CODEBOOK_YAML
    extra = """  - id: rollback
    label: Rollback of forces
    definition: Fewer forces in the east.
    support: Calls to reduce or withdraw forces in the east.
    oppose: Defends reinforcement.
    cues: [troops in the east]
"""
    folder = pathlib.Path(tempfile.mkdtemp())
    (folder / "cb.yaml").write_text(CODEBOOK_YAML.rstrip("\n") + "\n" + extra, encoding="utf-8")
    m = ConceptMatcher(load_codebook(folder / "cb.yaml"))

    def st(text):
        return {c.concept: c.stance for c in m.analyse(nlp(text)[:])}
    assert st("Poland welcomes more troops in the east.") == {"rollback": -1}
    assert st("Warsaw wants to keep increasing troops in the east.") == {"rollback": -1}
    # a reported increase (own subject) is a fact the speaker may deplore: no flip
    assert st("The alliance has increased troops in the east.") == {"rollback": 1}
