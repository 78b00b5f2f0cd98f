// How the platform finds the address of a manager published on its node port, planned by OpenTofu with
// the real kubernetes provider against a real kube-apiserver: a cluster without nodes fails the plan,
// naming the setting to give; with a node, the endpoint is its node port on the node's address.
import * as path from 'node:path';
import { App } from '../../src/private/cdktf';
import { ClusterConnection } from '../../src/cluster/connection';
import { KnativeChoice, MinioChoice } from '../../src/platform/component-choices';
import { RwxStorage } from '../../src/platform/rwx-storage';
import { ClusterStack } from '../../src/stacks/cluster-stack';
import { PlatformStack } from '../../src/stacks/platform-stack';
import { Etcd, KubeApiServer } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { chartDir } from '../support/testenv';
import { TofuStack } from '../support/tofu';

jest.setTimeout(300_000);

describe('the platform\'s endpoint on the manager\'s node port', () => {
  let etcd: Etcd;
  let server: KubeApiServer;
  let platform: TofuStack;

  beforeAll(async () => {
    const outdir = tempDir();
    etcd = await Etcd.start(outdir);
    server = await KubeApiServer.start(etcd, { controllers: ['namespace'] });
    const app = new App({ outdir: path.join(outdir, 'cdktf.out') });
    const cluster = new ClusterStack(app, 'cluster', { existing: { connection: ClusterConnection.fromKubeconfig(server.writeKubeconfig()) } });
    new PlatformStack(app, 'platform', {
      cluster: cluster.cluster,
      platform: {
        storage: RwxStorage.existingClass('nfs'),
        minio: MinioChoice.existing({ endpoint: 'http://minio.minio:9000', rootUser: 'minio', rootPassword: 'minio-secret' }),
        knative: KnativeChoice.none(),
        metricsServer: false,
        waitForPods: false,
        versions: { oscar: { repository: '', chart: chartDir('oscar-chart') } },
      },
    });
    app.synth();
    platform = new TofuStack(app.outdir, 'platform', ['kubernetes', 'helm'], { HELM_CACHE_HOME: outdir, HELM_CONFIG_HOME: outdir, HELM_DATA_HOME: outdir });
  });

  afterAll(async () => {
    await server?.stop();
    await etcd?.stop();
  });

  test('a cluster with no node address fails the plan, naming the setting', () => {
    expect(() => platform.run('plan')).toThrow(/no\s+node\s+of\s+the\s+cluster\s+has\s+an\s+ExternalIP\s+or\s+InternalIP[\s\S]*Fix:\s+set\s+platform\.oscar\.nodePort\.address/);
  });

  test('with a node, the planned endpoint is the node port on its address', async () => {
    await server.registerNode('worker-1', '10.0.0.7');
    platform.run('plan', '-out=tfplan');
    const plan = JSON.parse(platform.show('tfplan'));
    expect(plan.planned_values.outputs.oscar_endpoint.value).toBe('http://10.0.0.7:30301');
  });
});
