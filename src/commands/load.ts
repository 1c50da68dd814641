// Each command's code, loaded when the command runs. In the package, the busy commands are each
// one CommonJS file (dist/commands/<name>.cjs, written by scripts/bundle.mjs) run through V8's code
// cache (io/code-cache.ts); from the sources, as the tests run them, they are plain imports.
import { platform } from 'node:os';
import { packagePath } from '../io/paths.js';

// Replaced with `true` by scripts/bundle.mjs in the ES module bundles of dist/ (the command line
// and the library's main); undefined when the sources run, as in the tests.
declare const __KEHOACH_COMMAND_BUNDLES__: boolean | undefined;

export interface Commands {
  check: typeof import('./check.js');
  build: typeof import('./build.js');
  import: typeof import('./import.js');
  init: typeof import('./init.js');
  schema: typeof import('./schema.js');
}

// Every key of Commands once, no more (`satisfies` says so), so that no command can lack its bundle.
const EVERY_COMMAND = { check: true, build: true, import: true, init: true, schema: true } satisfies Record<
  keyof Commands,
  true
>;

/** The commands that scripts/bundle.mjs writes as dist/commands/<name>.cjs: all of Commands. */
export const BUNDLED_COMMANDS = Object.keys(EVERY_COMMAND) as readonly (keyof Commands)[];

export interface LoadedCommand<N extends keyof Commands> {
  module: Commands[N];
  /** Called once the command has run: writes the code cache when this run made one. */
  done(): Promise<void>;
}

const nothing = async (): Promise<void> => undefined;

// Once per process: the library's main() may run many commands, and running a bundle again would
// build its modules again (and a second copy of their state).
const loaded = new Map<keyof Commands, LoadedCommand<keyof Commands>>();

export async function loadCommand<N extends keyof Commands>(
  name: N,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LoadedCommand<N>> {
  if (typeof __KEHOACH_COMMAND_BUNDLES__ !== 'undefined' && __KEHOACH_COMMAND_BUNDLES__) {
    const known = loaded.get(name);
    if (known !== undefined) return { module: known.module as Commands[N], done: nothing };
    const { cacheDir, loadCached } = await import('../io/code-cache.js');
    const bundle = loadCached(packagePath('dist', 'commands', `${name}.cjs`), cacheDir(env, platform()));
    loaded.set(name, { module: bundle.exports as Commands[keyof Commands], done: nothing });
    return { module: bundle.exports as Commands[N], done: bundle.save };
  }
  return { module: (await importCommand(name)) as Commands[N], done: nothing };
}

function importCommand(name: keyof Commands): Promise<Commands[keyof Commands]> {
  switch (name) {
    case 'check':
      return import('./check.js');
    case 'build':
      return import('./build.js');
    case 'import':
      return import('./import.js');
    case 'init':
      return import('./init.js');
    case 'schema':
      return import('./schema.js');
  }
}
