import { useState, type ReactNode } from 'react';
import type { Evidence } from '../../../src/case/schema.ts';
import { api, type CollectionItems } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { evidenceGradeFields, fromGradeForm, gradeText, gradeWords, retractionText, toGradeForm } from '../evidence-grades.ts';
import { ItemForm } from './ItemForm.tsx';

/**
 * An evidence item's grades as the reader needs them: the Admiralty grade ("B2", with its words for
 * screen readers and on hover), when the words were said beside when they were reported, how many
 * independent outlets carry it, and a retraction in words (the quote itself is struck through by
 * the list: not colour alone).
 */
export function EvidenceGradeLine({ evidence: e }: { evidence: Evidence }) {
  const grade = gradeText(e);
  const retraction = retractionText(e.retracted);
  const parts: ReactNode[] = [];
  parts.push(
    grade ? (
      <span key="grade" className="grade" title={gradeWords(e)} data-testid="evidence-grade">
        {grade}
        <span className="visually-hidden"> ({gradeWords(e)})</span>
      </span>
    ) : (
      <span key="grade" className="muted" data-testid="evidence-grade">
        not graded
      </span>
    ),
  );
  if (e.saidOn && e.saidOn !== e.date)
    parts.push(
      <span key="said">
        said <time dateTime={e.saidOn}>{e.saidOn}</time>, reported <time dateTime={e.date}>{e.date}</time>
      </span>,
    );
  if (e.outlets !== undefined) parts.push(<span key="outlets">{e.outlets === 1 ? 'single outlet' : `${e.outlets} independent outlets`}</span>);
  return (
    <div className="meta grades" data-testid="evidence-grades">
      {parts.map((p, i) => (
        <span key={i}>
          {i ? ' · ' : ''}
          {p}
        </span>
      ))}
      {retraction ? (
        <strong className="retracted-label" data-testid="evidence-retracted">
          {' · '}
          {retraction}
        </strong>
      ) : null}
    </div>
  );
}

/**
 * Set an item's grades: reliability, credibility, said on, outlets, retraction. One PUT of the whole
 * item with If-Match (api.ts); the server checks it as the case loader checks a file, and a refused
 * save changes nothing (the errors show on the fields they name).
 */
export function EvidenceGradeEditor({ evidence }: { evidence: Evidence }) {
  const { caseId } = useCase();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="small secondary" onClick={() => setOpen(true)} aria-label={`Edit grades of evidence ${evidence.id}`}>
        Edit grades
      </button>
    );
  return (
    <ItemForm
      title={`Grades of evidence ${evidence.id}`}
      fields={evidenceGradeFields()}
      item={toGradeForm(evidence)}
      collection="evidence"
      submitLabel="Save grades"
      save={(body) => api.putItem(caseId, 'evidence', fromGradeForm(body) as unknown as CollectionItems['evidence'] & { id: string })}
      what={() => `evidence ${evidence.id}`}
      stored={(c) => c.evidence.find((x) => x.id === evidence.id)}
      onCancel={() => setOpen(false)}
      onDone={() => setOpen(false)}
      testId={`grades-${evidence.id}`}
    />
  );
}
