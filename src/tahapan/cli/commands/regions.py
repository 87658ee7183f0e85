"""`tahapan regions`: the regions tahapan knows."""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import DataOpt, JsonOpt, LangOpt, open_session
from tahapan.errors import TahapanError
from tahapan.i18n import tr
from tahapan.model import Region
from tahapan.render import render
from tahapan.reports.files import RegionsReport


@helped("regions")
def command(
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="TEXT",
            help=h(
                "regions.TEXT",
                "Code, id or name to look for, whole or in part (kediri, 35.71, Tangsel, kota).",
            ),
            show_default=False,
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(
            "--province",
            "-p",
            metavar="PROVINCE",
            help=h(
                "regions.province",
                "Only the regions of this province (code, id or name: 35, jawa-timur, Jatim).",
            ),
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
) -> int:
    """The regions tahapan knows: 38 provinces and 514 regencies and cities, with Kemendagri code,
    kind, time zone and province. With TEXT, those it names: exact matches first, then names holding
    every word, then names containing it. Exit 1 when nothing matches, as grep does."""
    from tahapan.schedule.region_lookup import search, suggestions

    session = open_session(data=data, lang=lang, tz=None, elections=None)
    known = session.catalog.regions
    found: tuple[Region, ...] = known
    if province:
        chosen = _province(known, province)
        if chosen.parent is not None:
            above = next((r.name for r in known if r.id == chosen.parent), chosen.parent)
            raise TahapanError(
                tr(f"{chosen.name} bukan provinsi", f"{chosen.name} is not a province"),
                hint=tr(f"Provinsinya: {above}.", f"Its province is {above}."),
            )
        found = tuple(r for r in found if chosen.id in (r.id, r.parent))
    looked_in = found  # the province's regions, or all: where a near miss is looked for
    if query:
        found = tuple(search(found, query))
    close = () if found else tuple(suggestions(looked_in, query or ""))
    report = RegionsReport(found, query=query, province=province, close=close)
    return render(report, "json" if json else "term")


def _province(known: tuple[Region, ...], text: str) -> Region:
    """The province --province names: looked for among provinces first, so that "bangka" is
    Kepulauan Bangka Belitung and "kepulauan" two provinces, not eighteen regions; then among all,
    to say which province a regency lies in. Several: exit 2, the candidates on stderr."""
    from tahapan.schedule.region_lookup import AmbiguousRegionError, exact, find_region

    provinces = tuple(r for r in known if r.parent is None)
    # a regency named exactly ("Kota Kediri") is not a province that merely shares its words
    among = known if exact(known, text) and not exact(provinces, text) else provinces
    try:
        return find_region(among, text)
    except AmbiguousRegionError as err:
        raise AmbiguousRegionError("--province: " + err.message, hint=err.hint) from None
    except TahapanError:
        if among is known:
            raise
    return find_region(known, text)
