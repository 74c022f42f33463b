"""The one pipeline both doors (CLI and window) use: case → checks → context → markup → PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.etree import ElementTree

from vpdischarge.content.bilingual import pair_markup
from vpdischarge.content.catalog_status import untranslated_count
from vpdischarge.content.catalogs import available_languages
from vpdischarge.content.context import build_context
from vpdischarge.content.template import markup_error, render_markup
from vpdischarge.content.text import printable
from vpdischarge.domain.case import Case
from vpdischarge.domain.case_schema import text_fields
from vpdischarge.domain.issues import InputError, Issue, errors
from vpdischarge.domain.locales import HandoutLocale, at_site, find_locale
from vpdischarge.domain.notes_check import as_issues, check_notes, other_language_issues
from vpdischarge.domain.site import SiteSettings
from vpdischarge.domain.validation import validate
from vpdischarge.i18n import _, language_name, ngettext
from vpdischarge.medicine_checks import (
    medicine_name_issues,
    unclear_dose_issues,
    untranslated_medicine_issues,
)
from vpdischarge.typeset.document import PrintOptions, TooLargeToPrint, typeset
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import MarkupError


@dataclass(frozen=True)
class Handout:
    pdf: bytes
    warnings: list[Issue] = field(default_factory=list)


def unprintable_issues(case: Case, resolver: FontResolver) -> list[Issue]:
    """A character no bundled font has would print as an empty box: refuse it by field."""
    issues = []
    # Every free-text field the case file describes (one list: vpdischarge.domain.case_schema).
    for field_name, text, _limit in text_fields(case):
        missing = resolver.unprintable(printable(text))  # what will be printed, after cleaning
        if missing:
            shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:5])
            issues.append(
                Issue(
                    field_name,
                    _("has characters that cannot be printed: {characters}").format(characters=shown),
                )
            )
    return issues


def completeness_issues(field: str, code: str | None) -> list[Issue]:
    """A handout must not print in English under another language's name: an empty catalog
    is an error, a partial one a warning saying how much will print in English."""
    locale = find_locale(code or "")
    if locale is None or locale.code not in available_languages():
        return []
    missing, total = untranslated_count(locale.code)
    if missing == total:
        return [
            Issue(
                field,
                _("the {language} handout is not translated yet").format(language=language_name(locale.code)),
            )
        ]
    if missing:
        return [
            Issue(
                field,
                # Same English for one and many; other languages need the count for the verb.
                ngettext(
                    "{missing} of {total} sentences are not translated into {language} yet and will "
                    "print in English",
                    "{missing} of {total} sentences are not translated into {language} yet and will "
                    "print in English",
                    missing,
                ).format(missing=missing, total=total, language=language_name(locale.code)),
                "warning",
            )
        ]
    return []


def printable_languages() -> list[str]:
    """Codes whose handout can print now (a catalog with something translated in it)."""
    return sorted(code for code in available_languages() if not errors(completeness_issues("language", code)))


def sample_site_issues(site: SiteSettings) -> list[Issue]:
    """The warning both doors give while the bundled example settings are in use."""
    if not site.sample:
        return []
    message = _(
        "the bundled example settings are in use: the hospital name and phone numbers are "
        "placeholders and every page is marked SAMPLE. Choose the hospital's site settings file."
    )
    return [Issue("site", message, "warning")]


def check(case: Case, site: SiteSettings, today: date | None = None) -> list[Issue]:
    """Every error and warning for this case, each naming its field."""
    issues = validate(case, site, available_languages(), today)
    issues += as_issues(check_notes(case, site.notes_language))
    issues += other_language_issues(case, site.notes_language)
    issues += completeness_issues("language", case.language)
    issues += untranslated_medicine_issues(case, site)
    issues += unclear_dose_issues(case, site)
    issues += medicine_name_issues(case, site)
    issues += completeness_issues("second_language", case.second_language)
    locale = find_locale(case.language)
    if locale is not None:
        issues += unprintable_issues(case, FontResolver(locale.fonts))
    return issues


def _markup_in(case: Case, site: SiteSettings, today: date, locale: HandoutLocale) -> str:
    locale = at_site(locale, site.country)  # dates and numbers as read in the site's country
    return render_markup(build_context(case, site, locale, printed_on=today), locale, site.template_folder)


def handout_markup(case: Case, site: SiteSettings, today: date) -> str:
    """The handout markup of a validated case (what the typesetter reads); with a second
    language, both languages paired section by section."""
    locale = find_locale(case.language)
    assert locale is not None, "validate the case first"
    markup = _markup_in(case, site, today, locale)
    second = find_locale(case.second_language or "")
    if second is None or second.code == locale.code:
        return markup
    # Large print cannot hold both boxes in both languages on page 1: the patient's own first.
    return pair_markup(
        markup, _markup_in(case, site, today, second), locale, second, boxes_by_language=case.large_print
    )


def render(case: Case, site: SiteSettings, today: date | None = None) -> Handout:
    """Render the handout. Raises InputError (all errors at once) if the case cannot print."""
    today = today or date.today()
    issues = check(case, site, today)
    if errors(issues):
        raise InputError(errors(issues))
    locale = find_locale(case.language)
    assert locale is not None  # validation guarantees it
    options = PrintOptions(
        paper=site.paper,
        large_print=case.large_print,
        author=printable(site.hospital_name).strip(),  # cleaned like the printed name
        preferred_fonts=locale.fonts,
        cjk_line_breaks=locale.breaks_between_characters,
        sample=site.sample,
    )
    try:
        pdf = typeset(handout_markup(case, site, today), options)
    except TooLargeToPrint as exc:
        raise InputError([Issue("case", str(exc))]) from None
    except (MarkupError, ElementTree.ParseError) as exc:  # ParseError: pairing two languages
        if site.template_folder is None:
            raise  # the bundled template made it: a bug in the program
        raise markup_error(exc, site.template_folder) from None
    return Handout(pdf, [i for i in issues if i.severity == "warning"])
