"""Killing the server mid-job and starting it again completes the job: nothing lost, nothing twice."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import func, update
from sqlmodel import select

from cvmatch_app.db.models import CreditLedger, MatchCV, utcnow
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.api.helpers import submit, wait_completed
from tests.conftest import DATA_DIR
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, make_account, txt


def test_kill_9_mid_job_then_restart_completes_exactly_once(api_server):
    # A second app on the same database would be a second runner: stop the shared one meanwhile.
    api_server.stop()
    server = None
    try:
        from tests.support.server import AppServer

        server = AppServer(Path(DATA_DIR), env={"CVMATCH_RUNNER_CONCURRENCY": "1"}).start()
        account = make_account(plan="api", credits=25)
        cvs = [txt(f"cv{i:02}.txt", (NURSE_CV if i % 2 else DEVELOPER_CV) + f"\nref {i}") for i in range(25)]
        job_id = submit(server.url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]
        server.kill()

        # Whatever the kill interrupted, make the crash state explicit: one CV held by the dead runner.
        with session_scope(write=True) as session:
            held = session.exec(
                select(MatchCV.id).where(MatchCV.job_id == job_id, MatchCV.status != "completed")
            ).first()
            if held is not None:
                session.execute(
                    update(MatchCV).where(MatchCV.id == held).values(status="processing", lease_until=utcnow())
                )

        server.start()
        progress = wait_completed(server.url, account.headers, job_id)
        assert progress == {**progress, "status": "completed", "total": 25, "completed": 25, "failed": 0}
        results = httpx.get(f"{server.url}/api/match/{job_id}", headers=account.headers).json()["results"]
        assert sorted(r["cv_filename"] for r in results) == [f"cv{i:02}.txt" for i in range(25)]
        with session_scope() as session:
            rows = session.exec(select(func.count()).select_from(MatchCV).where(MatchCV.job_id == job_id)).one()
            charges = session.exec(
                select(CreditLedger).where(CreditLedger.user_id == account.user_id, CreditLedger.reason != "signup")
            ).all()
            assert rows == 25
            assert [(c.reason, c.delta) for c in charges] == [("match", -25)]
            assert credits.balance(session, account.user_id) == 0
    finally:
        if server is not None:
            server.stop()
        api_server.start()
