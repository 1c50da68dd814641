// Runs after tsc in `npm run build`: checks the built-in templates (templates/<kind>/*.hbs) as an
// override would be checked, and writes them precompiled to dist/render/templates-data.cjs, so that
// a run loads Handlebars' runtime instead of parsing and compiling them. A template whose file no
// longer matches the source stored beside its code is compiled at run time as before.
import { writeFileSync } from 'node:fs';

const { PRECOMPILED_FILE, precompiledModule } = await import(
  new URL('../dist/render/templates.js', import.meta.url).href
);
writeFileSync(PRECOMPILED_FILE, await precompiledModule());
