// The control-plane components live in src/sandbox (the sandbox command and the provider's acceptance
// tests start the same plane); tests import them from here.
export { ControlPlane, Etcd, freePort, type KeycloakServer, KubeApiServer, MinioServer, OscarManagerServer } from '../../src/sandbox';
