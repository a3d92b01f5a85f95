/**
 * A hash router: the dashboard is static files, so every view lives at `#/…` and reloads, the back
 * button and links work without any server-side routing.
 */
import { useEffect, useState } from 'react';

/** Case views may look at the case as it stood on a date (`?asOf=YYYY-MM-DD` after the path). */
interface AsOf {
  asOf?: string;
}
export type Route =
  | { view: 'cases' }
  | ({ view: 'overview'; caseId: string } & AsOf)
  /** `actor`: the estimate editor opens on that actor (links from Research next). */
  | ({ view: 'issue'; caseId: string; issueId: string; actor?: string } & AsOf)
  | ({ view: 'trajectories'; caseId: string } & AsOf)
  | ({ view: 'drafts'; caseId: string } & AsOf)
  | ({ view: 'packages'; caseId: string } & AsOf)
  /** `actor`, `issue`: the evidence filters to start with (links from Research next). */
  | ({ view: 'evidence'; caseId: string; actor?: string; issue?: string } & AsOf)
  | ({ view: 'ingest'; caseId: string } & AsOf)
  | ({ view: 'scenarios'; caseId: string } & AsOf)
  | ({ view: 'outlook'; caseId: string } & AsOf)
  | ({ view: 'record'; caseId: string } & AsOf)
  | ({ view: 'build'; caseId: string } & AsOf)
  | ({ view: 'history'; caseId: string } & AsOf)
  | ({ view: 'events'; caseId: string } & AsOf)
  | ({ view: 'research'; caseId: string } & AsOf)
  | { view: 'not-found'; hash: string };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const caseViews = ['trajectories', 'drafts', 'packages', 'evidence', 'ingest', 'scenarios', 'outlook', 'record', 'build', 'history', 'events', 'research'] as const;
/** An actor or issue id in a query (the case's id syntax), else dropped. */
const idParam = (v: string | null): string | undefined => (v && /^[A-Za-z0-9_.-]{1,80}$/.test(v) ? v : undefined);

/** `#/case/ukraine-2025/issue/territory` → the route it names. */
export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const asOfParam = new URLSearchParams(search).get('asOf');
  const asOf = asOfParam && isoDate.test(asOfParam) ? { asOf: asOfParam } : {};
  const params = new URLSearchParams(search);
  const actorParam = idParam(params.get('actor'));
  const issueParam = idParam(params.get('issue'));
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts.length === 0) return { view: 'cases' };
  if (parts[0] === 'case' && parts[1]) {
    const caseId = parts[1];
    if (parts.length === 2) return { view: 'overview', caseId, ...asOf };
    if (parts[2] === 'issue' && parts[3] && parts.length === 4) return { view: 'issue', caseId, issueId: parts[3], ...(actorParam ? { actor: actorParam } : {}), ...asOf };
    if (parts[2] === 'evidence' && parts.length === 3) return { view: 'evidence', caseId, ...(actorParam ? { actor: actorParam } : {}), ...(issueParam ? { issue: issueParam } : {}), ...asOf };
    const sub = caseViews.find((v) => v === parts[2]);
    if (sub && parts.length === 3) return { view: sub, caseId, ...asOf };
  }
  return { view: 'not-found', hash };
}

/** The hash of a route (the inverse of parseRoute). */
export function href(route: Route): string {
  const e = encodeURIComponent;
  if (route.view === 'cases') return '#/';
  if (route.view === 'not-found') return route.hash;
  const extra = route.view === 'issue' ? { actor: route.actor } : route.view === 'evidence' ? { actor: route.actor, issue: route.issue } : {};
  const pairs = [...Object.entries(extra), ['asOf', route.asOf] as const].filter((p): p is [string, string] => typeof p[1] === 'string' && p[1] !== '');
  const q = pairs.length ? `?${pairs.map(([k, v]) => `${k}=${e(v)}`).join('&')}` : '';
  if (route.view === 'overview') return `#/case/${e(route.caseId)}${q}`;
  if (route.view === 'issue') return `#/case/${e(route.caseId)}/issue/${e(route.issueId)}${q}`;
  return `#/case/${e(route.caseId)}/${route.view}${q}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
