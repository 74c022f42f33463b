"""The window's side of the safety content: the warning for notes in another language than the
handout's, and a medicine's opioid tick kept when a case file is opened and saved again."""

from gui_helpers import FIXTURES, fill_typical, pdf_text, wait_for_preview  # noqa: F401

from vpdischarge.domain.case import Medication

no_dialogs_fixture, make_window_fixture = FIXTURES


def test_english_notes_on_a_spanish_handout_ask_for_the_interpreter(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    assert "interpreter" not in window.banner.list.text()
    window.form.handout.language.setCurrentIndex(window.form.handout.language.findData("es"))
    wait_for_preview(qtbot, window)
    assert window.banner.isVisible()
    assert "ask the interpreter to read them aloud to the patient" in window.banner.list.text()
    assert not window.actions.print.isEnabled()  # a warning to confirm before printing
    # Notes emptied: nothing to read aloud.
    window.form.clinician.notes.setPlainText("")
    wait_for_preview(qtbot, window)
    assert "interpreter" not in window.banner.list.text()


def test_a_medicines_opioid_tick_survives_the_form(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    case = window.form.case()
    case.medications.append(Medication(name="Pain pill from home", dose="1 tablet", opioid=True))
    window.form.set_case(case)
    again = window.form.case()
    assert [m.opioid for m in again.medications] == [False, False, True]
    wait_for_preview(qtbot, window)
    assert "Too much opioid pain medicine" in pdf_text(window.preview.pdf)
