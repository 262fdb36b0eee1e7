"""Zone abbreviations that sheets write in a time column's header (``Time (IST)``).

A team's hand-kept timeline names its zone the way people say it, not as an IANA name, and
``zoneinfo`` knows only a few abbreviations (``EST``, ``CET``). Each abbreviation here stands for
the clock on the team's wall, so it maps to a region's zone; several map to more than one (IST
is India, Ireland and Israel; CST is the US centre, China and Cuba) and the reader must choose
by other evidence (the window) or ask for ``--tz``.
"""

from __future__ import annotations

#: Abbreviation (upper case) -> the zones it is used for, the most common first.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "CST": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
    "BST": ("Europe/London", "Asia/Dhaka"),
    "PST": ("America/Los_Angeles",),
    "PDT": ("America/Los_Angeles",),
    "PT": ("America/Los_Angeles",),
    "MDT": ("America/Denver",),
    "MT": ("America/Denver",),
    "CDT": ("America/Chicago",),
    "CT": ("America/Chicago",),
    "EDT": ("America/New_York",),
    "ET": ("America/New_York",),
    "AKST": ("America/Anchorage",),
    "AKDT": ("America/Anchorage",),
    "BRT": ("America/Sao_Paulo",),
    "ART": ("America/Argentina/Buenos_Aires",),
    "CEST": ("Europe/Berlin",),
    "EEST": ("Europe/Helsinki",),
    "WEST": ("Europe/Lisbon",),
    "MSK": ("Europe/Moscow",),
    "SAST": ("Africa/Johannesburg",),
    "GST": ("Asia/Dubai",),
    "PKT": ("Asia/Karachi",),
    "NPT": ("Asia/Kathmandu",),
    "ICT": ("Asia/Bangkok",),
    "WIB": ("Asia/Jakarta",),
    "SGT": ("Asia/Singapore",),
    "HKT": ("Asia/Hong_Kong",),
    "PHT": ("Asia/Manila",),
    "JST": ("Asia/Tokyo",),
    "KST": ("Asia/Seoul",),
    "AWST": ("Australia/Perth",),
    "ACST": ("Australia/Adelaide",),
    "ACDT": ("Australia/Adelaide",),
    "AEST": ("Australia/Sydney",),
    "AEDT": ("Australia/Sydney",),
    "NZST": ("Pacific/Auckland",),
    "NZDT": ("Pacific/Auckland",),
}


def zone_choices(label: str) -> tuple[str, ...]:
    """The zones an abbreviation in a header may mean; () when it is not one we know."""
    return ABBREVIATIONS.get(label.strip().upper(), ())
