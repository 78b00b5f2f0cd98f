// Several OSCAR clusters from one deployment (issue 24), on two real managers at once: one config maps
// FDL cluster ids to OSCARs, one `cdktf deploy services` puts each service on its cluster only, `drift`
// names the cluster of a service deleted behind Terraform's back, and the redeploy sends exactly one
// create, to that cluster. Each manager's log shows every request it got: none refused (a credential
// of one cluster sent to the other would be), and no write to the cluster that lost nothing. With a
// cluster down, the others are still healed, and the drift check will not call the stack in sync.
// A federated service is deployed once, to its coordinator: the manager makes the replica on the member,
// and the provider heals what the manager does not (a lost replica) and deletes the replica it leaves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Mark } from '../../bench/manager-log';
import { CdktfProject } from '../support/cdktf-project';
import { ControlPlane } from '../support/control-plane';
import { tempDir, writeFdl } from '../support/fdl';

jest.setTimeout(900_000);

/** The names of the services a manager holds. */
const names = async (plane: ControlPlane) => ((await plane.oscar('GET', '/system/services')).json as { name: string }[]).map((s) => s.name).sort();
/** The writes a manager got since the mark, as `METHOD path status`. */
const writes = (mark: Mark) => mark.requests().filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`);
/** Expects a command to succeed, showing its output when it did not. */
const expectSuccess = (run: { status: number | null; output: string }): void =>
  expect({ status: run.status, output: run.status === 0 ? '' : run.output }).toEqual({ status: 0, output: '' });
/** The changes a drift check reports; expects it to find some (exit 2). */
const driftChanges = (project: CdktfProject) => {
  const drift = project.drift();
  expect(drift.status).toBe(2);
  return JSON.parse(drift.output).changes;
};

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

  test('each service lands on its cluster only; drift names the cluster of a deleted one; the redeploy creates it there alone', async () => {
    const { project, config } = twoClusterProject(FDL);
    const marks = { edge: Mark.at(edge.manager.logFile), cloud: Mark.at(cloud.manager.logFile) };

    // WHEN deployed
    const deploy = project.deploy(config);
    expectSuccess(deploy);

    // THEN each manager holds its own services, and nothing is left to change
    expect(await names(edge)).toEqual(['detect']);
    expect(await names(cloud)).toEqual(['detect', 'train']);
    expect(project.drift()).toMatchObject({ status: 0 });
    // (A credential of one cluster sent to the other would have been refused.)
    for (const mark of Object.values(marks)) expect(mark.requests().filter((r) => r.status === 401)).toEqual([]);

    // WHEN a service is deleted behind Terraform's back on one cluster
    await cloud.oscar('DELETE', '/system/services/train');
    expect(driftChanges(project)).toEqual([expect.objectContaining({ action: 'create', name: 'train', cluster: 'cloud' })]);

    // THEN the redeploy sends exactly one create, to that cluster
    const again = { edge: Mark.at(edge.manager.logFile), cloud: Mark.at(cloud.manager.logFile) };
    const redeploy = project.deploy(config);
    expectSuccess(redeploy);
    expect(writes(again.edge)).toEqual([]);
    expect(writes(again.cloud)).toEqual([expect.stringMatching(/^POST \/system\/services 20\d$/)]);
    expect(await names(cloud)).toEqual(['detect', 'train']);
    for (const mark of [...Object.values(marks), ...Object.values(again)]) expect(mark.requests().filter((r) => r.status === 401)).toEqual([]);

    // WHEN destroyed, THEN neither cluster keeps a service
    const destroy = project.destroy(config);
    expectSuccess(destroy);
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
    expectSuccess(down);
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
    expectSuccess(rerun);
    expect(((await cloud.oscar('GET', '/system/services/store')).json as { memory: string }).memory).toBe('512Mi');
    expect(project.drift()).toMatchObject({ status: 0 });
    expect(project.destroy(config)).toMatchObject({ status: 0 });
    expect([await names(edge), await names(cloud)]).toEqual([[], []]);
  });
});

describe('a federated service across two OSCAR clusters', () => {
  let hub: ControlPlane;
  let edge: ControlPlane;
  // The coordinator forwards its caller's basic-auth header to the members: the managers share the admin's password.
  const password = `federation-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    [hub, edge] = await Promise.all([0, 1].map(() => ControlPlane.start({ manager: { env: { OSCAR_PASSWORD: password } } })));
  });

  afterAll(async () => {
    await Promise.all([hub?.stop(), edge?.stop()]);
  });

  /** The replica as its member's manager holds it, without what the manager generates anew for each service. */
  const replica = async () => {
    const res = await edge.oscar('GET', '/system/services/detect-edge');
    expect(res.status).toBe(200);
    const { token: _token, ...held } = res.json as Record<string, unknown>;
    return held;
  };

  test('deployed to its coordinator; a lost replica made again as the manager made it; members leave and join; destroy leaves none', async () => {
    const fdl = writeFdl(`functions:
  oscar:
  - hub:
      name: detect
      image: ghcr.io/grycap/cowsay
      script: script.sh
      environment:
        secrets: {refresh_token: placeholder}
      federation:
        topology: star
        members:
        - {type: oscar, cluster_id: edge, service_name: detect-edge}
clusters:
  edge: {endpoint: "${edge.manager.endpoint}", ssl_verify: false}
`);
    const config = path.join(path.dirname(fdl), 'deployment.yaml');
    fs.writeFileSync(config, ['services:', '  fdl: [service.yaml]', '  clusters:',
      ...Object.entries({ hub, edge }).map(([id, { manager }]) => `    ${id}: {endpoint: "${manager.endpoint}", username: ${manager.username}}`),
      ''].join('\n'));
    const project = new CdktfProject(tempDir(), {
      TF_VAR_oscar__hub__password: password, TF_VAR_oscar__edge__password: password, TF_VAR_detect__refresh_token: 'not-a-real-token',
    });

    // WHEN deployed, THEN the coordinator holds the service, the member the replica the manager made, and nothing is left to change
    const deploy = project.deploy(config);
    expectSuccess(deploy);
    expect([await names(hub), await names(edge)]).toEqual([['detect'], ['detect-edge']]);
    const made = await replica();
    expect(made).toMatchObject({ cluster_id: 'edge', federation: { group_id: 'detect', topology: 'star' },
      annotations: { 'oscar.grycap/origin-cluster': 'hub', 'oscar.grycap/origin-service': 'detect' } });
    expect(project.drift()).toMatchObject({ status: 0 });

    // WHEN the member loses its replica (the manager never recreates it)
    await edge.oscar('DELETE', '/system/services/detect-edge');
    // THEN the drift check reports the coordinator's service, on its cluster
    expect(driftChanges(project)).toEqual([expect.objectContaining({ action: 'update', name: 'detect', cluster: 'hub' })]);

    // ... and the redeploy recreates the replica alone, as the manager made it, leaving the coordinator's service untouched
    const marks = { hub: Mark.at(hub.manager.logFile), edge: Mark.at(edge.manager.logFile) };
    const heal = project.deploy(config);
    expectSuccess(heal);
    expect(heal.output.replace(/\s+/g, ' ')).toContain('OSCAR service "detect" has lost federation replicas');
    expect(writes(marks.hub)).toEqual([]);
    expect(writes(marks.edge)).toEqual([expect.stringMatching(/^POST \/system\/services 20\d$/)]);
    expect(await replica()).toEqual(made);
    expect(project.drift()).toMatchObject({ status: 0 });

    // WHEN the coordinator's service changes, THEN the manager updates the replica, and the plan after is empty
    fs.writeFileSync(fdl, fs.readFileSync(fdl, 'utf8').replace('      script: script.sh\n', '      script: script.sh\n      memory: 512Mi\n'));
    const update = project.deploy(config);
    expectSuccess(update);
    expect(await replica()).toEqual({ ...made, memory: '512Mi' });
    expect(project.drift()).toMatchObject({ status: 0 });

    // WHEN the member leaves the federation, THEN its replica goes (the manager's update leaves it)
    const federated = fs.readFileSync(fdl, 'utf8');
    const federation = / {6}federation:\n(?: {8}.*\n)+/;
    expect(federated).toMatch(federation);
    fs.writeFileSync(fdl, federated.replace(federation, ''));
    expect(project.deploy(config)).toMatchObject({ status: 0 });
    expect([await names(hub), await names(edge)]).toEqual([['detect'], []]);
    // WHEN it joins again, THEN its replica is made (the manager's update makes none), and nothing is left to change
    fs.writeFileSync(fdl, federated);
    expect(project.deploy(config)).toMatchObject({ status: 0 });
    expect(await replica()).toEqual({ ...made, memory: '512Mi' });
    expect(project.drift()).toMatchObject({ status: 0 });

    // WHEN destroyed, THEN neither cluster keeps the service or its replica (the manager alone would leave the replica)
    const destroy = project.destroy(config);
    expectSuccess(destroy);
    expect([await names(hub), await names(edge)]).toEqual([[], []]);
  });
});
