// The operator's views: registered commands, queues (with pause and resume), the swarm's nodes.
import { get, post } from './api.js';
import { el, table, time, labelText, replace } from './dom.js';
import { refreshEvery } from './live.js';

export async function commands(view, params, signal) {
  const list = await get('/api/v1/commands', { signal });
  if (signal.aborted) return;
  replace(view, el('h1', {}, 'Commands'), list.items.length
    ? table(['Name', 'Version', 'Image', 'Description', 'Registered'],
      list.items.map(c => [c.name, c.version || '', el('code', {}, c.image), c.description || '', time(c.registeredAt)]),
      { id: 'commands' })
    : el('p', { class: 'muted' }, 'No commands registered (PUT /api/v1/commands/{name}, or import them from an image).'));
}

export function queues(view, params, signal, onError) {
  const body = el('div');
  replace(view, el('h1', {}, 'Queues'), body);
  const refreshNow = refreshEvery(2000, async () => {
    const list = await get('/api/v1/queues', { signal });
    const toggle = q => el('button', {
      'data-queue': q.name,
      onclick: () => post(`/api/v1/queues/${encodeURIComponent(q.name)}/${q.paused ? 'resume' : 'pause'}`)
        .then(() => refreshNow(), onError),
    }, q.paused ? 'Resume' : 'Pause');
    replace(body, table(['Queue', 'Max running', 'Paused', 'Pending', 'Running', ''],
      list.map(q => [el('a', { href: `#/jobs?queue=${encodeURIComponent(q.name)}` }, q.name), q.maxRunning ?? 'no limit',
        q.paused ? 'yes' : 'no', q.pending, q.running, toggle(q)]), { id: 'queues' }));
  }, signal, onError);
}

export async function nodes(view, params, signal) {
  const title = el('h1', {}, 'Nodes');
  try {
    const list = await get('/api/v1/nodes', { signal });
    if (signal.aborted) return;
    const resources = n => [`${n.cpus ?? '?'} CPUs`, `${n.memoryMb ?? '?'} MiB`,
      ...Object.entries(n.generic || {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)].join(' · ');
    replace(view, title, table(['ID', 'Hostname', 'Role', 'State', 'Availability', 'Address', 'Labels', 'Resources'],
      list.items.map(n => [el('code', {}, n.id.slice(0, 12)), n.hostname, n.role + (n.leader ? ' (leader)' : ''), n.state,
        n.availability, n.address || '', labelText(n.labels),
        resources(n)]), { id: 'nodes' }));
  } catch (error) {
    if (error.name === 'AbortError') return;
    replace(view, title, el('p', { class: 'muted', id: 'nodes-unavailable' }, error.message));
  }
}
