"""The client: one method per operation of the API, returning the API's JSON as plain data."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterable, List, Optional


class ParleyError(Exception):
    """An error answer of the API: its HTTP status, message and the field it names (if any)."""

    def __init__(self, status: int, message: str, path: Optional[str] = None, body: Any = None):
        super().__init__(f"{status}: {message}" + (f" ({path})" if path else ""))
        self.status = status
        self.message = message
        self.path = path
        self.body = body


class ParleyClient:
    """A parley server at ``base_url`` (e.g. ``http://127.0.0.1:4242``).

    ``token`` is sent as ``Authorization: Bearer <token>``: the server's shared token or a user's
    API token (``parley user add``). ``author`` names the writer of revisions when the shared token
    (or no token) is used.
    """

    def __init__(self, base_url: str, token: Optional[str] = None, author: Optional[str] = None, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.author = author
        self.timeout = timeout

    # ---- plumbing

    def _request(self, method: str, path: str, body: Any = None, query: Optional[Dict[str, Any]] = None,
                 headers: Optional[Dict[str, str]] = None, raw: bool = False, text_body: Optional[str] = None):
        url = self.base_url + path
        q = {k: v for k, v in (query or {}).items() if v is not None}
        if q:
            url += "?" + urllib.parse.urlencode(q)
        h = {"Accept": "application/json"}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        if self.author:
            h["X-Parley-Author"] = self.author
        data = None
        if text_body is not None:
            data = text_body.encode("utf-8")
            h["Content-Type"] = "text/plain; charset=utf-8"
        elif body is not None:
            data = json.dumps(body).encode("utf-8")
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        req = urllib.request.Request(url, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                payload = res.read()
                if raw:
                    return payload.decode("utf-8"), dict(res.headers)
                return json.loads(payload) if payload else None
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            try:
                err = json.loads(text)
                info = err.get("error", {}) if isinstance(err, dict) else {}
                raise ParleyError(e.code, info.get("message", text), info.get("path"), err) from None
            except ValueError:
                raise ParleyError(e.code, text or e.reason) from None

    # ---- cases

    def _all(self, path: str, query: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """Every item of a paged list (``{items, total, offset, limit}``), page after page."""
        out: List[Dict[str, Any]] = []
        while True:
            page = self._request("GET", path, query={**(query or {}), "offset": len(out), "limit": 500})
            out.extend(page["items"])
            if not page["items"] or len(out) >= page["total"]:
                return out

    def cases(self) -> List[Dict[str, Any]]:
        """Every stored case: id, title, counts, latest revision, updatedAt."""
        return self._all("/api/cases")

    def case(self, case_id: str, revision: Optional[int] = None, as_of: Optional[str] = None) -> Dict[str, Any]:
        """A case as stored (its latest revision, or one revision, or as it stood on a date)."""
        return self._request("GET", f"/api/cases/{_id(case_id)}", query={"revision": revision, "asOf": as_of})

    def create_case(self, case: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("POST", "/api/cases", body=case)

    def update_case(self, case_id: str, case: Dict[str, Any], if_match: Optional[int] = None) -> Dict[str, Any]:
        """Replace a case; ``if_match`` is the revision the change is based on (a stale one: ParleyError 412)."""
        headers = {"If-Match": f'"{if_match}"'} if if_match is not None else {}
        return self._request("PUT", f"/api/cases/{_id(case_id)}", body=case, headers=headers)

    def delete_case(self, case_id: str) -> Any:
        return self._request("DELETE", f"/api/cases/{_id(case_id)}")

    def import_case(self, text: str, format: Optional[str] = None, name: Optional[str] = None, id: Optional[str] = None) -> Dict[str, Any]:
        """Import a file's text as a new case (case YAML/JSON, KTAB CSV/XML, decide, BDM CSV, DEU; detected
        when ``format`` is absent, helped by the file ``name``): ``{"id", "revision"}``."""
        return self._request("POST", "/api/cases/import", text_body=text, query={"format": format, "name": name, "id": id})

    def export_case(self, case_id: str, format: str = "yaml") -> str:
        text, _ = self._request("GET", f"/api/cases/{_id(case_id)}/export", query={"format": format}, raw=True)
        return text

    def revisions(self, case_id: str) -> Any:
        return self._request("GET", f"/api/cases/{_id(case_id)}/revisions")

    def report(self, case_id: str, format: str = "html", runs: Optional[int] = None, as_of: Optional[str] = None, by: Optional[str] = None) -> str:
        text, _ = self._request("GET", f"/api/cases/{_id(case_id)}/report", query={"format": format, "runs": runs, "asOf": as_of, "by": by}, raw=True)
        return text

    # ---- forecasts and analysis

    def forecast(self, case_id: str, models: Optional[Iterable[str]] = None, as_of: Optional[str] = None,
                 scenario: Optional[str] = None, seed: Optional[int] = None, params: Optional[Dict[str, Dict[str, Any]]] = None) -> Dict[str, Any]:
        """Run the models (stored as a run): ``{"results": [...per model...], "runId": ...}``."""
        body = _clean({"models": list(models) if models else None, "asOf": as_of, "scenario": scenario, "seed": seed, "params": params})
        return self._request("POST", f"/api/cases/{_id(case_id)}/forecast", body=body)

    def outlook(self, case_id: str, by: str, runs: Optional[int] = None, seed: Optional[int] = None,
                as_of: Optional[str] = None, models: Optional[Iterable[str]] = None) -> Dict[str, Any]:
        """Will there be a deal by ``by``: the agreement probability and, per model and issue, the terms and intervals."""
        body = _clean({"by": by, "runs": runs, "seed": seed, "asOf": as_of, "models": list(models) if models else None})
        return self._request("POST", f"/api/cases/{_id(case_id)}/outlook", body=body)

    def simulate(self, case_id: str, runs: int = 1000, seed: int = 1, models: Optional[Iterable[str]] = None,
                 wait: bool = True, poll: float = 0.2, timeout: float = 600.0) -> Dict[str, Any]:
        """Start a Monte Carlo job; with ``wait`` poll it to the end and return its result (else the job)."""
        body = _clean({"runs": runs, "seed": seed, "models": list(models) if models else None})
        job_id = self._request("POST", f"/api/cases/{_id(case_id)}/simulate", body=body)["jobId"]
        return self.wait(job_id, poll=poll, timeout=timeout) if wait else self.job(job_id)

    def wait(self, job_id: str, poll: float = 0.2, timeout: float = 600.0) -> Any:
        """Poll a job to its end and return its result; a failed or cancelled job raises ParleyError, a slow one TimeoutError."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if job["status"] == "done":
                return job["result"]
            if job["status"] in ("failed", "cancelled"):
                raise ParleyError(500 if job["status"] == "failed" else 409, job.get("error") or f"job {job_id} {job['status']}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} still {job['status']} after {timeout} s")
            time.sleep(poll)

    def analysis_job(self, case_id: str, kind: str, wait: bool = True, poll: float = 0.2, timeout: float = 600.0, **options: Any) -> Any:
        """A long analysis as a job (``kind``: sensitivity, research, scenarios, timeline, packages, power, levers),
        with the synchronous route's options by their API names (``asOf``, ``seed``, ``target``, ...); with ``wait``
        its result (the synchronous route's JSON and the ``runId`` it was stored as), else the job."""
        body = {"kind": kind, **({"options": _clean(options)} if options else {})}
        job_id = self._request("POST", f"/api/cases/{_id(case_id)}/jobs", body=body)["jobId"]
        return self.wait(job_id, poll=poll, timeout=timeout) if wait else self.job(job_id)

    def sensitivity(self, case_id: str, **options: Any) -> Dict[str, Any]:
        """Which estimate moves the forecast most (run as a job)."""
        return self.analysis_job(case_id, "sensitivity", **options)

    def backtest(self, case_ids: Iterable[str], wait: bool = True, poll: float = 0.2, timeout: float = 600.0, **options: Any) -> Any:
        """Score the models on stored cases with known outcomes (options: models, folds, seed, bootstrap, draws), as a job."""
        body = {"caseIds": list(case_ids), **({"options": _clean(options)} if options else {})}
        job_id = self._request("POST", "/api/backtests", body=body)["jobId"]
        return self.wait(job_id, poll=poll, timeout=timeout) if wait else self.job(job_id)

    def sensitivity_frame(self, case_id: str, **options: Any):
        """The sensitivity ranking as a DataFrame: one row per swung estimate."""
        return _pandas().DataFrame(self.sensitivity(case_id, **options)["entries"])

    def job(self, job_id: str) -> Dict[str, Any]:
        return self._request("GET", f"/api/jobs/{_id(job_id)}")

    def jobs(self, status: Optional[Iterable[str]] = None, kind: Optional[str] = None, case_id: Optional[str] = None,
             limit: Optional[int] = None) -> List[Dict[str, Any]]:
        """The stored jobs, newest first, without results: of the given statuses ("queued", "running", ...), kind and case."""
        query = {"status": ",".join(status) if status else None, "kind": kind, "case": case_id, "limit": limit}
        return self._request("GET", "/api/jobs", query=query)["items"]

    def cancel_job(self, job_id: str) -> Dict[str, Any]:
        return self._request("DELETE", f"/api/jobs/{_id(job_id)}")

    def zopa(self, case_id: str, as_of: Optional[str] = None) -> Dict[str, Any]:
        return self._request("GET", f"/api/cases/{_id(case_id)}/zopa", query={"asOf": as_of})

    def runs(self, case_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """Stored runs (forecasts and simulations), newest first; of one case with ``case_id``."""
        return self._all("/api/runs", {"case": case_id})

    def models(self) -> Any:
        """The models and their parameter tables."""
        return self._request("GET", "/api/models")

    # ---- evidence

    def ingest(self, text: str, date: Optional[str] = None, case_id: Optional[str] = None) -> Dict[str, Any]:
        """Candidate evidence from an article's text (quotes, speakers, dates, sources)."""
        return self._request("POST", "/api/ingest", body=_clean({"text": text, "date": date, "caseId": case_id}))

    def evidence(self, case_id: Optional[str] = None, status: Optional[str] = None, actor: Optional[str] = None, issue: Optional[str] = None) -> List[Dict[str, Any]]:
        """The evidence library (latest revisions), filtered by case, status, actor or issue."""
        return self._all("/api/evidence", {"case": case_id, "status": status, "actor": actor, "issue": issue})

    # ---- DataFrames (pandas, when installed)

    def forecast_frame(self, case_id: str, **kwargs):
        """The forecast as a DataFrame: one row per model and issue (model, issue, outcome)."""
        res = self.forecast(case_id, **kwargs)
        return _pandas().DataFrame(forecast_rows(res))

    def outlook_frame(self, case_id: str, by: str, **kwargs):
        """The outlook as a DataFrame: one row per model and issue, with the intervals."""
        return _pandas().DataFrame(outlook_rows(self.outlook(case_id, by, **kwargs)))

    def cases_frame(self):
        return _pandas().DataFrame(self.cases())


def forecast_rows(res: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Flatten a forecast answer: one row per model and issue (``outcome`` is None where a model gives none)."""
    return [{"model": r["model"], "issue": issue, "outcome": value} for r in res["results"] for issue, value in r["outcome"].items()]


def outlook_rows(o: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Flatten an outlook answer: one row per model and issue."""
    rows = []
    for m in o["models"]:
        for i in m["issues"]:
            rows.append({
                "model": m["model"], "issue": i["issue"], "probability": m["agreement"]["probability"],
                "status_quo": i["statusQuo"], "if_agreed": i["ifAgreed"], "expected": i["expected"],
                "p05": i["interval90"][0], "p25": i["interval50"][0], "p75": i["interval50"][1], "p95": i["interval90"][1],
            })
    return rows


def _pandas():
    try:
        import pandas  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("the *_frame helpers need pandas: pip install 'parley-client[pandas]'") from e
    return pandas


def _id(s: str) -> str:
    return urllib.parse.quote(str(s), safe="")


def _clean(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
