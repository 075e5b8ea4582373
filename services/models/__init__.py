"""The community directory: service guides, partners and public spaces.

Text is translated with wagtail-localize; facts (coordinates, phones, addresses
on the web, opening-hours rows, languages spoken, images) are synchronised, so
an editor changes them once in Chinese and every locale follows.
"""

from services.models.common import (
    LANGUAGE_CHOICES,
    LANGUAGE_LABELS,
    PARTNER_TYPE_LABELS,
    PARTNER_TYPES,
    DirectoryPage,
    LanguageListField,
    Location,
    OpeningHours,
    ServiceCategory,
)
from services.models.partners import PartnerIndexPage, PartnerOpeningHours, PartnerPage
from services.models.services import (
    ServiceIndexPage,
    ServiceOpeningHours,
    ServicePage,
    review_cutoff,
)
from services.models.spaces import (
    PublicSpacePage,
    SpaceHoursException,
    SpaceIndexPage,
    SpaceOpeningHours,
)

__all__ = [
    "LANGUAGE_CHOICES",
    "LANGUAGE_LABELS",
    "PARTNER_TYPES",
    "PARTNER_TYPE_LABELS",
    "DirectoryPage",
    "LanguageListField",
    "Location",
    "OpeningHours",
    "PartnerIndexPage",
    "PartnerOpeningHours",
    "PartnerPage",
    "PublicSpacePage",
    "ServiceCategory",
    "ServiceIndexPage",
    "ServiceOpeningHours",
    "ServicePage",
    "SpaceHoursException",
    "SpaceIndexPage",
    "SpaceOpeningHours",
    "review_cutoff",
]
