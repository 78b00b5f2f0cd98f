// The Terraform or OpenTofu binary the cdktf CLI runs, as users name it in messages.
import * as path from 'node:path';

/** The file name of the package's wrapper (`bin/oscar-cdktf-terraform`), which runs OSCAR_TERRAFORM_BINARY. */
export const TERRAFORM_WRAPPER = 'oscar-cdktf-terraform';

/**
 * The binary a user types for a command the cdktf CLI would run: TERRAFORM_BINARY_NAME (as the CLI
 * reads it; 'terraform' when unset), or OSCAR_TERRAFORM_BINARY when that is the package's wrapper.
 */
export function terraformBinaryName(env: NodeJS.ProcessEnv = process.env): string {
  const binary = env.TERRAFORM_BINARY_NAME || 'terraform';
  return path.basename(binary) === TERRAFORM_WRAPPER ? env.OSCAR_TERRAFORM_BINARY || 'terraform' : binary;
}
