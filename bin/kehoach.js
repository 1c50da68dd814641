#!/usr/bin/env node
const { main, processContext } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2), processContext());
