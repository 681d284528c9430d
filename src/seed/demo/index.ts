import { SeedPart } from '../seed-part';
import { usersSeed } from './users.seed';

/** The Ås demo, in the order its parts depend on each other. Later features append their parts. */
export const DEMO_PARTS: SeedPart[] = [usersSeed];
