// How the clerk runs kehoach, so that every command we print works when pasted back: `kehoach`
// when it is installed on the PATH, `npx kehoach` when it came through npx or runs from a
// checkout or a project's node_modules (where a bare `kehoach` is "command not found").
import { basename } from 'node:path';

export function commandName(env: Readonly<Record<string, string | undefined>>, bin: string | undefined): string {
  if (env['npm_command'] === 'exec' || /(^|[/\\])npx(-cli)?(\.js)?$/u.test(env['npm_execpath'] ?? ''))
    return 'npx kehoach';
  if (bin === undefined || bin === '') return 'kehoach';
  const parts = bin.split(/[/\\]/u);
  const modules = parts.lastIndexOf('node_modules');
  // <prefix>/lib/node_modules (npm i -g; %AppData%\npm\node_modules on Windows) is on the PATH;
  // <project>/node_modules/.bin/kehoach is not.
  if (modules !== -1) return parts[modules - 1] === 'lib' || parts[modules - 1] === 'npm' ? 'kehoach' : 'npx kehoach';
  // A checkout runs bin/kehoach.js itself; an install on the PATH runs a shim named `kehoach`.
  return /\.[cm]?js$/u.test(basename(bin)) ? 'npx kehoach' : 'kehoach';
}
