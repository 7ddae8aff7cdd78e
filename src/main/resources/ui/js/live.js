// Keeps a view current: runs refresh now and again after each interval until the view is left
// (its signal aborts) or refresh returns false. Polling, rather than pushing, so that nothing is
// missed after a sleep or a network hiccup: every refresh shows what the server holds now.
// Returns a function that refreshes at once (after a click); a refresh asked for while one is
// under way runs right after it, so two never race to draw the page.

export function refreshEvery(milliseconds, refresh, signal, onError) {
  let timer;
  let running = false;
  let asked = false;
  const run = async () => {
    clearTimeout(timer);
    if (running) {
      asked = true;
      return;
    }
    running = true;
    let stop = false;
    try {
      stop = (await refresh()) === false;
    } catch (error) {
      stop = error.name === 'AbortError';
      if (!stop) onError(error);
    }
    running = false;
    if (stop || signal.aborted) return;
    if (asked) {
      asked = false;
      run();
    } else {
      timer = setTimeout(run, milliseconds);
    }
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  run();
  return run;
}

export const TERMINAL = ['Succeeded', 'Failed', 'Cancelled'];
