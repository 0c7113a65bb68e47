"""Add articles from the browser: ingested like ``ingest`` (large uploads on a thread, with progress),
then the whole page reruns so the graph, counts and filter lists show them at once."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from explorer.text import inert
from explorer.upload import BACKGROUND_BYTES, SUFFIXES, UploadJob, UploadOutcome, ingest_uploads, total_bytes
from explorer.views.words import tr
from pipelines.backends import Target

JOB, OUTCOME, ROUND = "u_job", "u_outcome", "u_round"


def running() -> bool:
    """Whether an upload is being ingested in the background (its progress must keep polling)."""
    return st.session_state.get(JOB) is not None


def render(db: Target, on_change: Callable[[], None]) -> None:
    """The uploader, the last upload's outcome, and the progress of one running in the background."""
    job: UploadJob | None = st.session_state.get(JOB)
    if job is not None:
        _progress(on_change)
        return
    _show(st.session_state.get(OUTCOME))
    key = f"u_files_{st.session_state.get(ROUND, 0)}"  # a new key after each upload empties the widget
    files = st.file_uploader(tr("upload_label"), type=list(SUFFIXES), accept_multiple_files=True, key=key)
    if not files or not st.button(tr("upload_add"), key="u_add"):
        return
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    if total_bytes(files) > BACKGROUND_BYTES:
        st.session_state[JOB] = UploadJob(files, db)
    else:
        with st.spinner(tr("extracting")):
            _finish(ingest_uploads(files, db), on_change)
    st.rerun()


@st.fragment(run_every=0.5)
def _progress(on_change: Callable[[], None]) -> None:
    """Polls the background job; when it is done, keeps its outcome and reruns the whole page."""
    job: UploadJob = st.session_state[JOB]
    if not job.finished:
        st.progress(job.fraction, text=tr("extracting_progress", done=job.done, total=job.total))
        return
    del st.session_state[JOB]
    if job.outcome is None:
        st.session_state[OUTCOME] = job.error
    else:
        _finish(job.outcome, on_change)
    st.rerun(scope="app")


def _finish(outcome: UploadOutcome, on_change: Callable[[], None]) -> None:
    st.session_state[OUTCOME] = outcome
    if outcome.report.new or outcome.report.replaced:
        on_change()


def _show(outcome: UploadOutcome | str | None) -> None:
    """The summary line, one line per rejected or duplicate file (names shown as text)."""
    if isinstance(outcome, str):
        st.error(inert(outcome))
        return
    if outcome is None:
        return
    report = outcome.report
    st.success(tr("upload_summary", new=report.new, replaced=report.replaced, unchanged=report.unchanged, rejected=len(report.rejected)))
    for note in outcome.duplicates:
        st.warning(inert(note))
    for rejection in report.rejected:
        st.error(f"{inert(rejection.where)}: {inert(rejection.reason)}")
