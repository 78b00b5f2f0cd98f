import { Construct } from 'constructs';
import {
  DataAwsAvailabilityZones,
  Eip,
  Fn,
  InternetGateway,
  NatGateway,
  Route,
  RouteTable,
  RouteTableAssociation,
  Subnet,
  Token,
  Vpc,
} from '../private/cdktf';
import { ValidationError } from '../errors';

/** A new VPC for the cluster. */
export interface NewVpcOptions {
  /**
   * VPC address range; split into a public and a private subnet per availability zone.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Availability zones to spread subnets (and so nodes) over; EKS needs at least two.
   * @default 2
   */
  readonly availabilityZones?: number;
}

/** Subnets of a VPC that already exists. */
export interface ExistingVpcOptions {
  /** Private subnets for the control plane's network interfaces and the nodes, in at least two zones. */
  readonly privateSubnetIds: readonly string[];
}

/** Where the cluster's network comes from: a VPC created here, or existing subnets. */
export class EksNetwork {
  /** A new VPC with public subnets (NAT, load balancers) and private subnets (nodes). */
  static newVpc(options: NewVpcOptions = {}): EksNetwork {
    const cidr = options.cidr ?? '10.0.0.0/16';
    const zones = options.availabilityZones ?? 2;
    const m = /^(\d{1,3}\.){3}\d{1,3}\/(\d{1,2})$/.exec(cidr);
    if (!Token.isUnresolved(cidr) && (!m || Number(m[2]) > 20 || Number(m[2]) < 16)) {
      throw new ValidationError('EksNetwork.newVpc', 'cidr', `'${cidr}' is not an IPv4 range from /16 to /20`,
        'give a range such as "10.0.0.0/16"; each zone gets two subnets 4 bits smaller');
    }
    if (Token.isUnresolved(zones)) {
      throw new ValidationError('EksNetwork.newVpc', 'availabilityZones', 'is a Terraform token',
        'give the number of zones as a literal: it decides how many subnets are created');
    }
    if (!Number.isInteger(zones) || zones < 2 || zones > 8) {
      throw new ValidationError('EksNetwork.newVpc', 'availabilityZones', `${zones} is outside 2..8`, 'EKS needs subnets in at least two zones; use 2 or 3');
    }
    return new EksNetwork({ kind: 'new', cidr, zones });
  }

  /** Subnets of an existing VPC. */
  static existingVpc(options: ExistingVpcOptions): EksNetwork {
    const ids = options.privateSubnetIds;
    if (!Token.isUnresolved(ids) && !ids.some((id) => Token.isUnresolved(id)) && ids.length < 2) {
      throw new ValidationError('EksNetwork.existingVpc', 'privateSubnetIds', `has ${ids.length} subnet(s)`,
        'give private subnets in at least two availability zones, as EKS requires');
    }
    return new EksNetwork({ kind: 'existing', subnetIds: [...ids] });
  }

  private constructor(readonly spec: { kind: 'new'; cidr: string; zones: number } | { kind: 'existing'; subnetIds: string[] }) {}

  /** @internal Creates the network (if new) under `scope`; returns the private subnet ids. */
  _bind(scope: Construct, clusterName: string): string[] {
    if (this.spec.kind === 'existing') return this.spec.subnetIds;
    return new EksVpc(scope, 'Vpc', { clusterName, cidr: this.spec.cidr, zones: this.spec.zones }).privateSubnetIds;
  }
}

/** The VPC EksNetwork.newVpc() creates: one NAT gateway, public and private subnets per zone. */
class EksVpc extends Construct {
  readonly privateSubnetIds: string[] = [];

  constructor(scope: Construct, id: string, props: { clusterName: string; cidr: string; zones: number }) {
    super(scope, id);
    const clusterTag = { [`kubernetes.io/cluster/${props.clusterName}`]: 'shared' };
    const vpc = new Vpc(this, 'Resource', {
      cidrBlock: props.cidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: props.clusterName },
    });
    const zones = new DataAwsAvailabilityZones(this, 'Zones', { state: 'available' });
    const igw = new InternetGateway(this, 'InternetGateway', { vpcId: vpc.id, tags: { Name: props.clusterName } });
    const publicRoutes = new RouteTable(this, 'PublicRoutes', { vpcId: vpc.id, tags: { Name: `${props.clusterName}-public` } });
    new Route(this, 'PublicDefaultRoute', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });

    const publicSubnetIds: string[] = [];
    for (let i = 0; i < props.zones; i++) {
      const zone = Fn.element(zones.names, i);
      const pub = new Subnet(this, `Public${i}`, {
        vpcId: vpc.id,
        availabilityZone: zone,
        cidrBlock: Fn.cidrsubnet(props.cidr, 4, props.zones + i),
        mapPublicIpOnLaunch: true,
        tags: { Name: `${props.clusterName}-public-${i}`, 'kubernetes.io/role/elb': '1', ...clusterTag },
      });
      new RouteTableAssociation(this, `Public${i}Routes`, { subnetId: pub.id, routeTableId: publicRoutes.id });
      publicSubnetIds.push(pub.id);
    }

    // One NAT gateway keeps the cost down; nodes lose egress only if its zone fails.
    const natIp = new Eip(this, 'NatIp', { domain: 'vpc', tags: { Name: props.clusterName } });
    const nat = new NatGateway(this, 'Nat', { allocationId: natIp.id, subnetId: publicSubnetIds[0], tags: { Name: props.clusterName }, dependsOn: [igw] });
    const privateRoutes = new RouteTable(this, 'PrivateRoutes', { vpcId: vpc.id, tags: { Name: `${props.clusterName}-private` } });
    new Route(this, 'PrivateDefaultRoute', { routeTableId: privateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    for (let i = 0; i < props.zones; i++) {
      const priv = new Subnet(this, `Private${i}`, {
        vpcId: vpc.id,
        availabilityZone: Fn.element(zones.names, i),
        cidrBlock: Fn.cidrsubnet(props.cidr, 4, i),
        tags: { Name: `${props.clusterName}-private-${i}`, 'kubernetes.io/role/internal-elb': '1', ...clusterTag },
      });
      new RouteTableAssociation(this, `Private${i}Routes`, { subnetId: priv.id, routeTableId: privateRoutes.id });
      this.privateSubnetIds.push(priv.id);
    }
  }
}
