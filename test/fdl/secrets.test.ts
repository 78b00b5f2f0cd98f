import { secretFieldsOf, withSecretValues } from '../../src/fdl';

const service = {
  name: 'demo',
  environment: { variables: { PLAIN: 'p' }, secrets: { API_KEY: 'k1' } },
  storage_providers: {
    minio: { store: { endpoint: 'https://minio.example.org', access_key: 'k2', secret_key: 'k3', verify: false } },
    s3: { aws: { access_key: 'k4', secret_key: 'k5', region: 'eu-west-1' } },
    onedata: { space: { oneprovider_host: 'op.example.org', token: 'k6', space: 's' } },
    webdav: { dcache: { hostname: 'dcache.example.org', login: 'me', password: 'k7' } },
    rucio: { desy: { host: 'rucio.example.org', account: 'a', refresh_token: 'k8' } },
  },
  clusters: { 'oscar-us': { endpoint: 'https://us.example.org', auth_user: 'oscar', auth_password: 'k9' } },
};

describe('credentials of a service', () => {
  test('every credential is found with its path and the settings of the account that holds it', () => {
    // WHEN
    const found = secretFieldsOf(service);

    // THEN
    expect(found.map((f) => [f.path.join('.'), f.value])).toEqual([
      ['environment.secrets.API_KEY', 'k1'],
      ['storage_providers.minio.store.access_key', 'k2'], ['storage_providers.minio.store.secret_key', 'k3'],
      ['storage_providers.s3.aws.access_key', 'k4'], ['storage_providers.s3.aws.secret_key', 'k5'],
      ['storage_providers.onedata.space.token', 'k6'], ['storage_providers.webdav.dcache.password', 'k7'],
      ['storage_providers.rucio.desy.refresh_token', 'k8'], ['clusters.oscar-us.auth_password', 'k9'],
    ]);
    expect(found[1].settings).toEqual({ endpoint: 'https://minio.example.org', verify: false });
    expect(found[8].settings).toEqual({ endpoint: 'https://us.example.org', auth_user: 'oscar' });
  });

  test('each credential can be replaced, and nothing else changes', () => {
    // WHEN
    const replaced = withSecretValues(service, (path) => `<${path.at(-1)}>`);

    // THEN
    expect(JSON.stringify(replaced)).not.toMatch(/"k\d"/);
    expect(replaced.storage_providers.minio.store).toEqual({ endpoint: 'https://minio.example.org', access_key: '<access_key>', secret_key: '<secret_key>', verify: false });
    expect(replaced.environment).toEqual({ variables: { PLAIN: 'p' }, secrets: { API_KEY: '<API_KEY>' } });
    expect(replaced.clusters['oscar-us'].auth_password).toBe('<auth_password>');
    expect(service.storage_providers.minio.store.secret_key).toBe('k3'); // (a copy)
  });

  test('a service without credentials has none', () => {
    expect(secretFieldsOf({ name: 'plain', environment: { variables: { A: 'b' } } })).toEqual([]);
  });
});
