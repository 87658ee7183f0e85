"""What the terminal views (status.py, stages.py) share: names, marks, the countdown, the progress
bar, the stage tree's indent, and paragraphs that keep commands whole."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from tahapan.days import timeline as tl
from tahapan.i18n import date_mark, days, election_mark, format_date, h_label, pick, tr
from tahapan.model import ZONE_SHORT, Election, Stage
from tahapan.render.lines import wrap

#: how a stage's name is drawn for where it stands on the day asked about
POSITION_STYLE = {
    "active": "bold green",
    "ended": "dim",
    "upcoming": "",
    "not-held": "dim strike",
    "unknown": "",
}


def stage_name(stage: Stage) -> str:
    return pick(stage.name, stage.name_en)


def election_name(election: Election) -> str:
    return pick(election.name, election.name_en)


def zone_label(zone: str) -> str:
    short = ZONE_SHORT.get(zone)
    return f"{short} ({zone})" if short else zone


def countdown(election: Election, on_h: int | None) -> str:
    if election.voting_day is None or on_h is None:
        from tahapan.render.words import no_voting_day

        return no_voting_day(election)
    voting = format_date(election.voting_day, weekday=True)
    if on_h < 0:
        return tr(
            f"pemungutan suara {voting}, {-on_h} hari lagi",
            f"voting day {voting}, in {days(-on_h)}",
        )
    if on_h == 0:
        return tr(f"hari ini pemungutan suara, {voting}", f"voting day today, {voting}")
    return tr(
        f"pemungutan suara {voting}, {on_h} hari lalu", f"voting day {voting}, {days(on_h)} ago"
    )


def progress_bar(done: int, total: int, width: int = 12) -> Text:
    # Drawn with two glyphs, not colour alone, so it still reads in a pipe, a log or a printout.
    filled = min(width, max(1, round(width * done / total)))
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "dim"))


def tree_prefix(depth: int) -> str:
    """A stage's place in the tree before its name: "", "  └ ", "    └ "."""
    return "  " * depth + ("└ " if depth else "")


def indent(ref: tl.StageRef, *, mark: bool = False) -> Text:
    # the tree prefix alone is faint: a style given to Text() would be the whole line's base
    text = Text()
    text.append(tree_prefix(ref.depth), style="dim")
    text.append(stage_name(ref.stage))
    if mark:
        text.append_text(projected(ref.stage, ref.election))
    return text


class Prose:
    """A paragraph that names commands to copy: wrapped to the width it is given, a command kept
    on one line, or broken between its arguments with a shell continuation (render/lines.py)."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text, self.style = text, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap(self.text, options.max_width, rest=""):
            # already fitted: Rich is not to wrap again (a value longer than the line runs on)
            yield Text(line, style=self.style, no_wrap=True, overflow="ignore")


def projected(stage: Stage, election: Election) -> Text:
    """' (proyeksi)' or ' (asumsi kantor)' after a stage's name, where no confidence column says so."""
    word = date_mark(stage, election)
    return Text(f" ({word})", style="yellow") if word else Text("")


def panel_title(election: Election, h: int | None, gap: str) -> Text:
    title = Text.assemble((election_name(election), "bold"))
    if h is not None:
        title.append_text(Text.assemble(gap, (h_label(h), "bold cyan")))
    word = election_mark(election)
    if word:
        title.append(gap + word.upper(), style="bold yellow")
    return title
