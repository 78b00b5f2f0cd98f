// Writes schema/fdl.schema.json from the field tables (run by `npm run schema`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fdlJsonSchema } from '../src/fdl';

const target = path.join(__dirname, '..', '..', 'schema', 'fdl.schema.json');
fs.writeFileSync(target, `${JSON.stringify(fdlJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
