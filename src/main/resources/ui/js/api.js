// Every call to Berth's API goes through here: the token of this tab (sessionStorage, so it is
// forgotten when the tab closes and never shared with other tabs), and one shape for errors.

const TOKEN_KEY = 'berth.token';

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: token => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** What the server said when it refused: its status, its message, and a 422's list of problems. */
export class ApiError extends Error {
  constructor(status, message, problems = []) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

function headers(extra = {}) {
  const token = session.token();
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function refusal(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    if (Array.isArray(body.errors)) {
      return new ApiError(response.status, body.errors.join('; '), body.errors);
    }
    return new ApiError(response.status, body.message || `${response.status} ${response.statusText}`);
  } catch {
    return new ApiError(response.status, text || `${response.status} ${response.statusText}`);
  }
}

export async function call(method, path, { body, contentType, accept = 'application/json', signal } = {}) {
  const extra = { Accept: accept };
  if (contentType) extra['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, headers: headers(extra), body, signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Berth does not answer: is the server running?');
  }
  if (!response.ok) {
    const error = await refusal(response);
    if (response.status === 401) document.dispatchEvent(new CustomEvent('berth:unauthorized', { detail: error }));
    throw error;
  }
  if (response.status === 204) return null;
  return accept === 'application/json' ? response.json() : response.text();
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, options) => call('POST', path, options);

/**
 * Follows a job's logs as the server writes them (logs?follow=true, a chunked text stream), handing
 * each piece to onText; resolves when the attempt's stream ends or the signal aborts it.
 */
export async function followLogs(id, onText, signal) {
  const response = await fetch(`/api/v1/jobs/${encodeURIComponent(id)}/logs?follow=true`,
    { headers: headers({ Accept: 'text/plain' }), signal });
  if (!response.ok) throw await refusal(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onText(decoder.decode(value, { stream: true }));
  }
}
