// The job list: filters by phase, label, owner and queue (kept in the address, so a filtered view
// can be bookmarked), newest first, a page at a time (25 jobs, or the address's limit=N), phases
// refreshed every two seconds.
import { get } from './api.js';
import { el, table, phase, link, age, labelText, replace } from './dom.js';
import { refreshEvery } from './live.js';

const PHASES = ['Pending', 'Launching', 'Running', 'Succeeded', 'Failed', 'Cancelled'];
const PAGE = 25;

function listPath(filters, after) {
  const query = new URLSearchParams({ limit: filters.limit || PAGE });
  for (const key of ['phase', 'owner', 'queue']) if (filters[key]) query.set(key, filters[key]);
  for (const label of (filters.label || '').split(',').map(l => l.trim()).filter(Boolean)) {
    query.append('label', label);
  }
  if (after) query.set('after', after);
  return `/api/v1/jobs?${query}`;
}

function filterForm(filters, onApply) {
  const field = (name, label, input) => el('label', {}, label, input);
  const phaseSelect = el('select', { name: 'phase', id: 'filter-phase' },
    el('option', { value: '' }, 'any'), PHASES.map(p => el('option', { value: p, selected: filters.phase === p }, p)));
  const text = (name, placeholder) => el('input', { name, id: `filter-${name}`, value: filters[name] || '', placeholder });
  const form = el('form', { class: 'filters' },
    field('phase', 'Phase', phaseSelect),
    field('label', 'Labels', text('label', 'team=mri, tier=gold')),
    field('owner', 'Owner', text('owner', 'token name')),
    field('queue', 'Queue', text('queue', 'default')),
    el('button', { type: 'submit', id: 'apply-filters' }, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = { ...Object.fromEntries(new FormData(form)), limit: filters.limit };
    onApply(Object.fromEntries(Object.entries(data).filter(([, v]) => v)));
  });
  return form;
}

function rows(items) {
  return items.map(job => ({
    rowProps: { 'data-job': job.id },
    cells: [link(`#/jobs/${encodeURIComponent(job.id)}`, job.id), job.name || '', phase(job.status.phase), job.status.reason || '',
      job.status.exitCode ?? '', job.spec.queue || 'default', job.owner || '',
      labelText(job.labels), age(job.status.createdAt)],
  }));
}

export function render(view, params, signal, onError) {
  const filters = Object.fromEntries(params);
  const pages = [];  // the "after" of each page before this one
  let after = params.get('after') || null;
  const body = el('div', { id: 'job-table' });
  const pager = el('div', { class: 'pager' });
  replace(view, el('h1', {}, 'Jobs'),
    filterForm(filters, chosen => { location.hash = `#/jobs?${new URLSearchParams(chosen)}`; }), body, pager);

  const refreshNow = refreshEvery(2000, async () => {
    const page = await get(listPath(filters, after), { signal });
    replace(body, page.items.length
      ? table(['ID', 'Name', 'Phase', 'Reason', 'Exit', 'Queue', 'Owner', 'Labels', 'Age'], rows(page.items), { id: 'jobs' })
      : el('p', { class: 'muted', id: 'no-jobs' }, 'No jobs match.'));
    replace(pager,
      el('button', { id: 'newer', disabled: pages.length === 0, onclick: () => { after = pages.pop(); refreshNow(); } }, 'Newer'),
      el('button', { id: 'older', disabled: !page.next, onclick: () => { pages.push(after); after = page.next; refreshNow(); } }, 'Older'));
  }, signal, onError);
}
