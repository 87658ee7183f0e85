"""Plain text of `tahapan kasus chains`: the chains, or one step by step."""

from __future__ import annotations

from tahapan.i18n import pick, tr
from tahapan.render.cases import confidence_words, joined, label_rows, rule_text, wrapped
from tahapan.reports.cases import ChainsReport
from tahapan.schedule.chains import Chain, Step


def chains_text(report: ChainsReport) -> str:
    lines: list[str] = []
    for chain in report.chains:
        if not report.detail:
            lines.append(f"{chain.id:24} {pick(chain.name, chain.name_en)}")
            continue
        lines.append(f"{chain.id}: {pick(chain.name, chain.name_en)}")
        lines += label_rows(
            [
                (tr("peristiwa", "event"), pick(chain.event, chain.event_en)),
                (tr("dasar hukum", "basis"), chain.basis),
                *_own_file(chain),
            ],
            "  ",
        )
        for number, step in enumerate(chain.steps, 1):
            lines.append("")
            lines += _chain_step(number, step, chain)
        if chain.note:
            lines += ["", tr("Catatan: ", "Note: ") + pick(chain.note, chain.note_en)]
    return joined(lines)


def _own_file(chain: Chain) -> list[tuple[str, str]]:
    """The file of an office's own chain; the shipped ones need no path (it differs per install)."""
    from tahapan.schedule.chains import shipped_chains_path

    if chain.source == str(shipped_chains_path()):
        return []
    return [(tr("berkas", "file"), chain.source)]


def _chain_step(number: int, step: Step, chain: Chain) -> list[str]:
    optional = tr(" (bila ada)", " (if any)") if step.optional else ""
    rows = [(tr("ketentuan", "rule"), rule_text(step.count, step.ref, chain))]
    if step.basis:
        rows.append(
            (tr("dasar hukum", "basis"), f"{step.basis} · {confidence_words(step.confidence)}")
        )
    if step.alternative is not None:
        a = step.alternative
        rows.append(
            (
                tr("ketentuan lain", "other rule"),
                f"{rule_text(a.count, a.ref, chain)} ({a.basis} · {confidence_words(a.confidence)})",
            )
        )
    if step.note:
        rows.append((tr("catatan", "note"), pick(step.note, step.note_en)))
    head = f"{number}. {pick(step.name, step.name_en)}{optional} ({step.id})"
    return [*wrapped(head), *label_rows(rows, "   ")]
