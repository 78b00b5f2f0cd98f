// How the platform gets each of its swappable components: installed here, one the cluster already
// runs, or none. One value class per component, in the form of RwxStorage and CertificateIssuer.
import type { GatewayRef } from './cert-manager';
import type { KnativeServingOptions } from './knative-serving';
import type { ExistingMinioOptions, MinioOptions } from './minio';
import type { TraefikOptions } from './traefik';

/** The MinIO the OSCAR manager uses. */
export class MinioChoice {
  /** MinIO installed by the platform (its Helm chart). */
  static install(options: MinioOptions = {}): MinioChoice {
    return new MinioChoice(options, undefined);
  }

  /** A MinIO that already runs; its root password comes from `TF_VAR_minio_root_password`. */
  static existing(options: ExistingMinioOptions): MinioChoice {
    return new MinioChoice(undefined, options);
  }

  private constructor(
    /** Settings of the MinIO installed here; undefined for an existing one. */
    readonly installOptions: MinioOptions | undefined,
    /** Where the existing MinIO is; undefined when it is installed here. */
    readonly existingOptions: ExistingMinioOptions | undefined,
  ) {}
}

/** Knative Serving, which serves synchronous invocations (`/run`). */
export class KnativeChoice {
  /** Knative Serving installed by the platform (the Knative Operator, then its KnativeServing resource). */
  static install(options: KnativeServingOptions = {}): KnativeChoice {
    return new KnativeChoice(true, options);
  }

  /** Knative Serving the cluster already runs. */
  static existing(): KnativeChoice {
    return new KnativeChoice(true, undefined);
  }

  /** No Knative: services run as plain Jobs, with no `/run` endpoint. */
  static none(): KnativeChoice {
    return new KnativeChoice(false, undefined);
  }

  private constructor(
    /** Whether the cluster serves Knative, so the manager uses it. */
    readonly enabled: boolean,
    /** Settings of the Knative installed here; undefined when none is installed here. */
    readonly installOptions: KnativeServingOptions | undefined,
  ) {}
}

/** The Gateway that routes OSCAR's host name (and exposed services) into the cluster. */
export class GatewayChoice {
  /** Traefik installed by the platform as the Gateway (it needs the Gateway API CRDs: `gatewayApiCrds`). */
  static traefik(options: TraefikOptions): GatewayChoice {
    return new GatewayChoice(options, undefined);
  }

  /** A Traefik Gateway that already runs (the manager writes Traefik Middlewares). */
  static existing(gateway: GatewayRef): GatewayChoice {
    return new GatewayChoice(undefined, gateway);
  }

  /** No Gateway: OSCAR is reached inside the cluster (or port-forwarded). */
  static none(): GatewayChoice {
    return new GatewayChoice(undefined, undefined);
  }

  private constructor(
    /** Settings of the Traefik installed here; undefined otherwise. */
    readonly traefikOptions: TraefikOptions | undefined,
    /** The existing Gateway; undefined otherwise. */
    readonly existingGateway: GatewayRef | undefined,
  ) {}

  /** Whether any Gateway routes requests. */
  get routes(): boolean {
    return this.traefikOptions !== undefined || this.existingGateway !== undefined;
  }
}
