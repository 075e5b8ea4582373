"""Notices in site search: a kind of result of their own, and the board suggested on no hits."""

from django.utils.translation import gettext_lazy as _

from search.queries import ResultType, register_result_type


def register_search_type():
    register_result_type(
        ResultType("notices", _("Notices"), ("notices.NoticePage", "notices.NoticeIndexPage")),
        browse_page="notices.NoticeIndexPage",
    )
