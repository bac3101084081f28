import { describe, expect, it } from 'vitest';
import {
  allNames,
  hiddenAmong,
  isShown,
  noNames,
  sameFilter,
  setShown,
  showsAll,
} from '../../../client/src/view/name-filter.ts';

describe('name filter', () => {
  it('when everything is shown, a name never seen before is shown', () => {
    expect(isShown(allNames, 'NEW_TYPE')).toBe(true);
  });

  it('when "none" was chosen, a name that arrives later stays hidden', () => {
    const onlySanctions = setShown(noNames, 'SANCTIONS', true);
    expect(isShown(onlySanctions, 'SANCTIONS')).toBe(true);
    expect(isShown(onlySanctions, 'HOLDS_OFFICE')).toBe(false);
  });

  it('when a name is unticked from "all", only that name is hidden', () => {
    const filter = setShown(allNames, 'VISITED', false);
    expect(hiddenAmong(filter, ['VISITED', 'MET_WITH', 'URGED'])).toEqual(['VISITED']);
    expect(showsAll(filter)).toBe(false);
  });

  it('when a name is ticked again, the filter is the default again', () => {
    expect(sameFilter(setShown(setShown(allNames, 'VISITED', false), 'VISITED', true), allNames)).toBe(true);
    expect(showsAll(setShown(setShown(allNames, 'A', false), 'A', true))).toBe(true);
  });

  it('when the same name is set twice, it is listed once', () => {
    const filter = setShown(setShown(noNames, 'A', true), 'A', true);
    expect(filter).toEqual({ only: ['A'] });
  });

  it.each([
    [allNames, noNames, false],
    [{ except: ['A'] }, { except: ['A'] }, true],
    [{ only: ['A'] }, { only: ['B'] }, false],
  ])('when comparing %j and %j, says %s', (a, b, same) => {
    expect(sameFilter(a, b)).toBe(same);
  });
});
