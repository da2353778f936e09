"""What the live console shows for a LiveStatus: the on-air card, the totals (over/under while running; after
the end, how the played blocks ran and how many were left unplayed), the 福袋 countdown, the run order
table and one line of the live log per event."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from livedesk.domain.live_log import UNPLAYED_NOTE, EventKind, LiveEvent
from livedesk.domain.live_run import LiveRun, LiveStatus, RunState
from livedesk.domain.live_status import Level
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.live_console_layout import COUNTDOWN_PX
from livedesk.ui.rehearsal.stage_style import (
    ACCENT,
    ALERT,
    MUTED,
    clock_text,
    countdown_text,
    phase_colour,
    wall_time,
)
from livedesk.words import LEVEL_COLOURS, MARKERS, STEPS, segment_colour, segment_words


def log_line(event: LiveEvent, run: LiveRun) -> str | None:
    """One line of the console's log list, newest on top; None for events the list leaves out."""
    if event.kind is EventKind.STEP_END:
        return None  # the next step start says the same; keep the list short
    position = run.position_of(event.segment_index)
    block = segment_words(run.plan, run.segments[position]) if position is not None else ""
    seconds = event.seconds()
    texts = {
        EventKind.SEGMENT_START: lambda: tr("start") + (f" · {block}" if block else ""),
        EventKind.SEGMENT_END: lambda: tr("end") + (f" · {block}" if block else ""),
        EventKind.STEP_START: lambda: tr("step") + " · " + STEPS.word(event.step, missing=""),
        EventKind.MARKER: lambda: MARKERS.word(event.marker) + (f" · {event.note}" if event.note else ""),
        EventKind.SKIP: lambda: (
            (tr("unplayed") if event.note == UNPLAYED_NOTE else tr("skipped")) + f" · {block}"
        ),
        EventKind.UNSKIP: lambda: tr("back in the run") + f" · {block}",
        EventKind.EXTEND: lambda: tr("allowance {seconds} s").format(seconds=f"{seconds:+d}"),
        EventKind.SEGMENT_INSERT: lambda: tr("encore inserted") + f" · {block}",
        EventKind.TIMER_START: lambda: tr("lucky bag countdown {time}").format(time=clock_text(seconds)),
        EventKind.TIMER_STOP: lambda: tr("lucky bag countdown stopped"),
        EventKind.MESSAGE: lambda: (
            tr("message: {text}").format(text=event.note) if event.note else tr("message cleared")
        ),
        EventKind.MESSAGE_BLINK: lambda: tr("message (blinking): {text}").format(text=event.note),
        EventKind.RUN_END: lambda: tr("show ended"),
    }
    return f"{wall_time(event.at)}  {texts[event.kind]()}"


def fill_run_order(table: QTableWidget, run: LiveRun | None, status: LiveStatus | None) -> None:
    if run is None or status is None:
        table.setRowCount(0)
        return
    table.setRowCount(len(run.segments))
    for row, segment in enumerate(run.segments):
        actual = run.actual_seconds(row)
        key = run.key_of(row)  # the plan position, or negative for a block inserted on air
        if row == status.index:
            state, colour = tr("on air"), LEVEL_COLOURS[status.level]
        elif run.is_unplayed(row):
            state, colour = tr("unplayed"), MUTED
        elif run.is_skipped(row):
            state, colour = tr("skipped"), MUTED
        elif actual is not None:
            state, colour = tr("done"), MUTED
        else:
            state, colour = "", None
        values = [
            "+" if key < 0 else str(key + 1),
            segment_words(run.plan, segment),
            clock_text(segment.planned_seconds),
            clock_text(actual) if actual is not None else "—",
            state,
        ]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if colour:
                item.setForeground(QColor(colour))
            if column == 1 and (not colour or row == status.index):
                item.setForeground(QColor(segment_colour(segment.kind, run.plan.role_of(segment))))
            table.setItem(row, column, item)


def paint(console, status: LiveStatus, run: LiveRun) -> None:
    """Repaint the cards of `console` (a LiveConsole) from `status`."""
    c, plan, segment = console, run.plan, status.segment
    if status.state is RunState.READY:
        c.now_caption.setText(tr("READY — F5 starts the run"))
        c.current_label.setText(segment_words(plan, run.segments[0]) if run.segments else "—")
    elif status.state is RunState.FINISHED:
        c.now_caption.setText(tr("OFF AIR"))
        c.current_label.setText(tr("The run is over"))
    else:
        c.now_caption.setText(tr("ON AIR"))
        c.current_label.setText(segment_words(plan, segment))
    stripe = segment_colour(segment.kind, plan.role_of(segment)) if segment else MUTED
    c.stripe.setStyleSheet(f"background: {stripe}; border-radius: 4px;")
    if status.step is not None and status.step_index is not None and segment is not None:
        c.step_label.setText(
            tr("Step {n}/{total} · {name} · {elapsed} of {budget}").format(
                n=status.step_index + 1,
                total=len(segment.steps),
                name=STEPS.word(status.step, missing=""),
                elapsed=clock_text(status.step_elapsed),
                budget=clock_text(status.step_budget),
            )
        )
    else:
        c.step_label.setText("")
    c.countdown.setText(countdown_text(status.remaining) if segment else "--:--")
    colour = phase_colour(status.level if segment else None)
    c.countdown.setStyleSheet(f"font-size: {COUNTDOWN_PX}px; font-weight: 700; color: {colour};")
    c.elapsed_label.setText(
        tr("{elapsed} of {allowed}").format(
            elapsed=clock_text(status.elapsed), allowed=clock_text(status.allowed)
        )
        if segment
        else ""
    )
    _paint_totals(c, status)
    _paint_lucky_bag(c, status)
    upcoming = status.next_segment
    if status.state is RunState.READY and status.next_index is not None:
        # before the start the card above shows the first segment; NEXT is the one after it
        after = run.following(status.next_index)
        upcoming = run.segments[after] if after is not None else None
    c.next_label.setText(segment_words(plan, upcoming))
    c.restart_button.setVisible(status.state is not RunState.READY)


def _paint_totals(c, status: LiveStatus) -> None:
    finished = status.state is RunState.FINISHED
    c.totals_caption.setText(tr("Played segments vs plan") if finished else tr("Total vs plan"))
    if status.over_under is None:
        c.over_under.setText("—")
        c.over_under.setStyleSheet("font-size: 40px; font-weight: 700;")
    else:
        late = status.over_under > 0
        text = tr("{time} over") if late else tr("{time} ahead")
        if round(status.over_under) == 0:
            text = tr("on time")
        c.over_under.setText(text.format(time=clock_text(abs(status.over_under))))
        colour = LEVEL_COLOURS[Level.OVERTIME if late else Level.NORMAL]
        c.over_under.setStyleSheet(f"font-size: 40px; font-weight: 700; color: {colour};")
    c.expected_end.setText(
        (tr("Ended {time}") if finished else tr("Expected end {time}")).format(
            time=wall_time(status.expected_end)
        )
    )
    c.planned_end.setText(tr("Planned end {time}").format(time=wall_time(status.planned_end)))
    if finished and status.unplayed:
        c.progress.setText(
            tr("{done} segments played · {unplayed} unplayed").format(
                done=status.done, unplayed=status.unplayed
            )
        )
    else:
        c.progress.setText(tr("{done} of {total} segments done").format(done=status.done, total=status.total))


def _paint_lucky_bag(c, status: LiveStatus) -> None:
    bag = status.lucky_bag
    c.stop_bag_button.setEnabled(bag is not None)
    if bag is None:
        c.lucky_bag.setText("")
        return
    c.lucky_bag.setText(
        tr("Lucky bag {time}").format(time=countdown_text(bag.remaining))
        if not bag.expired
        else tr("Lucky bag: draw now!")
    )
    c.lucky_bag.setStyleSheet(
        f"font-size: 22px; font-weight: 700; color: {ALERT if bag.expired else ACCENT};"
    )
