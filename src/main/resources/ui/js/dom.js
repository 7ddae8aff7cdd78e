// Builds the page from DOM nodes only: every value from the server becomes text, never markup,
// so a job name or a log line cannot inject HTML into the dashboard.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table with one header row; each row is a list of cells (text or nodes), or {cells, props}. */
export function table(headers, rows, props = {}) {
  return el('table', props,
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(row => {
      const { cells, rowProps } = Array.isArray(row) ? { cells: row, rowProps: {} } : row;
      return el('tr', rowProps, cells.map(cell => el('td', {}, cell)));
    })));
}

/** A definition list: pairs of label and value, leaving out values that are absent. */
export function facts(pairs) {
  const items = [];
  for (const [label, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    items.push(el('dt', {}, label), el('dd', {}, value));
  }
  return el('dl', { class: 'grid' }, items);
}

export function phase(name) {
  return name ? el('span', { class: `phase phase-${name}`, 'data-phase': name }, name) : '';
}

/** A job's or node's labels as people write them: team=mri tier=gold. */
export function labelText(labels) {
  return Object.entries(labels || {}).map(([key, value]) => `${key}=${value}`).join(' ');
}

export function link(hash, text) {
  return el('a', { href: hash }, text);
}

/** 12 s, 4 min, 3 h, 2 d ago: how long since an ISO time. */
export function age(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

export function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
}
