import { describe, expect, it } from '@jest/globals';
import {
  altField,
  applicationBody,
  backwards,
  draftOf,
  edited,
  emptyDraft,
  MAX_ALTERNATIVES,
} from './season-form';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

const sent = form({
  organisationId: 'org',
  title: ' Håndball J12 ',
  ageGroup: 'children',
  expectedParticipants: '16',
  sessionsPerWeek: '2',
  alternatives: '2',
  [altField(0, 'key')]: '4',
  [altField(0, 'room')]: 'A',
  [altField(0, 'weekday')]: '1',
  [altField(0, 'from')]: '17:00',
  [altField(0, 'to')]: '18:30',
  [altField(1, 'key')]: '7',
  [altField(1, 'room')]: 'B',
  [altField(1, 'weekday')]: '3',
  [altField(1, 'from')]: '18:00',
  [altField(1, 'to')]: '17:00',
});

describe('the season application form', () => {
  it('reads the alternatives a form sent, in their order', () => {
    const d = draftOf(sent);
    expect(d.title).toBe('Håndball J12');
    expect(d.alternatives.map((a) => [a.key, a.roomId, a.weekday])).toEqual([
      [4, 'A', '1'],
      [7, 'B', '3'],
    ]);
    expect(backwards(d)).toEqual([1]);
  });

  it('moves an alternative up or down, keeping each its key, and not past either end', () => {
    const d = draftOf(sent);
    expect(edited(d, 'down:0')!.alternatives.map((a) => a.key)).toEqual([7, 4]);
    expect(edited(d, 'up:1')!.alternatives.map((a) => a.key)).toEqual([7, 4]);
    expect(edited(d, 'up:0')!.alternatives.map((a) => a.key)).toEqual([4, 7]);
    expect(edited(d, 'down:1')!.alternatives.map((a) => a.key)).toEqual([4, 7]);
  });

  it('adds one like the last (weekday and time, no room) with a new key, up to the most allowed', () => {
    const d = edited(draftOf(sent), 'add')!;
    expect(d.alternatives[2]).toEqual({ key: 8, roomId: '', weekday: '3', from: '18:00', to: '17:00' });
    let many = emptyDraft();
    for (let i = 0; i < 20; i++) many = edited(many, 'add')!;
    expect(many.alternatives).toHaveLength(MAX_ALTERNATIVES);
  });

  it('removes one, but always keeps a field to fill in', () => {
    const d = draftOf(sent);
    expect(edited(d, 'remove:0')!.alternatives.map((a) => a.key)).toEqual([7]);
    expect(edited(edited(d, 'remove:0')!, 'remove:0')!.alternatives).toHaveLength(1);
    expect(edited(d, 'send')).toBeNull();
  });

  it('sends the alternatives in order as the API takes them', () => {
    expect(applicationBody(draftOf(sent), 'season')).toEqual({
      seasonId: 'season',
      organisationId: 'org',
      title: 'Håndball J12',
      ageGroup: 'children',
      expectedParticipants: 16,
      sessionsPerWeek: 2,
      preferences: [
        { roomId: 'A', weekday: 1, startTime: '17:00', endTime: '18:30' },
        { roomId: 'B', weekday: 3, startTime: '18:00', endTime: '17:00' },
      ],
    });
  });
});
