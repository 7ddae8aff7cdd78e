// Submitting a job: a form for the common fields, or a whole manifest (JSON or YAML) as text. The
// server validates; its 422 problems are shown next to the field each one names.
import { get, post } from './api.js';
import { el, replace } from './dom.js';
import { FORM_FIELDS, fieldOf, manifestOf, lineOf } from './manifest.js';

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
    field('queue', 'Queue', el('input', { id: 'field-queue', name: 'queue', list: 'known-queues', placeholder: 'default' }),
      'empty: the default queue'),
    el('datalist', { id: 'known-queues' }, queues.map(q => el('option', { value: q.name }))),
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

/** The Form and Manifest tabs, each showing its own of the two forms; {@code mode} is the first shown. */
function tabs(form, manifest, mode) {
  const buttons = el('div', { class: 'tabs' },
    el('button', { type: 'button', 'data-tab': 'form', id: 'tab-form', onclick: () => show('form') }, 'Form'),
    el('button', { type: 'button', 'data-tab': 'manifest', id: 'tab-manifest', onclick: () => show('manifest') }, 'Manifest'));
  function show(which) {
    form.hidden = which !== 'form';
    manifest.hidden = which !== 'manifest';
    buttons.querySelectorAll('button').forEach(b => b.classList.toggle('current', b.dataset.tab === which));
  }
  show(mode);
  return buttons;
}

export async function render(view, params, signal) {
  // Only suggestions: a submitter may not list the queues (403), and types the name instead.
  const queues = await get('/api/v1/queues', { signal }).catch(error => {
    if (error.name === 'AbortError') throw error;
    return [];
  });
  if (signal.aborted) return; // left while the queues were asked for: another view is drawn
  const general = el('div', { class: 'field-error', id: 'submit-errors' });
  const form = jobForm(queues);
  const manifest = manifestForm();
  replace(view, el('h1', {}, 'Submit a job'), tabs(form, manifest, params.get('mode') === 'manifest' ? 'manifest' : 'form'),
    general, form, manifest);

  const refused = (error, onProblems) => {
    if (error.problems && error.problems.length) onProblems(error.problems);
    else general.append(el('div', {}, `${error.status ? error.status + ': ' : ''}${error.message}`));
  };
  // Each submission starts clean: every .field-error (the general one too) is emptied.
  const whenSubmitted = (node, send) => node.addEventListener('submit', event => {
    event.preventDefault();
    clearProblems(view);
    send();
  });
  whenSubmitted(form, () => {
    const { manifest: body, problems } = manifestOf(form);
    if (problems.length) return showOnForm(view, problems, general);
    return submit(JSON.stringify(body), 'application/json')
      .catch(error => refused(error, found => showOnForm(view, found, general)));
  });
  whenSubmitted(manifest, () => {
    const text = view.querySelector('#manifest').value;
    const type = text.trim().startsWith('{') ? 'application/json' : 'application/yaml';
    return submit(text, type).catch(error => refused(error, found => showOnManifest(view, text, found)));
  });
}
