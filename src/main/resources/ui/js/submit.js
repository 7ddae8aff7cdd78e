// Submitting a job: a form for the common fields, or a whole manifest (JSON or YAML) as text. The
// server validates; its 422 problems are shown next to the field each one names.
import { get, post } from './api.js';
import { el, replace } from './dom.js';

const FORM_FIELDS = ['name', 'image', 'command', 'env', 'labels', 'queue', 'priority'];

/** The manifest field a problem is about: "mounts[0].target must be ..." is about mounts. */
export function fieldOf(problem) {
  const match = /^([A-Za-z]+)[\s.[]/.exec(problem);
  return match ? match[1] : null;
}

function lines(text) {
  return text.split('\n').map(line => line.trim()).filter(Boolean);
}

function pairs(text, field, problems) {
  const map = {};
  for (const line of lines(text)) {
    const eq = line.indexOf('=');
    if (eq <= 0) problems.push(`${field} must be one KEY=value per line (got "${line}")`);
    else map[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return map;
}

/** The manifest the form describes, and the problems found before asking the server. */
function manifestOf(form) {
  const data = Object.fromEntries(new FormData(form));
  const problems = [];
  const manifest = {};
  if (data.name.trim()) manifest.name = data.name.trim();
  if (data.image.trim()) manifest.image = data.image.trim();
  if (lines(data.command).length) manifest.command = data.command.split('\n').filter(line => line.trim());
  const env = pairs(data.env, 'env', problems);
  if (Object.keys(env).length) manifest.env = env;
  const labels = pairs(data.labels, 'labels', problems);
  if (Object.keys(labels).length) manifest.labels = labels;
  if (data.queue) manifest.queue = data.queue;
  if (data.priority.trim()) {
    if (/^-?\d+$/.test(data.priority.trim())) manifest.priority = Number(data.priority.trim());
    else problems.push(`priority must be a whole number (got "${data.priority}")`);
  }
  return { manifest, problems };
}

function field(name, label, input, hint) {
  return el('div', { class: 'field', 'data-field': name },
    el('label', { for: `field-${name}` }, label), input,
    hint ? el('span', { class: 'hint' }, hint) : null,
    el('span', { class: 'field-error', id: `error-${name}` }));
}

function jobForm(queues) {
  const text = (name, placeholder) => el('input', { id: `field-${name}`, name, placeholder });
  const area = (name, placeholder) => el('textarea', { id: `field-${name}`, name, rows: 3, placeholder });
  return el('form', { id: 'job-form' },
    field('name', 'Name', text('name', 'optional: resubmitting the same name is safe')),
    field('image', 'Image', text('image', 'busybox:latest')),
    field('command', 'Command', area('command', 'sh\n-c\necho hello'), 'one argument per line'),
    field('env', 'Environment', area('env', 'NAME=value'), 'one NAME=value per line'),
    field('labels', 'Labels', area('labels', 'team=mri'), 'one key=value per line'),
    field('queue', 'Queue', el('select', { id: 'field-queue', name: 'queue' },
      queues.map(q => el('option', { value: q.name }, q.name)))),
    field('priority', 'Priority', text('priority', '0')),
    el('button', { type: 'submit', id: 'submit-job' }, 'Submit'));
}

function manifestForm() {
  return el('form', { id: 'manifest-form' },
    el('div', { class: 'field', 'data-field': 'manifest' },
      el('label', { for: 'manifest' }, 'Manifest (JSON or YAML)'),
      el('textarea', { id: 'manifest', name: 'manifest', rows: 18, cols: 90,
        placeholder: 'image: busybox:latest\ncommand: [sh, -c, "echo hello"]' }),
      el('ul', { class: 'field-error', id: 'manifest-errors' })),
    el('button', { type: 'submit', id: 'submit-manifest' }, 'Submit'));
}

function clearProblems(view) {
  view.querySelectorAll('.field-error').forEach(node => node.replaceChildren());
  view.querySelectorAll('.invalid').forEach(node => node.classList.remove('invalid'));
}

/** Each problem under the form field it names; the others (and a 400's message) above the form. */
function showOnForm(view, problems, general) {
  for (const problem of problems) {
    const name = fieldOf(problem);
    if (FORM_FIELDS.includes(name)) {
      view.querySelector(`#error-${name}`).append(el('div', {}, problem));
      view.querySelector(`#field-${name}`).classList.add('invalid');
    } else {
      general.append(el('div', {}, problem));
    }
  }
}

/** The line of the manifest where a top-level field is written, for "name (line 3): ...". */
function lineOf(text, name) {
  const key = new RegExp(`^\\s*"?${name}"?\\s*:`);
  const index = text.split('\n').findIndex(line => key.test(line));
  return index >= 0 ? index + 1 : null;
}

function showOnManifest(view, text, problems) {
  const list = view.querySelector('#manifest-errors');
  for (const problem of problems) {
    const name = fieldOf(problem);
    const line = name ? lineOf(text, name) : null;
    list.append(el('li', {}, name ? el('code', {}, line ? `${name} (line ${line})` : name) : null, ' ', problem));
  }
  view.querySelector('#manifest').classList.add('invalid');
}

async function submit(body, contentType) {
  const job = await post('/api/v1/jobs', { body, contentType });
  location.hash = `#/jobs/${job.id}`;
}

export async function render(view, params, signal, onError) {
  const queues = await get('/api/v1/queues', { signal }).catch(() => [{ name: 'default' }]);
  const general = el('div', { class: 'field-error', id: 'submit-errors' });
  const form = jobForm(queues);
  const manifest = manifestForm();
  const show = which => {
    form.hidden = which !== 'form';
    manifest.hidden = which !== 'manifest';
    tabs.querySelectorAll('button').forEach(b => b.classList.toggle('current', b.dataset.tab === which));
  };
  const tabs = el('div', { class: 'tabs' },
    el('button', { type: 'button', 'data-tab': 'form', id: 'tab-form', onclick: () => show('form') }, 'Form'),
    el('button', { type: 'button', 'data-tab': 'manifest', id: 'tab-manifest', onclick: () => show('manifest') }, 'Manifest'));
  replace(view, el('h1', {}, 'Submit a job'), tabs, general, form, manifest);
  show(params.get('mode') === 'manifest' ? 'manifest' : 'form');

  const refused = (error, onProblems) => {
    if (error.problems && error.problems.length) onProblems(error.problems);
    else general.append(el('div', {}, `${error.status ? error.status + ': ' : ''}${error.message}`));
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblems(view);
    general.replaceChildren();
    const { manifest: body, problems } = manifestOf(form);
    if (problems.length) return showOnForm(view, problems, general);
    await submit(JSON.stringify(body), 'application/json')
      .catch(error => refused(error, found => showOnForm(view, found, general)));
  });
  manifest.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblems(view);
    general.replaceChildren();
    const text = view.querySelector('#manifest').value;
    const type = text.trim().startsWith('{') ? 'application/json' : 'application/yaml';
    await submit(text, type).catch(error => refused(error, found => showOnManifest(view, text, found)));
  });
}
