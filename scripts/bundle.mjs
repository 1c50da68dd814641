// Runs after tsc in `npm run build`: esbuild bundles each entry point with its dependencies into
// dist/, over the file tsc wrote, with code shared between entries and every lazily imported
// command in dist/chunks/. Node then resolves and reads a few files instead of a few hundred
// (yaml alone is about 80 CommonJS modules), which is most of a short run's start-up.
// tsc's per-module output stays beside it for the type declarations and for tests that load one
// module of dist/ on its own; the entries never import it.
// The busy commands (check, build, import, init, schema) are also written each as one CommonJS
// file, dist/commands/<name>.cjs, with everything it may need inside: the command line runs them
// through V8's code cache (src/io/code-cache.ts), which only a classic script can use in Node 20.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// commander requires node:child_process when it loads, for subcommands that are separate
// executables, which kehoach has none of. Loading it costs about 3 ms of every run, --help included;
// commander gets a stand-in that loads the real module on first use.
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents:
        "let real;\nmodule.exports = new Proxy({}, { get: (_, name) => (real ??= require('node:child_process'))[name] });\n",
      loader: 'js',
    }));
  },
};

/** The files other code starts: the bin's cli.js, the library, and the two scripts Node runs by path. */
export const ENTRY_POINTS = ['src/cli.ts', 'src/index.ts', 'src/pool/worker.ts', 'src/build/soffice-guard.ts'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(new URL('../dist/chunks/', import.meta.url), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outbase: 'src',
    outdir: 'dist',
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    // Less text for Node to read and parse on every start; names are kept, so stack traces stay
    // readable even without the source maps.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [lazyChildProcess],
    define: { __KEHOACH_COMMAND_BUNDLES__: 'true' },
    // docx only for a layout the build did not prepare. (Handlebars' compiler, for overrides only,
    // is loaded through createRequire, which esbuild leaves alone; its runtime is bundled.)
    external: ['docx'],
    // The CommonJS packages bundled in (commander, yaml, …) call require() for Node's modules.
    banner: {
      js: "import { createRequire as __kehoachRequire } from 'node:module';\nconst require = __kehoachRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });

  const { BUNDLED_COMMANDS } = await import(new URL('../dist/commands/load.js', import.meta.url).href);
  await build({
    absWorkingDir: ROOT,
    entryPoints: BUNDLED_COMMANDS.map((name) => `src/commands/${name}.ts`),
    outbase: 'src',
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    allowOverwrite: true,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    minifyWhitespace: true,
    minifySyntax: true,
    external: ['docx'],
    // A script has no import(): lazy parts become lazily run functions of the same file.
    supported: { 'dynamic-import': false },
    // The sources find the package through import.meta.url.
    define: { 'import.meta.url': '__kehoachModuleUrl' },
    banner: { js: "const __kehoachModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}
