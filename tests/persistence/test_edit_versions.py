"""Edit versions in one process, on SQLite and PostgreSQL: a save from a stale version of a part is refused
with EditConflict naming the part (and the fields, when merged), other parts never conflict, and every kind
of record a team edits (plan parts, scripts, thresholds, session scripts, action items) is covered."""

from __future__ import annotations

import copy

import pytest
from test_store import sample_plan

from livedesk.domain.action_item import ActionItem, ActionStatus
from livedesk.domain.edit_conflict import EditConflict, EditPart
from livedesk.domain.roles import ScriptStep
from livedesk.persistence import action_repository
from livedesk.persistence.store import Store
from livedesk.services import review, scripts, sessions

P1 = "3581234567890123456"  # the first product of sample_plan, pitched at segment 1


def _stored(store: Store):
    session_id = sessions.save_plan(store, sample_plan())
    plan, versions = sessions.load_plan_with_versions(store, session_id)
    return plan, versions


def test_a_stale_save_of_the_same_field_is_refused_and_writes_nothing(any_store: Store):
    base, versions = _stored(any_store)
    theirs, mine = copy.deepcopy(base), copy.deepcopy(base)
    theirs.session.title = "theirs"
    sessions.save_plan_edit(any_store, theirs, versions, base)
    mine.session.title = "mine"
    mine.segments[0].notes = "mine too"  # in the same save: nothing of it may be written
    with pytest.raises(EditConflict) as caught:
        sessions.save_plan_edit(any_store, mine, versions, base)
    assert caught.value.part is EditPart.HEADER
    assert caught.value.fields == ("title",)
    assert (caught.value.expected_version, caught.value.actual_version) == (1, 2)
    stored = sessions.load_plan(any_store, base.session.id)
    assert stored.session.title == "theirs"
    assert stored.segments[0].notes == base.segments[0].notes


def test_other_parts_and_other_fields_merge(any_store: Store):
    base, versions = _stored(any_store)
    header, run_order, pool, mine = (copy.deepcopy(base) for _ in range(4))
    header.session.title = "new title"
    sessions.save_plan_edit(any_store, header, versions, base)
    run_order.segments[0].owner = "host"
    sessions.save_plan_edit(any_store, run_order, versions, base)  # stale header: not its part
    pool.products[1].stock = 7
    sessions.save_plan_edit(any_store, pool, versions, base)
    mine.segments[1].notes = "mine"  # stale run order, another field: merged
    saved = sessions.save_plan_edit(any_store, mine, versions, base)
    assert saved.merged
    stored, now = sessions.load_plan_with_versions(any_store, base.session.id)
    assert stored.session.title == "new title"
    assert (stored.segments[0].owner, stored.segments[1].notes) == ("host", "mine")
    assert stored.products[1].stock == 7
    assert saved.plan.segments == stored.segments and saved.versions == now
    assert (now.header, now.pool, now.run_order) == (2, 2, 3)


def test_product_scripts_are_their_own_part(any_store: Store):
    base, versions = _stored(any_store)
    script = scripts.load_product_script(any_store, base.session.id, P1)
    assert script.version == versions.scripts[P1] == 1
    texts = dict(script.texts) | {ScriptStep.OFFER: "拍一发二"}
    version = scripts.save_script(any_store, base.session.id, P1, texts, script.budgets, script.version)
    assert version == 2
    with pytest.raises(EditConflict) as caught:  # a second editor still at version 1
        scripts.save_script(any_store, base.session.id, P1, texts, script.budgets, 1)
    assert (caught.value.part, caught.value.key) == (EditPart.SCRIPT, P1)
    # The planner's copy predates the script save: its pool and header edits do not touch the script…
    pool_edit = copy.deepcopy(base)
    pool_edit.products[0].stock = 1
    pool_edit.session.title = "renamed"
    sessions.save_plan_edit(any_store, pool_edit, versions, base)
    stored = sessions.load_plan(any_store, base.session.id)
    assert stored.products[0].scripts[ScriptStep.OFFER] == "拍一发二"
    # …but a run-order edit of the product's pitch budgets is a new script version.
    fresh, fresh_versions = sessions.load_plan_with_versions(any_store, base.session.id)
    resized = copy.deepcopy(fresh)
    resized.segments[1].steps[0].seconds += 30
    sessions.save_plan_edit(any_store, resized, fresh_versions, fresh)
    with pytest.raises(EditConflict):
        scripts.save_script(any_store, base.session.id, P1, texts, script.budgets, version)


def test_thresholds_and_session_scripts_refuse_stale_saves(any_store: Store):
    values, version = review.load_thresholds_versioned(any_store)
    assert version == 0
    _, version = review.save_thresholds_checked(any_store, values | {"clearance_sell_through_min": 0.5}, 0)
    with pytest.raises(EditConflict) as caught:  # another editor that also started from "none saved"
        review.save_thresholds_checked(any_store, values, 0)
    assert caught.value.part is EditPart.THRESHOLDS
    review.save_thresholds_checked(any_store, values | {"clearance_sell_through_min": 0.6}, version)
    assert review.load_thresholds(any_store)["clearance_sell_through_min"] == 0.6

    plan, _ = _stored(any_store)
    _, version = scripts.load_session_scripts_versioned(any_store, plan.session.id)
    assert version == 0
    version = scripts.save_session_scripts(
        any_store, plan.session.id, {"opening": "欢迎"}, expected_version=0
    )
    with pytest.raises(EditConflict):
        scripts.save_session_scripts(any_store, plan.session.id, {"closing": "再见"}, expected_version=0)
    scripts.save_session_scripts(any_store, plan.session.id, {"closing": "再见"}, expected_version=version)
    assert scripts.load_session_scripts(any_store, plan.session.id) == {
        "opening": "欢迎",
        "transition": "",
        "closing": "再见",
    }


def test_action_items_refuse_stale_updates_and_deletes(any_store: Store):
    plan, _ = _stored(any_store)
    with any_store.transaction() as db:
        action_repository.save_action(db, ActionItem(plan.session.id, "shanye", "讲解前先上链接"))
    with any_store.reading() as db:
        first = action_repository.actions_of_session(db, plan.session.id)[0]
    second = copy.deepcopy(first)
    first.owner = "阿杰"
    assert review.update_action(any_store, first).version == 2
    second.status = ActionStatus.DROPPED
    with pytest.raises(EditConflict) as caught:
        review.update_action(any_store, second)
    assert (caught.value.part, caught.value.actual_version) == (EditPart.ACTION_ITEM, 2)
    with pytest.raises(EditConflict):
        review.delete_action(any_store, first.id, 1)
    review.delete_action(any_store, first.id, 2)
    with any_store.reading() as db:
        assert action_repository.actions_of_session(db, plan.session.id) == []


def test_script_edits_through_the_plan_document_are_a_part_of_their_own(any_store: Store):
    from livedesk.domain.script_edits import SetProductScript

    base, versions = _stored(any_store)
    texts, budgets = {ScriptStep.OFFER: "拍一发二"}, {ScriptStep.OFFER: 45}
    scripted, owner, rival = (copy.deepcopy(base) for _ in range(3))
    SetProductScript(P1, texts, budgets).apply(scripted)
    owner.segments[0].owner = "host"
    sessions.save_plan_edit(any_store, owner, versions, base)
    sessions.save_plan_edit(any_store, scripted, versions, base)  # a run-order edit meanwhile: merged
    stored = sessions.load_plan(any_store, base.session.id)
    assert stored.products[0].scripts == {ScriptStep.OFFER: "拍一发二"}
    assert stored.segments[0].owner == "host"
    assert stored.segments[1].steps == scripted.segments[1].steps
    SetProductScript(P1, {ScriptStep.OFFER: "另一版"}, budgets).apply(rival)
    with pytest.raises(EditConflict) as caught:  # the same script from the same base: the second is refused
        sessions.save_plan_edit(any_store, rival, versions, base)
    assert (caught.value.part, caught.value.key) == (EditPart.SCRIPT, P1)
    assert "products[3581234567890123456].scripts" in caught.value.fields
