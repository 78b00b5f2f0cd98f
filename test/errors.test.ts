import { Construct } from 'constructs';
import { fromOption, settingPath, ValidationError } from '../src/errors';

const fail = (field: string) => (): never => {
  throw new ValidationError('Child', field, 'is wrong', 'fix it');
};

describe('fromOption', () => {
  test('an error names its field under each option it was passed down through, outermost first', () => {
    let caught: unknown;
    try {
      fromOption('platform', () => fromOption('gateway', () => fromOption('gatewayApiCrds', fail('manifestFile'))));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect([...(caught as ValidationError).optionPath, (caught as ValidationError).field]).toEqual(['platform', 'gateway', 'gatewayApiCrds', 'manifestFile']);
  });

  test('a field the caller passed from its own props stays the caller\'s', () => {
    let caught: ValidationError | undefined;
    try {
      fromOption('platform', () => fromOption('gateway', () => fromOption('tls.certManager', fail('email')), ['host', 'tls']));
    } catch (e) {
      caught = e as ValidationError;
    }
    expect([...caught!.optionPath, caught!.field].join('.')).toBe('platform.tls.certManager.email');
  });

  test('other errors pass through untouched', () => {
    const defect = new TypeError('a defect');
    expect(() => fromOption('platform', () => {
      throw defect;
    })).toThrow(defect);
  });
});

describe('settingPath', () => {
  test('a field of a construct made from options is named under them, as an error of that construct would be', () => {
    // GIVEN a tree made as the platform is: platform > gateway > tls.certManager, the caller keeping host and tls
    const root = new Construct(undefined as unknown as Construct, 'root');
    const platform = fromOption('platform', () => new Construct(root, 'Platform'));
    const gateway = fromOption('gateway', () => new Construct(platform, 'Gateway'), ['host', 'tls']);
    const certManager = fromOption('tls.certManager', () => new Construct(gateway, 'CertManager'));
    const plain = new Construct(gateway, 'Plain');
    // THEN
    // As fromOption names an error of it: tls is a setting the gateway's caller passed on.
    expect(settingPath(certManager, 'email')).toBe('platform.tls.certManager.email');
    expect(settingPath(gateway, 'serviceType')).toBe('platform.gateway.serviceType');
    expect(settingPath(gateway, 'tls.secretName')).toBe('platform.tls.secretName');
    expect(settingPath(plain, 'port')).toBe('platform.gateway.port');
    // Outside any option (a construct used directly): the prop itself.
    expect(settingPath(new Construct(root, 'Direct'), 'nodePort.address')).toBe('nodePort.address');
  });
});
