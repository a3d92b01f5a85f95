import { ErrorNote } from './Status.tsx';
import { isUnderWay, type JobPhase, type JobRun } from './useJob.ts';

/** A job's status in words (the progress bar says how far). */
export function jobStatusWords(status: JobPhase): string {
  switch (status) {
    case 'submitting':
      return 'starting';
    case 'queued':
      return 'queued — waiting for a worker';
    case 'running':
      return 'running';
    case 'cancelling':
      return 'cancelling…';
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'not started';
  }
}

/** The percentage a progress bar's label says: whole percents, never 100 before the end. */
export function progressPercent(progress: number, status: JobPhase): number {
  const p = Math.round(Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0)) * 100);
  return status === 'done' ? 100 : Math.min(p, 99);
}

/**
 * A running job: a real <progress> (value = the share of its chunks done, max 1) labelled
 * "Sensitivity: 40 %", its status in words, and Cancel. Nothing once it has ended.
 */
export function JobProgress({ label, status, progress, onCancel, kind, jobId }: { label: string; status: JobPhase; progress: number; onCancel?: () => void; kind?: string; jobId?: string }) {
  if (!isUnderWay(status)) return null;
  const pct = progressPercent(progress, status);
  return (
    <div className="job-progress" role="group" aria-label={`${label} (background job)`} aria-busy="true" data-testid="job-progress" data-kind={kind} data-status={status} data-job={jobId}>
      <progress value={Math.min(1, Math.max(0, progress))} max={1} aria-label={`${label}: ${pct} %`} />
      <span className="job-percent" aria-hidden="true">
        {pct} %
      </span>
      <span className="muted" role="status" aria-live="polite">
        {label}: {jobStatusWords(status)}
      </span>
      {onCancel ? (
        <button type="button" className="small secondary" onClick={onCancel} disabled={status === 'cancelling'}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}

/**
 * Everything a view shows of its job but the result: the progress bar and Cancel while it runs;
 * then, if it ended without a result (refused, failed, cancelled), why, and "Run again".
 */
export function JobNote<T>({ job, label }: { job: JobRun<T>; label: string }) {
  if (isUnderWay(job.status)) return <JobProgress label={label} status={job.status} progress={job.progress} onCancel={job.cancel} kind={job.kind} jobId={job.jobId} />;
  if (!job.error) return null;
  return (
    <div className="job-ended" data-testid="job-ended" data-kind={job.kind} data-status={job.status} data-job={job.jobId}>
      <ErrorNote error={job.error} />
      <button type="button" className="small secondary" onClick={job.reload}>
        Run again: {label.toLowerCase()}
      </button>
    </div>
  );
}
