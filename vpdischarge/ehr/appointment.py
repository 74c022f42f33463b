"""The follow-up visit: the next booked Appointment after the procedure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass
class VisitPart:
    when: datetime | None = None
    where: str = ""
    phone: str = ""
    booked: int = 0  # booked appointments in the record


def _local(moment: datetime) -> datetime:
    """The clinic's wall-clock time, in minutes: an instant with an offset is shown in this
    computer's time zone (a record in UTC must not print a visit hours off)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def _place(appointment, bundle) -> tuple[str, str]:
    for participant in appointment.participant or []:
        actor = participant.actor
        if actor is None:
            continue
        target = bundle.resolve(actor.reference)
        is_location = (actor.type == "Location") or (actor.reference or "").startswith("Location/")
        if target is not None and target.resource_type == "Location":
            location = target.resource
            phone = next((t.value for t in location.telecom or [] if t.system == "phone" and t.value), "")
            return (location.name or actor.display or "").strip(), phone.strip()
        if is_location and actor.display:
            return actor.display.strip(), ""
    return "", ""


def visit_part(bundle, after: date) -> VisitPart:
    """The earliest booked appointment starting on a day after `after`."""
    booked = [e.resource for e in bundle.of_type("Appointment") if e.resource.status == "booked"]
    part = VisitPart(booked=len(booked))
    later = [(_local(a.start), a) for a in booked if a.start is not None and _local(a.start).date() > after]
    if not later:
        return part
    when, appointment = min(later, key=lambda pair: pair[0])
    part.when = when
    part.where, part.phone = _place(appointment, bundle)
    return part
