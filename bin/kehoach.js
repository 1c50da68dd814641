#!/usr/bin/env node
const { main, processContext } = await import('../dist/cli.js');
const code = await main(process.argv.slice(2), processContext());
// A failure to write the output, said while the command ran (src/cli.ts), keeps its exit code 2.
process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
