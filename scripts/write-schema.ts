// Writes schema/fdl.schema.json from the field tables and schema/deployment.schema.json from the
// deployment config's shape (run by `npm run schema`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deploymentJsonSchema } from '../src/config/deployment';
import { fdlJsonSchema } from '../src/fdl';

for (const [file, schema] of [['fdl.schema.json', fdlJsonSchema()], ['deployment.schema.json', deploymentJsonSchema()]] as const) {
  const target = path.join(__dirname, '..', '..', 'schema', file);
  fs.writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
