// The dashboard's shell: the token field, the notice line, and the routes of the address's hash
// (#/jobs, #/jobs/ID, #/submit, #/commands, #/queues, #/nodes). Each view gets a signal that aborts
// when the user leaves it, which stops its refreshes and its log stream.
import { session, get } from './api.js';
import * as jobs from './jobs.js';
import * as job from './job.js';
import * as submit from './submit.js';
import * as operators from './operators.js';

const view = document.getElementById('view');
const notice = document.getElementById('notice');
let leaving = new AbortController();

function say(message) {
  notice.textContent = message;
  notice.hidden = !message;
}

function showError(error) {
  if (error.status === 401) return; // said by the berth:unauthorized handler, with what to do
  say(error.status ? `${error.status}: ${error.message}` : error.message);
}

function route() {
  const [path, query] = (location.hash.slice(1) || '/jobs').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'jobs' && parts[1]) return { section: 'jobs', show: signal => job.render(view, parts[1], signal, showError) };
  const views = {
    jobs: signal => jobs.render(view, params, signal, showError),
    submit: signal => submit.render(view, params, signal),
    commands: signal => operators.commands(view, params, signal),
    queues: signal => operators.queues(view, params, signal, showError),
    nodes: signal => operators.nodes(view, params, signal),
  };
  return views[parts[0]] ? { section: parts[0], show: views[parts[0]] } : { section: 'jobs', show: views.jobs };
}

async function navigate() {
  leaving.abort();
  leaving = new AbortController();
  say('');
  const { section, show } = route();
  document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('current', a.dataset.section === section));
  try {
    await show(leaving.signal);
  } catch (error) {
    if (error.name !== 'AbortError') showError(error);
  }
}

function showSignedIn() {
  const signedIn = Boolean(session.token());
  document.getElementById('token').hidden = signedIn;
  document.getElementById('token-label').hidden = signedIn;
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? 'signed in (this tab)' : '';
}

async function checkAccess() {
  try {
    await get('/api/v1/info');
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}

document.getElementById('login').addEventListener('submit', async event => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  if (!token) return;
  session.signIn(token);
  document.getElementById('token').value = '';
  showSignedIn();
  if (await checkAccess()) navigate();
});
document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  showSignedIn();
  leaving.abort();
  view.replaceChildren();
  say('Signed out: sign in with a token to use Berth.');
});
document.addEventListener('berth:unauthorized', () => {
  session.signOut();
  showSignedIn();
  leaving.abort(); // the view's refreshes would only be refused again
  say('The server needs a token (or refused this one): sign in with a token.');
});
window.addEventListener('hashchange', navigate);

showSignedIn();
checkAccess().then(ok => { if (ok) navigate(); });
