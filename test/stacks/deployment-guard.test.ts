import * as fs from 'node:fs';
import * as path from 'node:path';
import { TerraformResource, TerraformStack, TerraformVariable, Testing } from '../../src/private/cdktf';
import { DeploymentGuard, type DeploymentGuardProps } from '../../src/stacks/deployment-guard';
import { tempDir } from '../support/fdl';

/** A stack with a resource and the guard; the guard's synthesized resource and variable. */
function guarded(props: DeploymentGuardProps | ((stack: TerraformStack) => DeploymentGuardProps)) {
  const stack = new TerraformStack(Testing.app(), 'services');
  new TerraformResource(stack, 'service', { terraformResourceType: 'terraform_data' });
  const guard = new DeploymentGuard(stack, 'deployment', typeof props === 'function' ? props(stack) : props);
  const json = JSON.parse(Testing.synth(stack));
  return { guard, json, resource: json.resource.terraform_data.deployment, variable: json.variable.deployment_state_check };
}

describe('DeploymentGuard', () => {
  test('a terraform_data resource at a fixed address whose input is the deployment, kept as first written', () => {
    // WHEN
    const { guard, resource } = guarded({ deployment: 'lab' });
    // THEN
    expect(guard.address).toBe('terraform_data.deployment');
    expect(resource.input).toEqual({ deployment: 'lab' });
    expect(resource.lifecycle).toEqual({ ignore_changes: ['input'] });
  });

  test('no construct path for the cdktf CLI to append to the address in its log lines (the hint stays a command)', () => {
    const { resource } = guarded({ deployment: 'lab' });
    expect(resource['//']?.metadata).toBeUndefined();
  });

  test('a variable that is never set, whose validation rule compares the recorded deployment with this one', () => {
    // WHEN
    const { variable } = guarded({ deployment: 'lab' });
    // THEN
    expect(variable).toMatchObject({ type: 'string', default: '' });
    expect(variable.validation).toEqual([{
      condition: '${var.deployment_state_check == "" && try(terraform_data.deployment.input.deployment, "") == "lab"}',
      error_message: expect.any(String),
    }]);
  });

  test('the message names the state\'s deployment and this one, the config file, and the way out', () => {
    // WHEN
    const { variable } = guarded({ deployment: 'lab', configFile: 'config/lab.yaml', terraformBinary: 'tofu' });
    // THEN
    const message: string = variable.validation[0].error_message;
    expect(message).toMatch(/^The services state was written for deployment "\$\{try\(terraform_data\.deployment\.input\.deployment, ""\)\}", not for this config's deployment "lab" \(config\/lab\.yaml\); nothing was changed\. Fix: /);
    expect(message).toContain('`tofu state rm terraform_data.deployment` in cdktf.out/stacks/services and deploy again.');
  });

  test('the binary in the hint is TERRAFORM_BINARY_NAME, else terraform; behind the package\'s wrapper, the one it runs', () => {
    const hint = (env: Record<string, string | undefined>) => {
      const names = ['TERRAFORM_BINARY_NAME', 'OSCAR_TERRAFORM_BINARY'];
      const saved = names.map((n) => process.env[n]);
      names.forEach((n) => {
        if (env[n] === undefined) delete process.env[n];
        else process.env[n] = env[n];
      });
      try {
        return guarded({ deployment: 'lab' }).variable.validation[0].error_message as string;
      } finally {
        names.forEach((n, i) => {
          if (saved[i] === undefined) delete process.env[n];
          else process.env[n] = saved[i];
        });
      }
    };
    expect(hint({ TERRAFORM_BINARY_NAME: 'tofu' })).toContain('`tofu state rm');
    expect(hint({})).toContain('`terraform state rm');
    expect(hint({ TERRAFORM_BINARY_NAME: '/work/p/bin/oscar-cdktf-terraform', OSCAR_TERRAFORM_BINARY: 'tofu' })).toContain('`tofu state rm');
    expect(hint({ TERRAFORM_BINARY_NAME: 'oscar-cdktf-terraform' })).toContain('`terraform state rm');
  });

  test('a literal OSCAR endpoint is compared without its trailing slash, as a quoted string', () => {
    // WHEN
    const { resource, variable } = guarded({ deployment: 'lab', oscarEndpoint: 'https://oscar.example.org/' });
    // THEN
    expect(resource.input).toEqual({ deployment: 'lab', oscar: 'https://oscar.example.org' });
    expect(variable.validation[0].condition).toBe('${var.deployment_state_check == "" && try(terraform_data.deployment.input.deployment, "") == "lab"'
      + ' && try(terraform_data.deployment.input.oscar, "") == "https://oscar.example.org"}');
    expect(variable.validation[0].error_message).toContain('not for this config\'s deployment "lab" (OSCAR https://oscar.example.org);');
  });

  test('an endpoint from a variable is compared as an expression, which a local holds', () => {
    // WHEN
    const { resource, variable, json } = guarded((stack) => ({
      deployment: 'lab', oscarEndpoint: new TerraformVariable(stack, 'oscar_endpoint', { type: 'string' }).stringValue,
    }));
    // THEN
    expect(json.locals.deployment_oscar).toBe('${trimsuffix(var.oscar_endpoint, "/")}');
    expect(resource.input.oscar).toBe('${local.deployment_oscar}');
    expect(variable.validation[0].condition).toMatch(/ && try\(terraform_data\.deployment\.input\.oscar, ""\) == local\.deployment_oscar\}$/);
    expect(variable.validation[0].error_message).toContain('(OSCAR ${local.deployment_oscar})');
  });

  test('template sequences in the message\'s literals are escaped', () => {
    const { variable } = guarded({ deployment: 'lab', configFile: '%{y}/${x}.yaml' });
    expect(variable.validation[0].error_message).toContain('(%%{y}/$ {x}.yaml)');
  });

  describe('recordedIn', () => {
    const write = (state: unknown) => {
      const file = path.join(tempDir(), 'services.tfstate');
      fs.writeFileSync(file, JSON.stringify(state));
      return file;
    };
    const guardState = (value: unknown, name = 'deployment') => ({ version: 4, resources: [
      { mode: 'managed', type: 'terraform_data', name, instances: [{ attributes: { input: { value }, output: { value } } }] }] });

    test('the deployment and OSCAR of a state\'s guard', () => {
      expect(DeploymentGuard.recordedIn(write(guardState({ deployment: 'prod', oscar: 'https://o' })), 'deployment'))
        .toEqual({ deployment: 'prod', oscar: 'https://o' });
    });

    test('undefined for a missing file, a state without a guard, or a guard of another id', () => {
      expect(DeploymentGuard.recordedIn(path.join(tempDir(), 'none.tfstate'), 'deployment')).toBeUndefined();
      expect(DeploymentGuard.recordedIn(write({ version: 4, resources: [] }), 'deployment')).toBeUndefined();
      expect(DeploymentGuard.recordedIn(write(guardState({ deployment: 'prod' }, 'other')), 'deployment')).toBeUndefined();
    });
  });
});
