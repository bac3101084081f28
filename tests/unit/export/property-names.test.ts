import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyKey, propertyName } from '../../../server/domain/export/property-names.ts';

const structural = ['Id', 'Source', 'Target', 'Kind'];

describe('propertyKey', () => {
  it.each([
    ['name', 'name'],
    ['id', 'property.id'],
    ['ID', 'property.ID'],
    [' source ', 'property. source '],
    ['kind', 'property.kind'],
    ['property.x', 'property.property.x'],
    ['properties', 'properties'],
    ['', ''],
  ])('when the property is %j, it is written as %j', (name, key) => {
    expect(propertyKey(name, structural)).toBe(key);
  });

  it('when any name is written, it reads back as itself and never as a structural field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('id', 'Kind', 'property.', 'property.kind')), (name) => {
        const key = propertyKey(name, structural);
        expect(propertyName(key)).toBe(name);
        expect(structural.map((field) => field.toLowerCase())).not.toContain(key.trim().toLowerCase());
      }),
    );
  });
});
