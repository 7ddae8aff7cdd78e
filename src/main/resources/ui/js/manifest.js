// What the submit page makes of its input, apart from drawing it: the manifest a form describes,
// and which field, and which line of a manifest, a server's problem is about.

export const FORM_FIELDS = ['name', 'image', 'command', 'env', 'labels', 'queue', 'priority'];

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
export function manifestOf(form) {
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
  if (data.queue.trim()) manifest.queue = data.queue.trim();
  if (data.priority.trim()) {
    if (/^-?\d+$/.test(data.priority.trim())) manifest.priority = Number(data.priority.trim());
    else problems.push(`priority must be a whole number (got "${data.priority}")`);
  }
  return { manifest, problems };
}

/**
 * The line of the manifest where a top-level field is written, for "name (line 3): ...": in YAML
 * at the start of a line, in JSON the first line naming it as a key (a one-line JSON: line 1).
 */
export function lineOf(text, name) {
  const key = new RegExp(`^(${name}|\\s*"${name}")\\s*:`);
  const index = text.split('\n').findIndex(line => key.test(line));
  return index >= 0 ? index + 1 : null;
}
