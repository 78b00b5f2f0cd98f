// Types of generate-oscar-bindings.js, for the test that compares the committed bindings with the schema.

/** `tofu providers schema -json` output. */
export type ProviderSchemaJson = { provider_schemas: Record<string, unknown> } & Record<string, unknown>;

/** Where the bindings are committed: src/providers/oscar. */
export declare const TARGET: string;
/** Builds the provider from provider/ into dir. */
export declare function buildProvider(dir: string): void;
/** The schema of the provider binary in providerDir, read with OpenTofu. */
export declare function providerSchema(providerDir: string): ProviderSchemaJson;
/** Writes the bindings generated from schema into outDir, replacing it. */
export declare function generateBindings(schema: ProviderSchemaJson, outDir: string): Promise<void>;
