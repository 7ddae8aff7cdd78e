// A job's logs on its page: followed live while its attempt runs (stdout and stderr as the server
// streams them), then each step's stdout and stderr as stored, for the attempt chosen.
import { get, followLogs } from './api.js';
import { el, replace } from './dom.js';

function stepLogs(step) {
  const exit = step.exitCode !== undefined && step.exitCode !== null ? ` (exit ${step.exitCode})` : '';
  return el('section', { class: 'step-logs', 'data-step': step.name },
    el('h3', {}, step.name, exit, step.truncated ? ' — the start was dropped (logs.maxBytes)' : ''),
    step.combined !== undefined && step.combined !== null
      ? el('pre', { class: 'combined' }, step.combined)
      : el('div', { class: 'columns' },
        el('div', {}, el('div', { class: 'muted' }, 'stdout'), el('pre', { class: 'stdout' }, step.stdout || '')),
        el('div', {}, el('div', { class: 'muted' }, 'stderr'), el('pre', { class: 'stderr' }, step.stderr || ''))));
}

export class JobLogs {
  constructor(jobId, signal, onError) {
    this.jobId = jobId;
    this.signal = signal;
    this.onError = onError;
    this.following = false;
    this.followedAttempt = 0;
    this.ended = false;
    this.finalShown = false;
    this.storedShown = 0;
    this.node = el('div', { id: 'logs' });
  }

  /**
   * Called with each fresh view of the job. A running attempt is followed, once: a follower holds
   * one of the server's few places until the attempt ends, so a job that only waits (Pending) is
   * never followed. Once the job has ended its stored output is read, after the follow has ended.
   */
  update(job, live) {
    const attempt = job.status.attempts;
    if (live && job.status.phase === 'Running' && !this.following && attempt > this.followedAttempt) {
      this.follow(attempt);
    } else if (live && !this.following && attempt > 0 && this.storedShown !== attempt) {
      this.showStored(attempt, attempt); // waiting for a retry: the attempt that ended
    } else if (live && !this.following && attempt === 0 && !this.node.hasChildNodes()) {
      replace(this.node, el('p', { class: 'muted' }, 'Not running yet: the output is shown once it runs.'));
    } else if (!live) {
      this.ended = true;
      if (!this.following && !this.finalShown) {
        this.finalShown = true;
        this.showStored(attempt, attempt);
      }
    }
  }

  async follow(attempt) {
    this.following = true;
    this.followedAttempt = attempt;
    const text = el('pre', { id: 'live-log' });
    replace(this.node, el('div', { class: 'muted' }, `attempt ${attempt}, following: stdout and stderr as written`), text);
    try {
      await followLogs(this.jobId, chunk => { text.append(chunk); text.scrollTop = text.scrollHeight; }, this.signal);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.onError(error);
    }
    this.following = false;
    // The job's end, if it was seen while following, has been recorded with its output by now.
    this.finalShown = this.ended;
    await this.showStored(attempt, attempt);
  }

  /** The stored output of {@code attempt}, with a choice of every attempt the job has had. */
  async showStored(attempt, attempts) {
    if (this.signal.aborted || !attempt) {
      if (!attempt) replace(this.node, el('p', { class: 'muted' }, 'No output: the job never ran.'));
      return;
    }
    try {
      this.storedShown = attempt;
      const logs = await get(`/api/v1/jobs/${encodeURIComponent(this.jobId)}/logs?attempt=${attempt}`, { signal: this.signal });
      replace(this.node, this.attemptChoice(attempt, attempts),
        logs.steps.length ? logs.steps.map(stepLogs) : el('p', { class: 'muted' }, 'No output yet.'));
    } catch (error) {
      if (error.name !== 'AbortError') this.onError(error);
    }
  }

  attemptChoice(shown, attempts) {
    if (attempts < 2) return null;
    const numbers = Array.from({ length: attempts }, (_, i) => i + 1);
    return el('div', { class: 'tabs', id: 'log-attempts' }, numbers.map(n => el('button', {
      type: 'button', class: n === shown ? 'current' : null, 'data-attempt': n,
      onclick: () => this.showStored(n, attempts),
    }, `attempt ${n}`)));
  }
}
