import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../web/src/router.ts';

describe('dashboard routes', () => {
  it('parses every view and round-trips through href', () => {
    const routes: Route[] = [
      { view: 'cases' },
      { view: 'overview', caseId: 'ukraine-peace-plan-2025' },
      { view: 'issue', caseId: 'ukraine-peace-plan-2025', issueId: 'donbas' },
      { view: 'trajectories', caseId: 'c' },
      { view: 'drafts', caseId: 'c' },
      { view: 'evidence', caseId: 'c' },
      { view: 'ingest', caseId: 'c' },
      { view: 'scenarios', caseId: 'c' },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
    expect(href({ view: 'issue', caseId: 'a b', issueId: 'x/y' })).toBe('#/case/a%20b/issue/x%2Fy');
    // As-of dates travel in the hash, so a view of the past is a link.
    const past: Route = { view: 'issue', caseId: 'c', issueId: 'donbas', asOf: '2025-11-25' };
    expect(href(past)).toBe('#/case/c/issue/donbas?asOf=2025-11-25');
    expect(parseRoute(href(past))).toEqual(past);
    expect(parseRoute('#/case/c/drafts?asOf=yesterday')).toEqual({ view: 'drafts', caseId: 'c' });
    expect(parseRoute('#/case/a%20b/issue/x%2Fy')).toEqual({ view: 'issue', caseId: 'a b', issueId: 'x/y' });
  });

  it('treats empty hashes as the case list and unknown paths as not found', () => {
    expect(parseRoute('')).toEqual({ view: 'cases' });
    expect(parseRoute('#/')).toEqual({ view: 'cases' });
    expect(parseRoute('#/case/c/nonsense')).toEqual({ view: 'not-found', hash: '#/case/c/nonsense' });
    expect(parseRoute('#/case/c/issue')).toEqual({ view: 'not-found', hash: '#/case/c/issue' });
    // A malformed escape is kept as typed instead of throwing.
    expect(parseRoute('#/case/%E0%A4%A')).toEqual({ view: 'overview', caseId: '%E0%A4%A' });
  });
});
