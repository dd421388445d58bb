import { describe, expect, it } from 'vitest';
import { ids, people, person } from './fixtures';
import { floorTakers, labelFor, listNames, nameFor, nameOf } from './people';

describe('people on the floor', () => {
  it('names people, "you" for yourself, and someone who left without an id', () => {
    expect(nameOf(people, ids.ana)).toBe('Ana');
    expect(nameOf(people, 'gone-0001')).toBe('Someone who left');
    expect(nameFor(people, ids.ana, ids.ana)).toBe('you');
    expect(labelFor(people, ids.ana, ids.ana)).toBe('Ana (you)');
    expect(labelFor(people, ids.bo, ids.ana)).toBe('Bo');
  });

  it('lists who takes the floor in join order, without observers or removed people (F3, RO5)', () => {
    const withRemoved = { ...people, 'rem-00001': { ...person('rem-00001', 'Rem', 0), removed: true } };
    expect(floorTakers(withRemoved).map((p) => p.displayName)).toEqual(['Facilitator', 'Ana', 'Bo', 'Cas']);
  });

  it('joins names in plain English', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['Ana'])).toBe('Ana');
    expect(listNames(['Ana', 'Bo'])).toBe('Ana and Bo');
    expect(listNames(['Ana', 'Bo', 'Cas'])).toBe('Ana, Bo and Cas');
  });
});
