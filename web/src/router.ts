/**
 * A hash router: the dashboard is static files, so every view lives at `#/…` and reloads, the back
 * button and links work without any server-side routing.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'cases' }
  | { view: 'overview'; caseId: string }
  | { view: 'issue'; caseId: string; issueId: string }
  | { view: 'trajectories'; caseId: string }
  | { view: 'drafts'; caseId: string }
  | { view: 'evidence'; caseId: string }
  | { view: 'ingest'; caseId: string }
  | { view: 'scenarios'; caseId: string }
  | { view: 'not-found'; hash: string };

const caseViews = ['trajectories', 'drafts', 'evidence', 'ingest', 'scenarios'] as const;

/** `#/case/ukraine-2025/issue/territory` → the route it names. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
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
    if (parts.length === 2) return { view: 'overview', caseId };
    if (parts[2] === 'issue' && parts[3] && parts.length === 4) return { view: 'issue', caseId, issueId: parts[3] };
    const sub = caseViews.find((v) => v === parts[2]);
    if (sub && parts.length === 3) return { view: sub, caseId };
  }
  return { view: 'not-found', hash };
}

/** The hash of a route (the inverse of parseRoute). */
export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'cases':
      return '#/';
    case 'overview':
      return `#/case/${e(route.caseId)}`;
    case 'issue':
      return `#/case/${e(route.caseId)}/issue/${e(route.issueId)}`;
    case 'not-found':
      return route.hash;
    default:
      return `#/case/${e(route.caseId)}/${route.view}`;
  }
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
