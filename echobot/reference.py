"""Reference lists shown in forms."""

from __future__ import annotations

import calendar

US_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}

MONTHS: dict[int, str] = {number: calendar.month_name[number] for number in range(1, 13)}


# The zones US hubs use, offered first in the time zone search.
US_TIMEZONES: dict[str, str] = {
    "America/New_York": "Eastern",
    "America/Chicago": "Central",
    "America/Denver": "Mountain",
    "America/Phoenix": "Arizona (no daylight saving)",
    "America/Los_Angeles": "Pacific",
    "America/Anchorage": "Alaska",
    "Pacific/Honolulu": "Hawaii",
    "America/Boise": "Mountain (Idaho)",
    "America/Detroit": "Eastern (Michigan)",
    "America/Indiana/Indianapolis": "Eastern (Indiana)",
    "America/Kentucky/Louisville": "Eastern (Kentucky)",
    "America/Adak": "Hawaii-Aleutian",
    "America/Puerto_Rico": "Atlantic (Puerto Rico)",
    "Pacific/Guam": "Chamorro (Guam)",
}


def timezone_matches(query: str, limit: int = 100) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(US zones, other zones) matching `query`, as (label, IANA name), at most `limit` in all."""
    from zoneinfo import available_timezones

    wanted = query.strip().lower().replace(" ", "_")
    us = [
        (f"{label} · {zone}", zone)
        for zone, label in US_TIMEZONES.items()
        if wanted in zone.lower() or wanted in label.lower().replace(" ", "_")
    ]
    others = sorted(
        zone
        for zone in available_timezones()
        if "/" in zone
        and zone not in US_TIMEZONES
        and wanted in zone.lower()
        and not zone.startswith(("Etc/", "SystemV/", "US/"))
    )
    return us[:limit], [(zone, zone) for zone in others[: max(0, limit - len(us))]]
