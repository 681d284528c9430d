import { RoomTree } from './room-tree';

// Åshallen: the hall, split in halves, the first half in two courts.
const tree = new RoomTree([
  { id: 'hall', parentRoomId: null },
  { id: 'half1', parentRoomId: 'hall' },
  { id: 'half2', parentRoomId: 'hall' },
  { id: 'courtA', parentRoomId: 'half1' },
  { id: 'courtB', parentRoomId: 'half1' },
  { id: 'gym', parentRoomId: null },
]);

const clashes = (a: string, b: string): boolean => tree.clashSet(a).includes(b);

describe('rooms and sections', () => {
  it('makes a room clash with itself, its ancestors and descendants, at any depth', () => {
    expect(tree.clashSet('courtA').sort()).toEqual(['courtA', 'half1', 'hall']);
    expect(tree.clashSet('hall').sort()).toEqual(['courtA', 'courtB', 'half1', 'half2', 'hall']);
  });

  it('does not make siblings clash, nor rooms in other trees', () => {
    expect(clashes('courtA', 'courtB')).toBe(false);
    expect(clashes('half1', 'half2')).toBe(false);
    expect(clashes('courtA', 'half2')).toBe(false);
    expect(clashes('gym', 'hall')).toBe(false);
  });

  it('agrees with leaf intersection, which the database constraint uses', () => {
    const ids = ['hall', 'half1', 'half2', 'courtA', 'courtB', 'gym'];
    for (const a of ids) {
      for (const b of ids) {
        const share = tree.leaves(a).some((l) => tree.leaves(b).includes(l));
        expect({ a, b, clash: clashes(a, b) }).toEqual({ a, b, clash: share });
      }
    }
  });

  it('spots cycles', () => {
    expect(tree.wouldCycle('hall', 'courtA')).toBe(true);
    expect(tree.wouldCycle('hall', 'hall')).toBe(true);
    expect(tree.wouldCycle('courtA', 'half2')).toBe(false);
  });
});
