// Several OSCAR clusters from one deployment (issue 24), on two real managers at once: one config maps
// FDL cluster ids to OSCARs, one `cdktf deploy services` puts each service on its cluster only, `drift`
// names the cluster of a service deleted behind Terraform's back, and the redeploy sends exactly one
// create, to that cluster. Each manager's log shows every request it got: none refused (a credential
// of one cluster sent to the other would be), and no write to the cluster that lost nothing. With a
// cluster down, the others are still healed, and the drift check will not call the stack in sync.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Mark } from '../../bench/manager-log';
import { CdktfProject } from '../support/cdktf-project';
import { ControlPlane } from '../support/control-plane';
import { tempDir, writeFdl } from '../support/fdl';

jest.setTimeout(900_000);

const service = (cluster: string, name: string) => `  - ${cluster}:\n      name: ${name}\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n`;
const FDL = `functions:\n  oscar:\n${service('edge', 'detect')}${service('cloud', 'detect')}${service('cloud', 'train')}`;

describe('one deployment, two OSCAR clusters', () => {
  let edge: ControlPlane;
  let cloud: ControlPlane;

  beforeAll(async () => {
    [edge, cloud] = await Promise.all([ControlPlane.start(), ControlPlane.start()]);
  });

  afterAll(async () => {
    await Promise.all([edge?.stop(), cloud?.stop()]);
  });

  const names = async (plane: ControlPlane) => ((await plane.oscar('GET', '/system/services')).json as { name: string }[]).map((s) => s.name).sort();
  /** A project whose config maps the ids edge and cloud to the two managers, their passwords in TF_VAR_oscar__<id>__password. */
  const twoClusterProject = (fdlText: string) => {
    const fdl = writeFdl(fdlText);
    const config = path.join(path.dirname(fdl), 'deployment.yaml');
    fs.writeFileSync(config, ['services:', '  fdl: [service.yaml]', '  clusters:',
      ...Object.entries({ edge, cloud }).map(([id, { manager }]) => `    ${id}: {endpoint: "${manager.endpoint}", username: ${manager.username}}`),
      ''].join('\n'));
    const project = new CdktfProject(tempDir(), {
      TF_VAR_oscar__edge__password: edge.manager.password, TF_VAR_oscar__cloud__password: cloud.manager.password,
    });
    return { project, config, fdl };
  };
  const writes = (mark: Mark) => mark.requests().filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`);

  test('each service lands on its cluster only; drift names the cluster of a deleted one; the redeploy creates it there alone', async () => {
    const { project, config } = twoClusterProject(FDL);
    const marks = { edge: Mark.at(edge.manager.logFile), cloud: Mark.at(cloud.manager.logFile) };

    // WHEN deployed
    const deploy = project.deploy(config);
    expect({ status: deploy.status, output: deploy.status === 0 ? '' : deploy.output }).toEqual({ status: 0, output: '' });

    // THEN each manager holds its own services, and nothing is left to change
    expect(await names(edge)).toEqual(['detect']);
    expect(await names(cloud)).toEqual(['detect', 'train']);
    expect(project.drift()).toMatchObject({ status: 0 });
    // (A credential of one cluster sent to the other would have been refused.)
    for (const mark of Object.values(marks)) expect(mark.requests().filter((r) => r.status === 401)).toEqual([]);

    // WHEN a service is deleted behind Terraform's back on one cluster
    await cloud.oscar('DELETE', '/system/services/train');
    const drift = project.drift();
    expect(drift.status).toBe(2);
    expect(JSON.parse(drift.output).changes).toEqual([expect.objectContaining({ action: 'create', name: 'train', cluster: 'cloud' })]);

    // THEN the redeploy sends exactly one create, to that cluster
    const again = { edge: Mark.at(edge.manager.logFile), cloud: Mark.at(cloud.manager.logFile) };
    const redeploy = project.deploy(config);
    expect({ status: redeploy.status, output: redeploy.status === 0 ? '' : redeploy.output }).toEqual({ status: 0, output: '' });
    expect(writes(again.edge)).toEqual([]);
    expect(writes(again.cloud)).toEqual([expect.stringMatching(/^POST \/system\/services 20\d$/)]);
    expect(await names(cloud)).toEqual(['detect', 'train']);
    for (const mark of [...Object.values(marks), ...Object.values(again)]) expect(mark.requests().filter((r) => r.status === 401)).toEqual([]);

    // WHEN destroyed, THEN neither cluster keeps a service
    const destroy = project.destroy(config);
    expect({ status: destroy.status, output: destroy.status === 0 ? '' : destroy.output }).toEqual({ status: 0, output: '' });
    expect([await names(edge), await names(cloud)]).toEqual([[], []]);
  });

  test('a cluster that is down: the others are healed, its changes fail naming it, drift will not call it in sync; once back, all is done', async () => {
    const { project, config, fdl } = twoClusterProject(`functions:\n  oscar:\n${service('edge', 'sense')}${service('cloud', 'store')}`
      + service('cloud', 'archive'));
    expect(project.deploy(config)).toMatchObject({ status: 0 });

    // WHEN the cloud's manager dies, and the edge loses its service
    await cloud.manager.kill();
    await edge.oscar('DELETE', '/system/services/sense');

    // THEN the drift check names the edge's change and refuses to call the cloud in sync
    const drift = project.drift();
    expect(drift.status).toBe(1);
    expect(JSON.parse(drift.output.split('\n')[0])).toMatchObject({ status: 'error', unreachable: ['cloud'],
      changes: [expect.objectContaining({ action: 'create', name: 'sense', cluster: 'edge' })] });

    // ... and a deploy heals the edge, warning that the cloud was not read (nothing of it had to change)
    const down = project.deploy(config);
    const output = down.output.replace(/\s+/g, ' ');
    expect({ status: down.status, output: down.status === 0 ? '' : down.output }).toEqual({ status: 0, output: '' });
    expect(output).toContain('OSCAR cluster "cloud" is unreachable: service "store" was not read');
    expect(output).toContain(`no answer from the OSCAR manager of cluster "cloud" at ${cloud.manager.endpoint}`);
    expect(output).not.toContain('cluster "edge"');
    expect(await names(edge)).toEqual(['sense']);

    // WHEN a cloud service changes while the cloud is down, and the edge loses its service again
    fs.writeFileSync(fdl, fs.readFileSync(fdl, 'utf8').replace(/(name: store\n)/, '$1      memory: 512Mi\n'));
    await edge.oscar('DELETE', '/system/services/sense');
    const change = project.deploy(config);

    // THEN that change fails, naming the cloud, and the edge is healed all the same
    expect(change.status).not.toBe(0);
    expect(change.output.replace(/\s+/g, ' ')).toMatch(/Cannot update OSCAR service "store".*no answer from the OSCAR manager of cluster "cloud"/);
    expect(await names(edge)).toEqual(['sense']);

    // WHEN the cloud is back, THEN the rerun makes the change, and nothing is left to do
    await cloud.restartManager();
    const rerun = project.deploy(config);
    expect({ status: rerun.status, output: rerun.status === 0 ? '' : rerun.output }).toEqual({ status: 0, output: '' });
    expect(((await cloud.oscar('GET', '/system/services/store')).json as { memory: string }).memory).toBe('512Mi');
    expect(project.drift()).toMatchObject({ status: 0 });
    expect(project.destroy(config)).toMatchObject({ status: 0 });
    expect([await names(edge), await names(cloud)]).toEqual([[], []]);
  });
});
