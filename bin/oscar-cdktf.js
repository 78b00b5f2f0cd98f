#!/usr/bin/env node
// Entry point of the package's command; the code is compiled to dist/ by `npm run build`.
const { runCli } = require('../dist/src/cli/main.js');

Promise.resolve(runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})).then((code) => { process.exitCode = code; });
