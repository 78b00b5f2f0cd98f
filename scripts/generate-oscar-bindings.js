#!/usr/bin/env node
// Regenerates the cdktf bindings of the project's OSCAR provider (src/providers/oscar) from the schema
// of the provider built from provider/: go build, `tofu providers schema -json` through a dev_overrides
// CLI config, then @cdktf/provider-generator, the generator `cdktf get` and the prebuilt
// @cdktf/provider-* packages use. Plain JavaScript, because the bindings are an input of the
// TypeScript build.
//   usage: node scripts/generate-oscar-bindings.js        (or: npm run bindings:oscar)
// test/providers/oscar-bindings.test.ts fails when the committed bindings differ from what this writes.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const TARGET = path.join(ROOT, 'src', 'providers', 'oscar');
const SOURCE = 'oscar-cdktf/oscar';

/** OpenTofu: $TOFU, else the binary testenv/build.sh builds at the pinned version, else `tofu` on PATH. */
function tofuBinary() {
  if (process.env.TOFU) return process.env.TOFU;
  const versions = fs.readFileSync(path.join(ROOT, 'testenv', 'versions.env'), 'utf8');
  const version = /^OPENTOFU_VERSION=(\S+)$/m.exec(versions)?.[1];
  const cache = process.env.OSCAR_CDKTF_CACHE ?? path.join(os.homedir(), '.cache', 'oscar-cdktf');
  const built = path.join(cache, 'tofu', version ?? '', 'tofu');
  return fs.existsSync(built) ? built : 'tofu';
}

/** Builds the provider into dir (the Go build cache makes a rebuild of unchanged sources quick). */
function buildProvider(dir) {
  execFileSync('go', ['build', '-trimpath', '-o', path.join(dir, 'terraform-provider-oscar'), '.'], {
    cwd: path.join(ROOT, 'provider'),
    env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The provider's schema as `tofu providers schema -json` prints it, from the provider built in providerDir. */
function providerSchema(providerDir) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-schema-'));
  try {
    const cliConfig = path.join(work, 'tofurc');
    fs.writeFileSync(cliConfig, `provider_installation {\n  dev_overrides {\n    "${SOURCE}" = "${providerDir}"\n  }\n  direct {}\n}\n`);
    fs.writeFileSync(path.join(work, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { oscar: { source: SOURCE } } } }));
    const out = execFileSync(tofuBinary(), ['providers', 'schema', '-json'], {
      cwd: work,
      env: { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1' },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    return JSON.parse(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes the bindings of the oscar provider in schema into outDir (which it replaces), as `cdktf get`
 * does for `"terraformProviders": ["oscar-cdktf/oscar"]`: the bindings name the provider by that
 * host-less source, so Terraform and OpenTofu each resolve it on their own registry (and one
 * dev_overrides entry serves both).
 */
async function generateBindings(schema, outDir) {
  // On load, @cdktf/commons runs `$TERRAFORM_BINARY_NAME version -json` and calls HashiCorp's
  // checkpoint service; make the first the same CLI, quiet, and skip the second.
  process.env.TERRAFORM_BINARY_NAME ??= tofuBinary();
  process.env.CHECKPOINT_DISABLE ??= '1';
  if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) process.env.TF_CLI_CONFIG_FILE = os.devNull;
  // The package's index also loads `cdktf get`'s JSII packaging (jsii-pacmak, not needed for TypeScript),
  // so the generator is taken from its module.
  const { TerraformProviderGenerator } = require('@cdktf/provider-generator/lib/get/generator/provider-generator');
  const { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } = require('@cdktf/commons');
  const { CodeMaker } = require('codemaker');

  // `cdktf get` sees the schema under Terraform's registry host; OpenTofu reports its own.
  const [address, providerSchema] = Object.entries(schema.provider_schemas).find(([fqpn]) => fqpn.endsWith(`/${SOURCE}`)) ?? [];
  if (!address) throw new Error(`the schema has no provider ${SOURCE}: ${Object.keys(schema.provider_schemas).join(', ')}`);
  const asCdktfGetSeesIt = { ...schema, provider_schemas: { [`registry.terraform.io/${SOURCE}`]: providerSchema } };

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-bindings-'));
  try {
    const code = new CodeMaker();
    new TerraformProviderGenerator(code, asCdktfGetSeesIt).generate(
      new ConstructsMakerProviderTarget(new TerraformProviderConstraint(SOURCE), LANGUAGES[0]));
    await code.save(work);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.cpSync(path.join(work, 'providers', 'oscar'), outDir, { recursive: true });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const providerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-provider-'));
  try {
    buildProvider(providerDir);
    await generateBindings(providerSchema(providerDir), TARGET);
  } finally {
    fs.rmSync(providerDir, { recursive: true, force: true });
  }
  console.log(`wrote ${path.relative(ROOT, TARGET)}`);
}

module.exports = { buildProvider, providerSchema, generateBindings, TARGET };

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
