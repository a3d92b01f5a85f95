/**
 * Checks a case beyond its types: unique ids, references that resolve, values inside each issue's
 * scale, estimate ranges in order, red lines (and their ranges) that admit at least one value,
 * decision rules that name known actors and only the fields their rule reads. Every problem is
 * returned (not just the first), each with the field path it concerns.
 */
import type { Case, Issue } from './schema.ts';
import { estimate } from './schema.ts';

export interface SemanticProblem {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** Ids declared in the file, where they differ from the parsed case's (see load.ts partialCase). */
export type KnownIds = Partial<Record<'actors' | 'issues' | 'evidence' | 'drafts' | 'scenarios' | 'events', Set<string>>>;

/**
 * All problems of a case. Collections may be sparse (items that failed to parse are holes, skipped
 * here); `declared` then supplies every id the file declares, so references to them still resolve.
 */
export function checkCase(c: Case, declared: KnownIds = {}): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  const ids = (kind: 'actors' | 'issues' | 'evidence' | 'drafts' | 'scenarios' | 'events') => {
    const seen = new Map<string, number>();
    c[kind].forEach((item, idx) => {
      if (typeof item.id !== 'string') return; // its id failed to parse, already reported
      const first = seen.get(item.id);
      if (first !== undefined) report([kind, idx, 'id'], `duplicate id "${item.id}" (also ${kind}[${first}])`);
      else seen.set(item.id, idx);
    });
    for (const id of declared[kind] ?? []) if (!seen.has(id)) seen.set(id, -1);
    return seen;
  };
  const actors = ids('actors');
  const issues = ids('issues');
  const evidence = ids('evidence');
  const drafts = ids('drafts');
  ids('scenarios');
  ids('events');
  const issueById = new Map<string, Issue>();
  c.issues.forEach((i) => issueById.set(i.id, i));

  const known = (set: Map<string, number>, kind: string) => (value: string | undefined, path: Path) => {
    if (value !== undefined && !set.has(value)) report(path, `unknown ${kind} "${value}"${suggest(value, set)}`);
  };
  const knownActor = known(actors, 'actor');
  const knownIssue = known(issues, 'issue');
  const knownEvidence = known(evidence, 'evidence');
  const knownDraft = known(drafts, 'draft');

  const inScale = (issue: Issue | undefined, value: number, path: Path, what: string) => {
    if (!issue) return;
    const { min, max } = issue.scale;
    if (value < min || value > max) report(path, `${what} ${value} is outside the scale of issue "${issue.id}" (${min} to ${max})`);
  };
  const ordered = (e: { value: number; low?: number; high?: number }, path: Path) => {
    if (e.low !== undefined && e.low > e.value) report([...path, 'low'], `low ${e.low} is above value ${e.value}`);
    if (e.high !== undefined && e.high < e.value) report([...path, 'high'], `high ${e.high} is below value ${e.value}`);
  };
  const estimateIn = (raw: Parameters<typeof estimate>[0] | undefined, path: Path, lo: number, hi: number, what: string) => {
    if (raw === undefined) return; // a field that failed to parse, already reported
    const e = estimate(raw);
    const isObj = typeof raw !== 'number';
    for (const key of ['value', 'low', 'high'] as const) {
      const v = e[key];
      if (v === undefined) continue;
      if (v < lo || v > hi) report(isObj ? [...path, key] : path, `${what} ${v} is outside ${lo} to ${hi}`);
    }
    ordered(e, path);
  };

  c.actors.forEach((a, ai) => {
    estimateIn(a.capability, ['actors', ai, 'capability'], 0, Number.MAX_VALUE, 'capability');
    (a.evidence ?? []).forEach((id, j) => knownEvidence(id, ['actors', ai, 'evidence', j]));
  });

  c.issues.forEach((iss, ii) => {
    if (!iss.scale) return;
    const { min, max } = iss.scale;
    if (!(min < max)) report(['issues', ii, 'scale'], `scale min ${min} must be below max ${max}`);
    if (iss.statusQuo !== undefined) inScale(iss, iss.statusQuo, ['issues', ii, 'statusQuo'], 'status quo');
    if (iss.outcome !== undefined) inScale(iss, iss.outcome, ['issues', ii, 'outcome'], 'outcome');
    iss.scale.anchors.forEach((an, j) => inScale(iss, an.at, ['issues', ii, 'scale', 'anchors', j, 'at'], 'anchor'));
  });

  const stanceSeen = new Map<string, number>();
  c.stances.forEach((s, si) => {
    const base: Path = ['stances', si];
    knownActor(s.actor, [...base, 'actor']);
    knownIssue(s.issue, [...base, 'issue']);
    const key = `${s.actor}\u0000${s.issue}\u0000${s.date ?? ''}`;
    const first = stanceSeen.get(key);
    if (first !== undefined) report(base, `a second stance of "${s.actor}" on "${s.issue}" dated ${s.date ?? '(undated)'} (also stances[${first}]); give each a different date`);
    else stanceSeen.set(key, si);
    const iss = issueById.get(s.issue);
    if (iss) estimateIn(s.position, [...base, 'position'], iss.scale.min, iss.scale.max, 'position');
    estimateIn(s.salience, [...base, 'salience'], 0, 100, 'salience');
    if (s.capability !== undefined) estimateIn(s.capability, [...base, 'capability'], 0, Number.MAX_VALUE, 'capability');
    (s.evidence ?? []).forEach((id, j) => knownEvidence(id, [...base, 'evidence', j]));
    if (s.redLine && iss) {
      const rl = s.redLine;
      const lo = rl.min ?? iss.scale.min;
      const hi = rl.max ?? iss.scale.max;
      if (rl.min !== undefined) inScale(iss, rl.min, [...base, 'redLine', 'min'], 'red line min');
      if (rl.max !== undefined) inScale(iss, rl.max, [...base, 'redLine', 'max'], 'red line max');
      if (lo > hi) report([...base, 'redLine'], `red line excludes every value (min ${lo} is above max ${hi})`);
      for (const bound of ['min', 'max'] as const) {
        const range = rl[`${bound}Range`];
        if (!range) continue;
        const path: Path = [...base, 'redLine', `${bound}Range`];
        const best = rl[bound];
        if (best === undefined) {
          report(path, `${bound}Range needs a ${bound} (its best estimate) beside it`);
          continue;
        }
        inScale(iss, range.low, [...path, 'low'], `red line ${bound}Range low`);
        inScale(iss, range.high, [...path, 'high'], `red line ${bound}Range high`);
        if (range.low > best) report([...path, 'low'], `low ${range.low} is above ${bound} ${best}`);
        if (range.high < best) report([...path, 'high'], `high ${range.high} is below ${bound} ${best}`);
      }
    }
  });

  // Decision rules: the case's and each issue's own.
  const checkDecision = (d: Case['decision'], path: Path) => {
    if (!d) return;
    (d.vetoHolders ?? []).forEach((a, j) => knownActor(a, [...path, 'vetoHolders', j]));
    (d.members ?? []).forEach((a, j) => knownActor(a, [...path, 'members', j]));
    knownActor(d.decider, [...path, 'decider']);
    if (d.rule === 'single' && d.decider === undefined) report([...path, 'decider'], 'rule single names the actor who decides alone (decider)');
    if (d.rule !== 'single' && d.decider !== undefined) report([...path, 'decider'], `decider is read only by rule single (this rule is ${d.rule})`);
    if (d.rule !== 'unanimity' && d.vetoHolders !== undefined) report([...path, 'vetoHolders'], `vetoHolders is read only by rule unanimity (this rule is ${d.rule})`);
    if (d.rule !== 'qualified-majority') {
      for (const key of ['threshold', 'countThreshold', 'members'] as const) {
        if (d[key] !== undefined) report([...path, key], `${key} is read only by rule qualified-majority (this rule is ${d.rule})`);
      }
    }
    if (d.rule === 'qualified-majority' && d.members !== undefined && d.members.length === 0) report([...path, 'members'], 'a qualified majority needs at least one member');
  };
  checkDecision(c.decision, ['decision']);
  c.issues.forEach((iss, ii) => checkDecision(iss.decision, ['issues', ii, 'decision']));
  // A red line marked veto must be one the issue's rule lets block a deal (else the mark is silently moot).
  if (c.decision || c.issues.some((i) => i.decision)) {
    const latest = new Map<string, number>();
    c.stances.forEach((s, si) => {
      const key = `${s.actor}\u0000${s.issue}`;
      const prev = latest.get(key);
      if (prev === undefined || (c.stances[prev].date ?? '') <= (s.date ?? '')) latest.set(key, si);
    });
    for (const si of latest.values()) {
      const s = c.stances[si];
      const iss = issueById.get(s.issue);
      const d = iss?.decision ?? c.decision;
      // No rule for this issue: the default (unanimity among the veto-marked) lets every mark stand.
      if (!s.redLine?.veto || !iss || !d) continue;
      const who = d.rule === 'unanimity' ? d.vetoHolders : d.rule === 'single' ? (d.decider !== undefined ? [d.decider] : []) : [];
      if (who === undefined || who.includes(s.actor)) continue;
      const where = iss.decision ? `issues[${c.issues.indexOf(iss)}].decision` : 'decision';
      const rule = d.rule === 'unanimity' ? `vetoHolders: ${who.join(', ') || 'none'}` : d.rule === 'single' ? `decided by ${who.join(', ')} alone` : 'a qualified majority, where no one vetoes alone';
      report(['stances', si, 'redLine', 'veto'], `"${s.actor}" holds no veto on "${s.issue}" under ${where} (${d.rule}, ${rule}): drop veto: true or change the rule`);
    }
  }

  c.evidence.forEach((e, ei) => {
    knownActor(e.actor, ['evidence', ei, 'actor']);
    (e.issues ?? []).forEach((id, j) => knownIssue(id, ['evidence', ei, 'issues', j]));
  });

  c.drafts.forEach((d, di) => {
    const base: Path = ['drafts', di];
    knownActor(d.sponsor, [...base, 'sponsor']);
    knownDraft(d.revises, [...base, 'revises']);
    if (d.revises === d.id) report([...base, 'revises'], 'a draft cannot revise itself');
    (d.evidence ?? []).forEach((id, j) => knownEvidence(id, [...base, 'evidence', j]));
    const numbers = new Map<string, number>();
    (d.points ?? []).forEach((p, pi) => {
      const n = String(p.number);
      const first = numbers.get(n);
      if (first !== undefined) report([...base, 'points', pi, 'number'], `duplicate point number ${n} (also points[${first}])`);
      else numbers.set(n, pi);
      for (const [issueId, value] of Object.entries(p.values ?? {})) {
        const path: Path = [...base, 'points', pi, 'values', issueId];
        knownIssue(issueId, path);
        inScale(issueById.get(issueId), value, path, 'value');
      }
    });
  });

  c.scenarios.forEach((sc, si) => {
    (sc.changes ?? []).forEach((ch, ci) => {
      const base: Path = ['scenarios', si, 'changes', ci];
      knownActor(ch.actor, [...base, 'actor']);
      knownIssue(ch.issue, [...base, 'issue']);
      const needsActor = ch.field !== 'statusQuo';
      const needsIssue = ch.field === 'statusQuo';
      if (needsActor && ch.actor === undefined) report(base, `a change of ${ch.field} names the actor it applies to`);
      if (needsIssue && ch.issue === undefined) report(base, 'a change of statusQuo names the issue it applies to');
      if (ch.field === 'salience' && (ch.value < 0 || ch.value > 100)) report([...base, 'value'], `salience ${ch.value} is outside 0 to 100`);
      if (ch.field === 'capability' && ch.value < 0) report([...base, 'value'], `capability ${ch.value} is below 0`);
      if (ch.field !== 'salience' && ch.field !== 'capability' && ch.issue !== undefined) {
        inScale(issueById.get(ch.issue), ch.value, [...base, 'value'], 'value');
      }
    });
  });

  c.events.forEach((ev, ei) => {
    (ev.participants ?? []).forEach((id, j) => knownActor(id, ['events', ei, 'participants', j]));
    (ev.evidence ?? []).forEach((id, j) => knownEvidence(id, ['events', ei, 'evidence', j]));
  });

  return problems;
}

/** ` (did you mean "x"?)` for a near miss among the known ids, else nothing. */
function suggest(value: string, known: Map<string, number>): string {
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const id of known.keys()) {
    const d = editDistance(value.toLowerCase(), id.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = id;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
