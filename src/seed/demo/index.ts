import { SeedPart } from '../seed-part';
import { bookingsSeed } from './bookings.seed';
import { feesSeed } from './fees.seed';
import { historySeed } from './history.seed';
import { organisationsSeed } from './organisations.seed';
import { seasonsSeed } from './seasons.seed';
import { usersSeed } from './users.seed';
import { venuesSeed } from './venues.seed';

/** The Ås demo, in the order its parts depend on each other. Later features append their parts. */
export const DEMO_PARTS: SeedPart[] = [
  usersSeed,
  venuesSeed,
  organisationsSeed,
  feesSeed,
  bookingsSeed,
  seasonsSeed,
  historySeed,
];
