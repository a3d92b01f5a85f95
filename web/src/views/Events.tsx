import { caseTimelineChart, type CaseTimelineItem } from '../charts/case-timeline.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { useCase } from '../case-data.tsx';

/**
 * The case's events — meetings, deadlines, statements — as a table, and one timeline with the
 * events, the drafts and the evidence on the same axis, so a draft shows next to the meeting it came
 * from and the quotes around it.
 */
export function EventsView() {
  const { data } = useCase();
  if (!data) return null;
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const items: CaseTimelineItem[] = [
    ...data.events.map((e) => ({ date: e.date, lane: 'events' as const, kind: e.kind, label: e.title })),
    ...data.drafts.map((d) => ({ date: d.date, lane: 'drafts' as const, kind: 'draft', label: d.title })),
    ...data.evidence.map((ev) => ({
      date: ev.date,
      lane: 'evidence' as const,
      kind: ev.status ?? 'accepted',
      label: [ev.speaker ?? (ev.actor ? actorName(ev.actor) : ''), ev.text.length > 140 ? `${ev.text.slice(0, 139)}…` : ev.text].filter(Boolean).join(': '),
    })),
  ];
  const events = [...data.events].sort((a, b) => a.date.localeCompare(b.date));
  type E = (typeof events)[number];
  // Drafts on or before each event's date: the latest is the text on the table at that event.
  const draftAt = (date: string) => [...data.drafts].filter((d) => d.date <= date).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return (
    <section aria-labelledby="events-title" data-testid="events">
      <h2 id="events-title">Events</h2>
      <p className="muted">
        {data.events.length} events · {data.drafts.length} drafts · {data.evidence.length} evidence items, on one time axis.
      </p>
      {items.length ? (
        <ChartFrame
          title="Events, drafts and evidence over time"
          testId="case-timeline"
          build={(doc, width) => caseTimelineChart(items, doc, width)}
          deps={[JSON.stringify(items)]}
          description="Top lane: events by kind; middle: drafts (a faint rule marks each draft's date); bottom: evidence (circle accepted, × candidate, + rejected). Hover a mark for its text."
        />
      ) : null}
      <DataTable<E>
        title="Events"
        testId="events-table"
        rows={events}
        rowKey={(e) => e.id}
        empty="The case has no events."
        columns={[
          { label: 'date', value: (e) => e.date + (e.uncertain ? ' (uncertain)' : '') },
          { label: 'kind', value: (e) => e.kind },
          { label: 'event', value: (e) => e.title },
          { label: 'participants', value: (e) => e.participants.map(actorName).join(', ') },
          { label: 'place', value: (e) => e.place ?? '' },
          { label: 'draft on the table', value: (e) => draftAt(e.date)?.title ?? '' },
          { label: 'evidence', value: (e) => e.evidence.length, numeric: true },
        ]}
      />
    </section>
  );
}
