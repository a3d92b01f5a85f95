import { lazy, Suspense, useEffect, useRef } from 'react';
import { CaseProvider, useCase } from './case-data.tsx';
import { href, useRoute, type Route } from './router.ts';
import { CasesList } from './views/CasesList.tsx';
import { CaseOverviewView } from './views/CaseOverview.tsx';
import { ErrorNote, Loading } from './components/Status.tsx';
import { TokenField } from './views/TokenField.tsx';
import { Field } from './components/Field.tsx';
import { SessionGate } from './views/Login.tsx';

// The overview needs no charts: the views drawn with Observable Plot load on first use, keeping first render light.
const IssueView = lazy(() => import('./views/IssueView.tsx').then((m) => ({ default: m.IssueView })));
const TrajectoriesView = lazy(() => import('./views/Trajectories.tsx').then((m) => ({ default: m.TrajectoriesView })));
const DraftsView = lazy(() => import('./views/Drafts.tsx').then((m) => ({ default: m.DraftsView })));
const PackagesView = lazy(() => import('./views/Packages.tsx').then((m) => ({ default: m.PackagesView })));
const EvidenceView = lazy(() => import('./views/Evidence.tsx').then((m) => ({ default: m.EvidenceView })));
const IngestView = lazy(() => import('./views/Ingest.tsx').then((m) => ({ default: m.IngestView })));
const ScenariosView = lazy(() => import('./views/Scenarios.tsx').then((m) => ({ default: m.ScenariosView })));
const OutlookView = lazy(() => import('./views/Outlook.tsx').then((m) => ({ default: m.OutlookView })));
const RecordView = lazy(() => import('./views/Record.tsx').then((m) => ({ default: m.RecordView })));
const CaseFormsView = lazy(() => import('./views/CaseForms.tsx').then((m) => ({ default: m.CaseFormsView })));
const HistoryView = lazy(() => import('./views/History.tsx').then((m) => ({ default: m.HistoryView })));
const EventsView = lazy(() => import('./views/Events.tsx').then((m) => ({ default: m.EventsView })));
const ResearchView = lazy(() => import('./views/Research.tsx').then((m) => ({ default: m.ResearchView })));

type CaseRoute = Exclude<Route, { view: 'cases' } | { view: 'not-found' }>;

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // Move focus to the new view so keyboard and screen-reader users land on it after navigation
  // (not on the first load: there the skip link should be the first Tab stop). Comparing with the
  // view last focused keeps this right when StrictMode runs the effect twice.
  // Changing only the as-of date keeps focus in the date field.
  const viewKey = route.view === 'cases' || route.view === 'not-found' ? href(route) : href({ ...route, asOf: undefined });
  const focusedView = useRef(viewKey);
  useEffect(() => {
    if (focusedView.current === viewKey) return;
    focusedView.current = viewKey;
    main.current?.focus({ preventScroll: true });
  }, [viewKey]);
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <SessionGate
        header={(session) => (
          <header className="top">
            <a className="brand" href="#/">
              parley
            </a>
            <span className="muted">negotiation-intelligence workbench</span>
            {session}
            <TokenField />
          </header>
        )}
      >
      <main id="main" ref={main} tabIndex={-1}>
        {route.view === 'cases' ? (
          <CasesList />
        ) : route.view === 'not-found' ? (
          <p role="alert">
            No view at “{route.hash}”. <a href="#/">All cases</a>
          </p>
        ) : (
          <CaseProvider caseId={route.caseId} asOf={route.asOf}>
            <CaseShell route={route} />
          </CaseProvider>
        )}
      </main>
      </SessionGate>
    </>
  );
}

const tabs: Array<{ view: CaseRoute['view']; label: string }> = [
  { view: 'overview', label: 'Overview' },
  { view: 'trajectories', label: 'Trajectories' },
  { view: 'drafts', label: 'Drafts' },
  { view: 'packages', label: 'Packages' },
  { view: 'evidence', label: 'Evidence' },
  { view: 'events', label: 'Events' },
  { view: 'ingest', label: 'Ingest' },
  { view: 'scenarios', label: 'Scenarios' },
  { view: 'outlook', label: 'Outlook & sensitivity' },
  { view: 'research', label: 'Research next' },
  { view: 'record', label: 'Record' },
  { view: 'build', label: 'Build' },
  { view: 'history', label: 'History' },
];

function CaseShell({ route }: { route: CaseRoute }) {
  const { data, error } = useCase();
  if (error && !data) return <ErrorNote error={error} />;
  if (!data) return <Loading what="the case" />;
  return (
    <>
      <nav className="case-nav" aria-label="Case views">
        <h1>{data.title}</h1>
        <ul>
          {tabs.map((t) => (
            <li key={t.view}>
              <a href={href({ view: t.view, caseId: route.caseId, asOf: route.asOf } as CaseRoute)} aria-current={route.view === t.view ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
          <li className="issue-links">
            Issues:{' '}
            {data.issues.map((i) => (
              <a
                key={i.id}
                href={href({ view: 'issue', caseId: route.caseId, issueId: i.id, asOf: route.asOf })}
                aria-current={route.view === 'issue' && route.issueId === i.id ? 'page' : undefined}
              >
                {i.title}
              </a>
            ))}
          </li>
        </ul>
        <AsOfPicker route={route} />
      </nav>
      <Suspense fallback={<Loading what="the view" />}>
        <CaseBody route={route} />
      </Suspense>
    </>
  );
}

/** See the case as it stood on a date: estimates, evidence, drafts and events dated later are hidden. */
function AsOfPicker({ route }: { route: CaseRoute }) {
  const go = (asOf: string | undefined) => {
    window.location.hash = href({ ...route, asOf } as CaseRoute);
  };
  return (
    <div className="as-of" data-testid="as-of">
      <Field label="As of">
        {(id) => <input id={id} type="date" value={route.asOf ?? ''} onChange={(e) => go(e.target.value || undefined)} />}
      </Field>
      {route.asOf ? (
        <>
          <span role="status">Showing the case as it stood on {route.asOf}.</span>
          <button type="button" className="small" onClick={() => go(undefined)}>
            Latest
          </button>
        </>
      ) : (
        <span className="muted">latest state</span>
      )}
    </div>
  );
}

function CaseBody({ route }: { route: CaseRoute }) {
  switch (route.view) {
    case 'overview':
      return <CaseOverviewView />;
    case 'issue':
      return <IssueView issueId={route.issueId} />;
    case 'trajectories':
      return <TrajectoriesView />;
    case 'drafts':
      return <DraftsView />;
    case 'packages':
      return <PackagesView />;
    case 'evidence':
      return <EvidenceView />;
    case 'ingest':
      return <IngestView />;
    case 'scenarios':
      return <ScenariosView />;
    case 'outlook':
      return <OutlookView />;
    case 'record':
      return <RecordView />;
    case 'build':
      return <CaseFormsView />;
    case 'history':
      return <HistoryView />;
    case 'events':
      return <EventsView />;
    case 'research':
      return <ResearchView />;
  }
}
