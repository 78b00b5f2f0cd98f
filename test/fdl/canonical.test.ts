import { loadFdlFile, OscarServiceSpec, parseQuantity, toApiJson } from '../../src/fdl';
import { writeFdl } from '../support/fdl';

const base: OscarServiceSpec = { name: 'demo', image: 'img', script: 'echo hi\n' };

describe('toApiJson', () => {
  test('sends the manager defaults explicitly', () => {
    expect(toApiJson(base)).toEqual({ name: 'demo', image: 'img', script: 'echo hi\n', memory: '256Mi', cpu: '0.2', log_level: 'INFO', visibility: 'private' });
  });

  test('upper-cases log level and isolation level as the manager stores them', () => {
    expect(toApiJson({ ...base, log_level: 'debug' as never, isolation_level: 'user' as never }))
      .toMatchObject({ log_level: 'DEBUG', isolation_level: 'USER' });
  });

  test('rewrites single-segment MinIO and S3 paths to <service>/<folder> and trims slashes', () => {
    const json = toApiJson({
      ...base,
      input: [{ storage_provider: 'minio', path: 'in' }],
      output: [
        { storage_provider: 's3.aws', path: '/results/' },
        { storage_provider: 'webdav.d', path: 'plain' },
        { storage_provider: 'minio.default', path: ' bucket/deep/folder/ ' },
      ],
    });
    expect(json.input).toEqual([{ storage_provider: 'minio', path: 'demo/in' }]);
    expect(json.output).toEqual([
      { storage_provider: 's3.aws', path: 'demo/results' },
      { storage_provider: 'webdav.d', path: 'plain' },
      { storage_provider: 'minio.default', path: 'bucket/deep/folder' },
    ]);
  });

  test('fills the documented expose defaults the manager never applies', () => {
    expect(toApiJson({ ...base, expose: { api_port: [8080] } }).expose).toEqual({ api_port: [8080], min_scale: 1, max_scale: 10, cpu_threshold: 80 });
  });

  test('normalises script line endings like the manager', () => {
    expect(toApiJson({ ...base, script: 'a\r\nb\rc\n' }).script).toBe('a\nb\nc\n');
  });

  test('leaves out zero values and never sends the manager-owned minio.default', () => {
    const json = toApiJson({
      ...base,
      enable_gpu: false,
      input: [],
      labels: {},
      storage_providers: { minio: { default: { endpoint: 'x' }, other: { endpoint: 'https://o' } } },
    });
    expect(json).not.toHaveProperty('enable_gpu');
    expect(json).not.toHaveProperty('input');
    expect(json).not.toHaveProperty('labels');
    expect(json.storage_providers).toEqual({ minio: { other: { endpoint: 'https://o' } } });
  });

  test('sends false where the default is true: TLS verification off, an unprotected KServe route', () => {
    const json = toApiJson({
      name: 'svc', image: 'i', script: 's', enable_gpu: false,
      storage_providers: { minio: { edge: { endpoint: 'https://m', verify: false } } },
      clusters: { other: { endpoint: 'https://o', ssl_verify: false } },
      federation: { members: [{ type: 'oscar', cluster_id: 'other', service_name: 'svc', ssl_verify: false }] },
      kserve: { type: 'inference', storage_uri: 's3://m', set_auth: false, enable_gpu: false, inference: { model_format: 'onnx' } },
    });
    expect(json).not.toHaveProperty('enable_gpu');
    expect(json).toMatchObject({
      storage_providers: { minio: { edge: { verify: false } } },
      clusters: { other: { ssl_verify: false } },
      federation: { members: [{ ssl_verify: false }] },
      kserve: { set_auth: false },
    });
    expect(json.kserve).not.toHaveProperty('enable_gpu');
  });

  test('keeps empty variable values, and takes secret values from the resolver', () => {
    const service = { ...base, environment: { variables: { EMPTY: '' }, secrets: { TOKEN: 'literal' } } };
    const json = toApiJson(service, { secretValue: (path) => `var.${path.at(-1)}` });
    expect(json.environment).toEqual({ variables: { EMPTY: '' }, secrets: { TOKEN: 'var.TOKEN' } });
  });

  test('renders the same service to the same text whatever the key order in the file', () => {
    const service = (fields: string) => loadFdlFile(writeFdl(`functions:\n  oscar:\n  - c:\n${fields.replace(/^/gm, '      ')}\n`)).services[0];
    const a = service('name: demo\nimage: i\nscript: script.sh\nlabels: {b: "1", a: "2"}\ncpu: "1"');
    const b = service('cpu: "1"\nlabels: {a: "2", b: "1"}\nscript: script.sh\nimage: i\nname: demo');
    expect(JSON.stringify(toApiJson(a.spec))).toBe(JSON.stringify(toApiJson(b.spec)));
  });
});

describe('parseQuantity', () => {
  test.each([
    ['256Mi', 256 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['0.5', 0.5],
    ['500m', 0.5],
    ['1e3', 1000],
    ['2k', 2000],
    ['.5', 0.5],
  ])('%s = %d', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value));

  test.each(['1GB', 'big', '', ' 1Gi', '1 Gi', '1.2.3', 'Mi'])('%j is not a quantity', (text) => expect(parseQuantity(text)).toBeUndefined());
});
