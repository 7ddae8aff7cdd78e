// One job: its status, attempts with their steps, events, live logs, spec and resolved spec.
// Refreshed every 1.5 s until the job has ended.
import { get, call } from './api.js';
import { el, table, facts, phase, time, labelText, replace } from './dom.js';
import { refreshEvery, TERMINAL } from './live.js';
import { JobLogs } from './logs.js';

function summary(job) {
  const s = job.status;
  return facts([
    ['Phase', phase(s.phase)], ['Reason', s.reason], ['Message', s.message], ['Exit code', s.exitCode],
    ['Attempts', s.attempts], ['Queue', `${job.spec.queue || 'default'} (priority ${job.spec.priority || 0})`],
    ['Place in queue', s.queuePosition], ['Owner', job.owner],
    ['Labels', labelText(job.labels)],
    ['Created', time(s.createdAt)], ['Started', time(s.startedAt)], ['Finished', time(s.finishedAt)],
    ['Next attempt', time(s.nextAttemptAt)], ['Expires', time(s.expiresAt)],
    ['Node losses', s.nodeLosses || null]]);
}

function attempts(job) {
  if (!job.attempts || !job.attempts.length) return el('p', { class: 'muted' }, 'Not launched yet.');
  return job.attempts.map(attempt => el('section', { class: 'attempt', 'data-attempt': attempt.number },
    el('h3', {}, `Attempt ${attempt.number} `, phase(attempt.phase), ` ${attempt.reason || ''} · ${attempt.backend}`,
      attempt.nodeHostname ? ` on ${attempt.nodeHostname}` : ''),
    table(['Step', 'Phase', 'Reason', 'Message', 'Exit', 'Started', 'Finished'],
      attempt.steps.map(step => [step.name, phase(step.phase), step.reason || '', step.message || '',
        step.exitCode ?? '', time(step.startedAt), time(step.finishedAt)]))));
}

function events(items) {
  return table(['At', 'Type', 'Phase', 'Reason', 'Message', 'Attempt'],
    items.map(e => [time(e.at), e.type, phase(e.phase), e.reason || '', e.message || '', e.attempt ?? '']),
    { id: 'events' });
}

function actions(job, refreshNow, onError) {
  const act = (label, id, method, path, after) => el('button', {
    id, onclick: async () => {
      try {
        await call(method, path);
        after();
      } catch (error) {
        onError(error);
      }
    },
  }, label);
  return TERMINAL.includes(job.status.phase)
    ? act('Delete', 'delete', 'DELETE', `/api/v1/jobs/${encodeURIComponent(job.id)}`, () => { location.hash = '#/jobs'; })
    : act('Cancel', 'cancel', 'POST', `/api/v1/jobs/${encodeURIComponent(job.id)}/cancel`, refreshNow);
}

export function render(view, id, signal, onError) {
  const path = `/api/v1/jobs/${encodeURIComponent(id)}`;
  const parts = {
    title: el('h1', {}), actions: el('div', { class: 'actions' }), summary: el('div', { id: 'summary' }),
    attempts: el('div', { id: 'attempts' }), events: el('div'), spec: el('pre', { id: 'spec' }),
    resolved: el('pre', { id: 'resolved' }),
  };
  const logs = new JobLogs(id, signal, onError);
  replace(view, parts.title, parts.actions, parts.summary, el('h2', {}, 'Logs'), logs.node,
    el('h2', {}, 'Attempts'), parts.attempts, el('h2', {}, 'Events'), parts.events,
    el('div', { class: 'columns' },
      el('div', {}, el('h2', {}, 'Spec'), parts.spec), el('div', {}, el('h2', {}, 'Resolved'), parts.resolved)));

  const refreshNow = refreshEvery(1500, async () => {
    const [job, history] = await Promise.all([get(path, { signal }), get(`${path}/events`, { signal })]);
    const live = !TERMINAL.includes(job.status.phase);
    replace(parts.title, `Job ${job.name || job.id} `, phase(job.status.phase));
    replace(parts.actions, actions(job, () => refreshNow(), onError), el('code', { class: 'muted' }, job.id));
    replace(parts.summary, summary(job));
    replace(parts.attempts, attempts(job));
    replace(parts.events, events(history.items));
    parts.spec.textContent = JSON.stringify(job.spec, null, 2);
    parts.resolved.textContent = job.resolved ? JSON.stringify(job.resolved, null, 2) : '(not launched yet, or several steps)';
    logs.update(job, live);
    return live;
  }, signal, onError);
}
