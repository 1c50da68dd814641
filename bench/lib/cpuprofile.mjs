// Summaries of a V8 .cpuprofile (what `node --cpu-prof` writes): self and inclusive time per
// function, and self time per package or source file, as shares of the sampled time.
import path from 'node:path';

/** Where a frame's code lives: an npm package, a file of ours, Node's internals, or V8 itself. */
export function frameModule(url, root) {
  if (!url) return 'V8/native';
  if (url.startsWith('node:')) return 'node (internals)';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return root ? path.relative(root, file) : file;
}

// The file itself, shortened: node:internal/..., <package>/<file>, or a path relative to the repo.
function frameFile(url, root) {
  if (url.startsWith('node:')) return url;
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) return file.slice(nm + '/node_modules/'.length);
  return root ? path.relative(root, file) : file;
}

function frameKey(frame, root) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${frameFile(frame.url, root)}:${frame.lineNumber + 1}`;
}

/**
 * Aggregates one profile. Idle time is reported apart and left out of the shares, so that the
 * percentages describe where the CPU went while the program was working.
 */
export function summarizeProfile(profile, { root, top = 20 } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map();
  const inclusive = new Map();
  const modules = new Map();
  let busyUs = 0;
  let idleUs = 0;
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);

  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    busyUs += us;
    add(self, frameKey(node.callFrame, root), us);
    add(modules, frameModule(node.callFrame.url, root), us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur).callFrame;
      if (frame.functionName === '(root)') continue;
      const key = frameKey(frame, root);
      if (seen.has(key)) continue; // recursion counts once per sample
      seen.add(key);
      add(inclusive, key, us);
    }
  });

  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, share: busyUs ? us / busyUs : 0 }));
  return {
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    self: rank(self),
    inclusive: rank(inclusive),
    modules: rank(modules),
  };
}

export function formatSummary(title, summary) {
  const pct = (s) => `${(s * 100).toFixed(1).padStart(5)} %`;
  const block = (heading, rows) => [
    heading,
    ...rows.map((r) => `  ${pct(r.share)}  ${String(r.ms).padStart(8)} ms  ${r.name}`),
  ];
  return [
    `== ${title}: ${summary.busyMs} ms CPU, ${summary.idleMs} ms chờ (idle)`,
    ...block('Thời gian riêng theo gói/tệp:', summary.modules),
    ...block('Thời gian riêng theo hàm:', summary.self),
    ...block('Thời gian gộp (kể cả hàm con) theo hàm:', summary.inclusive),
  ].join('\n');
}
