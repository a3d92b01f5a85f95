import { api, type CaseSummary } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';
import { href } from '../router.ts';
import { ImportCase } from './ImportCase.tsx';
import { NewCase } from './NewCase.tsx';

export function CasesList() {
  const cases = useLoad(() => api.cases(), []);
  return (
    <>
      <h1>Cases</h1>
      <ErrorNote error={cases.error} />
      {!cases.data ? (
        cases.loading && <Loading what="cases" />
      ) : (
        <DataTable<CaseSummary>
          title="All cases"
          testId="cases"
          rows={cases.data.items}
          rowKey={(c) => c.id}
          empty="No cases yet: create one with “New case” below, import a file with “Import a file”, or run `parley db import FILE` (then reload)."
          columns={[
            { label: 'case', value: (c) => c.title, render: (c) => <a href={href({ view: 'overview', caseId: c.id })}>{c.title}</a> },
            { label: 'id', value: (c) => c.id },
            { label: 'actors', value: (c) => c.actors, numeric: true },
            { label: 'issues', value: (c) => c.issues, numeric: true },
            { label: 'drafts', value: (c) => c.drafts, numeric: true },
            { label: 'evidence', value: (c) => c.evidence, numeric: true },
            { label: 'revision', value: (c) => c.revision, numeric: true },
            { label: 'updated', value: (c) => c.updatedAt, render: (c) => new Date(c.updatedAt).toLocaleString() },
          ]}
        />
      )}
      <div className="case-start">
        <NewCase cases={cases.data?.items ?? []} />
        <ImportCase />
      </div>
    </>
  );
}
