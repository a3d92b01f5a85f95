"""The client against a running parley server, whose address is in PARLEY_URL (and token, if any,
in PARLEY_TOKEN). Run: PARLEY_URL=http://127.0.0.1:4242 python3 -m unittest discover -s tests
(test/clients/python.test.ts starts a server and runs this in CI)."""

import os
import sys
import unittest
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from parley_client import ParleyClient, ParleyError  # noqa: E402
from parley_client.client import forecast_rows, outlook_rows  # noqa: E402

URL = os.environ.get("PARLEY_URL")


def talks(case_id):
    return {
        "id": case_id,
        "title": "Border talks (python client)",
        "actors": [
            {"id": "north", "name": "North", "kind": "state", "capability": 60},
            {"id": "south", "name": "South", "kind": "state", "capability": {"value": 40, "low": 30, "high": 50}},
        ],
        "issues": [{"id": "border", "title": "Where the border runs", "statusQuo": 50}],
        "stances": [
            {"actor": "north", "issue": "border", "position": 20, "salience": 0.8, "date": "2025-03-01"},
            {"actor": "south", "issue": "border", "position": {"value": 80, "low": 70, "high": 90}, "salience": 0.6, "date": "2025-03-01"},
        ],
    }


@unittest.skipUnless(URL, "set PARLEY_URL to a running parley server")
class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = ParleyClient(URL, token=os.environ.get("PARLEY_TOKEN"), author="python-tests")
        cls.id = "py-" + uuid.uuid4().hex[:8]
        written = cls.client.create_case(talks(cls.id))
        assert written == {"id": cls.id, "revision": 1}, written

    def test_cases_lists_the_new_case_and_the_examples(self):
        ids = [c["id"] for c in self.client.cases()]
        self.assertIn(self.id, ids)
        self.assertIn("ukraine-peace-plan-2025", ids)

    def test_case_round_trips(self):
        c = self.client.case(self.id)
        self.assertEqual(c["id"], self.id)
        self.assertEqual([a["id"] for a in c["actors"]], ["north", "south"])

    def test_forecast_compromise_is_the_weighted_mean(self):
        res = self.client.forecast(self.id, models=["compromise"])
        rows = forecast_rows(res)
        self.assertEqual(len(rows), 1)
        # Compromise: sum(c*s*x)/sum(c*s) = (60*.8*20 + 40*.6*80) / (60*.8 + 40*.6) = 2880/72 = 40.
        self.assertAlmostEqual(rows[0]["outcome"], 40.0, places=9)
        self.assertTrue(res["runId"])
        self.assertIn(res["runId"], [r["id"] for r in self.client.runs(self.id)])

    def test_outlook_has_a_probability_and_intervals(self):
        o = self.client.outlook(self.id, by="2025-09-01", runs=200, seed=3, models=["compromise", "status-quo"])
        p = o["agreement"]["probability"]
        self.assertGreaterEqual(p, 0)
        self.assertLessEqual(p, 1)
        rows = outlook_rows(o)
        self.assertEqual([r["model"] for r in rows], ["compromise", "status-quo"])
        for r in rows:
            self.assertLessEqual(r["p05"], r["p25"])
            self.assertLessEqual(r["p75"], r["p95"])
        sq = [r for r in rows if r["model"] == "status-quo"][0]
        self.assertEqual((sq["p05"], sq["p95"]), (50, 50))
        # The same seed, the same numbers.
        self.assertEqual(self.client.outlook(self.id, by="2025-09-01", runs=200, seed=3, models=["compromise", "status-quo"]), o)

    def test_simulate_waits_for_the_job(self):
        r = self.client.simulate(self.id, runs=60, seed=2, models=["compromise"])
        self.assertEqual(r["runs"], 60)
        self.assertIn("runId", r)

    def test_a_sensitivity_job_gives_the_synchronous_answer(self):
        via_job = self.client.sensitivity(self.id, seed=4, models=["compromise"])
        direct = self.client._request("POST", f"/api/cases/{self.id}/sensitivity", body={"seed": 4, "models": ["compromise"]})
        # The job's result is the synchronous answer plus the id of the run it was stored as.
        run_id = via_job.pop("runId")
        self.assertIn(run_id, [r["id"] for r in self.client.runs(self.id)])
        self.assertEqual(via_job, direct)
        self.assertEqual(via_job["models"], ["compromise"])
        self.assertGreater(len(via_job["entries"]), 0)

    def test_analysis_jobs_take_each_routes_options_and_refuse_bad_ones(self):
        levers = self.client.analysis_job(self.id, "levers", target="zone", runs=10, seed=1)
        self.assertEqual(levers["case"]["id"], self.id)
        job = self.client.analysis_job(self.id, "timeline", wait=False)
        self.assertEqual(job["kind"], "timeline")
        timeline = self.client.wait(job["id"])
        self.assertEqual(timeline["case"]["id"], self.id)
        listed = self.client.jobs(case_id=self.id, kind="timeline", status=["done"])
        self.assertEqual(listed[0]["id"], job["id"])
        self.assertEqual((listed[0]["caseId"], "result" in listed[0]), (self.id, False))
        self.assertEqual(self.client.jobs(case_id=self.id + "-none"), [])
        self.assertEqual([p["date"] for p in timeline["points"]], ["2025-03-01"])
        with self.assertRaises(ParleyError) as e:
            self.client.analysis_job(self.id, "sensitivity", seed=-1)
        self.assertEqual((e.exception.status, e.exception.path), (400, "options.seed"))
        with self.assertRaises(ParleyError) as e:
            self.client.backtest([self.id])
        self.assertEqual((e.exception.status, e.exception.path), (400, "caseIds.0"))

    def test_export_and_import_round_trip(self):
        yaml_text = self.client.export_case(self.id, "yaml")
        self.assertIn(self.id, yaml_text)
        new_id = self.id + "-copy"
        self.assertEqual(self.client.import_case(yaml_text, format="yaml", id=new_id)["id"], new_id)
        copy = self.client.case(new_id)
        self.assertEqual(copy["stances"], self.client.case(self.id)["stances"])

    def test_errors_name_status_and_field(self):
        with self.assertRaises(ParleyError) as e:
            self.client.case("no-such-case")
        self.assertEqual(e.exception.status, 404)
        with self.assertRaises(ParleyError) as e:
            self.client.forecast(self.id, models=["no-such-model"])
        self.assertEqual(e.exception.status, 400)
        with self.assertRaises(ParleyError) as e:
            self.client.outlook(self.id, by="garbage")
        self.assertEqual(e.exception.status, 400)
        self.assertIn("by", str(e.exception.body))

    def test_a_stale_if_match_is_refused_and_changes_nothing(self):
        cid = self.id + "-edit"
        self.client.create_case(talks(cid))
        c = self.client.case(cid)
        c["title"] = "Edited once"
        self.assertEqual(self.client.update_case(cid, c, if_match=1)["revision"], 2)
        c["title"] = "Edited from a stale copy"
        with self.assertRaises(ParleyError) as e:
            self.client.update_case(cid, c, if_match=1)
        self.assertEqual(e.exception.status, 412)
        self.assertEqual(self.client.case(cid)["title"], "Edited once")
        authors = [r["author"] for r in _items(self.client.revisions(cid))]
        self.assertEqual(authors[-1], "python-tests")

    def test_report_markdown(self):
        md = self.client.report(self.id, format="md", runs=40)
        self.assertTrue(md.startswith("# parley report: Border talks (python client)"))
        self.assertIn("## Key findings", md)

    def test_ingest_finds_the_quote(self):
        r = self.client.ingest('"We will never give up the border," North\'s foreign minister said on Monday.', date="2025-03-05")
        self.assertEqual(len(r["quotes"]), 1, r)
        self.assertIn("We will never give up the border", r["quotes"][0]["text"])
        self.assertEqual(r["quotes"][0]["speaker"], "North's foreign minister")
        # "on Monday" in an article of Wednesday 2025-03-05: the Monday before.
        self.assertEqual(r["dates"][0]["resolved"], "2025-03-03")


@unittest.skipUnless(URL, "set PARLEY_URL to a running parley server")
class FramesTest(unittest.TestCase):
    def setUp(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("pandas is not installed")
        self.client = ParleyClient(URL, token=os.environ.get("PARLEY_TOKEN"))

    def test_forecast_frame(self):
        df = self.client.forecast_frame("tutorial", models=["compromise", "median"])
        self.assertEqual(list(df.columns), ["model", "issue", "outcome"])
        self.assertEqual(sorted(set(df["model"])), ["compromise", "median"])


def _items(x):
    return x["items"] if isinstance(x, dict) and "items" in x else x


if __name__ == "__main__":
    unittest.main()
