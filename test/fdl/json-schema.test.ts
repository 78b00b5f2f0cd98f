import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { fdlJsonSchema } from '../../src/fdl';
import { CORPUS_DIR, corpusFiles } from '../support/fdl';

const schema = fdlJsonSchema();
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Where the schema (rightly) disagrees with a corpus file; the loader converts these with a warning. */
const SCHEMA_FINDINGS: Record<string, string[]> = {
  'fire-detection/fire_detection_replicas.yaml': ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_DEFAULT_REGION', 'TOPIC_ARN'],
  'rucio/rucio-service.yaml': ["must have required property 'script'"],
};

describe('FDL JSON Schema', () => {
  test('the committed schema/fdl.schema.json is the one generated from the field tables', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'fdl.schema.json'), 'utf8'));
    expect(committed).toEqual(schema);
  });

  test.each(corpusFiles())('%s', (relative) => {
    const data = parse(fs.readFileSync(path.join(CORPUS_DIR, relative), 'utf8'));
    const ok = validate(data);
    const messages = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    const expected = SCHEMA_FINDINGS[relative];
    if (!expected) {
      expect(messages).toEqual([]);
      expect(ok).toBe(true);
    } else {
      expect(ok).toBe(false);
      for (const fragment of expected) expect(messages.join('\n')).toContain(fragment);
    }
  });

  test('rejects a misspelt service field and a wrong type', () => {
    const bad = { functions: { oscar: [{ c: { name: 'a', image: 'i', script: 's', memroy: '1Gi', enable_gpu: 'yes' } }] } };
    expect(validate(bad)).toBe(false);
    const messages = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('\n');
    expect(messages).toContain('must NOT have additional properties');
    expect(messages).toContain('/functions/oscar/0/c/enable_gpu must be boolean');
  });
});
