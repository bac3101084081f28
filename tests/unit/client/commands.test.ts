import { describe, expect, it } from 'vitest';
import { commandForKey, isEnabled, keyMatches, type Command, type KeyBinding } from '../../../client/src/commands.ts';

const press = (
  key: string,
  modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = {},
) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }) as KeyboardEvent;

describe('keyMatches', () => {
  it.each<[string, KeyBinding, KeyboardEvent, boolean, boolean]>([
    ['a plain key', { key: 'f' }, press('f'), false, true],
    ['another key', { key: 'f' }, press('g'), false, false],
    ['a plain key with Ctrl held', { key: 'f' }, press('f', { ctrlKey: true }), false, false],
    ['a plain key with Alt held', { key: 'f' }, press('f', { altKey: true }), false, false],
    ['Ctrl and the key', { key: 'z', mod: true }, press('z', { ctrlKey: true }), false, true],
    ['Cmd and the key', { key: 'z', mod: true }, press('z', { metaKey: true }), false, true],
    [
      'Ctrl and the key in upper case',
      { key: 'z', mod: true },
      press('Z', { ctrlKey: true, shiftKey: true }),
      false,
      true,
    ],
    ['the key without Ctrl for a Ctrl binding', { key: 'z', mod: true }, press('z'), false, false],
    [
      'Shift held where the binding says no Shift',
      { key: 'z', mod: true, shift: false },
      press('Z', { ctrlKey: true, shiftKey: true }),
      false,
      false,
    ],
    [
      'Shift held where the binding asks for it',
      { key: 'z', mod: true, shift: true },
      press('Z', { ctrlKey: true, shiftKey: true }),
      false,
      true,
    ],
    ['a canvas key off the canvas', { key: 'Delete', onCanvas: true }, press('Delete'), false, false],
    ['a canvas key on the canvas', { key: 'Delete', onCanvas: true }, press('Delete'), true, true],
  ])('when the binding meets %s, it matches: %s', (_case, binding, event, onCanvas, matches) => {
    expect(keyMatches(binding, event, onCanvas)).toBe(matches);
  });
});

describe('commandForKey', () => {
  const table: Command[] = [
    { id: 'fit', title: 'Fit', keys: [{ key: 'f' }], run: () => {} },
    { id: 'undo', title: 'Undo', keys: [{ key: 'z', mod: true, shift: false }], run: () => {} },
    {
      id: 'redo',
      title: 'Redo',
      keys: [
        { key: 'z', mod: true, shift: true },
        { key: 'y', mod: true },
      ],
      run: () => {},
    },
    { id: 'menu-only', title: 'Menu only', run: () => {} },
  ];

  it.each([
    ['f', press('f'), 'fit'],
    ['Ctrl+Z', press('z', { ctrlKey: true }), 'undo'],
    ['Ctrl+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['Ctrl+Y, its second key', press('y', { ctrlKey: true }), 'redo'],
  ])('when %s is pressed, the command is %s', (_key, event, id) => {
    expect(commandForKey(table, event, false)?.id).toBe(id);
  });

  it('when a key no command binds is pressed, there is no command', () => {
    expect(commandForKey(table, press('q'), false)).toBeUndefined();
  });
});

describe('isEnabled', () => {
  it('when a command has no condition, it is enabled', () => {
    expect(isEnabled({ id: 'a', title: 'A', run: () => {} })).toBe(true);
  });

  it.each([true, false])('when its condition says %s, so does isEnabled', (enabled) => {
    expect(isEnabled({ id: 'a', title: 'A', enabled: () => enabled, run: () => {} })).toBe(enabled);
  });
});
