"""Name variants: the spellings outlets really use are grouped, different names are not."""

from __future__ import annotations

import functools

import pytest

from conftest import RAQQA, dev_clusters
from newsum.pipeline import Components, prepare
from newsum.read import read_paths
from newsum.trust.entities import EntityIndex, fold, group_entities, skeleton
from newsum.types import Entity, Sentence


@functools.cache
def raqqa_entities() -> EntityIndex:
    view = prepare(read_paths([RAQQA]), Components())
    return group_entities(view.sentences)


def entity_with(index: EntityIndex, variant: str) -> Entity:
    found = [e for e in index.entities if variant in {v.text for v in e.variants}]
    assert len(found) == 1, f"{variant!r} is in {len(found)} entities"
    return found[0]


def sentences(*texts_by_doc: tuple[int, str]) -> list[Sentence]:
    return [Sentence(text, doc, k, 0, len(text)) for k, (doc, text) in enumerate(texts_by_doc)]


@pytest.mark.parametrize(
    "variants",
    [
        {"Raqa", "Raqqa"},
        {"Deir Ezzor", "Deir el-Zour", "Deir al-Zor", "Deir al-Zour"},
        {"Boukamal", "Bukamal"},
        {"Talal Sello", "Talal Silo"},
        {"Mustafa Bali", "Mostafa Bali"},
        {"IS", "ISIS", "Islamic State", "Daesh"},
        {"SDF", "Syrian Democratic Forces"},
    ],
)
def test_raqqa_spellings_are_one_entity(variants: set[str]) -> None:
    index = raqqa_entities()
    entities = {entity_with(index, v).id for v in variants}
    assert len(entities) == 1, variants


def test_raqqa_groups_say_why_and_who_writes_what() -> None:
    index = raqqa_entities()
    islamic_state = entity_with(index, "Daesh")
    assert any(e.startswith("alias: Daesh (ISIS)") for e in islamic_state.evidence)
    assert any("Islamic State (IS)" in e for e in islamic_state.evidence)
    raqqa = entity_with(index, "Raqqa")
    by_text = {v.text: v.documents for v in raqqa.variants}
    assert by_text["Raqa"] == (0,)  # only AFP writes Raqa
    assert 0 not in by_text["Raqqa"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Syria", "Syrian"),
        ("Iraq", "Iraqi"),
        ("Raqqa", "Raqqa Civil Council"),
        ("Mosul", "Mayadeen"),
    ],
)
def test_raqqa_keeps_different_names_apart(a: str, b: str) -> None:
    index = raqqa_entities()
    assert entity_with(index, a).id != entity_with(index, b).id


def test_every_mention_span_is_a_name_in_its_sentence() -> None:
    view = prepare(read_paths([RAQQA]), Components())
    index = group_entities(view.sentences)
    for sentence, spans in zip(view.sentences, index.spans, strict=True):
        for start, end, entity in spans:
            written = sentence.text[start:end]
            assert any(c.isupper() for c in written), written
            assert fold(written) in {fold(v.text) for v in index.entities[entity].variants}


def test_transliteration_needs_the_same_skeleton() -> None:
    assert skeleton("Raqqa".lower()) == skeleton("raqa")
    assert skeleton("mustafa") == skeleton("mostafa")
    index = group_entities(
        sentences(
            (0, "Officials of Islam said the mosque was closed."),
            (1, "Officials of Salam said the mosque was closed."),
            (0, "The talks had failed, John Smith said."),
            (1, "The talks had failed, Jane Smith said."),
        )
    )
    names = {v.text: e.id for e in index.entities for v in e.variants}
    assert names["Islam"] != names["Salam"]
    assert names["John Smith"] != names["Jane Smith"]


def test_spelling_variants_in_different_articles_merge_with_shared_context() -> None:
    index = group_entities(
        sentences(
            (0, "The spokesman Hasib Hussain told reporters the bomb went off."),
            (1, "The spokesman Hassib Hussain told reporters the bomb exploded."),
        )
    )
    assert len({e.id for e in index.entities if "Hussain" in e.name}) == 1


def test_parenthesis_that_is_not_an_alias() -> None:
    index = group_entities(
        sentences(
            (0, "THE HAGUE, Netherlands (AP) _ The court opened the trial on Monday."),
            (0, "Senator Lindsey Graham (R-SC) said the bill would pass."),
            (1, "The Federal Bureau of Investigation (FBI) said the case was open."),
        )
    )
    names = {v.text: e.id for e in index.entities for v in e.variants}
    assert names["Netherlands"] != names["AP"]
    assert "R-SC" not in names or names["R-SC"] != names["Lindsey Graham"]
    assert names["FBI"] == names["Federal Bureau of Investigation"]


def test_dev_set_variants() -> None:
    """Transliterations that DUC 2003 outlets really used."""
    clusters = {c.id: c for c in dev_clusters("duc2003-task2")}
    expected = {"d30005t": {"Laden", "Ladin"}, "d30040t": {"Fayez Zeidan", "Fayez Zaidan"}}
    for cluster_id, variants in expected.items():
        view = prepare(clusters[cluster_id].articles, Components())
        index = group_entities(view.sentences)
        assert len({entity_with(index, v).id for v in variants}) == 1, variants


def test_dev_set_merges_are_few_and_justified() -> None:
    """Across a dev set, every merge has evidence, and demonyms never join their country."""
    for cluster in dev_clusters("duc2003-task2")[:10]:
        view = prepare(cluster.articles, Components())
        for entity in group_entities(view.sentences).entities:
            if len(entity.variants) > 1:
                assert entity.evidence, entity
            texts = {v.text for v in entity.variants}
            for country, people in [("Israel", "Israeli"), ("Syria", "Syrian"), ("Iraq", "Iraqi")]:
                assert not {country, people} <= texts
