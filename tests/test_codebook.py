"""Codebook loading, look-ups and validation errors."""

import datetime as dt
from pathlib import Path

import pytest

from crisisnet.codebook import load_codebook, unknown_id_message
from crisisnet.errors import ValidationError

FIX = Path(__file__).parent / "fixtures"
BAD = FIX / "bad_tables"


def test_aliases_roles_and_organizations():
    cb = load_codebook(FIX / "mini_codebook.yaml")
    assert cb.actors_for_alias("Sergey Lavrov") == ["lavrov"]
    assert cb.actors_with_role("The NATO leader", dt.date(2022, 1, 26)) == ["stoltenberg"]
    assert cb.actors_with_role("the NATO leader", dt.date(2025, 1, 1)) == []  # role ended 2024-10-01
    assert cb.organization_of("peskov") == "russia"
    assert cb.label("unk:jane_doe") == "Jane Doe (uncatalogued)"


def test_unknown_id_message_suggests_the_closest():
    msg = unknown_id_message("actor", "lavorv", ["lavrov", "peskov"])
    assert msg.startswith("unknown actor 'lavorv'; did you mean 'lavrov'?")
    assert "valid actor ids: lavrov, peskov" in msg


@pytest.mark.parametrize("name, message", [
    ("codebook_duplicate_actor.yaml", "actor 'lavrov': duplicate actor id"),
    ("codebook_unknown_org.yaml", "actor 'stoltenberg': field organization 'natto' is not an actor id"),
    ("codebook_bad_role_date.yaml", "actor 'stoltenberg': roles[0]: field start: bad date"),
    ("codebook_invalid.yaml", "invalid YAML"),
])
def test_bad_codebooks(name, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace("[", r"\[")) as info:
        load_codebook(BAD / name)
    assert name in str(info.value)


def test_project_codebook_has_core_actors_and_concepts(codebook):
    for aid in ("blinken", "sherman", "ryabkov", "peskov", "stoltenberg", "lavrov", "grushko",
                "ermakov", "putin", "sullivan", "usa", "nato", "russia", "kremlin", "eu", "ukraine"):
        assert aid in codebook.actors, aid
    for cid in ("nato_open_door", "security_guarantees", "nato_rollback", "diplomacy", "arms_control",
                "de_escalation", "sanctions", "ukraine_sovereignty"):
        assert cid in codebook.concepts, cid


def test_organization_follows_the_chain_to_the_top(codebook):
    """Peskov works for the Kremlin, which belongs to Russia: organization-level networks need 'russia'."""
    assert codebook.actors["peskov"].organization == "kremlin"
    assert codebook.organization_of("peskov") == "russia"
    assert codebook.organization_of("kremlin") == "russia"
    assert codebook.organization_of("blinken") == "usa"
    assert codebook.organization_of("unk:jane_doe") == ""
