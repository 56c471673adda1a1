"""Speaker resolution: names, variants, roles with dates, pronouns, collectives, uncatalogued people."""

import datetime as dt

import pytest

from crisisnet.extraction.speakers import DocumentSpeakers, SpeakerResolver, key, slug
from extraction_helpers import DATE, make_codebook


@pytest.fixture(scope="module")
def resolver():
    return SpeakerResolver(make_codebook())


def who(resolver, mention, names=(), date=DATE, recent=(), unknown=None):
    r = resolver.resolve(mention, date, names=list(names), recent=list(recent), unknown=unknown)
    return r.actor if r else None


def test_key_and_slug_normalise_variants():
    assert key("Sergey Lavrov’s") == key("Sergei Lavrov") == "sergei lavrov"
    assert slug("Josep Borrell") == "josep_borrell"


def test_names_aliases_and_spelling_variants(resolver):
    assert who(resolver, "Antony Blinken") == "blinken"
    assert who(resolver, "Sergey Lavrov") == "lavrov"
    assert who(resolver, "Kremlin spokesman Dmitry Peskov") == "peskov"   # person before collective


def test_adjacent_name_wins_over_a_wrong_role(resolver):
    # "US top diplomat" is Blinken's role alias, but the name says Sherman
    assert who(resolver, "US top diplomat Wendy Sherman") == "sherman"


def test_role_nouns_resolve_on_the_date(resolver):
    assert who(resolver, "the NATO leader") == "stoltenberg"
    assert who(resolver, "the Russian foreign minister") == "lavrov"
    assert who(resolver, "the Secretary", date=dt.date(2022, 1, 27)) == "blinken"
    assert who(resolver, "the Secretary", date=dt.date(2020, 1, 1)) is None   # before his term


def test_shared_role_needs_a_recent_mention(resolver):
    # Ryabkov and Grushko are both deputy foreign ministers
    assert who(resolver, "the deputy foreign minister") is None
    assert who(resolver, "the deputy foreign minister", recent=["sherman", "ryabkov"]) == "ryabkov"


def test_collectives_and_demonym_government(resolver):
    assert who(resolver, "the Kremlin") == "kremlin"
    assert who(resolver, "Washington") == "usa"
    assert who(resolver, "the Russian government") == "russia"


def test_unknown_person_becomes_uncatalogued_and_surname_is_reused(resolver):
    unknown = {}
    assert who(resolver, "Vladimir Ermakov, a senior official", names=["Vladimir Ermakov"],
               unknown=unknown) == "unk:vladimir_ermakov"
    assert who(resolver, "Ermakov", names=["Ermakov"], unknown=unknown) == "unk:vladimir_ermakov"


def test_pronoun_prefers_gender_then_falls_back_to_the_paragraph_speaker(resolver):
    ctx = DocumentSpeakers(resolver)
    ctx.note("ryabkov", 0)
    ctx.note("sherman", 2)
    assert ctx.pronoun("she", 2).actor == "sherman"
    # "He" in Sherman's paragraph: the only person speaker there wins despite the gender
    r = ctx.pronoun("He", 2)
    assert (r.actor, r.how) == ("sherman", "pronoun (gender mismatch)")
    # in a new paragraph, "he" takes the latest matching speaker
    assert ctx.pronoun("he", 3).actor == "ryabkov"
    # no one of the pronoun's gender nearby and nobody in its paragraph: unresolved, never a
    # person of the other gender from paragraphs before ("Ms Truss was unmoved. '...,' she said")
    ctx2 = DocumentSpeakers(resolver)
    ctx2.note("ryabkov", 0)
    assert ctx2.pronoun("she", 1) is None
    assert ctx2.pronoun("he", 9).actor == "ryabkov"  # far back, but the gender fits


def test_a_one_word_title_inside_another_office_or_another_state_is_not_the_holder(resolver):
    assert resolver.resolve("the Secretary", DATE).actor == "blinken"
    # "press secretary", "foreign secretary": other offices
    assert resolver.resolve("the White House press secretary", DATE) is None
    assert resolver.resolve("Britain's foreign secretary", DATE) is None
    # a state named in the mention must be the holder's: not Biden, not Putin
    assert resolver.resolve("the Russian President", DATE).actor == "putin"
    assert who(resolver, "Ukraine's president") not in ("biden", "putin")


def test_a_shared_surname_is_the_person_already_in_the_text():
    # the project codebook has two Sullivans (the national security adviser and the ambassador)
    from crisisnet.codebook import load_codebook
    from crisisnet.fileio import ROOT
    real = SpeakerResolver(load_codebook(ROOT / "data" / "codebook.yaml"))
    assert len(real.surnames["sullivan"]) == 2
    for seen in sorted(real.surnames["sullivan"]):
        assert who(real, "Sullivan", names=["Sullivan"], recent=["blinken", seen]) == seen
    # neither seen: not guessed (a new uncatalogued actor at most)
    nobody = real.resolve("Sullivan", dt.date(2022, 2, 1), names=["Sullivan"], recent=["blinken"])
    assert nobody is None or nobody.how == "uncatalogued"


def test_a_collective_with_a_person_title_is_a_person_not_the_collective(resolver):
    # "the alliance chief" is no statement of NATO; as a role noun it is the alliance's person
    assert resolver.resolve("the alliance chief", DATE) is None
    ctx = DocumentSpeakers(resolver)
    ctx.note("lavrov", 0)
    ctx.note("stoltenberg", 0)
    ctx.note("ryabkov", 1)
    assert ctx.role_noun("the alliance chief", 1).actor == "stoltenberg"
    assert ctx.role_noun("the Russian diplomat", 1).actor == "ryabkov"


def test_a_state_s_office_by_its_title_word():
    from crisisnet.codebook import load_codebook
    from crisisnet.fileio import ROOT
    real = SpeakerResolver(load_codebook(ROOT / "data" / "codebook.yaml"))
    day = dt.date(2022, 2, 1)
    assert who(real, "Germany's chancellor", date=day) == "scholz"
    assert who(real, "the Italian premier", date=day) == "draghi"
    assert who(real, "the French leader", date=day) == "macron"
    assert who(real, "Britain's prime minister", date=day) == "johnson"


def test_a_news_outlet_named_after_a_place_is_no_publishing_government():
    from crisisnet.codebook import load_codebook
    from crisisnet.fileio import ROOT
    real = SpeakerResolver(load_codebook(ROOT / "data" / "codebook.yaml"))
    assert real.home_state("The White House (Briefing Room)") == "usa"
    assert real.home_state("Office of the President of Russia (en.kremlin.ru)") == "russia"
    for outlet in ("The Moscow Times", "The Washington Post", "Kyiv Post", "synthetic (US wire service style)"):
        assert real.home_state(outlet) == ""
