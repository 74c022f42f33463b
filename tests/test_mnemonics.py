"""Picking Alt+letters: the translator's letter while it is free, else the next free letter of
the text, else a free Latin letter in brackets; never two controls on one key."""

from vpdischarge.gui.mnemonics import Holder, assign, key_of, letter_in, with_letter


def test_the_translators_letter_is_kept_while_it_is_free(qapp):
    assert with_letter("N&otes:", set()) == "N&otes:"
    assert with_letter("N&otes:", {"Alt+O"}) == "&Notes:"


def test_no_free_letter_of_its_own_gives_a_bracketed_one(qapp):
    taken = {f"Alt+{c}" for c in "NOTES"}
    assert with_letter("N&otes:", taken) == "Notes (&A):"
    assert with_letter("メモ(&N)：", {"Alt+N"}) == "メモ(&A)："  # no space in Japanese
    assert with_letter("Remove", {"Alt+R", "Alt+E", "Alt+M", "Alt+O", "Alt+V"}, optional=True) == "Remove"


def test_cyrillic_text_takes_its_own_letters_and_latin_text_no_accented_ones(qapp):
    assert key_of(with_letter("Запи&си:", {"Alt+С"})) == "Alt+З"
    assert with_letter("&Límites", {"Alt+L"}) == "Lí&mites"  # m, not í


def test_assign_gives_every_holder_its_own_key(qapp):
    shown: dict[str, str] = {}
    holders = [Holder(t, lambda text, t=t: shown.__setitem__(t, text)) for t in ("N&otes:", "Visit ph&one:")]
    taken = assign([Holder("&Open", lambda _t: None)], holders)
    assert len(taken) == 3 and shown == {"N&otes:": "&Notes:", "Visit ph&one:": "&Visit phone:"}


def test_a_changing_text_keeps_its_key(qapp):
    assert letter_in("The site's limits apply", "Alt+S") == "The &site's limits apply"
    assert letter_in("2 limits changed", "Alt+X") == "2 limits changed (&X)"
    assert letter_in("R&D limits", "") == "R&&D limits"
