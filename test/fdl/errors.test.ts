import { Diagnostic, loadFdlFile, loadFdlFiles, Severity } from '../../src/fdl';
import { writeFdl } from '../support/fdl';

const HEAD = 'functions:\n  oscar:\n  - c1:\n      name: demo\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n';
/** A one-service FDL whose extra fields (indented 6) start on line 7. */
const svc = (extra: string, head = HEAD) => head + extra.replace(/^/gm, '      ') + '\n';
const P = 'functions.oscar[0].c1';

interface Case {
  readonly yaml: string;
  /**
   * Path (relative to the service unless it starts with '='), line, column and message pattern of the
   * one error. From line 7 on (the extra fields), the column counts within the snippet given to svc().
   */
  readonly error: readonly [path: string, line: number, column: number, message: RegExp];
  readonly scripts?: Record<string, string>;
}

const CASES: Record<string, Case> = {
  'YAML syntax error': { yaml: 'functions:\n  oscar:\n  - c1:\n      name: "demo\n', error: ['=', 5, 1, /YAML syntax error: Missing closing "quote/] },
  'duplicate YAML key': { yaml: svc('cpu: 1\ncpu: 2'), error: ['=', 8, 7, /YAML syntax error: Map keys must be unique/] },
  'empty file': { yaml: '', error: ['=', 1, 1, /must be a mapping with 'functions.oscar'/] },
  'root is a list': { yaml: '- a\n- b\n', error: ['=', 1, 1, /must be a mapping/] },
  'functions missing': { yaml: 'storage_providers: {}\n', error: ['=functions', 1, 1, /required field 'functions' is missing/] },
  'functions.oscar missing': { yaml: 'functions:\n  other: []\n', error: ['=functions.oscar', 2, 3, /functions.oscar is missing/] },
  'functions.oscar not a list': { yaml: 'functions:\n  oscar:\n    c1: {}\n', error: ['=functions.oscar', 3, 5, /expected a list, got a mapping/] },
  'service entry is a scalar': { yaml: 'functions:\n  oscar:\n  - c1\n', error: ['=functions.oscar[0]', 3, 5, /expected '<cluster-id>: <service>', got the text "c1"/] },
  'service body is a list': { yaml: 'functions:\n  oscar:\n  - c1:\n    - name: x\n', error: ['', 4, 5, /expected the service's fields, got a list/] },
  'name missing': { yaml: 'functions:\n  oscar:\n  - c1:\n      image: img\n      script: script.sh\n', error: ['name', 4, 7, /required field 'name' is missing/] },
  'image missing': { yaml: 'functions:\n  oscar:\n  - c1:\n      name: demo\n      script: script.sh\n', error: ['image', 4, 7, /required field 'image' is missing/] },
  'image empty': { yaml: 'functions:\n  oscar:\n  - c1:\n      name: demo\n      image: ""\n      script: script.sh\n', error: ['image', 5, 14, /image is empty/] },
  'script missing': { yaml: 'functions:\n  oscar:\n  - c1:\n      name: demo\n      image: img\n', error: ['script', 4, 7, /required field 'script' is missing/] },
  'script file not found': { yaml: svc(''), scripts: {}, error: ['script', 6, 15, /script file 'script.sh' not found \(looked for .*script\.sh\)/] },
  'name with upper case': { yaml: HEAD.replace('name: demo', 'name: Demo'), error: ['name', 4, 13, /'Demo' is not a valid service name/] },
  'name with underscore': { yaml: HEAD.replace('name: demo', 'name: my_service'), error: ['name', 4, 13, /not a valid service name/] },
  'name too long': { yaml: HEAD.replace('name: demo', `name: ${'a'.repeat(40)}`), error: ['name', 4, 13, /40 characters long; OSCAR allows at most 39/] },
  'name too short': { yaml: HEAD.replace('name: demo', 'name: ab'), error: ['name', 4, 13, /not a valid service name/] },
  'name starting with a digit': { yaml: HEAD.replace('name: demo', 'name: 1demo'), error: ['name', 4, 13, /not a valid service name/] },
  'name is a list': { yaml: HEAD.replace('name: demo', 'name: [a]'), error: ['name', 4, 13, /expected a string, got a list/] },
  'bad memory quantity': { yaml: svc('memory: 1GB'), error: ['memory', 7, 9, /'1GB' is not a Kubernetes quantity/] },
  'negative cpu': { yaml: svc('cpu: "-1"'), error: ['cpu', 7, 6, /must be greater than zero/] },
  'cpu is a boolean': { yaml: svc('cpu: true'), error: ['cpu', 7, 6, /expected a quantity .*, got the boolean true/] },
  'bad log level': { yaml: svc('log_level: verbose'), error: ['log_level', 7, 12, /'verbose' is not a log level; the manager would silently use INFO/] },
  'visibility in wrong case': { yaml: svc('visibility: Private'), error: ['visibility', 7, 13, /'Private' is not a visibility/] },
  'bad isolation level': { yaml: svc('isolation_level: team'), error: ['isolation_level', 7, 18, /not an isolation level/] },
  'enable_gpu quoted': { yaml: svc('enable_gpu: "yes"'), error: ['enable_gpu', 7, 13, /expected true or false, got the text "yes"/] },
  'input is a mapping': { yaml: svc('input:\n  storage_provider: minio\n  path: demo/in'), error: ['input', 8, 3, /expected a list, got a mapping/] },
  'input without path': { yaml: svc('input:\n- storage_provider: minio'), error: ['input[0].path', 8, 3, /required field 'path' is missing/] },
  'input with empty path': { yaml: svc('input:\n- storage_provider: minio\n  path: " / "'), error: ['input[0].path', 9, 9, /path is empty/] },
  'unknown provider type': { yaml: svc('output:\n- storage_provider: ftp.server\n  path: demo/out'), error: ['output[0].storage_provider', 8, 21, /'ftp.server' is not a storage provider type/] },
  'input from s3': { yaml: svc('input:\n- storage_provider: s3.aws\n  path: demo/in\nstorage_providers:\n  s3:\n    aws: {region: eu-west-1}'), error: ['input[0].storage_provider', 8, 21, /'s3' cannot be used as an input/] },
  'undefined storage provider': { yaml: svc('output:\n- storage_provider: webdav.dcache\n  path: demo/out'), error: ['output[0].storage_provider', 8, 21, /storage provider 'webdav.dcache' is not defined/] },
  'input from another MinIO': { yaml: svc('input:\n- storage_provider: minio.other\n  path: demo/in\nstorage_providers:\n  minio:\n    other: {endpoint: "https://x"}'), error: ['input[0].storage_provider', 8, 21, /inputs must come from the cluster's own MinIO/] },
  'bad bucket name': { yaml: svc('input:\n- storage_provider: minio\n  path: My_Bucket/in'), error: ['input[0].path', 9, 9, /'My_Bucket' is not a valid bucket name/] },
  'bad mount option': { yaml: svc('mount:\n  storage_provider: minio\n  path: demo/data\n  options: "--x;rm -rf /"'), error: ['mount.options', 10, 12, /contains characters OSCAR does not allow/] },
  'mount options as a list': { yaml: svc('mount:\n  storage_provider: minio\n  path: demo/data\n  options: ["--a", "--b"]'), error: ['mount.options', 10, 12, /expected/] },
  'mount from rucio': { yaml: svc('mount:\n  storage_provider: rucio.r\n  path: demo/data\nstorage_providers:\n  rucio:\n    r: {host: h}'), error: ['mount.storage_provider', 8, 21, /'rucio' cannot be used as a mount/] },
  'nodePort list shorter than api_port': { yaml: svc('expose:\n  api_port: [80, 8080]\n  nodePort: [30080]'), error: ['expose.nodePort', 9, 13, /1 node port\(s\) for 2 api port\(s\)/] },
  'nodePort out of range': { yaml: svc('expose:\n  api_port: 80\n  nodePort: 8080'), error: ['expose.nodePort[0]', 9, 13, /outside the Kubernetes node port range/] },
  'api_port not a number': { yaml: svc('expose:\n  api_port: http'), error: ['expose.api_port[0]', 8, 13, /expected a whole number, got the text "http"/] },
  'api_port out of range': { yaml: svc('expose:\n  api_port: [70000]'), error: ['expose.api_port[0]', 8, 14, /70000 is not a port number/] },
  'expose without api_port': { yaml: svc('expose:\n  min_scale: 1'), error: ['expose.api_port', 8, 3, /required field 'api_port' is missing/] },
  'expose min_scale zero': { yaml: svc('expose:\n  api_port: 80\n  min_scale: 0'), error: ['expose.min_scale', 9, 14, /the autoscaler needs at least 1/] },
  'expose max below min': { yaml: svc('expose:\n  api_port: 80\n  min_scale: 3\n  max_scale: 2'), error: ['expose.max_scale', 10, 14, /max_scale 2 is below min_scale 3/] },
  'expose bad auth_type': { yaml: svc('expose:\n  api_port: 80\n  auth_type: oauth'), error: ['expose.auth_type', 9, 14, /'oauth' is not an authentication type/] },
  'synchronous min above max': { yaml: svc('synchronous:\n  min_scale: 5\n  max_scale: 2'), error: ['synchronous.min_scale', 8, 14, /min_scale 5 is above max_scale 2/] },
  'synchronous min_scale as text': { yaml: svc('synchronous:\n  min_scale: "1"'), error: ['synchronous.min_scale', 8, 14, /expected a whole number, got the text "1"/] },
  'volume relative mount path': { yaml: svc('volume:\n  size: 1Gi\n  mount_path: data'), error: ['volume.mount_path', 9, 15, /'data' is not an absolute path/] },
  'volume under /oscar/bin': { yaml: svc('volume:\n  size: 1Gi\n  mount_path: /oscar/bin/x'), error: ['volume.mount_path', 9, 15, /inside a path OSCAR reserves/] },
  'volume without name or size': { yaml: svc('volume:\n  mount_path: /data'), error: ['volume', 8, 3, /neither name nor size is given/] },
  'volume bad size': { yaml: svc('volume:\n  size: big\n  mount_path: /data'), error: ['volume.size', 8, 9, /'big' is not a Kubernetes quantity/] },
  'volume bad name': { yaml: svc('volume:\n  name: Data_Vol\n  mount_path: /data'), error: ['volume.name', 8, 9, /'Data_Vol' is not a valid volume name/] },
  'volume lifecycle without size': { yaml: svc('volume:\n  name: data\n  mount_path: /data\n  lifecycle_policy: retain'), error: ['volume.lifecycle_policy', 10, 21, /only applies to a volume the service creates/] },
  'volume without mount_path': { yaml: svc('volume:\n  size: 1Gi'), error: ['volume.mount_path', 8, 3, /required field 'mount_path' is missing/] },
  'bad environment variable name': { yaml: svc('environment:\n  variables:\n    1BAD: x'), error: ['environment.variables.1BAD', 9, 11, /'1BAD' is not a valid environment variable name/] },
  'environment variable with a mapping value': { yaml: svc('environment:\n  variables:\n    A: {b: c}'), error: ['environment.variables.A', 9, 8, /expected a text value, got a mapping/] },
  'Variables and variables both given': { yaml: svc('environment:\n  variables: {A: "1"}\n  Variables: {B: "2"}'), error: ['environment.Variables', 9, 3, /field 'variables' is given twice \(also as 'variables'\)/] },
  'bad label value': { yaml: svc('labels:\n  team: "a b"'), error: ['labels.team', 8, 9, /'a b' is not a valid Kubernetes label value/] },
  'bad annotation key': { yaml: svc('annotations:\n  "bad key!": x'), error: ['annotations["bad key!"]', 8, 15, /not a valid Kubernetes annotation key/] },
  'bad image pull secret name': { yaml: svc('image_pull_secrets: [My_Secret]'), error: ['image_pull_secrets[0]', 7, 22, /'My_Secret' is not a valid Secret name/] },
  'kserve without storage_uri': { yaml: svc('kserve:\n  type: inference\n  inference: {model_format: sklearn}'), error: ['kserve.storage_uri', 8, 3, /required field 'storage_uri' is missing/] },
  'kserve bad model format': { yaml: svc('kserve:\n  type: inference\n  storage_uri: gs://m\n  inference: {model_format: keras}'), error: ['kserve.inference.model_format', 10, 29, /'keras' is not a supported model format/] },
  'kserve inference without settings': { yaml: svc('kserve:\n  type: inference\n  storage_uri: gs://m'), error: ['kserve.inference', 8, 3, /type 'inference' needs inference.model_format/] },
  'federation without refresh_token': { yaml: svc('federation:\n  members:\n  - {type: endpoint, url: "https://x"}'), error: ['federation.members', 9, 3, /needs environment.secrets.refresh_token/] },
  'federation bad topology': { yaml: svc('federation:\n  topology: ring'), error: ['federation.topology', 8, 13, /'ring' is not a valid topology/] },
  'replicas and federation.members both given': { yaml: svc('replicas:\n- {type: oscar, cluster_id: c2, service_name: demo}\nfederation:\n  members:\n  - {type: oscar, cluster_id: c2, service_name: demo}\nenvironment:\n  secrets: {refresh_token: ""}\nclusters: {c2: {endpoint: "https://c2"}}'), error: ['replicas', 8, 1, /both 'replicas' \(OSCAR v3\) and 'federation.members' are given/] },
  'oscar replica without cluster_id': { yaml: svc('federation:\n  members:\n  - {type: oscar, service_name: demo}\nenvironment:\n  secrets: {refresh_token: ""}'), error: ['federation.members[0].cluster_id', 9, 5, /an oscar replica needs cluster_id/] },
  'oscar replica on a cluster the file does not define': {
    yaml: svc('federation:\n  members:\n  - {type: oscar, cluster_id: c2, service_name: demo}\nenvironment:\n  secrets: {refresh_token: ""}'),
    error: ['federation.members[0].cluster_id', 9, 31, /cluster 'c2' is not defined in the file/] },
  'oscar replica on a cluster without endpoint': {
    yaml: svc('federation:\n  members:\n  - {type: oscar, cluster_id: c2, service_name: demo}\nenvironment:\n  secrets: {refresh_token: ""}\n'
      + 'clusters: {c2: {auth_user: u}}'),
    error: ['federation.members[0].cluster_id', 9, 31, /cluster 'c2' has no endpoint/] },
  'output to a MinIO without region (the manager half-creates the service)': {
    yaml: svc('output:\n- storage_provider: minio.other\n  path: demo/out\nstorage_providers:\n  minio:\n    other: {endpoint: "https://x", access_key: "", secret_key: ""}'),
    error: ['output[0].storage_provider', 8, 21, /storage provider 'minio.other' has no region: .*half-created/] },
  'output to S3 whose keys are not declared': {
    yaml: svc('output:\n- storage_provider: s3.aws\n  path: demo/out\nstorage_providers:\n  s3:\n    aws: {region: eu-west-1}'),
    error: ['output[0].storage_provider', 8, 21, /storage provider 's3.aws' has no access_key, secret_key/] },
  'storage provider settings of the wrong type': { yaml: svc('storage_providers:\n  minio:\n    other: [a]'), error: ['storage_providers.minio.other', 9, 12, /expected a mapping of fields, got a list/] },
  'cluster id is empty': { yaml: 'functions:\n  oscar:\n  - "": {name: demo, image: i, script: script.sh}\n', error: ['=functions.oscar[0]', 3, 5, /the cluster id must be a plain name/] },
};

function errorsOf(diagnostics: readonly Diagnostic[]) {
  return diagnostics.filter((d) => d.severity === Severity.ERROR);
}

describe('malformed FDL', () => {
  // Each case changes one thing in this service, so the one error it expects is that change's.
  test('the service the cases change loads without a finding', () => {
    expect(loadFdlFile(writeFdl(svc(''))).diagnostics).toEqual([]);
  });

  test.each(Object.entries(CASES))('%s', (_, c) => {
    const file = writeFdl(c.yaml, c.scripts);
    const { diagnostics } = loadFdlFile(file);
    const [relPath, line, column, message] = c.error;
    const fullPath = relPath.startsWith('=') ? relPath.slice(1) : relPath === '' ? P : relPath.startsWith('[') ? P + relPath : `${P}.${relPath}`;
    const absoluteColumn = line >= 7 && !relPath.startsWith('=') ? column + 6 : column;
    expect(errorsOf(diagnostics)).toEqual([
      expect.objectContaining({ file, line, column: absoluteColumn, path: fullPath, message: expect.stringMatching(message), fix: expect.any(String) }),
    ]);
  });
});

describe('reporting', () => {
  test('every error of a file is reported together, each at its own line', () => {
    const file = writeFdl(svc('memory: lots\nlog_level: loud\nexpose:\n  api_port: [80]\n  nodePort: [1, 2]'));
    const errors = errorsOf(loadFdlFile(file).diagnostics);
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      [`${P}.memory`, 7],
      [`${P}.log_level`, 8],
      [`${P}.expose.nodePort`, 11],
      [`${P}.expose.nodePort[0]`, 11],
      [`${P}.expose.nodePort[1]`, 11],
    ]);
  });

  test('a file that does not exist is an error, not an exception', () => {
    const { diagnostics } = loadFdlFile('/nonexistent/service.yaml');
    expect(errorsOf(diagnostics)).toEqual([expect.objectContaining({ file: '/nonexistent/service.yaml', line: 1, message: 'file not found' })]);
  });

  test('duplicate service names for one cluster across files point at the first definition', () => {
    const a = writeFdl(svc(''));
    const b = writeFdl(svc(''));
    const errors = errorsOf(loadFdlFiles([a, b]).diagnostics);
    expect(errors).toEqual([
      expect.objectContaining({ file: b, line: 4, path: `${P}.name`,
        message: expect.stringContaining(`service 'demo' for cluster 'c1' is already defined at ${a}:4:7`)}),
    ]);
  });

  test('a replica of a federated service may not also be declared on its member cluster', () => {
    const federated = svc('environment:\n  secrets: {refresh_token: x}\nfederation:\n  members:\n  - {type: oscar, cluster_id: c2, service_name: demo-edge}')
      + 'clusters:\n  c2: {endpoint: "https://edge.example.org"}\n';
    const a = writeFdl(federated);
    const b = writeFdl(svc('', HEAD.replace('- c1:', '- c2:').replace('name: demo', 'name: demo-edge')));
    expect(errorsOf(loadFdlFiles([a, b]).diagnostics)).toEqual([
      expect.objectContaining({ file: a, line: 4, path: `${P}.federation.members[0].service_name`,
        message: `the replica 'demo-edge' of service 'demo' on cluster 'c2' is declared at ${b}:4:7` }),
    ]);
    // the same replica name on another cluster is no conflict
    expect(errorsOf(loadFdlFiles([a, writeFdl(svc('', HEAD.replace('name: demo', 'name: demo-edge')))]).diagnostics)).toEqual([]);
  });

  test('the same name on two different clusters is allowed', () => {
    const b = writeFdl(svc('', HEAD.replace('- c1:', '- c2:')));
    expect(errorsOf(loadFdlFiles([writeFdl(svc('')), b]).diagnostics)).toEqual([]);
  });

  test('unknown fields are warnings with a suggestion', () => {
    const { diagnostics } = loadFdlFile(writeFdl(svc('memroy: 1Gi')));
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: Severity.WARNING, line: 7, column: 7, message: "unknown field 'memroy' is ignored by OSCAR",
        fix: "did you mean 'memory'?"}),
    ]);
  });

  test.each(['\u0000\u0001', ': :', '[[[', 'functions: !!binary AAAA', 'functions:\n  oscar: [~, 1, "x", [1]]', '*alias', '&a [*a]'])(
    'garbage input %j is reported as errors, never thrown', (text) => {
      // WHEN
      const load = () => loadFdlFile(writeFdl(text));
      // THEN
      expect(load).not.toThrow();
      expect(errorsOf(load().diagnostics)).not.toEqual([]);
    });
});
