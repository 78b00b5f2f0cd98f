// Renders the summary of a results file again (after a change to the report's wording):
//   node dist/bench/render.js bench/results/<run>.json   rewrites <run>.md and prints it
import * as fs from 'node:fs';
import { type BenchResults, renderSummary } from './report';

const file = process.argv[2];
if (!file) {
  console.error('usage: node dist/bench/render.js bench/results/<run>.json');
  process.exit(2);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults & { settings: { removed: number } };
const summary = renderSummary(results, results.settings.removed);
fs.writeFileSync(file, `${JSON.stringify({ ...results, summary }, null, 2)}\n`);
fs.writeFileSync(file.replace(/\.json$/, '.md'), summary);
process.stdout.write(summary);
