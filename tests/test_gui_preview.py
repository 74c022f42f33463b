"""The live preview: off the UI thread, debounced, newest result only, the exact PDF bytes."""

from datetime import date

import pytest
from gui_helpers import (  # noqa: F401
    PATIENT,
    FakeRenderer,
    fill_typical,
    make_window_fixture,
    no_dialogs_fixture,
    pdf_pages,
    pdf_text,
    wait_for_preview,
)

from vpdischarge.domain.case import Case, Patient, Procedure
from vpdischarge.gui.preview.controller import PreviewController, PreviewState


class FakeView:
    def __init__(self) -> None:
        self.pdfs: list[bytes] = []
        self.notes: list[tuple[str, bool]] = []

    def show_pdf(self, pdf: bytes) -> None:
        self.pdfs.append(pdf)

    def show_note(self, text: str, stale: bool) -> None:
        self.notes.append((text, stale))


@pytest.fixture
def logic(qapp):
    view, renderer = FakeView(), FakeRenderer()
    return view, renderer, PreviewController(view, renderer, delay_ms=0)


def _case(name: str) -> Case:
    return Case(Patient(name), Procedure(date=date(2026, 11, 20)), language="en")


def test_a_stale_result_never_replaces_a_newer_one(logic, site):
    view, renderer, controller = logic
    controller.request(_case("First Example"), site, date(2026, 11, 27))
    controller.flush()
    controller.request(_case("Second Example"), site, date(2026, 11, 27))
    controller.flush()
    first, second = renderer.jobs
    renderer.finish(second, b"%PDF-second")
    renderer.finish(first, b"%PDF-first")  # the slow, older render arrives last
    assert view.pdfs == [b"%PDF-second"]
    assert controller.pdf == b"%PDF-second"
    assert controller.state is PreviewState.READY


def test_typing_is_debounced_into_one_render(qtbot, site):
    view, renderer = FakeView(), FakeRenderer()
    controller = PreviewController(view, renderer, delay_ms=50)
    for name in ("A", "An", "Ann"):
        controller.request(_case(name), site, date(2026, 11, 27))
    assert renderer.jobs == []  # still typing
    qtbot.waitUntil(lambda: len(renderer.jobs) == 1, timeout=2000)
    assert renderer.jobs[0].case.patient.name == "Ann"


def test_an_error_in_the_form_drops_the_render_in_flight(logic, site):
    view, renderer, controller = logic
    controller.request(_case("Ann Example"), site, date(2026, 11, 27))
    controller.flush()
    controller.hold("fix the form")
    renderer.finish(renderer.jobs[0], b"%PDF-old")
    assert view.pdfs == []
    assert controller.state is PreviewState.HELD
    assert view.notes[-1] == ("fix the form", False)


def test_a_failed_render_is_a_sentence_not_a_traceback(logic, site):
    view, renderer, controller = logic
    controller.request(_case("Ann Example"), site, date(2026, 11, 27))
    controller.flush()
    renderer.finish(renderer.jobs[0], None, "The preview could not be made (ValueError).")
    assert controller.state is PreviewState.FAILED
    assert view.notes[-1][0] == "The preview could not be made (ValueError)."


def test_the_preview_shows_the_exact_pdf_with_the_patient(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    pdf = window.preview.pdf
    assert PATIENT in pdf_text(pdf)
    assert window.pane.page_count() == pdf_pages(pdf) >= 2
    # The pane's document holds these very bytes, in memory.
    assert bytes(window.pane._buffer.data()) == pdf
    assert window.pane.page_label.text() == f"Page 1 of {pdf_pages(pdf)}"
    window.pane.next_action.trigger()
    assert window.pane.current_page() == 1


def test_the_threaded_renderer_keeps_only_the_newest_edit(make_window, qtbot):
    window = make_window(preview_delay_ms=0)
    fill_typical(window)
    name = window.form.patient.name
    for text in ("Ann Older-Example", "Bea Newer-Example"):
        name.setText(text)
        window.preview.flush()  # both renders queued back to back
    qtbot.waitUntil(lambda: window.preview.is_current, timeout=10_000)
    text = pdf_text(window.preview.pdf)
    assert "Bea Newer-Example" in text and "Ann Older-Example" not in text


def test_zoom_and_page_actions_work(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    pane = window.pane
    pane.fit_width_action.trigger()
    before = pane.view.zoomFactor()
    pane.zoom_in_action.trigger()
    assert pane.view.zoomFactor() > before
    pane.go_to(pane.page_count() - 1)
    assert not pane.next_action.isEnabled()
    # A re-render keeps the page the nurse was reading.
    window.form.handout.interpreter.setText("ID 9999")
    wait_for_preview(qtbot, window)
    assert pane.current_page() == pane.page_count() - 1


def test_the_window_takes_any_renderer(make_window, qtbot):
    """The window's renderer is a parameter: here a fake that never renders anything."""
    fake = FakeRenderer()
    window = make_window(renderer=fake)
    fill_typical(window)
    window.preview.flush()
    assert fake.jobs[-1].case.patient.name == PATIENT
    assert window.gate_label.text() == "Updating the preview…"
    assert not window.actions.print.isEnabled()
    fake.finish(fake.jobs[-1], b"%PDF-1.4 not really")
    assert window.preview.is_current


def test_the_divider_stays_put_when_the_first_preview_arrives(make_window, qtbot, qapp):
    """The page label growing from nothing to "Page 1 of 3" used to widen the preview pane's
    minimum size (440 to 517 px at the window's first size): the splitter moved under the nurse
    and the whole form was laid out again on the UI thread."""
    window = make_window()
    window.resize(window.minimumSizeHint())
    qapp.processEvents()
    narrowest, before = window.pane.minimumSizeHint().width(), window.splitter.sizes()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    qtbot.waitUntil(lambda: window.pane.page_label.text() != "")
    qapp.processEvents()
    assert window.pane.minimumSizeHint().width() == narrowest
    assert window.splitter.sizes() == before
