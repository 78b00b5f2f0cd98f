import { fromOption, ValidationError } from '../src/errors';

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
