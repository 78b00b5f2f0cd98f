import { loadFdlFile, Severity, toApiJson } from '../../src/fdl';
import { corpusCopy, corpusFiles } from '../support/fdl';

const STUB = (name: string) => `#!/bin/sh\necho stub for ${name}\n`;

/** Errors the loader reports for corpus files, by file (documented in the README, "How FDL files are read"). Every other file has none. */
const EXPECTED_ERRORS: Record<string, RegExp[]> = {
  'fire-detection/fire_detection_replicas.yaml': [
    /oscar-cluster-edge\.federation\.members: a federated service needs environment\.secrets\.refresh_token/,
    /oscar-cluster-edge\.federation\.members\[0\]\.cluster_id: cluster 'oscar-cluster' is not defined in the file/,
    /oscar-cluster\.output\[1\]\.storage_provider: storage provider 'minio\.oscar-cluster-edge' is not defined/,
  ],
  'fish-detector-replicas/fish-eu.yaml': [/oscar-eu\.federation\.members: a federated service needs environment\.secrets\.refresh_token/,
    /oscar-eu\.federation\.members\[0\]\.cluster_id: cluster 'oscar-us' has no endpoint/],
  'rucio/rucio-service.yaml': [/oscar-cluster\.script: required field 'script' is missing/],
};

function load(relative: string) {
  const result = loadFdlFile(corpusCopy(relative));
  return { ...result, errors: result.diagnostics.filter((d) => d.severity === Severity.ERROR) };
}

function only(relative: string) {
  const { services, errors } = load(relative);
  expect(errors).toEqual([]);
  expect(services).toHaveLength(1);
  return services[0];
}

describe('the FDL corpus', () => {
  test('holds every file whose errors are expected, so no expectation goes unchecked', () => {
    expect(Object.keys(EXPECTED_ERRORS).filter((file) => !corpusFiles().includes(file))).toEqual([]);
  });

  test.each(corpusFiles())('%s loads, with exactly its documented errors', (relative) => {
    const { services, errors } = load(relative);
    expect(services.length).toBeGreaterThan(0);
    const expected = EXPECTED_ERRORS[relative] ?? [];
    expect(errors).toHaveLength(expected.length);
    for (const pattern of expected) {
      expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
    }
    for (const e of errors) {
      expect(e.line).toBeGreaterThan(1);
      expect(e.fix).toBeTruthy();
    }
  });

  test('sync: cowsay (legacy Variables, CRITICAL logs, explicit defaults)', () => {
    const service = only('cowsay/cowsay.yaml');
    expect(service.clusterId).toBe('oscar-replica');
    expect(toApiJson(service.spec)).toEqual({
      name: 'cowsay',
      cluster_id: 'oscar-replica',
      image: 'ghcr.io/grycap/cowsay',
      script: STUB('cowsay'),
      memory: '1Gi',
      cpu: '1.0',
      log_level: 'CRITICAL',
      environment: { variables: { INPUT_TYPE: 'json' } },
      visibility: 'private',
    });
  });

  test('async: imagemagick (bare minio provider, bucket/folder paths)', () => {
    const json = toApiJson(only('imagemagick/imagemagick.yaml').spec);
    expect(json).toEqual({
      name: 'grayify',
      cluster_id: 'oscar-cluster',
      image: 'ghcr.io/grycap/imagemagick',
      script: STUB('grayify'),
      memory: '1Gi',
      cpu: '1.0',
      log_level: 'INFO',
      input: [{ path: 'grayify/in', storage_provider: 'minio' }],
      output: [{ path: 'grayify/out', storage_provider: 'minio' }],
      visibility: 'private',
    });
  });

  test('exposed: nginx (scalar api_port becomes a list, documented HPA defaults made explicit)', () => {
    const json = toApiJson(only('expose_services/nginx/nginx_expose.yaml').spec);
    expect(json.expose).toEqual({ api_port: [80], min_scale: 1, max_scale: 10, cpu_threshold: 50 });
    expect(json.environment).toEqual({ variables: { MESSAGE: 'Hello World' } });
    expect(json.memory).toBe('2Gi');
    expect(json.log_level).toBe('INFO');
  });

  test('exposed with auth and a volume: openclaw', () => {
    const json = toApiJson(only('expose_services/openclaw/openclaw_expose_workspace.yaml').spec);
    expect(json.expose).toEqual({ api_port: [18789], min_scale: 1, max_scale: 1, cpu_threshold: 90, rewrite_target: true, set_auth: true, health_path: '/' });
    expect(json.volume).toEqual({ size: '1Gi', mount_path: '/data' });
    expect(json.cpu).toBe('2.0');
  });

  test('secrets: cowsay-secret keeps the secret key and warns about the literal value', () => {
    const { services, diagnostics } = load('secrets-usage/secret-usage.yaml');
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: Severity.WARNING, line: 11, column: 26, path: 'functions.oscar[0].oscar-replica.environment.secrets.COWSAY_SECRET' }),
    ]);
    const json = toApiJson(services[0].spec, { secretValue: (path) => `<from variable ${path.at(-1)}>` });
    expect(json.environment).toEqual({ variables: { INPUT_TYPE: 'json' }, secrets: { COWSAY_SECRET: '<from variable COWSAY_SECRET>' } });
    expect(toApiJson(services[0].spec).environment).toEqual({ variables: { INPUT_TYPE: 'json' }, secrets: { COWSAY_SECRET: 'this-is-my-secret' } });
  });

  test('volume: volume-demo', () => {
    const json = toApiJson(only('volumes/volume-demo.yaml').spec);
    expect(json).toEqual({
      name: 'volume-demo',
      cluster_id: 'oscar-cluster',
      image: 'ubuntu',
      script: STUB('volume-demo'),
      memory: '256Mi',
      cpu: '1.0',
      log_level: 'CRITICAL',
      visibility: 'private',
      volume: { size: '1Gi', mount_path: '/data' },
    });
  });

  test('mount: grayifymount mounts another bucket', () => {
    const json = toApiJson(only('mount/grayify-mount.yaml').spec);
    expect(json.mount).toEqual({ path: 'grayifymount2/middle', storage_provider: 'minio' });
    expect(json.input).toEqual([{ path: 'grayifymount/in', storage_provider: 'minio' }]);
  });

  test('mount with a leading slash: jupyter', () => {
    const json = toApiJson(only('expose_services/jupyter/jupyter_expose_mount.yaml').spec);
    expect(json.mount).toEqual({ path: 'notebook', storage_provider: 'minio.default' });
    expect(json.expose).toEqual({ api_port: [8888], min_scale: 1, max_scale: 1, cpu_threshold: 90, rewrite_target: true });
  });

  test('workflow: two services chained through one bucket, each with its own script', () => {
    const { services, errors } = load('mask-detector-workflow/mask-detector-workflow.yaml');
    expect(errors).toEqual([]);
    expect(services.map((s) => [s.clusterId, s.spec.name])).toEqual([['my_oscar', 'anon-and-split'], ['my_oscar', 'mask-detector']]);
    const [first, second] = services.map((s) => toApiJson(s.spec));
    expect(first.script).toBe(STUB('anon-and-split'));
    expect(second.script).toBe(STUB('mask-detector'));
    expect(first.output).toEqual([{ path: 'mask-detector/intermediate', storage_provider: 'minio' }]);
    expect(second.input).toEqual([{ path: 'mask-detector/intermediate', storage_provider: 'minio' }]);
    expect(second.output).toEqual([{ path: 'mask-detector/result', storage_provider: 'minio' }]);
  });

  test('kserve: sklearn inference service', () => {
    const json = toApiJson(only('kserve-isvc-sklearn/oscar-svc-sklearn.yaml').spec);
    expect(json.kserve).toEqual({ type: 'inference', storage_uri: 'gs://kfserving-examples/models/sklearn/1.0/model', min_scale: 1, inference: { model_format: 'sklearn' } });
    expect(json.alpine).toBe(true);
  });

  test('interLink: annotations with dots and slashes in their keys are kept', () => {
    const json = toApiJson(only('thermal-detector-interlink/thermal-detector-interlink.yaml').spec);
    expect(json.annotations).toEqual(expect.objectContaining({ 'slurm-job.vk.io/flags': '--job-name=thermal-detector --time=02:30:00 --nodes=1' }));
    expect(json.interlink_node_name).toBe('vega-new-vk');
    expect(json.vo).toBe('dev.intertwin.eu');
  });

  test('legacy replicas become federation.members, and numeric YAML keeps its text', () => {
    const { services } = load('fire-detection/fire_detection_replicas.yaml');
    expect(services.map((s) => s.clusterId)).toEqual(['oscar-cluster-edge', 'oscar-cluster']);
    const json = toApiJson(services[0].spec);
    expect(json.federation).toEqual({ members: [{ cluster_id: 'oscar-cluster', service_name: 'fire-detection', type: 'oscar' }] });
    expect(json.cpu).toBe('1.0');
    expect((json.environment as { variables: Record<string, string> }).variables).toEqual(
      expect.objectContaining({ SEND_SNS: 'false', AWS_ACCESS_KEY_ID: '[aws_access_key_id]' }),
    );
  });

  test('file-level storage providers and clusters are copied into the service', () => {
    const { services } = load('fish-detector-replicas/fish-eu.yaml');
    // (Credentials left empty are declared: the services stack gives them from variables.)
    expect(services[0].spec.storage_providers).toEqual({ minio: { 'oscar-us': { verify: true, access_key: '', secret_key: '' } } });
    expect(services[0].spec.clusters).toEqual({ 'oscar-us': { ssl_verify: true, auth_password: '' } });
  });
});
