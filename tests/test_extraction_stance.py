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


def test_a_negated_outcome_of_talks_is_stance_zero(nlp, tmp_path):
    from crisisnet.codebook import load_codebook
    from extraction_helpers import CODEBOOK_YAML
    path = tmp_path / "codebook.yaml"
    path.write_text(CODEBOOK_YAML.replace("negotiations, engage]", "negotiations, engage, resolution]"),
                    encoding="utf-8")
    m = ConceptMatcher(load_codebook(path))
    # "did not reach a resolution" assesses the talks, it does not oppose them
    assert stances(nlp, m, "The two delegations did not reach any resolution.") == {"diplomacy": 0}
    # a negated plain cue still flips
    assert stances(nlp, m, "They will not engage.") == {"diplomacy": -1}


def test_not_only_is_not_a_negation(nlp, matcher):
    assert stances(nlp, matcher, "We are preparing not only sanctions but other steps.") == {"sanctions": 1}


@pytest.fixture(scope="module")
def project_matcher():
    from crisisnet.codebook import load_codebook
    from crisisnet.project import CODEBOOK
    return ConceptMatcher(load_codebook(CODEBOOK))


@pytest.mark.parametrize("text, concept", [
    ("Any further expansion of the alliance toward the east is unacceptable to us.", "nato_open_door"),
    ("Every nation may choose its own alliances.", "nato_open_door"),
    ("There will be very serious consequences and costs for Moscow.", "sanctions"),
    ("The borders of a state must not be changed by force.", "ukraine_sovereignty"),
    ("Nobody can question the territorial integrity of a sovereign nation.", "ukraine_sovereignty"),
    ("A war in Europe would be a catastrophe.", "conflict_risk"),
    ("We keep the door to diplomacy open and are ready to negotiate.", "diplomacy"),
    ("Their forces massed along the border in a threatening way.", "russian_threat"),
    ("We want to see a real easing of tensions.", "de_escalation"),
    ("The allies will send more weapons to help the country defend itself.", "military_aid"),
    ("The legally binding guarantees and our written proposals remain on the table.", "security_guarantees"),
])
def test_project_cues_cover_general_diplomatic_vocabulary(nlp, project_matcher, text, concept):
    assert concept in stances(nlp, project_matcher, text)


@pytest.mark.parametrize("text", [
    "Thank you so much, it is good to be here with you.",
    "I look forward to our meeting tomorrow morning.",
    "Let me take one more question and then we have to go.",
])
def test_project_cues_leave_pleasantries_and_logistics_out(nlp, project_matcher, text):
    assert stances(nlp, project_matcher, text) == {}


def test_a_reversing_compound_cue_names_the_opposite_side(nlp, matcher):
    # "non-expansion" is the oppose side of the open door by itself
    assert stances(nlp, matcher, "Moscow insists on the alliance's non-expansion.") == {
        "nato_open_door": -1}


def test_a_negation_inside_an_if_clause_denies_nothing(nlp, matcher):
    # "if they don't join the talks" supposes; it does not oppose talks
    assert stances(nlp, matcher, "If Moscow doesn't join the talks, we will be disappointed.") == {
        "diplomacy": 1}
    assert stances(nlp, matcher, "Moscow doesn't join the talks.") == {"diplomacy": -1}


@pytest.mark.parametrize("text, expected", [
    # a condemning predicate flips its subject
    ("NATO membership for Ukraine is unacceptable.", {"nato_open_door": -1}),
    ("New sanctions would be a huge mistake.", {"sanctions": -1}),
    # "will not trade away" a right: two flips, support
    ("Allies will not trade away Ukraine's right to choose.", {"nato_open_door": 1}),
    ("We will not impose sanctions.", {"sanctions": -1}),
    # "sign up for" is no giving up
    ("Ukraine will sign up for NATO membership.", {"nato_open_door": 1}),
])
def test_predicates_objects_give_up_and_conditional_threats(nlp, matcher, text, expected):
    assert stances(nlp, matcher, text) == expected


def test_outcomes_negative_objects_and_conditional_threats_with_the_project_codebook(nlp):
    from crisisnet.codebook import load_codebook
    from crisisnet.fileio import ROOT
    real = ConceptMatcher(load_codebook(ROOT / "data" / "codebook.yaml"))
    # a negated outcome of talks is an assessment without a side
    assert stances(nlp, real, "No deal was struck.") == {"diplomacy": 0}
    # a negative object negates the verb
    assert stances(nlp, real, "Russia threatens no one.") == {"russian_threat": -1}
    # a negated cost in the consequence of a condition is still a threat (sanctions' support
    # text says "Threatens"); without the condition it is a refusal
    assert stances(nlp, real, "If Russia invades, there will be no Nord Stream 2.")["sanctions"] == 1
    assert stances(nlp, real, "There will be no Nord Stream 2.")["sanctions"] == -1
    # "even if" concedes: a refusal, not a threat
    assert stances(nlp, real, "Even if Russia invades, we will not impose sanctions.")["sanctions"] == -1
    # a negated demand is no negated outcome of talks: it keeps its side
    assert stances(nlp, real, "We will not give Moscow an ironclad agreement.")["security_guarantees"] == -1
    # "nothing about Ukraine without Ukraine": the cue's own "nothing" is no negative object
    assert stances(nlp, real, "We insist on nothing about Ukraine without Ukraine.")["ukraine_sovereignty"] == 1
