// A job's logs on its page: followed live while its attempt runs (stdout and stderr as the server
// streams them), then each step's stdout and stderr as stored, for any attempt.
import { get, followLogs } from './api.js';
import { el, replace } from './dom.js';

function storedLogs(logs) {
  if (!logs.steps.length) return [el('p', { class: 'muted' }, 'No output yet.')];
  return logs.steps.map(step => el('section', { class: 'step-logs', 'data-step': step.name },
    el('h3', {}, `${step.name}`, step.exitCode !== undefined && step.exitCode !== null ? ` (exit ${step.exitCode})` : '',
      step.truncated ? ' — the start was dropped (logs.maxBytes)' : ''),
    step.combined !== undefined && step.combined !== null
      ? el('pre', { class: 'combined' }, step.combined)
      : el('div', { class: 'columns' },
        el('div', {}, el('div', { class: 'muted' }, 'stdout'), el('pre', { class: 'stdout' }, step.stdout || '')),
        el('div', {}, el('div', { class: 'muted' }, 'stderr'), el('pre', { class: 'stderr' }, step.stderr || '')))));
}

export class JobLogs {
  constructor(jobId, signal, onError) {
    this.jobId = jobId;
    this.signal = signal;
    this.onError = onError;
    this.following = false;
    this.followedFrom = -1;
    this.shownAttempt = null;
    this.node = el('div', { id: 'logs' });
  }

  /** Called with each fresh view of the job: follows a live attempt once, shows stored output after. */
  update(job, live) {
    if (live && !this.following && job.status.attempts > this.followedFrom) {
      this.follow(job.status.attempts);
    } else if (!live && !this.following && this.shownAttempt === null) {
      this.showStored(job.status.attempts || null);
    }
  }

  async follow(attempts) {
    this.following = true;
    this.followedFrom = attempts;
    const text = el('pre', { id: 'live-log' });
    replace(this.node, el('div', { class: 'muted' }, 'following: stdout and stderr as written'), text);
    try {
      await followLogs(this.jobId, chunk => { text.append(chunk); text.scrollTop = text.scrollHeight; }, this.signal);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.onError(error);
    }
    this.following = false;
    this.shownAttempt = null;
    await this.showStored(null);
  }

  async showStored(attempt) {
    if (this.signal.aborted) return;
    const query = attempt ? `?attempt=${attempt}` : '';
    try {
      const logs = await get(`/api/v1/jobs/${this.jobId}/logs${query}`, { signal: this.signal });
      this.shownAttempt = logs.attempt;
      replace(this.node, storedLogs(logs));
    } catch (error) {
      if (error.name !== 'AbortError') this.onError(error);
    }
  }
}
