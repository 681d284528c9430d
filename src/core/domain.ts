/** The domain's vocabularies, as DESIGN.md names them. */

export const BUILDING_KINDS = ['school', 'culture', 'sports', 'other'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

export const ROOM_KINDS = [
  'gym',
  'hall',
  'classroom',
  'meeting_room',
  'auditorium',
  'kitchen',
  'music_room',
  'other',
] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const ORGANISATION_KINDS = [
  'voluntary',
  'sports',
  'study_association',
  'public',
  'commercial',
  'private',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const RENTER_CATEGORIES = ['nonprofit', 'public', 'commercial', 'private'] as const;
export type RenterCategory = (typeof RENTER_CATEGORIES)[number];

/** Voluntary, sports and study associations rent as nonprofits; the others as what they are. */
export function renterCategory(kind: OrganisationKind): RenterCategory {
  switch (kind) {
    case 'voluntary':
    case 'sports':
    case 'study_association':
      return 'nonprofit';
    case 'public':
      return 'public';
    case 'commercial':
      return 'commercial';
    case 'private':
      return 'private';
  }
}

/** Who an activity is for: children (up to 12), youth (13–19), adults, seniors (67+), or everyone. */
export const AGE_GROUPS = ['children', 'youth', 'adults', 'seniors', 'all_ages'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** ISO weekday, Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
